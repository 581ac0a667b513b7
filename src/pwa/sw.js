// Keeps Sessionpad usable offline: every file of one build is stored in a cache
// named after that build, and served from there. scripts/seal-and-precache.sh
// writes the real dist/sw.js from this template, filling in the build hash and
// file list.
//
// Only this app's own files are ever fetched or served. Every other request
// (another origin, or the sync database under this origin's /db/) is left
// alone: it goes to the network as the page made it, and nothing of it is
// stored.

const CACHE_PREFIX = "sessionpad-";
const CACHE = CACHE_PREFIX + "__VERSION__";
const PRECACHE = __PRECACHE__;
const SHELL = new URL("index.html", self.location).href;
const OWN = new Set(PRECACHE.map((url) => new URL(url, self.location).pathname));

// Trunk names the wasm, its JS and the CSS after their content: a 64-bit hash
// in hex without its leading zeros, so one build in sixteen has 15 digits.
// scripts/seal-and-precache.sh fails a build with a file this does not match.
const NAMED_BY_CONTENT = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;

self.addEventListener("install", (event) => {
  // No skipWaiting here: a new build waits until the user accepts
  // "A new version is ready", so a note being typed is never reloaded away.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map(
          (url) =>
            // A file named after its content may come from the HTTP cache, where
            // the page has just put it, so a first visit downloads the wasm once;
            // any other file could be an older build's there, so "reload".
            new Request(url, { cache: NAMED_BY_CONTENT.test(url) ? "default" : "reload" }),
        ),
      ),
    ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Screens are URL fragments, so every navigation is the one app shell.
    event.respondWith(fromCache(SHELL).then((hit) => hit || fetch(request)));
  } else if (OWN.has(url.pathname)) {
    // Network responses are not stored: the cache holds exactly one build.
    event.respondWith(fromCache(request).then((hit) => hit || fetch(request)));
  }
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  // A host that redirected while precaching (say index.html to /) leaves a
  // response the browser refuses for navigations; a plain copy is accepted.
  if (hit && hit.redirected) {
    return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
  }
  return hit;
}
