// Clinically honest and safe (release build, phone width): the before-a-session checklist and the
// report, side-effect advice in the check-in, aftercare windows, the pigmentation caution for
// darker skin types, home-device depth, session spacing, and "not medical advice" beside figures.
import { expect, test } from "./fixtures.mjs";
import { addArea, addSession, countStored, entryRecord, expectNoAxeViolations, seedRecords, sessionRecord, start } from "./records.mjs";
import { storedSetting } from "./stored.mjs";

test.use({ viewport: { width: 390, height: 844 } });

test("a 'yes' on the before-a-session checklist says to talk to the clinic, never blocks, and shows on the report", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-20T10:00:00"));
  await addArea(page, "cheeks");
  // First setup offers the checklist; it can be skipped.
  await expect(page.getByRole("region", { name: "Before a session" })).toContainText("skip it and come back later");
  await page.goto("/sessions/new");
  const invitation = page.getByRole("region", { name: "Before a session" });
  await expect(invitation).toContainText("Clinics ask about a few health matters");
  await invitation.getByRole("link", { name: "Answer the checklist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Before a session" })).toBeVisible();
  const checklist = page.getByRole("form", { name: "Before a session: what clinics ask" });
  await checklist.getByRole("checkbox", { name: "Cold sores (herpes simplex) in the past" }).check();
  await checklist.getByRole("checkbox", { name: "Isotretinoin (such as Roaccutane) in the last 6 months" }).check();
  await checklist.getByRole("button", { name: "Save answers" }).click();
  const answers = page.getByRole("region", { name: "Your answers" });
  await expect(answers).toContainText("Answered on 20 Nov 2026.");
  await expect(answers).toContainText(
    "Talk to your clinic before your next session about: cold sores (herpes simplex) in the past; isotretinoin (such as Roaccutane) in the last 6 months.",
  );
  await expect(answers).toContainText("clinics differ");
  await expect(answers.getByRole("link", { name: "Source" }).last()).toHaveAttribute("href", "/timeline/evidence#source-waldman2017");
  await expectNoAxeViolations(page, "the checklist answered");
  expect((await storedSetting(page, "profile")).screening).toEqual({ answered_on: "2026-11-20", yes: ["cold_sore_history", "isotretinoin"] });

  // The session form reminds, and still saves.
  await page.goto("/sessions/new");
  await expect(page.getByRole("region", { name: "Before a session" })).toContainText("Talk to your clinic before your next session about: cold sores");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  expect(await countStored(page, "sessions")).toBe(1);

  // The report for the clinic carries the answers.
  await page.goto("/data/report");
  const about = page.getByRole("region", { name: "About me" });
  await expect(about).toContainText("Before treatment, the client noted");
  await expect(about).toContainText("Cold sores (herpes simplex) in the past; Isotretinoin (such as Roaccutane) in the last 6 months (answered 20 Nov 2026)");
});

