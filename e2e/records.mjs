// What a client does again and again in the end-to-end tests, done the way they do it: through
// the forms, found by role and name. Also two checks many tests share.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "./fixtures.mjs";

export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

import { appDatabaseCreated } from "./stored.mjs";

export { countStored } from "./stored.mjs";

export async function addArea(page, key) {
  await page.goto("/profile");
  const choice = page.getByLabel("Area", { exact: true });
  await choice.waitFor(); // shown once the stored areas are read
  const areas = page.getByRole("list", { name: "Your areas" }).getByRole("listitem");
  const before = await areas.count();
  await choice.selectOption(key);
  await page.getByRole("button", { name: "Add area" }).click();
  // The list grows once the area is stored: leaving the page sooner can cut the write off.
  await expect(areas).toHaveCount(before + 1);
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


/** A stored session record, as the app writes it (for seeding). */
export const sessionRecord = (id, date, status = "done") => ({
  id, date, time: null, status, areas: [{ area_id: "cheeks", depth_mm: 1.5 }], device: "pen", device_model: "",
  passes: null, products: [], numbing: false, clinic: "", practitioner: "", pain: null, notes: "",
});

/** A stored check-in record, as the app writes it (for seeding). */
export const entryRecord = (id, date, redness, gais = null) => ({
  id, date, session_id: null, redness, swelling: 0, pain: null, itch: null, dryness: null, bleeding_or_bruising: false,
  infection_signs: [], dark_patches: false, aftercare_done: [], gais, notes: "",
});

/** Opens the app on a fresh device and waits until it has created its database (Today's empty
 * state shows once the records are read), so seeding finds the stores. */
export async function start(page) {
  await page.goto("/");
  await expect(page.getByText("No sessions yet — add your first").first()).toBeVisible();
}

/** Writes sessions and check-ins (and a profile with a Cheeks area) straight into IndexedDB; the
 * app reads them when it next starts, so reload after. */
export async function seedRecords(page, { sessions, entries }) {
  await appDatabaseCreated(page, ["sessions", "recovery_entries", "settings"]);
  await page.evaluate(async (data) => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open("remodel");
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction(["sessions", "recovery_entries", "settings"], "readwrite");
    data.sessions.forEach((s) => tx.objectStore("sessions").put(s));
    data.entries.forEach((e) => tx.objectStore("recovery_entries").put(e));
    tx.objectStore("settings").put(data.profile);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, {
    sessions,
    entries,
    profile: { key: "profile", skin_type: null, concerns: [], goals: "", areas: [{ id: "cheeks", kind: "cheeks", name: "Cheeks" }] },
  });
}
