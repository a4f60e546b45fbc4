// A button with data-cetak prints the page (no inline script: strict CSP).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-cetak]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
});