test("a side effect ticked in the check-in shows its advice at once, most urgent first, with its source", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  // Today's three-tap card names the side effects worth a call and leads to the check-in that asks.
  await page.goto("/");
  const checkIn = page.getByRole("form", { name: "Today's check-in" });
  await expect(checkIn).toContainText("Cold sores, hives, new bumps, swollen glands or signs of infection?");
  await checkIn.getByRole("link", { name: "Add more detail" }).click();
  await expect(page).toHaveURL("/recovery/new");
  const advice = page.getByRole("region", { name: "What to do" });
  await expect(advice.getByRole("listitem")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Breakouts or tiny white bumps (milia)" }).check();
  await expect(advice).toContainText("Mention it at your next visit.");
  await page.getByRole("checkbox", { name: "Hives, or lip or eye swelling" }).check();
  const items = advice.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Call your clinic today.");
  await expect(items.first()).toContainText("call emergency services");
  await expect(page.getByText("Not medical advice; ask your clinic.")).toBeVisible();
  await page.getByRole("checkbox", { name: "New firm bumps under the skin" }).check();
  await expect(advice.getByRole("listitem").nth(1)).toContainText("vitamin C serum");
  await expect(advice.getByRole("listitem").nth(1).getByRole("link", { name: "Source" })).toHaveAttribute("href", "/timeline/evidence#source-soltani2014");
  await expectNoAxeViolations(page, "check-in with side-effect advice");

  await page.getByRole("group", { name: "Redness" }).getByRole("radio", { name: /^1 / }).check();
  await page.getByRole("group", { name: "Swelling" }).getByRole("radio", { name: /^0 / }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page).toHaveURL("/recovery");
  // Today's card says to call; milia wait for the next visit and are not on it.
  await page.goto("/");
  const card = page.getByRole("region", { name: "Contact your clinic" });
  await expect(card).toContainText("can be an allergic reaction");
  await expect(card).toContainText("allergic granulomas");
  await expect(card).not.toContainText("milia");
  await expect(card).toContainText("Not medical advice");
  // Which signs call for the clinic is clinic guidance, not a study: its source says so.
  await expect(
    card.getByRole("listitem").filter({ hasText: "allergic reaction" }).getByRole("link", { name: "Source" }),
  ).toHaveAttribute("href", "/timeline/evidence#source-clinic-practice");
});

test("an aftercare item leaves the checklist once its window is over, and each says until when", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-30T10:00:00"));
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-20", depth: "1.5" });
  await page.goto("/recovery/new");
  const aftercare = page.getByRole("group", { name: "Aftercare done today" });
  const date = page.getByLabel("Date", { exact: true });
  await date.fill("2026-11-20");
  await expect(aftercare.getByRole("checkbox", { name: "No make-up" })).toBeVisible();
  await expect(aftercare).toContainText("For about 24 hours: until the day after the session.");
  await expect(aftercare.getByRole("checkbox")).toHaveCount(6);
  await date.fill("2026-11-23"); // day 3: make-up and exercise are past their windows
  await expect(aftercare.getByRole("checkbox", { name: "No make-up" })).toHaveCount(0);
  await expect(aftercare.getByRole("checkbox", { name: "No sweating exercise, swimming or sauna" })).toHaveCount(0);
  await expect(aftercare.getByRole("checkbox", { name: "No actives (retinoids, acids, vitamin C)" })).toBeVisible();
  await date.fill("2026-11-28"); // day 8: actives too
  await expect(aftercare.getByRole("checkbox", { name: "No actives (retinoids, acids, vitamin C)" })).toHaveCount(0);
  await expect(aftercare.getByRole("checkbox")).toHaveCount(3);
  await expect(aftercare.getByRole("checkbox", { name: "Sun protection" })).toBeVisible();
});

test("a skin type V profile sees the pigmentation caution on the timeline and beside the aftercare", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
  await start(page);
  await seedRecords(page, { sessions: [sessionRecord("s1", "2026-11-20")], entries: [] });
  await page.goto("/profile");
  await page.getByRole("radio", { name: /^Type V\b/ }).check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect.poll(async () => (await storedSetting(page, "profile")).skin_type).toBe("V");
  await page.goto("/timeline");
  const caution = page.getByRole("region", { name: "Pigmentation caution" });
  await expect(caution).toContainText("more frequent in skin types IV-VI, and yours is Type V");
  await expect(caution.getByRole("link", { name: "Source" })).toHaveAttribute("href", "/timeline/evidence#source-chu2021");
  await page.goto("/recovery/new");
  await expect(page.getByRole("note", { name: "Pigmentation caution" })).toContainText("sun every day, strictly, for weeks");
  await expect(page.getByRole("group", { name: "Aftercare done today" })).toContainText("Every day, strictly, for weeks");
});

