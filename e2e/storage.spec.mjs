// Storage on the device: the database the app creates, and what the client sees when storage
// can't be used.
import { SECTIONS, appReady, expect, mainNav, test } from "./fixtures.mjs";

const openDatabase = (page, version) =>
  page.evaluate(
    (version) =>
      new Promise((resolve, reject) => {
        const request = version ? indexedDB.open("remodel", version) : indexedDB.open("remodel");
        request.onsuccess = () => {
          const db = request.result;
          const info = { version: db.version, stores: [...db.objectStoreNames].sort() };
          db.close();
          resolve(info);
        };
        request.onerror = () => reject(request.error);
      }),
    version,
  );

test("the app creates its database at version 1 with every store", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByTestId("storage-usage")).toContainText(/used of .* available/);
  expect(await openDatabase(page)).toEqual({
    version: 1,
    stores: ["photo_bytes", "photos", "recovery_entries", "sessions", "settings"],
  });
});

test("Settings says whether storage is persistent, having asked once", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByTestId("storage-persistence")).toContainText(/Persistent storage|does not say/);
  const requested = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open("remodel");
        request.onsuccess = () => {
          const get = request.result.transaction("settings").objectStore("settings").get("app");
          get.onsuccess = () => resolve(get.result?.persistence_requested);
        };
      }),
  );
  expect(requested).toBe(true);
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
    await mainNav(page).getByRole("link", { name: "Settings" }).click();
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
  for (const { title } of SECTIONS) {
    await expect(mainNav(page).getByRole("link", { name: title })).toBeVisible();
  }
});
