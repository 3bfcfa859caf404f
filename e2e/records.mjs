// What a client does again and again in the end-to-end tests, done the way they do it: through
// the forms, found by role and name. Also two checks many tests share.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "./fixtures.mjs";

export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Counts the records in one object store, straight from IndexedDB. */
export const countStored = (page, store) =>
  page.evaluate(
    (store) =>
      new Promise((resolve) => {
        const open = indexedDB.open("remodel");
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

export async function addArea(page, key) {
  await page.goto("/profile");
  await page.getByLabel("Area", { exact: true }).selectOption(key);
  await page.getByRole("button", { name: "Add area" }).click();
}

export async function addSession(page, { date, depth, notes = "" }) {
  await page.goto("/sessions/new");
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByRole("checkbox", { name: "Cheeks" }).check();
  await page.getByLabel("Needle depth for Cheeks (mm)").fill(depth);
  if (notes) await page.getByLabel("Notes").fill(notes);
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  return page.url();
}

export async function addCheckIn(page, { date, redness, swelling, notes = "" }) {
  await page.goto("/recovery/new");
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByRole("group", { name: "Redness" }).getByRole("radio", { name: new RegExp(`^${redness} `) }).check();
  await page.getByRole("group", { name: "Swelling" }).getByRole("radio", { name: new RegExp(`^${swelling} `) }).check();
  if (notes) await page.getByLabel("Notes").fill(notes);
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page).toHaveURL("/recovery");
}

