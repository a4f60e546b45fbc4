/* The KBK rubric (2.2.2 2)): the running total of the scores chosen so far, and how many items are still open. */
(function () {
  "use strict";
  var grid = document.querySelector("[data-rubrik]");
  var total = document.querySelector("[data-rubrik-total]");
  var terisi = document.querySelector("[data-rubrik-terisi]");
  if (!grid || !total) { return; }
  var rows = grid.querySelectorAll(".rubrik-baris");
  function update() {
    var sum = 0, done = 0;
    rows.forEach(function (row) {
      var checked = row.querySelector("input:checked");
      row.classList.toggle("terisi", !!checked);
      if (checked) { sum += parseInt(checked.value, 10); done += 1; }
    });
    total.textContent = done ? String(sum) : "—";
    terisi.textContent = done < rows.length ? "(" + done + " dari " + rows.length + " butir dinilai)" : "";
  }
  grid.addEventListener("change", update);
  update();
})();
