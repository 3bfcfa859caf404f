// Sessions and the recovery diary, as a new client uses them on a phone.
import { controlledByWorker, expect, mainNav, test } from "./fixtures.mjs";
import {
  addArea,
  addCheckIn,
  addSession,
  countStored,
  entryRecord,
  expectNoAxeViolations,
  seedRecords,
  sessionRecord,
} from "./records.mjs";

const TODAY = new Date("2026-11-24T10:00:00");

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

test("a new client sets up an area, logs sessions and check-ins, and sees the curves", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Set up your areas" }).click();
  await page.getByLabel("Area", { exact: true }).selectOption("cheeks");
  await page.getByRole("button", { name: "Add area" }).click();
  await expect(page.getByRole("list", { name: "Your areas" })).toContainText("Cheeks");
  const details = page.getByRole("form", { name: "Skin and goals" });
  await details.getByRole("radio", { name: /Type IV/ }).check();
  await details.getByRole("checkbox", { name: "Acne scars" }).check();
  await details.getByLabel("Goals", { exact: true }).fill("Smoother cheeks by summer");
  await details.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  // An edit after saving is not saved yet, so the message goes.
  await page.getByLabel("Goals", { exact: true }).fill("Smoother cheeks by summer!");
  await expect(page.getByText("Profile saved.")).toHaveCount(0);
  await page.getByLabel("Goals", { exact: true }).fill("Smoother cheeks by summer");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expectNoAxeViolations(page, "/profile");

  const first = await addSession(page, { date: "2026-10-20", depth: "1.0" });
  const second = await addSession(page, { date: "2026-11-20", depth: "1.5" });
  for (const [date, redness, swelling] of [
    ["2026-10-20", 3, 2],
    ["2026-10-22", 2, 1],
    ["2026-10-24", 1, 0],
    ["2026-11-20", 4, 2],
    ["2026-11-21", 3, 1],
    ["2026-11-22", 1, 0],
  ]) {
    await addCheckIn(page, { date, redness, swelling });
  }
  await expectNoAxeViolations(page, "/recovery");
  await page.goto("/recovery/new");
  await expectNoAxeViolations(page, "/recovery/new");
  await page.goto("/sessions");
  await expectNoAxeViolations(page, "/sessions");

  // Today: days since the last session, and a check-in in three taps.
  await page.goto("/");
  await expect(page.getByText("Day 4")).toBeVisible();
  const checkIn = page.getByRole("form", { name: "Today's check-in" });
  await checkIn.getByRole("group", { name: "Redness" }).getByRole("radio", { name: "0 Clear" }).click();
  await checkIn.getByRole("group", { name: "Swelling" }).getByRole("radio", { name: "0 None" }).click();
  await checkIn.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("Checked in today: redness clear, swelling none.")).toBeVisible();
  // A week after the first session without a rating, Today asks for one.
  await expect(page.getByRole("region", { name: "Weekly check" })).toBeVisible();
  await expectNoAxeViolations(page, "/ (Today)");

  // The newer session's page: its curve, its check-ins, and the comparison with session 1.
  await page.goto(second);
  await expect(page.getByRole("heading", { level: 1, name: "Session on 20 Nov 2026" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Redness, swelling and pain by day after this session" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Check-ins" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByText("Redness settled (≤1) on day 2 after session 2, day 4 after session 1.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Redness after each Cheeks session" })).toBeVisible();
  await expectNoAxeViolations(page, "session page");

  // Edit the depth.
  await page.getByRole("link", { name: "Edit session" }).click();
  await page.getByLabel("Needle depth for Cheeks (mm)").fill("1.75");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Cheeks at 1.75 mm")).toBeVisible();
  // An edit can be undone too.
  await expect(page.getByRole("status").filter({ hasText: "Session updated." })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Cheeks at 1.5 mm")).toBeVisible();
  await page.getByRole("link", { name: "Edit session" }).click();
  await page.getByLabel("Needle depth for Cheeks (mm)").fill("1.75");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Cheeks at 1.75 mm")).toBeVisible();

  // Delete a check-in, then undo.
  await page.goto("/recovery");
  await page.getByRole("button", { name: "Delete check-in of 22 Oct 2026" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check-in deleted." })).toBeVisible();
  // The deleted row's button is gone; focus is on Undo, not lost.
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Delete check-in of 22 Oct 2026" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("button", { name: "Delete check-in of 22 Oct 2026" })).toBeVisible();

  // Delete the first session (with its check-ins), then undo.
  await page.goto(first);
  await page.getByRole("button", { name: "Delete session" }).click();
  await expect(page).toHaveURL("/sessions");
  await expect(page.getByRole("status").filter({ hasText: "Session and its 3 check-ins deleted." })).toBeVisible();
  await expect(page.getByRole("link", { name: "20 Oct 2026" })).toHaveCount(0);
  expect(await countStored(page, "recovery_entries")).toBe(4);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "20 Oct 2026" })).toBeVisible();
  expect(await countStored(page, "recovery_entries")).toBe(7);

  // Everything is still there after a reload.
  await page.reload();
  await page.goto("/profile");
  await expect(page.getByRole("radio", { name: /Type IV/ })).toBeChecked();
  await expect(page.getByLabel("Goals", { exact: true })).toHaveValue("Smoother cheeks by summer");
  await page.goto("/sessions");
  const cheeks = page.getByRole("region", { name: "Cheeks" });
  await expect(cheeks.getByRole("link")).toHaveText(["20 Nov 2026", "20 Oct 2026"]);
  expect(await countStored(page, "sessions")).toBe(2);
});

