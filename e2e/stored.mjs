// Reading what the app stored, straight from IndexedDB: shared by the Playwright specs and the
// cross-engine journeys (both page objects take `evaluate(fn, arg)`).

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
