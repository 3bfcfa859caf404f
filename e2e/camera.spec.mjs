// The in-app camera, with Chromium's fake camera (its own file: the flags need their own browser).
import { test, expect } from "./fixtures.mjs";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";
import { addArea, expectNoAxeViolations } from "./records.mjs";
import { ASTRONAUT, gallery, importFiles } from "./photo-helpers.mjs";

test.use({
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

test("shows the preview with the last photo as a ghost, and takes a photo", async ({ page }) => {
  await addArea(page, "cheeks");
  await page.goto("/photos/add");
  await importFiles(page, [ASTRONAUT]);
  await page.getByRole("button", { name: "Start camera" }).click();
  const preview = page.getByLabel("Camera preview");
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((v) => v.videoWidth)).toBeGreaterThan(0);
  const ghost = page.getByRole("img", { name: "Ghost of your last photo of this area and angle" });
  await expect(ghost).toBeVisible();
  await expect(page.getByText(/Face the camera straight on/)).toBeVisible();
  const slider = page.getByRole("slider", { name: "Ghost opacity" });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "45%");
  await expect(ghost).toHaveCSS("opacity", "0.45");
  await expectNoAxeViolations(page, "the camera");
  await page.getByRole("button", { name: "Take photo" }).click();
  await expect(page.getByRole("list", { name: "Import results" }).getByRole("listitem").filter({ hasText: "Camera photo" })).toContainText("Added");
  await page.getByRole("button", { name: "Stop camera" }).click();
  await page.goto("/photos");
  await expect(gallery(page)).toHaveCount(2);
});
