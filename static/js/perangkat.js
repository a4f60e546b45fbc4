/* The device forgets (docs/keamanan.md): draft answers kept in this browser (localStorage keys "bk:...", the
   Formulir 1 page cache "bk-...") belong to one user. They are removed at logout (here, and by the
   Clear-Site-Data header of the logout response) and when a page is opened by another user than the last one,
   before any other script runs. */
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }
  function forget() {
    Object.keys(store).forEach(function (k) { if (k.indexOf("bk:") === 0) { store.removeItem(k); } });
    try {
      Object.keys(window.sessionStorage).forEach(function (k) {
        if (k.indexOf("formulir1:") === 0) { window.sessionStorage.removeItem(k); }
      });
    } catch (e) { /* nothing kept */ }
    if (window.caches) {
      caches.keys().then(function (names) {
        names.forEach(function (n) { if (n.indexOf("bk-") === 0) { caches.delete(n); } });
      });
    }
  }
  document.addEventListener("submit", function (event) {
    if (event.target.hasAttribute("data-keluar")) { forget(); }
  });
  // The current page is marked in the navigation (aria-current), for screen readers and the eye alike.
  document.querySelectorAll("#menu-utama a.nav-link").forEach(function (a) {
    if (a.getAttribute("href") === window.location.pathname) { a.setAttribute("aria-current", "page"); a.classList.add("active"); }
  });
  var id = document.body.getAttribute("data-pengguna");
  if (!id || store.getItem("bk:pengguna") === id) { return; }  // not logged in: the next user decides
  forget();
  store.setItem("bk:pengguna", id);
})();
