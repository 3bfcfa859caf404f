// The first visit (issue: the first visit is fast on a phone): each app's page paints its shell
// from HTML and CSS alone, the app takes over that shell without moving it, and the server sends
// the compressed copies the build wrote. (The timings are `make bench`: e2e/bench-first-visit.mjs.)
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test } from "./fixtures.mjs";

const dist = path.resolve(import.meta.dirname, "..", "dist");
const APPS = [
  { name: "client", url: "/", heading: "Today", nav: true },
  { name: "photos", url: "/photos", heading: "Photos", nav: true },
  { name: "kit", url: "/kit/", heading: "Clinic kit", nav: false },
];

/** GET `url` with `headers`, the body as sent (Playwright's and Node's fetch decode it). */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/** Records, in the page, when the app first rendered (its shell gone, a heading there), as a
 * wall-clock time to set beside the requests' (Playwright's own polling would be late). */
async function watchFirstRender(page) {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.getElementById("shell") && document.querySelector("main h1")) {
        window.__renderedAt = Date.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The header's markup and the navigation's links (name, address, box), as the page shows them. */
async function frame(page) {
  return page.evaluate(() => {
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((n) => Math.round(n));
    };
    // The markup with each element's attributes in name order (Yew writes `class` last).
    const canonical = (element) =>
      `<${element.localName}${[...element.attributes]
        .map((a) => ` ${a.name}="${a.value}"`)
        .sort()
        .join("")}>${[...element.childNodes]
        .map((node) => (node.nodeType === Node.ELEMENT_NODE ? canonical(node) : node.nodeType === Node.TEXT_NODE ? node.textContent : ""))
        .join("")}</${element.localName}>`;
    const header = document.querySelector(".app-header");
    return {
      header: canonical(header),
      headerBox: box(header),
      links: [...document.querySelectorAll("nav[aria-label=Main] a")].map((a) => ({
        name: a.textContent.trim(),
        href: a.getAttribute("href"),
        box: box(a),
      })),
      mainBox: box(document.querySelector("main")),
      headingBox: box(document.querySelector("main h1")),
    };
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const app of APPS) {
    test(`the ${app.name} app's page shows its header, navigation and what it needs`, async ({ page }) => {
      await page.goto(app.url);
      await expect(page.getByRole("banner")).toContainText("Remodel");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("main").getByRole("status")).toHaveText("Opening…");
      // Shown by a browser with scripting off (Playwright's switch leaves <noscript> unrendered).
      expect(await page.locator("main noscript").textContent()).toContain("needs JavaScript and WebAssembly");
      const nav = page.getByRole("navigation", { name: "Main" });
      if (app.nav) {
        // The phone's bar; "More" opens once the app runs.
        for (const name of ["Today", "Sessions", "Recovery", "Photos"]) {
          await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
        }
        await expect(nav.getByRole("button", { name: "More" })).toBeVisible();
      } else {
        await expect(nav).toHaveCount(0);
      }
    });
  }
});

for (const app of APPS) {
  test(`the ${app.name} app takes over its shell in place, without layout shift`, async ({ browser }) => {
    // The shell as painted from HTML alone, then the app, at the same size.
    const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const shellPage = await still.newPage();
    await shellPage.goto(app.url);
    const shell = await frame(shellPage);
    await still.close();

    const live = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
    const page = await live.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(app.url);
    await expect(page.getByRole("heading", { level: 1, name: app.heading })).toBeVisible();
    await expect(page.locator("#shell")).toHaveCount(0);
    const rendered = await frame(page);
    expect(rendered.header).toBe(shell.header);
    expect(rendered.headerBox).toEqual(shell.headerBox);
    // Where the main area starts and how wide it is (its height is the page's content).
    expect(rendered.mainBox.slice(0, 3)).toEqual(shell.mainBox.slice(0, 3));
    expect(rendered.headingBox[0]).toBe(shell.headingBox[0]);
    expect(rendered.headingBox[1]).toBe(shell.headingBox[1]);
    // Same links to the same places, where the app draws them.
    expect(rendered.links.map(({ name, href, box }) => ({ name, href, box }))).toEqual(shell.links);
    const shift = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__shift))));
    expect(shift).toBeLessThanOrEqual(0.02);
    await live.close();
  });
}

