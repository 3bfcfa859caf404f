// The report for the clinic (release build): every section on screen, the before-and-after pair
// chosen on the page or sent from Compare (and kept in the address), and the page printed by
// headless Chromium to A4 and Letter PDFs, read back with pdf.js: the paper size, a sensible page
// count, every section's heading, both photos drawn, nothing of the app's navigation or controls,
// and no section heading stranded at the foot of a page.
import { writeFile } from "node:fs/promises";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "./fixtures.mjs";
import { entryRecord, expectNoAxeViolations, seedRecords, sessionRecord, start } from "./records.mjs";
import { ASTRONAUT, ORIENTED, importFiles } from "./photo-helpers.mjs";

const SECTIONS = ["About me", "Sessions and recovery", "Timeline", "Before and after"];

/** Two sessions (the first with a recovery that ran past a week and a sign of infection), and
 * three photos of Cheeks · Front. */
async function seedReport(page) {
  await start(page);
  const long = [[2, 3], [5, 2], [9, 2]].map(([day, redness], i) =>
    entryRecord(`e-${i}`, `2026-09-${String(1 + day).padStart(2, "0")}`, redness),
  );
  long[1].infection_signs = ["pus"];
  await seedRecords(page, {
    sessions: [{ ...sessionRecord("s-1", "2026-09-01"), pain: 4 }, sessionRecord("s-2", "2026-10-13")],
    entries: [...long, entryRecord("e-3", "2026-10-14", 2), entryRecord("e-4", "2026-10-16", 0)],
  });
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT, ORIENTED[1], ORIENTED[6]]);
}

/** Waits until both photos are drawn (their canvases hold pixels that are not all blank). */
async function photosDrawn(page) {
  for (const name of [/^Before photo/, /^After photo/]) {
    const canvas = page.getByRole("img", { name });
    await expect(canvas).toBeVisible({ timeout: 20_000 });
    await expect
      .poll(() =>
        canvas.evaluate((c) => {
          const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          return data.some((v, i) => i % 4 !== 3 && v > 0 && v < 255);
        }),
      )
      .toBe(true);
  }
}

/** The PDF's pages: size in points, text lines in order, and how many images each draws. */
async function readPdf(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view;
    const text = (await page.getTextContent()).items.map((i) => i.str.trim()).filter(Boolean);
    const ops = await page.getOperatorList();
    const images = ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
    pages.push({ width, height, text, images });
  }
  return pages;
}

