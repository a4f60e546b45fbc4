/* Formulir 1: progressive enhancement only (the form works without it). No inline script (strict CSP).
   - progress: counts answered items as the ASN goes;
   - autosave: each change is saved as a draft on the server (fetch POST with the CSRF token), so nothing is lost
     to a closed tab or a dead battery;
   - "Kirim" is disabled after the first click (the server is safe against a double submit anyway). */
(function () {
  "use strict";
  var form = document.getElementById("formulir");
  if (!form) { return; }
  var bar = document.getElementById("kemajuan");
  var text = document.getElementById("kemajuan-teks");
  var status = document.getElementById("status-simpan");
  var total = bar ? parseInt(bar.getAttribute("max"), 10) : 0;
  var timer = null;
  var busy = false;
  var again = false;
  // Texts come from the template (gettext), so the script speaks the page's language.
  function teks(name) { return form.getAttribute("data-teks-" + name) || ""; }

  // A copy of the answers in this tab (sessionStorage: gone when the tab closes, so a shared device keeps
  // nothing), for an expired session: after logging in again the form gets them back and saves them.
  var key = form.getAttribute("data-kunci");
  function remember() {
    var values = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (el) { values[el.name] = el.value; });
    try { window.sessionStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* storage off: fine */ }
  }
  function restore() {
    var values = {};
    try { values = JSON.parse(window.sessionStorage.getItem(key) || "{}"); } catch (e) { return false; }
    var restored = false;
    Object.keys(values).forEach(function (name) {
      if (form.querySelector("input[name='" + name + "']:checked")) { return; }
      var el = form.querySelector("input[type=radio][name='" + name + "'][value='" + values[name] + "']");
      if (el) { el.checked = true; restored = true; }
    });
    return restored;
  }

  function answered() {
    var names = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (el) { names[el.name] = true; });
    return Object.keys(names).length;
  }

  function progress() {
    var n = answered();
    if (bar) { bar.value = n; }
    if (text) { text.textContent = teks("kemajuan").replace("{n}", n).replace("{total}", total); }
  }

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var data = new FormData(form);
    data.set("aksi", "draf");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    status.textContent = teks("menyimpan");
    fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-CSRFToken": token }
    }).then(function (response) {
      if (response.redirected || (response.headers.get("Content-Type") || "").indexOf("json") < 0) {
        status.textContent = teks("sesi");  // sent to the login page: the session has expired
        return;
      }
      return response.json().then(function (body) {
        status.textContent = response.ok ? teks("tersimpan") : (body.pesan ? "· " + body.pesan : teks("gagal"));
      });
    }).catch(function () {
      status.textContent = teks("luring");
    }).then(function () {
      busy = false;
      if (again) { again = false; save(); }
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio") { return; }
    var fieldset = event.target.closest("fieldset");
    if (fieldset) { fieldset.classList.remove("border-danger"); }
    progress();
    remember();
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 800);
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || button.value !== "kirim") { return; }
    if (button.disabled) { event.preventDefault(); return; }
    if (timer) { clearTimeout(timer); }
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "aksi";
    hidden.value = "kirim";
    form.appendChild(hidden);
    button.disabled = true;
    button.textContent = teks("mengirim");
  });

  var summary = document.getElementById("ringkasan-kesalahan");
  if (summary) { summary.focus(); }
  if (restore()) {
    save();
    status.textContent = teks("dipulihkan");
  }
  remember();
  progress();
})();
