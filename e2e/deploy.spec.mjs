// A deploy while pages are open (issue "Nothing lost", deploys and the service worker): build A
// is served and opened, the server switches to build B, and
// - a page of A keeps working: it imports a photo through A's own photo worker, before B takes
//   over and after (when B's worker controls it and A's files are gone from the server);
// - the update prompt appears, and Reload gives B;
// - B works offline at once, its photos app and photo worker included (precached before it took
//   over);
// - A's caches go once no open page needs them.
//
// Build B: e2e/deploy-build.mjs.
import { rm } from "node:fs/promises";
import path from "node:path";
import { serve } from "../.ci/serve.mjs";
import { buildB, loaderOf, versionOf } from "./deploy-build.mjs";
import { appReady, controlledByWorker, expect, test } from "./fixtures.mjs";
import { ORIENTED, importFiles } from "./photo-helpers.mjs";
import { addArea } from "./records.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = 8094;
test.use({ baseURL: `http://127.0.0.1:${port}` });

let server;
let distB;
const distA = path.join(root, "dist");

test.beforeAll(async () => {
  distB = await buildB(distA);
  server = await serve({ root: distA, port });
});

test.afterAll(async () => {
  await server?.stop();
  if (distB) await rm(distB, { recursive: true, force: true });
});

test("a deploy never breaks an open page, the new version works offline at once, and the old files go once no page needs them", async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const [loaderA, loaderB] = [await loaderOf(distA), await loaderOf(distB)];
  const [versionA, versionB] = [await versionOf(distA), await versionOf(distB)];
  expect(loaderB).not.toBe(loaderA);

  // Build A, after a first visit (the photos app fetched in the background).
  await page.goto("/");
  await appReady(page);
  await controlledByWorker(page);
  await addArea(page, "cheeks");
  await expect.poll(() => page.evaluate((url) => caches.match(url).then(Boolean), loaderA), { timeout: 30_000 }).toBe(true);
  const photosA = await context.newPage();
  await photosA.goto("/photos/add");
  await expect(photosA.getByRole("heading", { level: 1 })).toBeVisible();

  // The host switches to build B: A's files are gone from the server.
  server.setRoot(distB);
  expect((await page.request.get(loaderA)).status()).toBe(404);
  // Nor does the browser's HTTP cache keep them (a phone evicts it): only the worker's caches can.
  await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const prompt = page.getByRole("status").filter({ hasText: "A new version is ready" });
  await expect(prompt).toBeVisible({ timeout: 30_000 });

  // While B waits, an open page of A imports through A's worker, from A's cache.
  await importFiles(photosA, [ORIENTED[1]]);
  await expect(photosA.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
  // A second page of A, opened now (A still serves pages), that starts its worker only after B
  // has taken over.
  const laterA = await context.newPage();
  await laterA.goto("/photos/add");
  await expect(laterA.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await laterA.locator('meta[name="remodel-photo-worker"]').getAttribute("content")).toBe(loaderA);

  // Reload gives B, which now controls every page.
  await Promise.all([page.waitForEvent("framenavigated"), prompt.getByRole("button", { name: "Reload" }).click()]);
  await appReady(page);
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`remodel-photos-${versionB}`);

  // The page of A, now under B's worker, still gets A's worker files (kept: a page needs them).
  await importFiles(laterA, [ORIENTED[2]]);
  await expect(laterA.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
  expect(await page.evaluate(() => caches.keys())).toContain(`remodel-photos-${versionA}`);

  // B works offline at once: its photos app and its worker were precached before it took over.
  await laterA.close();
  await photosA.close();
  server.setOffline(true);
  await context.setOffline(true);
  await page.goto("/photos/add");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.locator('meta[name="remodel-photo-worker"]').getAttribute("content")).toBe(loaderB);
  await importFiles(page, [ORIENTED[3]]);
  await expect(page.getByRole("status").filter({ hasText: "1 of 1 added." })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();

  // No page of A is open: A's caches go, B's stay.
  await context.setOffline(false);
  server.setOffline(false);
  await page.reload();
  await appReady(page);
  await expect
    .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
    .toEqual(expect.not.arrayContaining([`remodel-${versionA}`, `remodel-photos-${versionA}`]));
  const keys = await page.evaluate(() => caches.keys());
  expect(keys.filter((key) => !key.endsWith(versionB))).toEqual([]);
  expect(keys).toContain(`remodel-photos-${versionB}`);
});
