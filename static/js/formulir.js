/* Formulir 1: progressive enhancement only (without it the form posts as usual). No inline script (strict CSP).
   - answers are kept on this device for this user (localStorage "bk:f1:<user>:<periode>") as they are given, and
     sent to the server as a draft; without signal they wait and are sent again with backoff, and at once when
     the browser says it is back online (a weak signal in a rural district must not cost an answer);
   - «Simpan draf» and «Kirim» are sent with fetch, so no signal means a message on the page, never the browser's
     error page; «Kirim» first shows a review of answered and unanswered items per section;
   - leaving the page with answers not yet on the server asks first; a reopened draft scrolls to the first
     unanswered item. static/js/perangkat.js forgets these answers when another user logs in (docs/keamanan.md). */
(function () {
  "use strict";
  var form = document.getElementById("formulir");
  if (!form) { return; }
  var bar = document.getElementById("kemajuan");
  var text = document.getElementById("kemajuan-teks");
  var status = document.getElementById("status-simpan");
  var total = bar ? parseInt(bar.getAttribute("max"), 10) : 0;
  var key = form.getAttribute("data-kunci");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timer = null;
  var retry = null;
  var delay = 2000;
  var busy = false;
  var again = false;
  var sending = false;
  function teks(name) { return form.getAttribute("data-teks-" + name) || ""; }

  // --- the copy on this device -------------------------------------------------------------------------
  function current() {
    var values = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (el) { values[el.name] = el.value; });
    return values;
  }
  function read() {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(unsent) {
    try {
      window.localStorage.setItem(key, JSON.stringify({ jawaban: current(), belum: unsent }));
    } catch (e) { /* storage off or full: the server copy still works online */ }
  }
  function unsent() { var r = read(); return !!(r && r.belum); }
  function restore() {
    var record = read();
    if (!record || !record.jawaban) { return false; }
    var changed = false;
    Object.keys(record.jawaban).forEach(function (name) {
      var checked = form.querySelector("input[name='" + name + "']:checked");
      // Answers not yet on the server are newer than the page; sent ones only fill gaps (an old cached page).
      if (checked && (!record.belum || checked.value === record.jawaban[name])) { return; }
      var el = form.querySelector("input[type=radio][name='" + name + "'][value='" + record.jawaban[name] + "']");
      if (el) { el.checked = true; changed = true; }
    });
    return changed || record.belum;
  }

  function answered() { return Object.keys(current()).length; }
  function progress() {
    var n = answered();
    if (bar) { bar.value = n; }
    if (text) { text.textContent = teks("kemajuan").replace("{n}", n).replace("{total}", total); }
  }

  // --- sending ---------------------------------------------------------------------------------------------
  function post(aksi) {
    var data = new FormData(form);
    data.set("aksi", aksi);
    return fetch(form.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-CSRFToken": token }
    });
  }
  function later() {
    if (retry) { clearTimeout(retry); }
    retry = setTimeout(function () { retry = null; save(); }, delay);
    delay = Math.min(delay * 2, 30000);
  }
  // save() resolves to "ok", "luring", "sesi" or an error message.
  function save() {
    if (busy) { again = true; return Promise.resolve("sibuk"); }
    busy = true;
    var sent = JSON.stringify(current());
    status.textContent = teks("menyimpan");
    return post("draf").then(function (response) {
      if (response.redirected || (response.headers.get("Content-Type") || "").indexOf("json") < 0) {
        status.textContent = teks("sesi");  // sent to the login page: the session has expired
        return "sesi";
      }
      return response.json().then(function (body) {
        if (response.ok) {
          delay = 2000;
          if (JSON.stringify(current()) === sent) { write(false); }
          status.textContent = teks("tersimpan");
          status.classList.remove("status-luring");
          return "ok";
        }
        status.textContent = "· " + (body.pesan || teks("gagal"));
        return body.pesan || teks("gagal");
      });
    }).catch(function () {
      status.textContent = teks("luring").replace("{n}", answered());
      status.classList.add("status-luring");
      later();
      return "luring";
    }).then(function (result) {
      busy = false;
      if (again) { again = false; return save(); }
      return result;
    });
  }
  window.addEventListener("online", function () {
    if (unsent()) { delay = 2000; save(); }
  });

  form.addEventListener("change", function (event) {
    if (event.target.type !== "radio") { return; }
    var fieldset = event.target.closest("fieldset");
    if (fieldset) { fieldset.classList.remove("border-danger"); }
    write(true);
    progress();
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 800);
  });

  window.addEventListener("beforeunload", function (event) {
    if (!sending && unsent()) { event.preventDefault(); event.returnValue = ""; }
  });

  // --- «Simpan draf»: stay on the page ------------------------------------------------------------------
  function draf(button) {
    var note = button.parentNode.querySelector(".pesan-draf");
    if (timer) { clearTimeout(timer); }
    write(true);
    save().then(function (result) {
      if (!note) { return; }
      if (result === "ok") {
        note.textContent = teks("draf").replace("{n}", answered()).replace("{total}", total);
      } else if (result === "luring") {
        note.textContent = teks("draf-luring");
      } else if (result === "sesi") {
        note.textContent = teks("sesi");
      }
    });
  }

  // --- «Kirim»: a review first, then fetch ------------------------------------------------------------------
  var review = document.getElementById("tinjauan");
  var reviewNote = document.getElementById("tinjauan-pesan");
  var kirim = document.getElementById("tombol-kirim");
  function showReview() {
    review.querySelectorAll("[data-bagian]").forEach(function (li) {
      var section = document.getElementById("bagian-" + li.getAttribute("data-bagian"));
      var items = section.querySelectorAll("fieldset.butir");
      var missing = [];
      items.forEach(function (fs) {
        if (!fs.querySelector("input:checked")) { missing.push(fs.id.replace("butir-", "")); }
      });
      li.querySelector(".tinjauan-jumlah").textContent = teks("bagian")
        .replace("{n}", items.length - missing.length).replace("{total}", items.length);
      // "belum: butir 27, 31": each number a link to its item.
      var belum = li.querySelector(".tinjauan-belum");
      belum.textContent = "";
      if (missing.length) {
        var parts = teks("belum").split("{daftar}");
        belum.appendChild(document.createTextNode(parts[0]));
        missing.forEach(function (nomor, i) {
          if (i) { belum.appendChild(document.createTextNode(", ")); }
          var a = document.createElement("a");
          a.href = "#butir-" + nomor;
          a.textContent = nomor;
          a.className = "link-danger";
          a.addEventListener("click", function () { review.hidden = true; });
          belum.appendChild(a);
        });
        belum.appendChild(document.createTextNode(parts[1] || ""));
      }
    });
    reviewNote.textContent = "";
    review.hidden = false;
    review.focus();
  }
  function send() {
    var button = document.getElementById("tinjauan-kirim");
    button.disabled = true;
    reviewNote.textContent = teks("mengirim");
    write(true);
    post("kirim").then(function (response) {
      return response.json().then(function (body) { return { response: response, body: body }; }, function () {
        return { response: response, body: null };
      });
    }).then(function (r) {
      if (r.body && r.body.url) {  // submitted now, or earlier from another tab
        sending = true;
        try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
        window.location.assign(r.body.url);
        return;
      }
      if (r.body && r.body.kurang) {  // the server marks the missing items on the page: post the form itself
        sending = true;
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "aksi";
        hidden.value = "kirim";
        form.appendChild(hidden);
        form.submit();
        return;
      }
      button.disabled = false;
      reviewNote.textContent = r.body ? r.body.pesan : teks("sesi");
    }).catch(function () {
      button.disabled = false;
      reviewNote.textContent = teks("kirim-luring");
      later();
    });
  }
  if (review) {
    document.getElementById("tinjauan-kirim").addEventListener("click", send);
    var closeReview = function () {
      review.hidden = true;
      kirim.focus();
    };
    document.getElementById("tinjauan-kembali").addEventListener("click", closeReview);
    // Esc closes the review, as it closes a dialog.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !review.hidden) { closeReview(); }
    });
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !window.fetch) { return; }
    event.preventDefault();
    if (button.value === "kirim") {
      if (review) { showReview(); }
      return;
    }
    draf(button);
  });

  // --- on load ----------------------------------------------------------------------------------------------
  var summary = document.getElementById("ringkasan-kesalahan");
  if (restore()) {
    write(true);
    save();
    status.textContent = teks("dipulihkan");
  } else {
    write(false);
  }
  progress();
  if (summary) {
    summary.focus();
  } else if (!window.location.hash && answered() > 0 && answered() < total) {
    var first = Array.prototype.find.call(form.querySelectorAll("fieldset.butir"), function (fs) {
      return !fs.querySelector("input:checked");
    });
    if (first) {
      window.addEventListener("load", function () { first.scrollIntoView({ behavior: "instant", block: "start" }); });
      status.textContent = teks("lanjut").replace("{nomor}", first.id.replace("butir-", ""));
    }
  }
  var sw = form.getAttribute("data-sw");
  if (sw && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(sw).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      // On the first visit this page came before the worker: hand it the page and its static files to keep, so a
      // reload without signal works from now on (static/js/sw.js).
      var statis = Array.prototype.map.call(
        document.querySelectorAll("script[src], link[rel=stylesheet][href], link[rel=icon][href]"),
        function (el) { return el.src || el.href; }
      );
      if (reg.active) { reg.active.postMessage({ simpan: window.location.pathname, statis: statis }); }
    }).catch(function () { /* reload without signal is then not possible */ });
  }
})();
