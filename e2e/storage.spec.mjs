// Storage on the device: the database the app creates, and what the client sees when storage
// can't be used.
import { appReady, expect, mainNav, openSection, SECTIONS, test } from "./fixtures.mjs";

const openDatabase = (page, version) =>
  page.evaluate(
    (version) =>
      new Promise((resolve, reject) => {
        const request = version ? indexedDB.open("remodel", version) : indexedDB.open("remodel");
        request.onsuccess = () => {
          const db = request.result;
          const info = { version: db.version, stores: [...db.objectStoreNames].sort() };
          if (db.objectStoreNames.contains("photos")) {
            info.photoIndexes = [...db.transaction("photos").objectStore("photos").indexNames].sort();
          }
          db.close();
          resolve(info);
        };
        request.onerror = () => reject(request.error);
      }),
    version,
  );

test("the app creates its database at version 3 with every store and index", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByTestId("storage-usage")).toContainText(/used of .* available/);
  expect(await openDatabase(page)).toEqual({
    version: 3,
    stores: ["photo_bytes", "photo_thumbs", "photos", "recovery_entries", "sessions", "settings"],
    photoIndexes: ["by_area", "by_taken_at"],
  });
});

test("Settings shows the storage estimate at once and asks to keep the data only from a tap", async ({ page }) => {
  // persist() never answers here, as in Firefox, where it waits behind a permission prompt.
  await page.addInitScript(() => {
    window.__persistCalls = 0;
    StorageManager.prototype.persist = () => {
      window.__persistCalls += 1;
      return new Promise(() => {});
    };
  });
  await page.goto("/settings");
  const storage = page.getByRole("region", { name: "Storage on this device" });
  await expect(page.getByTestId("storage-usage")).toContainText(/used of .* available/);
  await expect(page.getByTestId("storage-persistence")).toContainText(/Persistent storage/);
  await expect(storage).not.toContainText("Checking this device's storage");
  expect(await page.evaluate(() => window.__persistCalls), "nothing asked before a tap").toBe(0);
  await storage.getByRole("button", { name: "Keep my data on this device" }).click();
  await expect(storage.getByRole("status")).toHaveText(/^Waiting for the browser's answer/);
  expect(await page.evaluate(() => window.__persistCalls)).toBe(1);
  // The rest of the app is not held up by the pending answer.
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
});

test("a granted request says the data is kept", async ({ page }) => {
  await page.addInitScript(() => {
    let granted = false;
    StorageManager.prototype.persisted = () => Promise.resolve(granted);
    StorageManager.prototype.persist = () => ((granted = true), Promise.resolve(true));
  });
  await page.goto("/settings");
  const storage = page.getByRole("region", { name: "Storage on this device" });
  await storage.getByRole("button", { name: "Keep my data on this device" }).click();
  await expect(storage.getByRole("status")).toHaveText(/^Persistent storage is on/);
  // Kept: nothing left to ask.
  await expect(storage.getByRole("button", { name: "Keep my data on this device" })).toHaveCount(0);
});

test("without navigator.storage (older Safari), Settings says what that means for keeping data", async ({ page }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.storage;
  });
  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Storage on this device" })).toContainText(
    "This browser may not keep Remodel's data",
  );
  await expect(page.getByRole("button", { name: "Keep my data on this device" })).toHaveCount(0);
});

const unavailable = {
  "IndexedDB missing": () => Object.defineProperty(window, "indexedDB", { get: () => undefined }),
  "IndexedDB refusing to open (private window)": () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError");
    };
  },
};

for (const [name, script] of Object.entries(unavailable)) {
  test(`${name}: the app explains what to do and keeps working`, async ({ page }) => {
    await page.addInitScript(script);
    await page.goto("/");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("not letting Remodel save anything");
    await expect(alert).toContainText("normal window");
    // Still navigable, and Settings repeats the reason next to the storage details.
    await openSection(page, "Settings");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Storage on this device" })).toContainText("not letting Remodel");
  });
}

test("data from a newer version of the app is left alone, with a clear message", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  // Another (newer) Remodel upgraded this device's database.
  expect((await openDatabase(page, 7)).version).toBe(7);
  await page.reload();
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of Remodel");
  expect((await openDatabase(page)).version).toBe(7);
  await mainNav(page).getByRole("button", { name: "More" }).click();
  for (const { title } of SECTIONS) {
    await expect(mainNav(page).getByRole("link", { name: title })).toBeVisible();
  }
});

test.describe("a device out of space", () => {
  // The service worker's caches would count against the small quota too.
  test.use({ serviceWorkers: "block" });

  test("a write the disk refuses at its commit says the device is out of space, beside the action, and stores nothing", async ({ page }) => {
    // A real quota, not a patched call: before the app first stores anything, Chromium is told this
    // origin may keep 8 KB, so IndexedDB itself aborts the first write at its commit with a
    // QuotaExceededError (the database and its stores are made; an area is not). (The kit's page
    // stores nothing.) Before the fix the app said "the write was cancelled". Chromium only: the
    // quota override is a DevTools-protocol command, and WebDriver has none for WebKit or Firefox;
    // the message itself comes from the same shared commit path in every engine.
    await page.goto("/kit/");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(page.url()).origin, quotaSize: 8 * 1024 });
    await page.goto("/profile");
    const choice = page.getByLabel("Area", { exact: true });
    await choice.selectOption("cheeks");
    const add = page.getByRole("button", { name: "Add area" });
    await add.click();
    const refusal = page.getByRole("alert").filter({ hasText: "This device has run out of space for Remodel. Nothing was changed." });
    await expect(refusal).toBeVisible();
    // Beside the action: the message follows the button in the same part of the page.
    await expect(page.getByRole("region", { name: "Treatment areas" }).getByRole("alert")).toHaveText(await refusal.textContent());
    const areas = page.getByRole("list", { name: "Your areas" }).getByRole("listitem");
    await expect(areas).toHaveCount(0);
    await page.reload();
    await expect(choice).toBeVisible();
    await expect(areas).toHaveCount(0);
  });
});
