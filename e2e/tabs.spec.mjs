// Two tabs of the app on one device (a browser tab beside the installed app, say) share one
// database: a save in one shows in the other without a reload (BroadcastChannel), and an edit
// begun on an older version is refused instead of writing over the newer one (the stored
// version is checked in the same transaction as the write).
import { expect, test } from "./fixtures.mjs";
import { addArea, addSession } from "./records.mjs";

test("a save in one tab shows in the other, and an edit from an older version never overwrites the newer", async ({ page, context }) => {
  await addArea(page, "cheeks");
  const sessionUrl = await addSession(page, { date: "2026-11-10", depth: "1.5", notes: "First notes" });
  const other = await context.newPage();
  await other.goto(`${sessionUrl}/edit`);
  await expect(other.getByLabel("Notes")).toHaveValue("First notes");

  // Tab A saves first.
  await page.goto(`${sessionUrl}/edit`);
  await page.getByLabel("Notes").fill("Saved in the first tab");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page).toHaveURL(sessionUrl);

  // Tab B's form was filled from the older version: its save is refused, said beside Save, and
  // the form now shows the newer version to start again from.
  await other.getByLabel("Notes").fill("Typed in the second tab, from the older version");
  await other.getByRole("button", { name: "Save session" }).click();
  await expect(other.getByText("This was changed in another tab or window since you opened it")).toBeVisible();
  await expect(other.getByLabel("Notes")).toHaveValue("Saved in the first tab");
  const stored = () =>
    page.evaluate(async (id) => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open("remodel");
        open.onsuccess = () => resolve(open.result);
      });
      const record = await new Promise((resolve) => {
        const get = db.transaction("sessions").objectStore("sessions").get(id);
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return record.notes;
    }, sessionUrl.split("/").pop());
  expect(await stored()).toBe("Saved in the first tab");

  // From the newer version, tab B's edit is saved, and tab A shows it without a reload.
  await other.getByLabel("Notes").fill("Saved in the second tab");
  await other.getByRole("button", { name: "Save session" }).click();
  await expect(other).toHaveURL(sessionUrl);
  expect(await stored()).toBe("Saved in the second tab");
  await page.evaluate(() => (window.__sameDocument = true));
  await expect(page.getByText("Saved in the second tab")).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument), "shown without a reload").toBe(true);
});
