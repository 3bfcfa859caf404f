// Installable and offline: the service worker, the manifest, and the update prompt.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appReady, controlledByWorker, expect, test } from "./fixtures.mjs";

const root = path.resolve(import.meta.dirname, "..");

test("after one visit the app reloads and works with the network off", async ({ page, context }) => {
  await page.goto("/");
  await appReady(page);
  await controlledByWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  // A deep link the client never opened online is served from the cached shell too.
  await page.goto("/recovery");
  await expect(page.getByRole("heading", { level: 1, name: "Recovery" })).toBeVisible();
  await context.setOffline(false);
});

test.describe("with service workers blocked", () => {
  test.use({ serviceWorkers: "block" });

  test("the same offline reload fails, so the worker is what makes the app work offline", async ({ page, context }) => {
    await page.goto("/");
    await appReady(page);
    await context.setOffline(true);
    await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.setOffline(false);
  });
});

test("Chrome finds the app installable", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await controlledByWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // A Playwright context is an incognito-like profile; everything else must be clean.
  const blocking = installabilityErrors.filter((e) => e.errorId !== "in-incognito");
  expect(blocking).toEqual([]);
});

test("the manifest names the app and its icons are real PNGs of the stated sizes", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining("Remodel"),
    short_name: "Remodel",
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
  });
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort();
  expect(purposes).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const png = await (await request.get(icon.src)).body();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
});

test("the service worker precaches every file of the build", async ({ request }) => {
  const worker = await (await request.get("/sw.js")).text();
  const precache = JSON.parse(worker.match(/const PRECACHE = (\[.*\]);/)[1]);
  const { readdir } = await import("node:fs/promises");
  const built = (await readdir(path.join(root, "dist"), { recursive: true, withFileTypes: true }))
    // Not the compressed copies (.ci/compress.mjs): the server sends them in the files' place.
    .filter((e) => e.isFile() && e.name !== "sw.js" && !/\.(br|gz)$/.test(e.name))
    .map((e) => "/" + path.relative(path.join(root, "dist"), path.join(e.parentPath, e.name)))
    // The clinic kit is a separate app for clinics, used online; clients never need it offline.
    .filter((url) => !url.startsWith("/kit/"))
    // The photos app is not part of the first load either: kept once used (README "Photos").
    .filter((url) => !url.startsWith("/photos/"));
  expect(precache.sort()).toEqual(built.sort());
  expect(precache.some((url) => url.endsWith("_bg.wasm"))).toBe(true);
});

test.describe("an update", () => {
  const port = 8093;
  let served;
  let server;
  test.use({ baseURL: `http://127.0.0.1:${port}` });

  test.beforeAll(async () => {
    // A copy of the build, served on its own port, so the test can publish a "new version".
    served = await mkdtemp(path.join(os.tmpdir(), "remodel-update-"));
    await cp(path.join(root, "dist"), served, { recursive: true });
    server = spawn("node", [path.join(root, ".ci/serve.mjs"), served, String(port)], { stdio: "pipe" });
    await new Promise((resolve, reject) => {
      server.stdout.once("data", resolve);
      server.once("exit", (code) => reject(new Error(`test server exited: ${code}`)));
    });
  });

  test.afterAll(async () => {
    server?.kill();
    if (served) await rm(served, { recursive: true, force: true });
  });

  test("waits in the background, then the page offers a reload that switches to it", async ({ page }) => {
    await page.goto("/");
    await appReady(page);
    await controlledByWorker(page);
    const status = page.getByRole("status").filter({ hasText: "A new version is ready" });
    await expect(status).toHaveCount(0);

    // Publish a new build: a new worker version.
    const workerPath = path.join(served, "sw.js");
    const worker = await readFile(workerPath, "utf8");
    const oldVersion = worker.match(/const CACHE_VERSION = "([^"]+)"/)[1];
    await writeFile(workerPath, worker.replace(`"${oldVersion}"`, `"${oldVersion}-next"`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    await expect(status).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await Promise.all([page.waitForEvent("framenavigated"), status.getByRole("button", { name: "Reload" }).click()]);
    await appReady(page);
    await expect(status).toHaveCount(0);
    // The new worker took over, and the old version's caches are deleted.
    // (The photos app's cache, filled in the background on a controlled visit, follows the
    // version too: only caches of the new version are left.)
    // The old caches go once no open page needs them: the reloaded page asks the worker to tidy up.
    await expect
      .poll(() => page.evaluate(() => caches.keys()))
      .toEqual(expect.arrayContaining([`remodel-${oldVersion}-next`]));
    await expect
      .poll(async () => (await page.evaluate(() => caches.keys())).filter((key) => !key.endsWith(`${oldVersion}-next`)))
      .toEqual([]);
  });
});
