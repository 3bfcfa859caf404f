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
// The kit's files, kept when used; versioned with the app so old ones are deleted with it.
const KIT_CACHE = `remodel-kit-${CACHE_VERSION}`;
// The photos app (/photos/: gallery, camera, import and its worker). Not part of the first load:
// kept once used, and fetched in the background when a page asks (WARM_PHOTOS, sent once this
// worker is active and the page is idle, on the first visit too), so it opens from the cache and
// works offline before it is ever opened.
// .ci/seal.mjs fills in its files after the photos build.
const PHOTOS_FILES = ["__REMODEL_PHOTOS__"];
const PHOTOS_CACHE = `remodel-photos-${CACHE_VERSION}`;
const PHOTOS_SHELL = "/photos/index.html";
// Which app serves which addresses: the site's one table (src/site.rs, static/site.json), put
// here by the post-build hook.
const SITE = ["__REMODEL_SITE__"];

/** The app (`client`, `photos`, `kit`) serving `pathname`: the first whose prefix starts it. */
function appFor(pathname) {
  const starts = (prefix) => pathname === prefix || pathname.startsWith(prefix + "/");
  const owner = SITE.apps.find((app) => app.app !== "client" && app.prefixes.some(starts));
  return owner ? owner.app : "client";
}

async function warmPhotos() {
  const cache = await caches.open(PHOTOS_CACHE);
  for (const url of PHOTOS_FILES) {
    if (!(await cache.match(url))) {
      const response = await fetch(new Request(url, { cache: "reload" })).catch(() => null);
      if (response && response.ok) await cache.put(url, response);
    }
  }
}

/** Cache first (the cache is this version's), else the network, kept for next time. */
async function photosResponse(event, url) {
  const key = event.request.mode === "navigate" ? PHOTOS_SHELL : url.pathname;
  const cached = await caches.match(key, { cacheName: PHOTOS_CACHE });
  if (cached) return cached;
  try {
    const response = await fetch(event.request.mode === "navigate" ? PHOTOS_SHELL : event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(PHOTOS_CACHE).then((cache) => cache.put(key, copy)));
    }
    return response;
  } catch {
    if (event.request.mode === "navigate") {
      return new Response(PHOTOS_OFFLINE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    return Response.error();
  }
}

const PHOTOS_OFFLINE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Remodel</title><h1>This page needs a connection once</h1><p>Photos, compare and settings are downloaded in the background on your first visit, once the page is idle, or when you first open them; then they work offline. Connect to the internet and try again. Your photos stay on this device either way.</p><p><a href="/">Back to Remodel</a></p></html>`;

/** Explains, instead of the browser's error page, why the kit can't open offline. */
const KIT_OFFLINE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Clinic kit · Remodel</title><h1>The clinic kit needs a connection</h1><p>It is kept on this device after its first use, and it has not been opened online yet. Connect to the internet and try again.</p><p><a href="/">Back to Remodel</a></p></html>`;

async function kitResponse(event, url) {
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(KIT_CACHE).then((cache) => cache.put(url.pathname, copy)));
    }
    return response;
  } catch {
    const cached = await caches.match(url.pathname, { cacheName: KIT_CACHE });
    if (cached) return cached;
    if (event.request.mode === "navigate") {
      return new Response(KIT_OFFLINE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    return Response.error();
  }
}

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
  if (event.data && event.data.type === "WARM_PHOTOS") {
    event.waitUntil(warmPhotos());
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("remodel-") && ![CACHE_NAME, KIT_CACHE, PHOTOS_CACHE].includes(key))
            .map((key) => caches.delete(key)),
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
  // The clinic kit (/kit/) is a separate app, not precached (clients rarely need it): fetched
  // from the network and kept once used, so "Change details" in Settings then works offline too.
  const app = appFor(url.pathname);
  if (app === "kit") {
    event.respondWith(kitResponse(event, url));
    return;
  }

  // Photos, compare, Settings and /data (backup, restore, exports): the photos app.
  if (app === "photos") {
    event.respondWith(photosResponse(event, url));
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
