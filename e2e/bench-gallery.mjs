// Gallery-at-scale benchmark (issue: three years of photos): the same app with 15 photos and with
// 1,500 (three areas photographed weekly for about ten years' worth of weeks, or three years of
// three areas at three angles), measured in one run, in one headless Chromium, on the release
// build. Runs alternate (few, many, few, many …) after a warm-up of each; each figure is a median.
//
// - gallery first screen: from navigation start to every tile image on the first screen shown
//   (complete, decoded size > 0), timed in the page (performance.now()); target <= 1.3x;
// - photo page: from navigation start to the working copy shown; target <= 1.2x;
// - bytes read from IndexedDB for the first screen: every ArrayBuffer a `get` returned (photo
//   bytes), against the thumbnails' own bytes on that screen; target <= 1.2x. (The photo records,
//   metadata without pixels, are read whole for grouping and filtering; printed beside it.)
// - scrolling the 1,500-photo gallery from the first tile to the last, a screen per frame: the
//   longest main-thread task (target <= 50 ms) and the heap with its ArrayBuffer backing stores
//   (wasm memory among them) from the DevTools protocol's Runtime.getHeapUsage, at the end
//   against the start (target <= 1.3x); live object URLs at the end are printed too.
//
// Exits non-zero when a target is missed. Usage: node e2e/bench-gallery.mjs (after `make build`).
import { spawn } from "node:child_process";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";
import { median, spread, verdict, verdicts } from "./bench-verdict.mjs";
import { seedPhotos } from "./seed-photos.mjs";

const PORT = 8099;
const RUNS = 11;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "..");

const server = spawn("node", [path.join(root, ".ci/serve.mjs"), path.join(root, "dist"), String(PORT)], { stdio: "pipe" });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });

/** Counts what the page reads from IndexedDB and the object URLs it holds, and times the first
 * screen of tiles and the photo page's image. */
