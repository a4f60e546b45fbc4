/* Service worker of Formulir 1 (served as /survei/sw.js, scope /survei/). It only lets the form page reload
   without signal: the form page is fetched from the network first and its last copy kept; static files are
   kept after their first load (hashed names never change). Answers themselves live in localStorage
   (static/js/formulir.js); nothing here is sent anywhere. Logout clears it (Clear-Site-Data, docs/keamanan.md). */
"use strict";
var CACHE = "bk-formulir-v1";
var FORM = /^\/survei\/isi\/[^/]+\/$/;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

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
      return caches.match(url.pathname).then(function (hit) { return hit || Response.error(); });
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
