// Compare (release build): two imported photos of one area and angle, every mode rendering (one
// zoom and pan for both photos, the slider's cut, the blend's opacity), the slider by keyboard
// with its value announced, the difference legend, automatic alignment that
// visibly registers the pair (pixel error measured before and after), alignment by hand with taps,
// a drag and the keyboard, a redness region with its index, a bad calibration card refused beside
// the action, and the timelapse playing; a grey card in each photo taking a lighting change out of
// the index and the redness map; photos of different scenes that automatic alignment won't align.
import { readFile, writeFile } from "node:fs/promises";
import { expect, test } from "./fixtures.mjs";
import { addArea, expectNoAxeViolations } from "./records.mjs";
import { ASTRONAUT, ORIENTED, importFiles } from "./photo-helpers.mjs";

/** The portrait as a PNG, changed in the page: `moved` turns it 4°, scales it 1.05 and shifts it
 * (18, −12) px about its centre; `card` paints a grey card in its top-left fifth; `warm` then puts
 * the whole photo, card included, under warm light (red up; green and blue down), as an indoor
 * bulb would. */
async function portrait(page, outputPath, { moved = false, card = false, warm = false }) {
  const source = `data:image/png;base64,${(await readFile(ASTRONAUT)).toString("base64")}`;
  const png = await page.evaluate(async ({ url, moved, card, warm }) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext("2d");
    context.fillStyle = "#000";
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (moved) {
      context.translate(canvas.width / 2 + 18, canvas.height / 2 - 12);
      context.rotate((4 * Math.PI) / 180);
      context.scale(1.05, 1.05);
      context.translate(-canvas.width / 2, -canvas.height / 2);
    }
    context.drawImage(image, 0, 0);
    context.resetTransform();
    if (card) {
      context.fillStyle = "rgb(170, 170, 170)";
      context.fillRect(0, 0, Math.round(canvas.width * 0.2), Math.round(canvas.height * 0.2));
    }
    if (warm) {
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        pixels.data[i] = Math.min(255, pixels.data[i] * 1.2);
        pixels.data[i + 1] = pixels.data[i + 1] * 0.9;
        pixels.data[i + 2] = pixels.data[i + 2] * 0.8;
      }
      context.putImageData(pixels, 0, 0);
    }
    return canvas.toDataURL("image/png").split(",")[1];
  }, { url: source, moved, card, warm });
  await writeFile(outputPath, Buffer.from(png, "base64"));
  return outputPath;
}

/** Mean absolute difference (0-255) between two canvases (CSS selectors) where both are opaque. */
function canvasDifference(page, [first, second]) {
  return page.evaluate(([first, second]) => {
    const read = (name) => {
      const canvas = document.querySelector(name);
      return canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const [a, b] = [read(first), read(second)];
    let total = 0;
    let count = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (a[i + 3] === 0 || b[i + 3] === 0) continue;
      total += Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
      count += 3;
    }
    return total / count;
  }, [first, second]);
}

/** How far apart the before and after photos are (the registration error). */
const registrationError = (page) =>
  canvasDifference(page, ['canvas[aria-label="before photo"]', 'canvas[aria-label="after photo"]']);

/** A style property of the before and after photos' canvases, as the page set it. */
function canvasStyles(page, property) {
  return page.evaluate((property) => ["before photo", "after photo"].map((name) =>
    document.querySelector(`canvas[aria-label="${name}"]`).style.getPropertyValue(property)), property);
}

const mode = (page, name) => page.getByRole("group", { name: "View" }).getByRole("radio", { name, exact: true });

/** Drags across the overlay from one fraction of its box to another. */
async function drag(page, overlay, from, to) {
  // Centred, clear of the navigation bar fixed at the bottom of a phone's screen.
  await overlay.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const box = await overlay.boundingBox();
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from[0] + to[0]) / 2), box.y + box.height * ((from[1] + to[1]) / 2));
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1]);
  await page.mouse.up();
}

