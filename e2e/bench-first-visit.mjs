// First-visit benchmark (issue: the first visit is fast on a phone). A throttled mid-range phone
// in Chromium (CPU 4x slower, 1.6 Mbps down, 150 ms round trip, 390 px wide), each app's entry
// page served by .ci/serve.mjs from the release build, beside an empty Yew app (e2e/floor/)
// built and served the same way in the same run: the floor. Median of RUNS loads each.
//
// - cold: the floor and the three apps in turn (A B C D A B C D …, after a warm-up of each), each
//   load in a fresh browser context (no HTTP cache, service workers blocked): first contentful
//   paint, the first heading with working controls (the app has taken over its shell: `#shell`
//   gone, `main h1` there), and the layout shift until then;
// - from the service worker: the same page loaded again once a worker controls it;
// - the photos app opened 10 s after a first visit to `/`: every file from the service worker.
//
// Targets: cold paint <= 1.0 s; cold heading <= 2.5 s (client, kit), <= 3.5 s (photos); from
// the worker <= 0.5 s; layout shift <= 0.02; photos from the cache. Exits non-zero on a miss.
// Run by `make bench` (which builds first); the floor is built here on first use (a few minutes).
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { interleaved, median, spread } from "./bench-verdict.mjs";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";

const RUNS = 5;
const root = path.resolve(import.meta.dirname, "..");
const floorDist = path.join(root, "target", "floor-dist");
const PHONE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpu: 4,
  viewport: { width: 390, height: 844 },
};

if (!existsSync(path.join(floorDist, "index.html"))) {
  console.log("building the floor (an empty Yew app, e2e/floor/)…");
  execFileSync("trunk", ["build", "--release", "--dist", floorDist], { cwd: path.join(root, "e2e", "floor"), stdio: "inherit" });
}
execFileSync("node", [path.join(root, ".ci", "compress.mjs"), floorDist], { stdio: "inherit" });

async function start(dir, port) {
  const server = spawn("node", [path.join(root, ".ci/serve.mjs"), dir, String(port)], { stdio: "pipe" });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  return server;
}
const servers = [await start(path.join(root, "dist"), 8095), await start(floorDist, 8096)];
const APP = "http://127.0.0.1:8095";
const FLOOR = "http://127.0.0.1:8096";

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });

/** A phone-profile page in a new context. */
async function phonePage({ serviceWorkers }) {
  const context = await browser.newContext({ viewport: PHONE.viewport, serviceWorkers, deviceScaleFactor: 3, hasTouch: true });
  const page = await context.newPage();
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    const ready = () => !document.getElementById("shell") && document.querySelector("main h1") && document.querySelector("main button, main a, nav a");
    const check = () => {
      if (window.__headingAt === undefined && ready()) window.__headingAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.downloadThroughput,
    uploadThroughput: PHONE.uploadThroughput,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  return { context, page };
}

/** Loads `url` and returns when its first heading with working controls showed. */
async function measure(page, url) {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__headingAt !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    heading: window.__headingAt,
    shift: window.__shift,
  }));
}

const ms = (value) => `${Math.round(value)} ms`.padStart(8);

/** One cold load of `url` in a fresh context (nothing cached). */
async function coldOnce(url) {
  const { context, page } = await phonePage({ serviceWorkers: "block" });
  try {
    return await measure(page, url);
  } finally {
    await context.close();
  }
}

/** RUNS loads of `url` from the service worker, after a first visit to `/` installed it (the
 * client app registers it) and one use of `url` (the kit is kept once used). */
async function fromWorker(url) {
  const { context, page } = await phonePage({ serviceWorkers: "allow" });
  await page.goto(APP + "/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller != null);
  await measure(page, url);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push((await measure(page, url)).heading);
  await context.close();
  return runs;
}

/** A first visit to `/`, then, 10 s later, Photos: where its files came from, and how long. */
async function photosAfterFirstVisit() {
  const { context, page } = await phonePage({ serviceWorkers: "allow" });
  await page.goto(APP + "/");
  await page.waitForFunction(() => window.__headingAt !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(10_000);
  const network = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/photos/") && !response.fromServiceWorker()) network.push(url.pathname);
  });
  const { heading } = await measure(page, APP + "/photos");
  await context.close();
  return { heading, network };
}