test("the report shows every section and prints cleanly to A4 and Letter", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await seedReport(page);
  await page.goto("/data");
  await page.getByRole("link", { name: "Report for your clinic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report for your clinic" })).toBeVisible();
  for (const name of SECTIONS) await expect(page.getByRole("region", { name })).toBeVisible();

  // Each done session with its recovery; the long redness and the infection sign are flagged.
  const rows = page.getByRole("region", { name: "Sessions and recovery" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Cheeks 1.5 mm");
  await expect(rows.nth(1)).toContainText("4/10");
  await expect(rows.nth(1)).toContainText("3 check-ins, days 2–9. Redness peaked at moderate and had not settled");
  await expect(rows.nth(1)).toContainText("Redness still noted on day 9: past the 7 days reported for redness.");
  await expect(rows.nth(1)).toContainText("Possible signs of infection noted: pus or yellow crusts.");
  await expect(rows.nth(2)).toContainText("2 check-ins, days 1–3. Redness peaked at mild and settled (almost clear or less) by day 3.");
  await expect(page.getByRole("img", { name: /Cheeks/ }).first()).toBeVisible();

  // The pair: by default the first and latest photo; choosing another keeps it in the address.
  await photosDrawn(page);
  const before = page.getByRole("combobox", { name: "Before photo" });
  const after = page.getByRole("combobox", { name: "After photo" });
  const options = await before.locator("option").evaluateAll((o) => o.map((x) => x.value));
  expect(options).toHaveLength(3);
  await expect(before).toHaveValue(options[0]);
  await expect(after).toHaveValue(options[2]);
  await after.selectOption(options[1]);
  await expect(page).toHaveURL(new RegExp(`before=${options[0]}&after=${options[1]}`));
  await page.reload();
  await expect(page.getByRole("combobox", { name: "After photo" })).toHaveValue(options[1]);
  await photosDrawn(page);
  await expect(page.getByRole("list", { name: "Redness index" })).toContainText("Before: not measured");
  await expectNoAxeViolations(page, "report");

  // Paper in points (1/72 in): A4 210 × 297 mm, Letter 8.5 × 11 in; Chromium rounds to its own
  // device units, so within a point.
  // Letter without "background graphics", as a browser's print dialog defaults to.
  for (const [format, size, printBackground] of [["A4", [595.3, 841.9], true], ["Letter", [612, 792], false]]) {
    const bytes = await page.pdf({ format, printBackground });
    // Kept with the test's results, to look at.
    await writeFile(testInfo.outputPath(`report-${format}.pdf`), bytes);
    const pages = await readPdf(bytes);
    // Lines joined with spaces: a table cell wraps its text over several.
    const all = pages.flatMap((p) => p.text).join(" ").replace(/\s+/g, " ");
    testInfo.annotations.push({ type: `report ${format}`, description: `${pages.length} pages` });
    for (const p of pages) {
      expect(Math.abs(p.width - size[0]), `${format} page width ${p.width}`).toBeLessThan(1);
      expect(Math.abs(p.height - size[1]), `${format} page height ${p.height}`).toBeLessThan(1.5);
    }
    expect(pages.length, `${format} page count`).toBeGreaterThanOrEqual(1);
    expect(pages.length, `${format} page count`).toBeLessThanOrEqual(4);
    for (const heading of ["Report for your clinic", ...SECTIONS]) expect(all, format).toContain(heading);
    expect(all).toContain("Redness still noted on day 9");
    // Both photos are in the PDF, on the page that has their heading.
    const photosPage = pages.find((p) => p.text.includes("Before and after"));
    expect(photosPage?.images, `${format}: images on the "Before and after" page`).toBeGreaterThanOrEqual(2);
    // Only the document: no app bar, navigation or on-screen controls.
    for (const screenOnly of ["Private · stays on this device", "Skip to content", "Print or save as PDF", "Back to your data", "Area and angle"]) {
      expect(all, `${format} leaves out "${screenOnly}"`).not.toContain(screenOnly);
    }
    // A heading never ends a page: its section starts on the page it heads.
    for (const p of pages) expect(SECTIONS, `${format}: a page ends in a heading`).not.toContain(p.text.at(-1));
  }
});

test("Compare sends its pair to the report, and an unknown pair falls back to the first and latest", async ({ page }) => {
  test.setTimeout(180_000);
  await seedReport(page);
  await page.goto("/photos/compare");
  await page.getByRole("link", { name: "Cheeks · Front (3 photos)" }).click();
  const radios = page.getByRole("group", { name: "After" }).getByRole("radio");
  await radios.nth(1).check();
  await page.getByRole("link", { name: "Put this pair in the report for your clinic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report for your clinic" })).toBeVisible();
  const options = await page.getByRole("combobox", { name: "Before photo" }).locator("option").evaluateAll((o) => o.map((x) => x.value));
  await expect(page.getByRole("combobox", { name: "Before photo" })).toHaveValue(options[0]);
  await expect(page.getByRole("combobox", { name: "After photo" })).toHaveValue(options[1]);
  await photosDrawn(page);

  await page.goto("/data/report?before=not-a-photo&after=nor-this");
  await expect(page.getByRole("combobox", { name: "Before photo" })).toHaveValue(options[0]);
  await expect(page.getByRole("combobox", { name: "After photo" })).toHaveValue(options[2]);
  await photosDrawn(page);
});

test("with no records the report says what is missing instead of empty sections", async ({ page }) => {
  await start(page);
  await page.goto("/data/report");
  await expect(page.getByRole("heading", { level: 1, name: "Report for your clinic" })).toBeVisible();
  await expect(page.getByRole("region", { name: "About me" })).toContainText("No profile details were entered.");
  await expect(page.getByRole("region", { name: "Sessions and recovery" })).toContainText("No sessions have been logged as done.");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The timeline starts with the first session");
  await expect(page.getByRole("region", { name: "Before and after" })).toContainText("need two photos of the same area and angle");
});
