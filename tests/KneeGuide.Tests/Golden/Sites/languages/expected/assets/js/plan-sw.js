"use strict";
var CACHE = "kneeguide-plan";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
var request = event.request;
if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
event.respondWith(fetch(request).then(function (response) {
if (response.ok && response.type === "basic") {
var copy = response.clone();
var key = request.mode === "navigate" ? new URL(request.url).pathname : request;
caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
}
return response;
}).catch(function () {
return caches.open(CACHE).then(function (cache) {
return cache.match(request, { ignoreSearch: request.mode === "navigate" });
}).then(function (cached) {
return cached || Response.error();
});
}));
});
