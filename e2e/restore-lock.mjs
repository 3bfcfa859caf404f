// Holding the app's restore lock from a page, as a restore running in another tab holds it:
// shared by the Playwright specs and the cross-engine journeys (both page objects take
// `evaluate(fn)`). The name is the app's own (`ui/photos/actions/restore.rs`).

/** Takes the restore lock in `page` and keeps it until `releaseRestoreLock(page)`. */
export const holdRestoreLock = (page) =>
  page.evaluate(
    () =>
      new Promise((granted) =>
        navigator.locks.request("remodel-restore", () => {
          granted();
          return new Promise((release) => (window.__releaseRestoreLock = release));
        }),
      ),
  );

export const releaseRestoreLock = (page) => page.evaluate(() => window.__releaseRestoreLock());
