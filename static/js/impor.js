// Import pages of the admin: after submitting, disable the button and show the form's
// [data-impor-status] message (5,000 rows take a few seconds), so nobody submits twice or leaves.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-impor-status]").forEach(function (status) {
    var form = status.closest("form");
    if (!form) { return; }
    form.addEventListener("submit", function () {
      // Disable after this event: a disabled button would drop its name from the submitted data.
      setTimeout(function () {
        form.querySelectorAll("input[type=submit], button[type=submit]").forEach(function (button) {
          button.disabled = true;
        });
      }, 0);
      status.hidden = false;
    });
  });
});