test("two photos compare in every mode, align automatically, and give a redness index", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await addArea(page, "cheeks");
  await page.goto("/photos/compare");
  await expect(page.getByText("Nothing to compare yet")).toBeVisible();

  const moved = await portrait(page, testInfo.outputPath("moved.png"), { moved: true });
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT, moved]);
  await page.goto("/photos/compare");
  await page.getByRole("link", { name: "Cheeks · Front (2 photos)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare Cheeks · Front" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Before" }).getByRole("radio")).toHaveCount(2);

  // Side by side: both photos, one zoom.
  await expect(page.getByRole("img", { name: "before photo" })).toBeVisible();
  await expect(page.getByRole("img", { name: "after photo" })).toBeVisible();
  await page.getByRole("slider", { name: "Zoom" }).fill("200");
  await expect(page.getByRole("slider", { name: "Zoom" })).toHaveAttribute("aria-valuetext", "200%");
  await expect.poll(() => canvasStyles(page, "transform")).toEqual(["scale(2) translate(0%, 0%)", "scale(2) translate(0%, 0%)"]);
  // Panning one photo by keyboard pans both alike.
  await page.getByLabel(/^after photo: drag or use the arrow keys/).focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => canvasStyles(page, "transform")).toEqual(["scale(2) translate(2.5%, 2.5%)", "scale(2) translate(2.5%, 2.5%)"]);

  // Slider: keyboard moves it and its value text says what is shown.
  await mode(page, "Slider").check();
  const slider = page.getByRole("slider", { name: /^Slider/ });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveValue("55");
  await expect(slider).toHaveAttribute("aria-valuetext", "55% before, 45% after");
  // The after photo is cut away over the left 55%, where the before photo shows.
  await expect.poll(async () => (await canvasStyles(page, "clip-path"))[1]).toMatch(/^inset\(0(px)? 0(px)? 0(px)? 55%\)$/);

  // Blend, and the registration error before aligning.
  await mode(page, "Blend").check();
  const blend = page.getByRole("slider", { name: "Blend: opacity of the after photo" });
  // Blend opens at its own default, not where the slider was left (55).
  await expect(blend).toHaveValue("50");
  await blend.fill("30");
  await expect(blend).toHaveAttribute("aria-valuetext", "30% after");
  await expect.poll(async () => (await canvasStyles(page, "opacity"))[1]).toBe("0.3");
  await expect.poll(async () => (await canvasStyles(page, "clip-path"))[1]).toBe("none");
  await blend.fill("50");
  const before = await registrationError(page);
  await page.getByRole("button", { name: "Align automatically" }).click();
  await expect(page.getByText(/^Aligned \(confidence \d+%\): the after photo was (not moved|moved \d+% \w+( and \d+% \w+)?), (not turned|turned [\d.]+° (anti)?clockwise), (same size|(enlarged|reduced) to \d+%)\.$/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Aligned automatically \(confidence \d+%\)\.$/)).toBeVisible();
  await expect.poll(() => registrationError(page)).toBeLessThan(before * 0.5);
  const after = await registrationError(page);
  testInfo.annotations.push({ type: "registration", description: `mean error ${before.toFixed(1)} → ${after.toFixed(1)}` });

  // Difference: the heat map with its legend.
  await mode(page, "Difference").check();
  await expect(page.getByRole("img", { name: /^Difference map/ })).toBeVisible();
  const legend = page.getByRole("group", { name: "Difference legend" });
  await expect(legend).toContainText("2.3 — just visible");
  await expect(page.getByText(/^Average colour change ΔE \d+\.\d/)).toBeVisible();

  // Redness: draw the region, read the index (uncalibrated without a card).
  await mode(page, "Redness").check();
  const overlay = page.getByRole("application", { name: /^Draw on the before photo/ });
  await drag(page, overlay, [0.35, 0.3], [0.65, 0.6]);
  const readings = page.locator("output.redness-reading");
  await expect(readings.first()).toHaveText(/^Redness index: -?\d+\.\d a\* ± \d+\.\d \(uncalibrated — lighting changes affect this number\)$/);
  await expect(readings.nth(1)).toHaveText(/^Redness index: /);
  await expect(page.getByText(/^From before to after: /)).toBeVisible();

  // A card over the black corner cannot calibrate: refused beside the action, nothing stored.
  await page.getByLabel("Draw", { exact: true }).selectOption("after-card");
  await drag(page, page.getByRole("application", { name: /^Draw on the after photo/ }), [0.0, 0.0], [0.04, 0.04]);
  await expect(page.getByRole("alert")).toContainText(/card/);
  await expect(readings.nth(1)).toContainText("uncalibrated");

  // Redness over time.
  await page.getByRole("button", { name: "Measure every photo" }).click();
  await expect(page.getByText("2 of 2 photos measured in this region.")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Redness index by date\./ })).toBeVisible();
  await expectNoAxeViolations(page, "compare (redness)");

  // The alignment and the region are stored: still there after a reload.
  await page.reload();
  await expect(page.getByText(/^Aligned automatically \(confidence \d+%\)\.$/)).toBeVisible();
  await mode(page, "Redness").check();
  await expect(page.locator("output.redness-reading").first()).toHaveText(/^Redness index: /);

  // By hand: two landmarks on each photo, placed where the known transform puts them: on the
  // before photo by tapping (the first tapped off its mark, then dragged onto it), on the after
  // photo from the keyboard alone.
  await mode(page, "Blend").check();
  await page.getByRole("button", { name: "Align by hand" }).click();
  const landmarks = [[0.3, 0.35], [0.7, 0.62]];
  const movedPoint = ([x, y]) => {
    // The after photo is the portrait turned 4° and scaled 1.05 about its centre, shifted (18, −12) px.
    const [dx, dy] = [(x - 0.5) * 512, (y - 0.5) * 512];
    const [c, s] = [Math.cos((4 * Math.PI) / 180), Math.sin((4 * Math.PI) / 180)];
    return [(256 + 18 + 1.05 * (c * dx - s * dy)) / 512, (256 - 12 + 1.05 * (s * dx + c * dy)) / 512];
  };
  const picker = (name) => page.getByRole("application", { name: new RegExp(`^Landmarks on the ${name} photo`) });
  const beforePicker = picker("before");
  await beforePicker.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const box = await beforePicker.boundingBox();
  const at = ([x, y]) => [box.x + box.width * x, box.y + box.height * y];
  const off = [landmarks[0][0] + 0.1, landmarks[0][1] + 0.05];
  await page.mouse.click(...at(off));
  await expect(beforePicker).toHaveAccessibleName("Landmarks on the before photo: 1 of 2 placed");
  await page.mouse.move(...at(off));
  await page.mouse.down();
  await page.mouse.move(...at([(off[0] + landmarks[0][0]) / 2, (off[1] + landmarks[0][1]) / 2]));
  await page.mouse.move(...at(landmarks[0]));
  await page.mouse.up();
  await expect(beforePicker, "a drag moves the point: no new one").toHaveAccessibleName("Landmarks on the before photo: 1 of 2 placed");
  await page.mouse.click(...at(landmarks[1]));
  await expect(beforePicker).toHaveAccessibleName("Landmarks on the before photo: 2 of 2 placed");

  // The keyboard's cross starts at the centre; Shift+arrow moves it 0.05 of the width, an arrow 0.005.
  const afterPicker = picker("after");
  await afterPicker.focus();
  let cross = [0.5, 0.5];
  for (const target of landmarks.map(movedPoint)) {
    for (const [axis, back, forward] of [[0, "ArrowLeft", "ArrowRight"], [1, "ArrowUp", "ArrowDown"]]) {
      const delta = target[axis] - cross[axis];
      const key = delta < 0 ? back : forward;
      const big = Math.trunc(Math.abs(delta) / 0.05);
      const small = Math.round((Math.abs(delta) - big * 0.05) / 0.005);
      for (let i = 0; i < big; i++) await page.keyboard.press(`Shift+${key}`);
      for (let i = 0; i < small; i++) await page.keyboard.press(key);
    }
    cross = target;
    await page.keyboard.press("Enter");
  }
  await expect(afterPicker).toHaveAccessibleName("Landmarks on the after photo: 2 of 2 placed");
  await page.keyboard.press("Backspace");
  await expect(afterPicker).toHaveAccessibleName("Landmarks on the after photo: 1 of 2 placed");
  await page.keyboard.press("Enter");
  await expect(afterPicker).toHaveAccessibleName("Landmarks on the after photo: 2 of 2 placed");
  await page.getByRole("button", { name: "Align with these points" }).click();
  await expect(page.getByText("Aligned by hand, from two landmarks.")).toBeVisible();
  // What the landmarks did, in words (the after photo is the before one shifted and scaled).
  await expect(page.getByText(/^Aligned from your landmarks: the after photo was moved \d+% left and \d+% down, turned [345](\.\d)?° anticlockwise, reduced to 9[3-7]%\.$/)).toBeVisible();
  await expect.poll(() => registrationError(page)).toBeLessThan(before * 0.6);

  // Timelapse: plays through both photos.
  await mode(page, "Timelapse").check();
  const play = page.getByRole("button", { name: "Play" });
  await expect(play).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByText(/^1 of 2 · /)).toBeVisible();
  await page.getByLabel("Speed").selectOption({ label: "Fast (4 a second)" });
  await play.click();
  await expect(page.getByRole("button", { name: "Pause" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/^2 of 2 · /)).toBeVisible();
});

