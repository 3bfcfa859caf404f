// Remodel's service worker: precaches every file of the release build and serves the app offline.
//
// The post-build hook (.ci/postbuild.mjs) fills in PRECACHE (every file Trunk wrote, hashed names
// included) and CACHE_VERSION (a hash of all their contents), so any change to the build is a new
// worker, which installs in the background and waits. The page then shows "A new version is
// ready — reload" and posts SKIP_WAITING when the client chooses to.
//
// Only same-origin GET requests are answered; the app never talks to any other origin.

const CACHE_VERSION = "__REMODEL_CACHE_VERSION__";
const PRECACHE = ["__REMODEL_PRECACHE__"];
const CACHE_NAME = `remodel-${CACHE_VERSION}`;
const APP_SHELL = "/index.html";
const KIT_CACHE = "clinic-kit";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      // `reload` skips the HTTP cache, so a new version never precaches an old file.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("remodel-") && key !== CACHE_NAME).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The clinic kit (/kit/) is a separate app, not precached: fetched from the network, and kept
  // once used so that "Change details" in Settings also works offline afterwards.
  if (url.pathname === "/kit" || url.pathname.startsWith("/kit/")) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(KIT_CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(() => caches.match(url.pathname, { cacheName: KIT_CACHE }).then((cached) => cached || Response.error())),
    );
    return;
  }

  if (request.mode === "navigate") {
    // Every route of the single-page app is the same shell.
    event.respondWith(
      caches.match(APP_SHELL, { cacheName: CACHE_NAME }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE_NAME, ignoreSearch: true }).then((cached) => cached || fetch(request)),
  );
});