test("offline, a check-in is saved and survives a reload", async ({ page, context }) => {
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await controlledByWorker(page);
  await context.setOffline(true);
  await addCheckIn(page, { date: "2026-11-23", redness: 2, swelling: 1 });
  await page.reload();
  await expect(page.getByRole("button", { name: "Delete check-in of 23 Nov 2026" })).toBeVisible();
  await expect(page.getByText("Day 3 after the session of 20 Nov 2026")).toBeVisible();
  await context.setOffline(false);
});

test("invalid input shows a message beside the field and stores nothing", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/sessions/new");
  await page.getByLabel("Date", { exact: true }).fill("2026-11-25");
  await page.getByRole("checkbox", { name: "Cheeks" }).check();
  await page.getByLabel("Needle depth for Cheeks (mm)").fill("3.5");
  await page.getByLabel("Notes").fill("x".repeat(5_001));
  await page.getByRole("button", { name: "Save session" }).click();
  // Focus lands on the first field to fix.
  await expect(page.getByLabel("Date", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Date", { exact: true })).toHaveAccessibleDescription(/can't be in the future/);
  await expect(page.getByLabel("Needle depth for Cheeks (mm)")).toHaveAccessibleDescription(/between 0.1 and 3 mm/);
  await expect(page.getByLabel("Notes")).toHaveAccessibleDescription("Notes can be at most 5,000 characters (now 5,001).");
  await expect(page.getByText("Nothing was saved")).toBeVisible();
  await expectNoAxeViolations(page, "session form with errors");
  await expect(page).toHaveURL("/sessions/new");
  expect(await countStored(page, "sessions")).toBe(0);

  await page.goto("/recovery/new");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("Choose how red the skin is, from 0 (clear) to 4 (severe).")).toBeVisible();
  await expectNoAxeViolations(page, "check-in form with errors");
  expect(await countStored(page, "recovery_entries")).toBe(0);
});

test("notes with markup render as text and run nothing", async ({ page }) => {
  const attack = `<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>`;
  await addArea(page, "cheeks");
  const session = await addSession(page, { date: "2026-11-20", depth: "1.5", notes: attack });
  await addCheckIn(page, { date: "2026-11-21", redness: 2, swelling: 1, notes: attack });
  await expect(page.getByText(attack)).toBeVisible();
  await page.goto(session);
  await expect(page.getByText(attack).first()).toBeVisible();
  expect(await page.locator("main img, main script, main svg[onload]").count()).toBe(0);
});