const encoding = await (async () => {
  const { context, page } = await phonePage({ serviceWorkers: "block" });
  const wasm = page.waitForResponse((r) => r.url().endsWith("_bg.wasm"));
  await page.goto(APP + "/");
  const header = (await (await wasm).allHeaders())["content-encoding"] ?? "none";
  await context.close();
  return header;
})();

console.log(`first visit on a phone profile (CPU ${PHONE.cpu}x, 1.6 Mbps, ${PHONE.latency} ms RTT, 390 px), median of ${RUNS}; the wasm came with Content-Encoding: ${encoding}`);
const APPS = [
  ["client", "/", 2500],
  ["photos", "/photos", 3500],
  ["kit", "/kit/", 2500],
];
// Cold loads of the floor and the three apps in turn (after one warm-up of each), so drift in the
// machine's speed falls on all four alike.
const coldRuns = await interleaved(RUNS, {
  floor: () => coldOnce(FLOOR + "/"),
  ...Object.fromEntries(APPS.map(([name, url]) => [name, () => coldOnce(APP + url)])),
});
const summary = (runs) => ({
  paint: median(runs.map((r) => r.paint)),
  heading: median(runs.map((r) => r.heading)),
  shift: Math.max(...runs.map((r) => r.shift)),
  spread: `paint ${spread(runs.map((r) => r.paint))}; heading ${spread(runs.map((r) => r.heading))}`,
});
const floor = summary(coldRuns.floor);
console.log(`floor (empty Yew app): paint ${ms(floor.paint)}  heading ${ms(floor.heading)}  (${floor.spread})`);
console.log("app      cold paint   ratio   cold heading   ratio   target   shift   from worker");
let missed = [];
const spreads = [];
for (const [name, url, headingTarget] of APPS) {
  const result = summary(coldRuns[name]);
  const warmRuns = await fromWorker(APP + url);
  const warm = median(warmRuns);
  spreads.push(`${name}: cold ${result.spread}; from the worker ${spread(warmRuns)}`);
  console.log(
    `${name.padEnd(7)} ${ms(result.paint)}  ${(result.paint / floor.paint).toFixed(2).padStart(5)}x  ${ms(result.heading)}     ${(result.heading / floor.heading).toFixed(2).padStart(5)}x  ${ms(headingTarget)}  ${result.shift.toFixed(3)}  ${ms(warm)}`,
  );
  if (!(result.paint <= 1000)) missed.push(`${name}: cold paint ${Math.round(result.paint)} ms > 1000 ms`);
  if (!(result.heading <= headingTarget)) missed.push(`${name}: cold heading ${Math.round(result.heading)} ms > ${headingTarget} ms`);
  if (!(result.shift <= 0.02)) missed.push(`${name}: layout shift ${result.shift.toFixed(3)} > 0.02`);
  if (!(warm <= 500)) missed.push(`${name}: from the service worker ${Math.round(warm)} ms > 500 ms`);
}
console.log("spread of the runs:");
for (const line of spreads) console.log(`  ${line}`);
const photos = await photosAfterFirstVisit();
console.log(`photos opened 10 s after a first visit to /: heading ${ms(photos.heading)}, files from the network: ${photos.network.length ? photos.network.join(", ") : "none"}`);
if (photos.network.length) missed.push(`photos after a first visit: ${photos.network.length} files from the network`);

await browser.close();
for (const server of servers) server.kill();
for (const miss of missed) console.log(`MISSED ${miss}`);
console.log(missed.length ? `${missed.length} target(s) missed` : "every target met");
if (missed.length) process.exitCode = 1;
