// The gallery at scale (release build): 300 photos written straight into storage, scrolled to the
// end and back, a photo opened from the middle (the right one: each photo is its own colour), and
// the gallery where it was on the way back. Only tiles near the screen are drawn.
import { appReady, expect, test } from "./fixtures.mjs";
import { photoHue, seedPhotos } from "./seed-photos.mjs";

const COUNT = 300;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Photo n's tile name, as e2e/seed-photos.mjs dates it. */
function tileName(n) {
  const day = new Date(Date.UTC(2023, 11, 4) + Math.floor(n / 3) * 7 * 86_400_000);
  const area = ["Cheeks", "Forehead", "Neck"][n % 3];
  return `${area}, Front, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}, 10:${String(n % 60).padStart(2, "0")}`;
}

/** Whether `tile` is drawn and wholly on the screen. */
const onScreen = async (tile) =>
  (await tile.count()) > 0 &&
  tile.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });

/** Scrolls most of a screen at a time (a frame or two each) until `tile` is on the screen. */
async function scrollUntil(page, tile) {
  for (let step = 0; step < 400; step++) {
    if (await onScreen(tile)) return;
    const atEnd = await page.evaluate(async () => {
      scrollBy(0, innerHeight * 0.8);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    });
    if (atEnd && !(await onScreen(tile))) break;
  }
  await expect(tile).toBeInViewport({ ratio: 1 });
}

/** Waits until `image` shows a picture (an <img> without a source is "complete" too). */
const shown = (image) => expect.poll(() => image.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

/** The hue (0-360) of the middle of an image, as drawn. Photos next to each other differ by 37°. */
const hueOf = (image) =>
  image.evaluate((img) => {
    const canvas = Object.assign(document.createElement("canvas"), { width: img.naturalWidth, height: img.naturalHeight });
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    // The mean of the middle 32 x 32 pixels (JPEG blurs colour at one pixel).
    const data = context.getImageData(img.naturalWidth / 2 - 16, img.naturalHeight / 2 - 16, 32, 32).data;
    const mean = [0, 1, 2].map((c) => data.filter((_, i) => i % 4 === c).reduce((a, v) => a + v, 0) / (data.length / 4));
    const [r, g, b] = mean.map((v) => v / 255);
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const d = max - min;
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  });

test("a 300-photo gallery draws only what is near the screen, scrolls to the end and back, and opens the right photo from the middle", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/photos");
  await appReady(page);
  await seedPhotos(page, { count: COUNT, distinct: true });
  await page.reload();
  const cheeks = page.getByRole("region", { name: "Cheeks · Front" });
  const newest = cheeks.getByRole("img", { name: tileName(297) });
  await expect(newest).toBeVisible();
  await shown(newest);
  // Grouped by month, newest first; far fewer tiles drawn than there are photos.
  await expect(cheeks.getByRole("heading", { level: 3 }).first()).toHaveText("October 2025");
  const drawn = await page.locator(".photo-tile").count();
  expect(drawn, "tiles drawn for the first screen").toBeLessThan(40);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the page is as tall as every photo").toBeGreaterThan(20_000);

  // To the end: the oldest photo of the last row; the page never changed height on the way.
  const oldest = page.getByRole("img", { name: tileName(2) });
  await scrollUntil(page, oldest);
  await shown(oldest);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
  expect(await page.locator(".photo-tile").count()).toBeLessThan(40);
  // And back to the top.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(newest).toBeVisible();

  // From the middle: photo 150 (cheeks), opened, is photo 150.
  const middle = page.getByRole("img", { name: tileName(150) });
  await scrollUntil(page, middle);
  const scrolledTo = await page.evaluate(() => scrollY);
  await shown(middle);
  expect(Math.abs((await hueOf(middle)) - photoHue(150)), "the tile shows photo 150").toBeLessThan(15);
  await middle.click();
  await expect(page).toHaveURL(/\/photos\/p-00150$/);
  const photo = page.getByRole("img", { name: /^Cheeks, Front, / });
  await shown(photo);
  await expect(page.getByLabel("Date taken")).toHaveValue("2024-11-18");
  expect(Math.abs((await hueOf(photo)) - photoHue(150)), "the page shows photo 150").toBeLessThan(15);

  // Back: the gallery is where it was.
  await page.goBack();
  await expect(middle).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => scrollY)) - scrolledTo)).toBeLessThan(2);
});
