// The timeline of expected improvement and the evidence page.
import { expect, mainNav, openSection, test } from "./fixtures.mjs";
import { entryRecord as entry, expectNoAxeViolations, seedRecords, sessionRecord as session } from "./records.mjs";

/** Two done sessions four weeks apart, one planned, a few check-ins; today is 31 days after session 2. */
async function seed(page) {
  await page.clock.setFixedTime(new Date("2026-01-29T10:00:00"));
  await page.goto("/");
  // Today's empty state, not the shell's heading: it shows once the app has created its database
  // (seeding before that would create an empty one the app then upgrades without its stores).
  await expect(page.getByText("No sessions yet — add your first").first()).toBeVisible();
  await seedRecords(page, {
    sessions: [session("s1", "2025-12-01"), session("s2", "2025-12-29"), session("p3", "2026-02-23", "planned")],
    entries: [entry("e1", "2025-12-02", 3), entry("e2", "2025-12-04", 1), entry("e3", "2025-12-30", 3), entry("e4", "2026-01-26", 0, 3)],
  });
  await page.reload(); // the app reads storage when it starts
}

test("the timeline shows where the client is, the sessions, phases, band, and zooms", async ({ page }) => {
  await seed(page);
  await openSection(page, "Timeline");
  const here = page.getByRole("region", { name: "You are here" });
  await expect(here).toContainText(
    "Cheeks: Week 5 after session 2: in the phase model, new collagen is laid down now, with little visible change yet; the timeline assumes each session adds to the earlier ones (the app's model, not a measurement).",
  );
  // The client's planned session wins over the typical interval.
  await expect(here).toContainText("Next session planned for 23 Feb 2026.");
  await expect(here).toContainText("not a prediction for you");

  const chart = page.getByRole("img", { name: /^Cheeks timeline from/ });
  await expect(chart).toHaveAccessibleName(/from 14 Sep 2025 to 15 Mar 2026: 2 sessions done and 1 planned in this view/);
  await expect(chart).toHaveAccessibleName(/the range studies reported as a share of the change a full course brought, from 0% to 100% \(an illustration, not a prediction\)/);
  // The band's axis has labelled values, inside the phone's width.
  const values = chart.locator(".chart__grid text");
  await expect(values).toHaveText(["0%", "50%", "100%"]);
  for (const value of await values.all()) {
    const box = await value.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
  }
  await expect(chart.locator(".timeline__session")).toHaveCount(3);
  await expect(chart.locator(".timeline__session--planned")).toHaveCount(1);
  await expect(chart.locator(".phase")).toHaveCount(6);
  await expect(chart.locator(".timeline__band")).toHaveAttribute("d", /^M .* Z$/);
  // The client's own ratings are on their own scales beside the band, never inside it.
  await expect(chart.locator("circle, .own-ratings__point")).toHaveCount(0);
  const redness = page.getByRole("img", { name: /^Your redness for Cheeks from .* on its own scale: 4 ratings, the latest 0 \(clear\) on 26 Jan 2026\.$/ });
  await expect(redness.locator(".own-ratings__point")).toHaveCount(4);
  await expect(redness).toContainText("4 Severe");
  const gais = page.getByRole("img", { name: /^Your improvement ratings for Cheeks .* 1 rating, the latest 3 \(improved\)/ });
  await expect(gais.locator(".own-ratings__point")).toHaveCount(1);
  await expect(gais).toContainText("1 Very much improved");
  await expect(page.getByText("Not medical advice; ask your clinic.")).toBeVisible();
  await expect(chart.getByText("Today")).toBeVisible();
  const legend = page.locator(".chart__legend").first();
  await expect(legend).toContainText("planned session");
  await expectNoAxeViolations(page, "/timeline");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole("radio", { name: "8 weeks" }).check();
  await expect(chart).toHaveAccessibleName(/from 18 Dec 2025 to 12 Feb 2026: 1 session done and 0 planned/);
  await expect(chart.locator(".timeline__session")).toHaveCount(1);
  await page.getByRole("radio", { name: "12 months" }).check();
  await expect(chart).toHaveAccessibleName(/from 1 May 2025 to 30 Apr 2026/);
  await page.getByRole("radio", { name: "All" }).check();
  await expect(chart).toHaveAccessibleName(/from 24 Nov 2025 to 25 Aug 2026/);

  const milestones = page.getByRole("list", { name: "Cheeks milestones" });
  await expect(milestones).toContainText("First photo comparison worth taking: 29 Dec 2025 to 12 Jan 2026");
  // Counted from the course's last session, the planned one included.
  await expect(milestones).toContainText("Clearer change window (the app's reading of a 15-person study): 25 Aug 2026 to 23 Feb 2027");
});

test("the evidence page lists every source, the figures and the caveats", async ({ page }) => {
  await seed(page);
  await page.goto("/timeline");
  await page.getByRole("link", { name: "The evidence behind these figures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The evidence" })).toBeVisible();
  await expect(page.getByText("This is not medical advice; ask your clinic.")).toBeVisible();
  const sources = page.getByRole("list", { name: "Sources" }).getByRole("listitem");
  await expect(sources).toHaveCount(21);
  for (const cited of ["Fernandes & Signorini", "Chu, Foulad, Mesinkovska", "Aust et al.", "Harris, Naidoo, Murrell", "Alam et al.", "El-Domyati et al.", "Hong Kong J Dermatol Venereol 2018", "Tan et al., JAAD 2014"]) {
    await expect(sources.filter({ hasText: cited })).toHaveCount(1);
  }
  await expect(page.getByRole("region", { name: "How strong the evidence is" })).toContainText("small, often without a comparison group or blinding");
  await expect(page.getByRole("row", { name: /Redness often eases within 0-3 days \(the app's assumption\)/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Redness and swelling reported up to 7 days Chu et al\. 2021/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Proliferation ends 6-8 weeks \(commonly reported, unconfirmed\)/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Model: lag before change shows 4-6 weeks \(the app's assumption\) Remodel/ })).toBeVisible();
  await expectNoAxeViolations(page, "/timeline/evidence");
  // Nothing runs off the side of a 360 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