test("photos that don't show the same scene: automatic alignment says so, opens alignment by hand, and bad landmarks are refused", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT, ORIENTED[1]]);
  await page.goto("/photos/compare");
  await page.getByRole("link", { name: "Cheeks · Front (2 photos)" }).click();
  await mode(page, "Blend").check();
  await page.getByRole("button", { name: "Align automatically" }).click();
  await expect(page.getByText(/^Automatic alignment isn't sure these photos line up \(confidence \d+%\)\. Align them by hand below\.$/))
    .toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Align by hand" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("application", { name: "Landmarks on the before photo: 0 of 2 placed" })).toBeVisible();
  // Bad landmarks are refused beside the action, and nothing is stored.
  const alignWithPoints = page.getByRole("button", { name: "Align with these points" });
  await alignWithPoints.click();
  await expect(page.getByRole("status").filter({ hasText: "Place two points on each photo first." })).toBeVisible();
  for (const name of ["before", "after"]) {
    // Both points on the same spot (Enter twice without moving the cross): they fix no transform.
    await page.getByRole("application", { name: new RegExp(`^Landmarks on the ${name} photo`) }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
  }
  await alignWithPoints.click();
  await expect(page.getByRole("status").filter({ hasText: /^These landmarks can't line the photos up/ })).toBeVisible();
  // Nothing was stored: the photos are still shown as taken, after a reload too.
  await expect(page.getByText("Not aligned yet: the photos are shown as taken.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Not aligned yet: the photos are shown as taken.")).toBeVisible();
});

test("with one photo of an area there is nothing to compare yet", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT]);
  await page.goto("/photos");
  const group = page.getByRole("region", { name: "Cheeks · Front" });
  await expect(group.getByRole("img")).toHaveCount(1);
  await expect(group.getByRole("link", { name: "Compare" })).toHaveCount(0);
  await page.goto("/photos/compare");
  await expect(page.getByText("Nothing to compare yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add photos" })).toBeVisible();
});

