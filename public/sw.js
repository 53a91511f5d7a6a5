// Career Kit's service worker: after the first visit the app, the chosen language and the
// chosen country's guide work with no network. `make dist` writes dist/sw.js from this file
// (tools/sw.mjs), filling in VERSION and PRECACHE from the files of the build.
"use strict";
const VERSION = "__VERSION__";
// The app shell: the start page, its script, wasm, styles, the list of guides, the manifest.
const PRECACHE = __PRECACHE__;
const CACHE = "career-kit-" + VERSION;
// The address the app is served under (the worker sits at its top), e.g. /career-kit/.
const SCOPE = new URL("./", self.location).href;
// Content-hashed files never change: Trunk's (name-0123456789abcdef.js) and the guides and
// texts (no.ar.0123456789.json).
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$|\.[0-9a-f]{10}\.json$/;

self.addEventListener("install", (event) => {
  // Not activated at once: the page asks the user first ("a new version is ready").
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, SCOPE).href))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("career-kit-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  // The page's first visit loaded its texts and guide before this worker took charge: keep
  // those hashed files too, so they work offline.
  if (event.data && Array.isArray(event.data.keep)) {
    const wanted = event.data.keep.filter((u) => typeof u === "string" && u.startsWith(SCOPE) && HASHED.test(new URL(u).pathname));
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(wanted.map((u) => cache.match(u).then((hit) => hit || cache.add(u))))));
  }
});

function keep(request, response) {
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (request.mode === "navigate") {
    // Pages: the network first, so a new version shows; offline, the app from the cache (it
    // shows the page for the address itself, as 404.html does).
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.status >= 500) throw new Error(String(response.status));
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match(SCOPE))),
    );
    return;
  }
  if (HASHED.test(new URL(request.url).pathname)) {
    // The cache first; a guide or language fetched once is kept for offline use.
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((r) => keep(request, r))));
    return;
  }
  // Anything else (the list of guides, the manifest, icons): the network first, else the cache.
  event.respondWith(fetch(request).then((r) => keep(request, r)).catch(() => caches.match(request, { ignoreSearch: true })));
});
