/* Service worker of Formulir 1 (served as /survei/sw.js, scope /survei/). It only lets the form page reload
   without signal: the form page is fetched from the network first and its last copy kept; static files are
   kept after their first load (hashed names never change). On the very first visit the page was loaded before
   this worker existed, so the page hands over its own address and its static files once the worker is active
   ("simpan" message from static/js/formulir.js) and they are kept at once. Without any copy, a reload without
   signal gets a short Indonesian page saying the answers are safe on the device. Answers themselves live in
   localStorage (static/js/formulir.js); nothing here is sent anywhere. Logout clears it (Clear-Site-Data,
   docs/keamanan.md). */
"use strict";
var CACHE = "bk-formulir-v1";
var FORM = /^\/survei\/isi\/[^/]+\/$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

var LURING = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">" +
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Tidak ada sinyal</title></head>" +
  "<body><h1>Tidak ada sinyal</h1><p>Jawaban Formulir 1 Anda aman: tersimpan di perangkat ini dan terkirim " +
  "otomatis saat sinyal kembali.</p><p>Muat ulang halaman ini setelah tersambung.</p></body></html>";

function halamanLuring() {
  return new Response(LURING, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function samaAsal(alamat) {
  var url = new URL(alamat, self.location.origin);
  return url.origin === self.location.origin ? url : null;
}

// The form page hands over its address and static files on its first load (see the header).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var halaman = data.simpan ? samaAsal(data.simpan) : null;
  if (!halaman || !FORM.test(halaman.pathname)) { return; }
  var statis = (data.statis || []).map(samaAsal).filter(function (url) {
    return url && url.pathname.indexOf("/static/") === 0;
  });
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var kerja = statis.map(function (url) {
      return cache.match(url.href).then(function (hit) { return hit || cache.add(url.href); });
    });
    kerja.push(cache.match(halaman.pathname).then(function (hit) {
      return hit || fetch(halaman.pathname, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && response.type === "basic" && !response.redirected) {
          return cache.put(halaman.pathname, response);
        }
      });
    }));
    return Promise.all(kerja);
  }).then(function () {
    if (event.source) { event.source.postMessage({ tersimpan: halaman.pathname }); }
  }).catch(function () { /* kept at the next visit through this worker */ }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate" && FORM.test(url.pathname)) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) { return hit || halamanLuring(); });
    }));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
    }));
  }
});