/** The index a reading shows, as a number. */
async function indexOf(reading) {
  const text = await reading.textContent();
  return Number(/^Redness index: (-?\d+\.\d) a\*/.exec(text)[1]);
}

/** How far apart the before and after redness maps are. */
const mapDifference = (page) =>
  canvasDifference(page, ['canvas[aria-label^="Redness map of the before photo"]', 'canvas[aria-label^="Redness map of the after photo"]']);

test("a grey card in each photo calibrates the redness index and map against a lighting change", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await addArea(page, "cheeks");
  const neutral = await portrait(page, testInfo.outputPath("neutral.png"), { card: true });
  const warm = await portrait(page, testInfo.outputPath("warm.png"), { card: true, warm: true });
  await page.goto("/photos/add");
  await importFiles(page, [neutral, warm]);
  await page.goto("/photos/compare");
  await page.getByRole("link", { name: "Cheeks · Front (2 photos)" }).click();
  await mode(page, "Redness").check();
  const readings = page.locator("output.redness-reading");

  // The same face under two lights: uncalibrated, the warm light reads as redness.
  await drag(page, page.getByRole("application", { name: /^Draw on the before photo/ }), [0.4, 0.35], [0.6, 0.55]);
  await expect(readings.nth(0)).toContainText("(uncalibrated — lighting changes affect this number)");
  await expect(readings.nth(1)).toContainText("(uncalibrated — lighting changes affect this number)");
  // (Both photos carry today's date, so either may be "before": compare the gap, not its sign.)
  const uncalibrated = Math.abs((await indexOf(readings.nth(1))) - (await indexOf(readings.nth(0))));
  expect(uncalibrated, "the warm light alone raises a*").toBeGreaterThan(4);
  // The map on: the cards below are drawn through it.
  await page.getByLabel("Show the redness map").check();
  await expect(page.getByRole("img", { name: /^Redness map of the after photo \(uncalibrated\)/ })).toBeVisible();
  const mapLegend = page.getByRole("group", { name: "Redness map legend" });
  await expect(mapLegend).toContainText("Redness (CIELAB a*): blue is least red, red is most");
  await expect(mapLegend.getByRole("listitem")).toHaveText(["0 — no red", "10 — a little red", "20 — redder", "30 — red (30 or more)"]);
  await expect.poll(() => mapDifference(page)).toBeGreaterThan(0);
  const mapsApart = await mapDifference(page);

  // Mark the card on each photo: both readings say calibrated and now nearly agree.
  for (const side of ["before", "after"]) {
    await page.getByLabel("Draw", { exact: true }).selectOption(`${side}-card`);
    await drag(page, page.getByRole("application", { name: new RegExp(`^Draw on the ${side} photo`) }), [0.03, 0.03], [0.16, 0.16]);
  }
  await expect(readings.nth(0)).toContainText("(calibrated)");
  await expect(readings.nth(1)).toContainText("(calibrated)");
  const calibrated = Math.abs((await indexOf(readings.nth(1))) - (await indexOf(readings.nth(0))));
  expect(calibrated, `calibrated difference ${calibrated} against ${uncalibrated} uncalibrated`).toBeLessThan(uncalibrated / 3);
  await expect(page.getByRole("img", { name: /^Redness map of the after photo \(calibrated by its card\)/ })).toBeVisible();
  await expect.poll(() => mapDifference(page), "the balanced maps come together").toBeLessThan(mapsApart / 2);
  testInfo.annotations.push({ type: "calibration", description: `a* gap ${uncalibrated.toFixed(1)} → ${calibrated.toFixed(1)}; maps ${mapsApart.toFixed(1)} apart → ${(await mapDifference(page)).toFixed(1)}` });
});