test("a home session deeper than home devices go is cautioned but saved; clinic depths are shown per area", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
  await addArea(page, "under_eye");
  await page.goto("/sessions/new");
  await page.getByRole("checkbox", { name: "Under-eye" }).check();
  const depth = page.getByLabel("Needle depth for Under-eye (mm)");
  await expect(depth).toHaveAccessibleDescription(/Clinics commonly use about 0\.25-0\.5 mm here/);
  await page.getByLabel("Where").selectOption({ label: "At home, with my own device" });
  await page.getByLabel("Device", { exact: true }).selectOption({ label: "Roller" });
  await depth.fill("0.25");
  await expect(page.getByRole("note", { name: "Depth caution for Under-eye" })).toHaveCount(0);
  await depth.fill("1");
  const caution = page.getByRole("note", { name: "Depth caution for Under-eye" });
  await expect(caution).toContainText("1 mm is past the 0.5 mm above which a home session warrants a caution");
  await expect(depth).toHaveAccessibleDescription(/Home rollers are commonly 0\.3 mm or shorter/);
  await expect(page.getByText("Not medical advice; ask your clinic.")).toBeVisible();
  await expectNoAxeViolations(page, "session form with a depth caution");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByText("At home", { exact: true })).toBeVisible();
});

test("a session closer to another than studies spaced them gets a note, and vitamin C a granuloma caution", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-10", depth: "1.5" });
  await page.goto("/sessions/new");
  await page.getByLabel("Date", { exact: true }).fill("2026-11-19");
  await expect(page.getByRole("note", { name: "Session spacing" })).toContainText(
    "This session is 9 days from the session of 10 Nov 2026, and the studies behind this app spaced sessions at least 2 weeks apart.",
  );
  await page.getByLabel("Date", { exact: true }).fill("2026-11-24");
  await expect(page.getByRole("note", { name: "Session spacing" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Vitamin C serum" }).check();
  await expect(page.getByRole("note", { name: "Product caution" })).toContainText("Allergic granulomas");
  await page.getByRole("checkbox", { name: "Vitamin C serum" }).uncheck();
  await page.getByLabel("Other products (comma-separated)").fill("Saline, exosome booster");
  await expect(page.getByRole("note", { name: "Product caution" })).toContainText("Allergic granulomas");
  // Any other topical: only sterile products are meant for freshly needled skin.
  await page.getByLabel("Other products (comma-separated)").fill("Saline, copper peptides");
  await expect(page.getByRole("note", { name: "Product caution" })).toContainText(
    "only sterile products made for needling are meant for it",
  );
  await page.getByLabel("Other products (comma-separated)").fill("Sterile saline");
  await expect(page.getByRole("note", { name: "Product caution" })).toHaveCount(0);
  // The spacing note links its source only when it is the studies' spacing; the depth hint links its own.
  await page.getByRole("checkbox", { name: "Cheeks" }).check();
  await expect(page.getByRole("link", { name: "Source of the depth guidance for Cheeks" })).toHaveAttribute(
    "href",
    "/timeline/evidence#source-alster2018",
  );
});

test("RF microneedling is not judged by needling's figures: no phases or band, and its redness asks the clinic", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00"));
  await start(page);
  const rf = { ...sessionRecord("s1", "2026-11-18"), device: "rf_microneedling" };
  await seedRecords(page, { sessions: [rf], entries: [entryRecord("e1", "2026-11-19", 3), entryRecord("e2", "2026-11-23", 3)] });
  await page.goto("/");
  const card = page.getByRole("region", { name: "Contact your clinic" });
  // Needling would call this "still high after day 3"; RF has its own recovery.
  await expect(card).toContainText("There is still redness on day 5 after RF microneedling.");
  await expect(card).toContainText("ask your clinic what to expect");
  await expect(card).not.toContainText("not easing after day 3");
  await page.goto("/timeline");
  const chart = page.getByRole("img", { name: /Cheeks timeline/ });
  await expect(chart).toHaveAttribute("aria-label", /RF microneedling sessions are marked without phases or band/);
  await expect(chart.locator("rect.phase")).toHaveCount(0);
  await expect(page.getByText(/RF microneedling\): heat as well as needles/)).toBeVisible();
});
