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
