// Fixtures every spec uses:
// - a network audit: any request to an origin other than the app's own fails the test;
// - a CSP watch: any Content-Security-Policy violation in the page fails the test;
// - helpers to find the app's sections as a person would.
import { test as base, expect } from "@playwright/test";

// `photoApp`: served by the photos app (README "Why photos are a separate app"), so reached by a
// page load rather than in-app navigation.
export const SECTIONS = [
  { title: "Today", path: "/" },
  { title: "Timeline", path: "/timeline" },
  { title: "Sessions", path: "/sessions" },
  { title: "Recovery", path: "/recovery" },
  { title: "Photos", path: "/photos", photoApp: true },
  { title: "Compare", path: "/photos/compare", photoApp: true },
  { title: "Clinic", path: "/clinic" },
  { title: "Settings", path: "/settings", photoApp: true },
];

export const test = base.extend({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const own = new URL(baseURL).origin;
      const foreign = [];
      context.on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== own) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, "requests to origins other than the app's own").toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations = [];
      await context.exposeBinding("__reportCspViolation", (_source, text) => violations.push(text));
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI}`),
        );
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app has started and storage is open (Settings shows the estimate). */
export async function appReady(page) {
  // The static shell has a heading of its own ("Remodel", "Opening…") and the same navigation, so
  // the app is ready only once its wasm has taken the shell away (`ui::platform::shell`).
  await expect(page.locator("#shell")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

export const mainNav = (page) => page.getByRole("navigation", { name: "Main" });

/** Opens a section from the navigation as a person would: from the bar, or on a phone through
 * "More" when the section is not in the bar. */
export async function openSection(page, title) {
  const nav = mainNav(page);
  const link = nav.getByRole("link", { name: title, exact: true });
  if (!(await link.isVisible())) await nav.getByRole("button", { name: "More" }).click();
  await link.click();
}

/**
 * Resolves once the page is controlled by the service worker (its first visit is over).
 *
 * Waits for an active worker first. A page that navigated while the worker was still installing
 * can miss its `clients.claim()` (the new document was created after the claim), so it stays
 * uncontrolled until the next load; a client would get offline use from their next visit, and the
 * test reloads once to be that next visit.
 */
export async function controlledByWorker(page) {
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        setTimeout(() => reject(new Error("no active service worker after 30 s")), 30_000);
        navigator.serviceWorker.ready.then(() => resolve());
      }),
  );
  if (!(await page.evaluate(() => navigator.serviceWorker.controller != null))) {
    await page.reload();
    await appReady(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
}