test("redness still moderate after day 3 prompts contacting the clinic", async ({ page }) => {
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-19", depth: "1.5" });
  await addCheckIn(page, { date: "2026-11-20", redness: 4, swelling: 2 });
  await addCheckIn(page, { date: "2026-11-24", redness: 3, swelling: 1 });
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  const card = page.getByRole("region", { name: "Contact your clinic" });
  await expect(card).toContainText("Redness is still moderate on day 5");
  await expect(card).toContainText("not a diagnosis");
  await expectNoAxeViolations(page, "Today with a safety prompt");
});

test("today's check-in can be done with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  const checkIn = page.getByRole("form", { name: "Today's check-in" });
  await expect(checkIn).toBeVisible();
  const redness = checkIn.getByRole("group", { name: "Redness" });
  for (let i = 0; i < 30 && !(await redness.evaluate((g) => g.contains(document.activeElement))); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("ArrowRight"); // from "0 Clear" to "1 Almost clear", which checks it
  await expect(redness.getByRole("radio", { name: "1 Almost clear" })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowRight");
  await expect(checkIn.getByRole("group", { name: "Swelling" }).getByRole("radio", { name: "1 Mild" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(checkIn.getByRole("button", { name: "Done" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Checked in today: redness almost clear, swelling mild.")).toBeVisible();
  // The card is gone: focus moves to what replaced it.
  await expect(page.getByRole("region", { name: "Today's check-in" })).toBeFocused();
});

test("a diary of years: recent check-ins show first, and the older ones follow everywhere", async ({ page }) => {
  await addArea(page, "cheeks");
  await addSession(page, { date: "2025-06-02", depth: "1.5", notes: "First" });
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await addCheckIn(page, { date: "2025-06-04", redness: 3, swelling: 1, notes: "A year and a half ago" });
  await addCheckIn(page, { date: "2026-11-22", redness: 1, swelling: 0 });
  await page.reload(); // start-up reads the last 120 days first, then the rest
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("paragraph").filter({ hasText: /^Day 4$/ })).toBeVisible();
  await mainNav(page).getByRole("link", { name: "Recovery" }).click();
  const list = page.getByRole("list", { name: "Check-ins" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list).toContainText("A year and a half ago");
  await list.getByRole("link", { name: "Edit check-in of 4 Jun 2025" }).click();
  await expect(page.getByLabel("Notes")).toHaveValue("A year and a half ago");
  // Opened directly (a fresh start), an old check-in waits for the older read instead of "no longer exists".
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue("A year and a half ago");
  await mainNav(page).getByRole("link", { name: "Sessions" }).click();
  await page.getByRole("link", { name: "2 Jun 2025" }).click();
  await expect(page.getByRole("list", { name: "Check-ins" })).toContainText("A year and a half ago");
});

test("a session's page lists its latest week of check-ins, and all of them on request", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const days = Array.from({ length: 9 }, (_, i) => `2026-11-${String(11 + i).padStart(2, "0")}`);
  await seedRecords(page, {
    sessions: [sessionRecord("s1", "2026-11-10")],
    entries: days.map((day, i) => entryRecord(`e${i}`, day, Math.max(0, 3 - i))),
  });
  await page.goto("/sessions/s1");
  const list = page.getByRole("list", { name: "Check-ins" });
  await expect(list.getByRole("listitem")).toHaveCount(7);
  await expect(list.getByRole("listitem").first()).toContainText("19 Nov 2026");
  const toggle = page.getByRole("button", { name: "Show all 9 check-ins" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(list.getByRole("listitem")).toHaveCount(9);
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(list.getByRole("listitem")).toHaveCount(7);
});
