// Sortable report tables: a header cell with data-urut-kunci="k" gets a button that sorts the body rows by
// their data-k attribute (numbers, or text for "nama"). Rows without a value go last. RATA-RATA (tfoot) stays.
(function () {
  "use strict";
  function nilai(row, kunci) {
    var v = row.getAttribute("data-" + kunci);
    if (v === null || v === "") return null;
    return kunci === "nama" ? v.toLowerCase() : parseFloat(v);
  }
  function urutkan(table, th, kunci) {
    var naik = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", naik ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = nilai(a, kunci), y = nilai(b, kunci);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      var c = x < y ? -1 : x > y ? 1 : 0;
      return naik ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.tabel-urut").forEach(function (table) {
    table.querySelectorAll("th[data-urut-kunci]").forEach(function (th) {
      var kunci = th.getAttribute("data-urut-kunci");
      var tombol = document.createElement("button");
      tombol.type = "button";
      tombol.className = "btn-urut";
      tombol.textContent = th.textContent;
      tombol.setAttribute("aria-label", "Urutkan menurut " + th.textContent.trim());
      th.textContent = "";
      th.appendChild(tombol);
      tombol.addEventListener("click", function () { urutkan(table, th, kunci); });
    });
  });
})();
