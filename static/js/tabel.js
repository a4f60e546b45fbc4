/* Tables wider than the screen: each table of the page sits in a box that scrolls
   sideways on its own, so the page itself never does. A box that does scroll gets a cue above it ("geser") and
   becomes focusable, so a keyboard can scroll it too (axe «scrollable-region-focusable»). A box the page already
   made a named, focusable region is left as the page wrote it, so each box is one tab stop, never two. */
(function () {
  "use strict";
  var cueText = document.documentElement.lang === "en" ? "Swipe the table sideways to see every column" :
    "Geser tabel ke samping untuk melihat semua kolom";
  function box(table) {
    var parent = table.parentElement;
    if (parent.classList.contains("table-responsive")) { return parent; }
    var wrap = document.createElement("div");
    wrap.className = "table-responsive";
    parent.insertBefore(wrap, table);
    wrap.appendChild(table);
    return wrap;
  }
  function mark() {
    document.querySelectorAll("main table").forEach(function (table) {
      var wrap = box(table);
      var wide = wrap.scrollWidth > wrap.clientWidth + 1;
      var cue = wrap.previousElementSibling;
      var hasCue = cue && cue.classList.contains("geser-petunjuk");
      if (wide && !hasCue) {
        cue = document.createElement("p");
        cue.className = "geser-petunjuk";
        cue.textContent = "\u2194 " + cueText;
        wrap.parentElement.insertBefore(cue, wrap);
      } else if (!wide && hasCue) {
        cue.remove();
      }
      wrap.classList.toggle("tabel-geser", wide);
      if (wrap.dataset.tabindexDariServer === undefined) {
        wrap.dataset.tabindexDariServer = wrap.hasAttribute("tabindex") ? "ya" : "tidak";
      }
      if (wrap.dataset.tabindexDariServer === "ya") {
        return; /* the page made this box a named, focusable region itself: keep it as it is */
      }
      if (wide) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = table.querySelector("caption");
        var label = table.getAttribute("aria-label") || (caption ? caption.textContent.trim() : cueText);
        wrap.setAttribute("aria-label", label);
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  mark();
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 100); });
})();