test("the server sends brotli or gzip copies when asked, each the same bytes", async ({ request, baseURL }) => {
  const html = await (await request.get("/")).text();
  const wasm = html.match(/href="\/([\w-]+_bg\.wasm)"/)[1];
  const original = await readFile(path.join(dist, wasm));
  for (const [accept, encoding, decode] of [
    ["br, gzip", "br", zlib.brotliDecompressSync],
    ["gzip, deflate", "gzip", zlib.gunzipSync],
    ["br;q=0, gzip", "gzip", zlib.gunzipSync],
    ["identity", undefined, (b) => b],
  ]) {
    const { headers, body } = await rawGet(new URL(`/${wasm}`, baseURL), { "Accept-Encoding": accept });
    expect(headers["content-encoding"], accept).toBe(encoding);
    expect(headers.vary).toBe("Accept-Encoding");
    expect(Number(headers["content-length"])).toBe(body.length);
    if (encoding) expect(body.length).toBeLessThan(original.length / 2);
    expect(decode(body).equals(original), accept).toBe(true);
  }
  // The page itself too; images as they are.
  expect((await rawGet(new URL("/sessions", baseURL), { "Accept-Encoding": "br" })).headers["content-encoding"]).toBe("br");
  const icon = await rawGet(new URL("/icons/icon-192.png", baseURL), { "Accept-Encoding": "br" });
  expect(icon.headers["content-encoding"]).toBeUndefined();
});

test("the photos app is fetched in the background after the first render, and opens from the cache", async ({ page }) => {
  const photoRequests = [];
  // The context sees the service worker's own requests too (Chromium), not only the page's.
  page.context().on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/photos/")) photoRequests.push(Date.now());
  });
  await watchFirstRender(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  const rendered = await page.evaluate(() => window.__renderedAt);
  // Nothing of the photos app is asked for before the first page is up.
  expect(photoRequests.filter((at) => at < rendered)).toEqual([]);
  await expect.poll(() => photoRequests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const name = (await caches.keys()).find((k) => k.startsWith("remodel-photos-"));
          return name ? (await (await caches.open(name)).keys()).length : 0;
        }),
      { timeout: 20_000 },
    )
    .toBe(8);
  // Day one, a tap on Photos: every file of the photos app comes from the service worker.
  const fromNetwork = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith("/photos/") && !response.fromServiceWorker()) fromNetwork.push(url.pathname);
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Photos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Photos" })).toBeVisible();
  expect(fromNetwork).toEqual([]);
});

test("each page starts its wasm and glue from the HTML, and the service worker waits for the first render", async ({ page }) => {
  for (const [page_, dir] of [["index.html", ""], ["photos/index.html", "photos/"], ["kit/index.html", "kit/"]]) {
    const html = await readFile(path.join(dist, page_), "utf8");
    // Both requested by the parser, in parallel, before any script runs.
    expect(html, page_).toMatch(new RegExp(`<link rel="modulepreload" href="/${dir}[\\w-]+\\.js"`));
    expect(html, page_).toMatch(new RegExp(`<link rel="preload" href="/${dir}[\\w-]+_bg\\.wasm"[^>]* as="fetch" type="application/wasm"`));
  }
  const asked = {};
  page.context().on("request", (request) => {
    const url = new URL(request.url()).pathname;
    asked[url] ??= Date.now();
  });
  await watchFirstRender(page);
  // When the app asks for the worker, read by the page's own clock: Playwright's request events
  // arrive later and from another process, so they can't order a request against a render.
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__swRegisteredAt ??= Date.now();
      return register.apply(this, args);
    };
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  const rendered = await page.evaluate(() => window.__renderedAt);
  await expect.poll(() => page.evaluate(() => window.__swRegisteredAt ?? null), { timeout: 10_000 }).not.toBeNull();
  expect(await page.evaluate(() => window.__swRegisteredAt)).toBeGreaterThanOrEqual(rendered);
  await expect.poll(() => asked["/sw.js"], { timeout: 10_000 }).toBeDefined();
  // The wasm's request, by the page's own clock too (Resource Timing), began before the render.
  const wasmAsked = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType("resource")
      .find((r) => /^\/[\w-]+_bg\.wasm$/.test(new URL(r.name).pathname));
    return entry ? performance.timeOrigin + entry.startTime : null;
  });
  expect(wasmAsked).not.toBeNull();
  expect(wasmAsked).toBeLessThan(rendered);
});
