/* The main menu's toggle on narrow screens, in place of Bootstrap's JavaScript bundle (80 KB for this alone).
   The button keeps Bootstrap's markup (data-bs-target); Bootstrap's CSS shows `.collapse.show`. */
(function () {
  "use strict";
  document.querySelectorAll("[data-bs-toggle=collapse]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-bs-target"));
    if (!target) { return; }
    button.addEventListener("click", function () {
      var open = target.classList.toggle("show");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.classList.toggle("collapsed", !open);
    });
  });
})();
