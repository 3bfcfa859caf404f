// Reading what the app stored, straight from IndexedDB: shared by the Playwright specs and the
// cross-engine journeys (both page objects take `evaluate(fn, arg)`).

/** Resolves once the app has created its database with `stores` (a page's shell shows before the
 * app opens it). Tests that write records straight into it wait for this first: an open of
 * theirs before the app's would create an empty database (WebKit's galleryAtScale once failed
 * so). A check whose open would create it aborts that open, so it never does. */
export async function appDatabaseCreated(page, stores) {
  const deadline = Date.now() + 15_000;
  const created = (stores) =>
    new Promise((resolve) => {
      const open = indexedDB.open("remodel");
      open.onupgradeneeded = () => open.transaction.abort();
      open.onerror = () => resolve(false);
      open.onsuccess = () => {
        resolve(stores.every((store) => open.result.objectStoreNames.contains(store)));
        open.result.close();
      };
    });
  while (!(await page.evaluate(created, stores))) {
    if (Date.now() > deadline) throw new Error(`the app did not create its database (${stores.join(", ")}) within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Counts the records in one object store. */
export const countStored = (page, store) =>
  page.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("remodel");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(store).objectStore(store).count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
    store,
  );

/** The `settings` store's record under `key` (undefined when there is none). */
export const storedSetting = (page, key) =>
  page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("remodel");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("settings").objectStore("settings").get(key);
          get.onsuccess = () => {
            resolve(get.result);
            open.result.close();
          };
        };
      }),
    key,
  );

/** From now on, every IndexedDB read keeps its transaction busy for `ms`: a read-then-write
 * (skipping a step of the guided start) then leaves a long gap before its write, for tests of
 * what happens when the page is left in that gap. */
export const slowEveryRead = (page, ms = 800) =>
  page.evaluate((ms) => {
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (...args) {
      const request = get.apply(this, args);
      const store = this;
      const until = Date.now() + ms;
      const keepBusy = () => {
        if (Date.now() < until) store.count().onsuccess = keepBusy;
      };
      keepBusy();
      return request;
    };
  }, ms);

/** The backup files in the origin-private file system, each `{ path: "<page>/<name>", size }`,
 * or only each one's `field` ("path" or "size") when given; `null` where the browser has no such
 * file system, and "busy" when a folder went while it was listed (the app removing a gone page's
 * copy at that moment: a poll asks again). */
export const backupFilesOnDisk = (page, field) =>
  page.evaluate(async (field) => {
    if (!navigator.storage?.getDirectory) return null;
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("backup").catch(() => null);
    const files = [];
    try {
      if (folder) for await (const [pageId, own] of folder.entries()) for await (const [name, file] of own.entries()) files.push({ path: `${pageId}/${name}`, size: (await file.getFile()).size });
    } catch (error) {
      if (error.name === "NotFoundError") return "busy";
      throw error;
    }
    return field ? files.map((file) => file[field]) : files;
  }, field);
