// Remodel's service worker: precaches every file of the release build and serves the app offline.
//
// The build (.ci/seal.mjs) fills in PRECACHE (every file of the client app, hashed names
// included), the photos app's files and CACHE_VERSION (a hash of all their contents), so any
// change to the build is a new worker, which installs in the background and waits. The page then
// shows "A new version is ready — reload" and posts SKIP_WAITING when the client chooses to.
//
// A deploy never leaves an open page without its files:
// - an update precaches the new version whole, the photos app included, before it can take over
//   (`install`): a page of the new version works offline at once;
// - an old version's cache is deleted only once no open page uses it (`removeUnusedCaches`): a
//   page of the old version that the new worker now controls still gets its own files (which
//   carry a content hash in their names, the photo worker's included) from its own version's cache.
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
// .ci/seal.mjs fills in its files once every app is built.
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

/** Names with a content hash (Trunk's `name-<16 hex>.ext`, the photo worker's `…_bg.wasm`, `…_loader.js`). */
const HASHED = /-[0-9a-f]{16}(_bg|_loader)?\.[a-z]+$/;

/**
 * Fills `cacheName` with every one of `urls`, or fails leaving the version uninstalled. A file with
 * a hashed name that an older version already keeps is the same file: copied, not downloaded again.
 */
async function precache(cacheName, urls) {
  const responses = await Promise.all(
    urls.map(async (url) => {
      const kept = HASHED.test(url) ? await caches.match(url) : undefined;
      // `reload` skips the HTTP cache, so a new version never precaches an old file.
      const response = kept || (await fetch(new Request(url, { cache: "reload" })));
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      return response;
    }),
  );
  const cache = await caches.open(cacheName);
  await Promise.all(urls.map((url, i) => cache.put(url, responses[i])));
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
  // A page of an older version still open asks for that version's files, kept in its cache.
  const cached =
    (await caches.match(key, { cacheName: PHOTOS_CACHE })) ||
    (event.request.mode === "navigate" ? undefined : await caches.match(key));
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
    (async () => {
      await precache(CACHE_NAME, PRECACHE);
      // An update (a version is active): the photos app is fetched now, whole, so the new
      // version never takes over without it. On the first visit it waits for an idle page instead
      // (WARM_PHOTOS), so it never competes with the first load.
      if (self.registration.active) await precache(PHOTOS_CACHE, PHOTOS_FILES);
    })(),
  );
});

/** The files an open page runs on (.ci/postbuild.mjs), or null when it does not answer in time
 * (frozen in the background, or from a build before pages answered). */
function askFiles(client) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 3000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(Array.isArray(event.data) ? event.data : null);
    };
    client.postMessage({ type: "WHICH_FILES" }, [channel.port2]);
  });
}

/**
 * Deletes every older version's cache that no open page needs. A page needs an old cache for a
 * file it runs on that this version does not have (a page of the old version: its photo worker,
 * say). When a page does not answer, nothing is deleted (the next page that opens asks again).
 */
async function removeUnusedCaches() {
  // While a newer version installs or waits, the caches it is filling are not this worker's to judge.
  if (self.registration.installing || self.registration.waiting) return;
  const current = [CACHE_NAME, KIT_CACHE, PHOTOS_CACHE];
  const old = (await caches.keys()).filter((key) => key.startsWith("remodel-") && !current.includes(key));
  if (old.length === 0) return;
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const answers = await Promise.all(pages.map(askFiles));
  if (answers.includes(null)) return;
  const kept = new Set();
  for (const url of new Set(answers.flat())) {
    const inCurrent = await Promise.all(current.map((cacheName) => caches.match(url, { cacheName })));
    if (inCurrent.some(Boolean)) continue;
    for (const key of old) if (await caches.match(url, { cacheName: key })) kept.add(key);
  }
  await Promise.all(old.filter((key) => !kept.has(key)).map((key) => caches.delete(key)));
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
  if (event.data && event.data.type === "WARM_PHOTOS") {
    event.waitUntil(warmPhotos());
  }
  if (event.data && event.data.type === "PAGE_OPEN") {
    event.waitUntil(removeUnusedCaches());
  }
});

// Older versions' caches stay: pages of those versions may still be open. They go once no page
// uses them (PAGE_OPEN, sent by every page that opens).
self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
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
  // This version's file, else an older version's (a page of that version is still open).
  event.respondWith(
    caches
      .match(request, { cacheName: CACHE_NAME, ignoreSearch: true })
      .then((cached) => cached || caches.match(request, { ignoreSearch: true }))
      .then((cached) => cached || fetch(request)),
  );
});
