// A newcomer's first week at phone size (release build): the way to the first session and to the
// profile, the diary saying what was rated, choices that keep their padding, and the clinic kit's
// disclosure that shows it opens. (The phone's navigation is in shell.spec.mjs; restore and
// calendar messages in data.spec.mjs; gallery tiles in photos.spec.mjs; Blend and the redness map
// legend in compare.spec.mjs.)
import { expect, openSection, test } from "./fixtures.mjs";
import { addArea, addCheckIn, addSession, entryRecord, expectNoAxeViolations, seedRecords, sessionRecord, start } from "./records.mjs";
import { countStored, slowEveryRead, storedSetting } from "./stored.mjs";
import { ASTRONAUT, importFiles } from "./photo-helpers.mjs";

test("the first screens lead to the first session, and the profile stays in reach from Today and Settings", async ({ page }) => {
  await start(page);
  // No areas yet: "Getting started" leads; no button to a session form that would send them back.
  await expect(page.getByRole("link", { name: "Set up your areas" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add your first session" })).toHaveCount(0);
  await addArea(page, "cheeks");
  await page.goto("/");
  await page.getByRole("link", { name: "Add your first session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a session" })).toBeVisible();
  await addSession(page, { date: "2026-11-20", depth: "1.5" });

  await page.goto("/");
  await page.getByRole("link", { name: "Your profile: areas, skin type and goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await openSection(page, "Settings");
  await page.getByRole("region", { name: "Your profile" }).getByRole("link", { name: "Edit your profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your areas" })).toContainText("Cheeks");
});

test("the diary shows the improvement rating where one was given", async ({ page }) => {
  await start(page);
  await seedRecords(page, {
    sessions: [sessionRecord("s1", "2026-11-01")],
    entries: [entryRecord("e1", "2026-11-02", 3), entryRecord("e2", "2026-11-09", 1, 2)],
  });
  await page.reload();
  await page.goto("/recovery");
  const items = page.getByRole("list", { name: /check-ins/i }).getByRole("listitem");
  await expect(items.filter({ hasText: "9 Nov 2026" })).toContainText("improvement: much improved");
  await expect(items.filter({ hasText: "2 Nov 2026" })).not.toContainText("improvement");
});

for (const width of [360, 390]) {
  test(`at ${width} px every choice keeps its padding and its words inside`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await addArea(page, "cheeks");
    await addSession(page, { date: "2026-11-20", depth: "1.5" });
    await page.goto("/recovery/new");
    await expect(page.getByRole("button", { name: "Save check-in" })).toBeVisible();
    for (const name of ["Redness", "Swelling", /^Improvement since/]) {
      const labels = page.getByRole("group", { name }).locator(".scale__option label");
      expect(await labels.count(), `${name}: its choices`).toBeGreaterThanOrEqual(4);
      const overflow = await labels.evaluateAll((all) =>
        all
          .map((label) => {
            const box = label.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(label);
            const text = range.getBoundingClientRect();
            const room = Math.min(text.left - box.left, box.right - text.right);
            return { word: label.textContent, room: Math.round(room), clipped: label.scrollWidth > label.clientWidth };
          })
          .filter((l) => l.clipped || l.room < 3),
      );
      expect(overflow, `${name} at ${width} px`).toEqual([]);
    }
    await expectNoAxeViolations(page, `check-in form at ${width} px`);
  });
}

test("the clinic kit's collapsed depth table shows that it opens", async ({ page }) => {
  await page.goto("/kit/");
  const summary = page.getByText("Usual needle depth per area", { exact: true });
  await expect(summary).toBeVisible();
  const marker = () =>
    summary.evaluate((s) => {
      const before = getComputedStyle(s, "::before");
      return { border: before.borderRightWidth, transform: before.transform };
    });
  const closed = await marker();
  expect(closed.border).toBe("2px");
  await summary.click();
  await expect(summary.locator("xpath=..")).toHaveAttribute("open", "");
  await expect.poll(async () => (await marker()).transform).not.toBe(closed.transform);
});

test("axe stays clean in both themes on pages with data in them", async ({ page }) => {
  await start(page);
  await seedRecords(page, {
    sessions: [sessionRecord("s1", "2026-11-01"), sessionRecord("s2", "2026-12-20", "planned")],
    entries: [entryRecord("e1", "2026-11-02", 3), entryRecord("e2", "2026-11-09", 1, 2)],
  });
  await page.reload();
  for (const path of ["/", "/timeline", "/sessions", "/sessions/s1", "/recovery", "/profile", "/profile/screening", "/timeline/evidence"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `${path} with data (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: "light" });
  }
});

test("the guided start leads through the first week; each step can be skipped and brought back from Today", async ({ page }) => {
  await start(page);
  const card = page.getByRole("region", { name: "Getting started" });
  const steps = card.getByRole("list", { name: "Next steps" }).getByRole("listitem");
  await expect(card).toContainText("0 of 5 done.");
  await expect(steps).toHaveCount(5);
  await expect(steps.first()).toContainText("Choose the areas you treat");
  // Restoring a backup is offered on the first screen too.
  await expect(card.getByRole("link", { name: "Moving from another phone? Restore a backup" })).toHaveAttribute("href", "/data");
  await expectNoAxeViolations(page, "Today's guided start");

  // Skipped for now, and still skipped after a reload.
  await card.getByRole("button", { name: "Skip for now: Answer what clinics ask before a session" }).click();
  await expect(steps).toHaveCount(4);
  await page.reload();
  await expect(steps).toHaveCount(4);
  await expect(steps.filter({ hasText: "Answer what clinics ask" })).toHaveCount(0);

  // Done steps leave the list as they are done.
  await card.getByRole("link", { name: "Set up your areas" }).click();
  await addArea(page, "cheeks");
  await page.goto("/");
  await expect(card).toContainText("1 of 5 done.");
  await card.getByRole("link", { name: "Add a session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a session" })).toBeVisible();
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await page.goto("/");
  await expect(card).toContainText("2 of 5 done.");
  await expect(steps.first()).toContainText("Take a first photo of each area");
  await expect(steps.first().getByRole("link", { name: "Add photos" })).toHaveAttribute("href", "/photos/add");

  // The skipped step comes back on request.
  await card.getByRole("button", { name: "Show the skipped step" }).click();
  await expect(steps.filter({ hasText: "Answer what clinics ask" })).toHaveCount(1);
  await steps.filter({ hasText: "Answer what clinics ask" }).getByRole("link", { name: "Answer the checklist" }).click();
  await page.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByRole("region", { name: "Your answers" })).toBeVisible();
  await page.goto("/");
  await expect(card).toContainText("3 of 5 done.");
  await expect(steps).toHaveCount(2);
});

test("a write still in flight survives a link to another app: the link waits for it", async ({ page }) => {
  await start(page);
  const card = page.getByRole("region", { name: "Getting started" });
  await expect(card).toContainText("0 of 5 done.");
  // Skipping a step reads the settings, then writes them: slowed, the link below is taken between
  // the two. Without the wait, the page load ended the page before the write was made.
  await slowEveryRead(page);
  await card.getByRole("button", { name: "Skip for now: Answer what clinics ask before a session" }).click();
  // At once: "Add photos" is the photos app, a page load.
  await card.getByRole("link", { name: "Add photos" }).click();
  await expect(page).toHaveURL("/photos/add");
  await expect(page.getByRole("heading", { level: 1, name: "Add photos" })).toBeVisible();
  expect((await storedSetting(page, "app"))?.setup_skipped).toEqual(["screening"]);
});

test("a custom angle is named, and photos of one name are a series of their own to compare", async ({ page }) => {
  test.setTimeout(120_000);
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await page.getByLabel("Angle").selectOption("custom");
  // A textbox, or a combobox once earlier names are offered (a datalist).
  const name = page.getByLabel("Name of this angle");
  await expect(name).toBeVisible();
  // No name: said beside the field, and nothing is stored.
  await page.getByLabel("Choose photos").setInputFiles([ASTRONAUT]);
  await expect(page.locator("#photo-angle-name-error")).toHaveText(/Name this angle, for example "Under the chin"/);
  await expect(name).toBeFocused();
  expect(await countStored(page, "photos")).toBe(0);

  await name.fill("Under the chin");
  await importFiles(page, [ASTRONAUT]);
  await page.reload();
  await page.getByLabel("Angle").selectOption("custom");
  // The names used before for the area are offered, so the next photo joins the same series.
  await expect(page.getByText("Used for this area: Under the chin")).toBeVisible();
  await name.fill(" under the CHIN ");
  await importFiles(page, [ASTRONAUT]);
  await name.fill("Jawline");
  await importFiles(page, [ASTRONAUT]);

  await page.goto("/photos");
  const chin = page.getByRole("region", { name: /^Cheeks · under the chin$/i });
  await expect(chin.getByRole("img")).toHaveCount(2);
  await expect(chin.getByRole("img").first()).toHaveAccessibleName(/^Cheeks, under the chin, /i);
  const jaw = page.getByRole("region", { name: "Cheeks · Jawline" });
  await expect(jaw.getByRole("img")).toHaveCount(1);
  await expect(jaw.getByRole("link", { name: "Compare" })).toHaveCount(0);
  await chin.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/photos\/compare\/[^/]+\/custom-under-the-chin$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Compare Cheeks · under the chin$/i })).toBeVisible();
  await expect(page.getByRole("img", { name: "before photo" })).toBeVisible();

  // The name can be changed on the photo's page: that photo moves to the other series.
  await page.goto("/photos");
  await jaw.getByRole("img").click();
  await expect(page.getByRole("heading", { level: 1, name: "Cheeks · Jawline" })).toBeVisible();
  await expect(name).toHaveValue("Jawline");
  await name.fill("");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.locator("#photo-angle-name-error")).toBeVisible();
  await name.fill("Under the chin");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await page.goto("/photos/compare");
  await expect(page.getByRole("link", { name: /^Cheeks · under the chin \(3 photos\)$/i })).toBeVisible();
});

test("the guided start's photo step waits for a photo of each area, and says which are left", async ({ page }) => {
  test.setTimeout(120_000);
  await addArea(page, "cheeks");
  await addArea(page, "neck");
  const card = page.getByRole("region", { name: "Getting started" });
  const photoStep = card.getByRole("listitem").filter({ hasText: "Take a first photo of each area" });
  await page.goto("/photos/add");
  await page.getByLabel("Area", { exact: true }).selectOption({ label: "Cheeks" });
  await importFiles(page, [ASTRONAUT]);
  await page.goto("/");
  await expect(photoStep).toContainText("Still without a photo: Neck.");
  await expect(card).toContainText("1 of 5 done.");

  await page.goto("/photos/add");
  await page.getByLabel("Area", { exact: true }).selectOption({ label: "Neck" });
  await importFiles(page, [ASTRONAUT]);
  await page.goto("/");
  await expect(card).toContainText("2 of 5 done.");
  await expect(photoStep).toHaveCount(0);
});
