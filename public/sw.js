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
// The SHA-256 (base64) of each such file of this build, by its address under SCOPE. A copy is
// kept and served only if it matches: a captive portal's login page or a damaged download is
// never kept in place of the file (and never served from the cache again).
const INTEGRITY = __INTEGRITY__;

async function sha256(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

// True when the response is the file this build knows under that address (or one it does not
// know the hash of, such as a guide of another deployment).
async function genuine(url, response) {
  if (!response || !response.ok) return false;
  const want = INTEGRITY[url.startsWith(SCOPE) ? url.slice(SCOPE.length).split("?")[0] : ""];
  return !want || (await sha256(response)) === want;
}

// A hashed file: from the cache if the copy there is genuine, else from the network, kept
// only if genuine. A request the page makes with `cache: "reload"` ("Try again") skips the
// cache and replaces the copy there.
async function hashedFile(request) {
  const cache = await caches.open(CACHE);
  if (request.cache !== "reload" && request.cache !== "no-cache") {
    const hit = await cache.match(request);
    if (hit && (await genuine(request.url, hit))) return hit;
    if (hit) await cache.delete(request);
  }
  const response = await fetch(request);
  if (await genuine(request.url, response)) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("install", (event) => {
  // Not activated at once: the page asks the user first ("a new version is ready"). Every file
  // is checked before it is kept; one that is not genuine fails the install, so the version
  // that works stays in charge.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        PRECACHE.map(async (p) => {
          const url = new URL(p, SCOPE).href;
          const response = await fetch(url, { cache: "reload" });
          if (!(await genuine(url, response))) throw new Error("not genuine: " + url);
          await cache.put(url, response);
        }),
      ),
    ),
  );
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
    event.waitUntil(
      caches.open(CACHE).then((cache) =>
        Promise.all(
          wanted.map(async (u) => {
            if (await cache.match(u)) return;
            const response = await fetch(u);
            if (await genuine(u, response)) await cache.put(u, response);
          }),
        ),
      ),
    );
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
    // The cache first, if the copy is genuine; a guide or language fetched once is kept for
    // offline use.
    event.respondWith(hashedFile(request));
    return;
  }
  // Anything else (the list of guides, the manifest, icons): the network first, else the cache.
  event.respondWith(fetch(request).then((r) => keep(request, r)).catch(() => caches.match(request, { ignoreSearch: true })));
});