function instrument() {
  window.__bytesRead = 0;
  window.__recordBytes = 0;
  window.__liveUrls = 0;
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (blob) => ((window.__liveUrls += 1), create(blob));
  URL.revokeObjectURL = (url) => ((window.__liveUrls -= 1), revoke(url));
  const count = (value) => {
    if (value instanceof ArrayBuffer) return (window.__bytesRead += value.byteLength), true;
    return false;
  };
  const watch = (request, records) =>
    request.addEventListener("success", () => {
      const result = request.result;
      const each = Array.isArray(result) ? result : [result];
      for (const item of each) {
        if (item && typeof item === "object") {
          let pixels = false;
          for (const value of Object.values(item)) pixels = count(value) || pixels;
          if (!pixels && records) window.__recordBytes += JSON.stringify(item).length;
        }
      }
    });
  // Counting clones and serialises every record read (JSON.stringify of 363 KB for 1,500
  // photos): only in the load that counts, never in a timed one.
  const counting = localStorage.getItem("bench:count-reads") === "1";
  for (const proto of counting ? [IDBObjectStore.prototype, IDBIndex.prototype] : []) {
    const get = proto.get;
    const getAll = proto.getAll;
    proto.get = function (...args) {
      const request = get.apply(this, args);
      watch(request, false);
      return request;
    };
    proto.getAll = function (...args) {
      const request = getAll.apply(this, args);
      watch(request, true);
      return request;
    };
  }
  // Each check runs until what it waits for is seen, then no more: the tiles' check measures
  // every tile (forcing a layout), and left running it put its own work into the scroll's tasks
  // (about 10 ms of script and a layout in each long task, in a trace of the scroll).
  const firstScreen = () => {
    if (window.__galleryShownAt === undefined) {
      const tiles = [...document.querySelectorAll(".photo-tile__image")];
      const onScreen = tiles.filter((img) => {
        const box = img.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      if (onScreen.length > 0 && onScreen.every((img) => img.complete && img.naturalWidth > 0)) {
        window.__galleryShownAt = performance.now();
        window.__thumbBytesShown = onScreen.length;
      }
    }
    if (window.__photoShownAt === undefined) {
      const photo = document.querySelector(".photo-view img");
      if (photo && photo.complete && photo.naturalWidth > 0) window.__photoShownAt = performance.now();
    }
  };
  document.addEventListener("load", firstScreen, true);
  new MutationObserver(firstScreen).observe(document, { childList: true, subtree: true, attributes: true });
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
  await context.addInitScript(instrument);
  return context.newPage();
}

/** `count` photos over three areas, a week apart, each with a real JPEG working copy (1024 x 768)
 * and thumbnail (256 x 192), stored as version 3 stores them (e2e/seed-photos.mjs). */
async function seed(page, count) {
  await page.goto(ORIGIN + "/photos");
  await page.getByRole("heading", { level: 1 }).waitFor();
  return seedPhotos(page, { count });
}

async function galleryLoad(page) {
  await page.goto(ORIGIN + "/photos");
  await page.waitForFunction(() => window.__galleryShownAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => ({ ms: window.__galleryShownAt, tiles: window.__thumbBytesShown, bytes: window.__bytesRead, records: window.__recordBytes }));
}

async function photoLoad(page, id) {
  await page.goto(`${ORIGIN}/photos/${id}`);
  await page.waitForFunction(() => window.__photoShownAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__photoShownAt);
}

const few = await newPage();
const many = await newPage();
const thumbBytes = await seed(few, 15);
await seed(many, 1500);

const times = { few: [], many: [] };
const photoTimes = { few: [], many: [] };
await galleryLoad(few);
await galleryLoad(many);
for (let run = 0; run < RUNS; run++) {
  times.few.push((await galleryLoad(few)).ms);
  times.many.push((await galleryLoad(many)).ms);
  photoTimes.few.push(await photoLoad(few, "p-00007"));
  photoTimes.many.push(await photoLoad(many, "p-00750"));
}
// One more load of the 1,500, untimed, counting what it reads.
await many.evaluate(() => localStorage.setItem("bench:count-reads", "1"));
const reads = await galleryLoad(many);
await many.evaluate(() => localStorage.removeItem("bench:count-reads"));
if (!(reads.tiles > 0)) throw new Error("the 1,500-photo gallery showed no tiles");

console.log(`gallery with 15 and 1,500 photos, median of ${RUNS} loads (ms), 390 x 844`);
const galleryRatio = median(times.many) / median(times.few);
console.log(`  first screen of tiles: ${median(times.few).toFixed(0)} (${spread(times.few)}) vs ${median(times.many).toFixed(0)} (${spread(times.many)})`);
verdict("gallery first screen, 1,500 vs 15 photos", galleryRatio, "<=", 1.3);
const photoRatio = median(photoTimes.many) / median(photoTimes.few);
console.log(`  photo page, working copy shown: ${median(photoTimes.few).toFixed(0)} (${spread(photoTimes.few)}) vs ${median(photoTimes.many).toFixed(0)} (${spread(photoTimes.many)})`);
verdict("photo page open, 1,500 vs 15 photos", photoRatio, "<=", 1.2);
const shownBytes = reads.tiles * thumbBytes;
console.log(`  first screen: ${reads.tiles} tiles, ${shownBytes} bytes of thumbnails; ${reads.bytes} bytes of photo bytes read; photo records (metadata) read: ${reads.records} bytes of JSON`);
verdict("photo bytes read for the first screen, against its thumbnails", reads.bytes / shownBytes, "<=", 1.2);

// Scrolling all 1,500, a screen per frame, then measuring.
const cdp = await many.context().newCDPSession(many);
await many.goto(ORIGIN + "/photos");
await many.waitForFunction(() => window.__galleryShownAt !== undefined);
const heap = async () => {
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  const total = usage.usedSize + (usage.backingStorageSize ?? 0);
  if (!(total > 0) || usage.backingStorageSize === undefined) throw new Error(`no heap figure: ${JSON.stringify(usage)}`);
  return total;
};
const before = await heap();
const longest = await many.evaluate(async () => {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: "longtask" });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  while (innerHeight + scrollY < document.documentElement.scrollHeight - 2) {
    scrollBy(0, innerHeight);
    await frame();
  }
  // Let the last screen's thumbnails load, then the tasks that follow.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  observer.disconnect();
  return longest;
});
const lastShown = await many.evaluate(() => {
  const tiles = [...document.querySelectorAll(".photo-tile__image")];
  const last = tiles.filter((img) => img.getBoundingClientRect().top < innerHeight).at(-1);
  return last?.alt ?? "";
});
if (!/4 Dec 2023/.test(lastShown)) throw new Error(`the last tile on screen after scrolling is "${lastShown}", not the oldest photo`);
const after = await heap();
const liveUrls = await many.evaluate(() => window.__liveUrls);
console.log(`scrolling 1,500 photos to the end (last tile: ${lastShown})`);
console.log(`  heap + ArrayBuffer backing stores: ${(before / 1e6).toFixed(1)} MB at the start, ${(after / 1e6).toFixed(1)} MB at the end; ${liveUrls} object URLs live`);
verdict("longest main-thread task while scrolling, against 50 ms", longest / 50, "<=", 1, longest === 0 ? "no task over 50 ms" : `${longest.toFixed(0)} ms`);
verdict("memory at the end of the scroll, against the start", after / before, "<=", 1.3);

await browser.close();
server.kill();
verdicts();
