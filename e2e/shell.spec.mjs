// The app shell: routed pages, navigation by pointer and keyboard, themes, accessibility.
import { appReady, expect, mainNav, openSection, SECTIONS, test } from "./fixtures.mjs";
import { expectNoAxeViolations } from "./records.mjs";

/** The sections of the client app itself (Photos and Compare are the photos app, loaded as its own page). */
const IN_APP = SECTIONS.filter((s) => !s.photoApp);

for (const { title, path } of SECTIONS) {
  test(`${title} renders its heading, marks itself current and passes axe in both themes`, async ({ page }, testInfo) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    if (!["Today", "Sessions", "Recovery", "Photos"].includes(title)) {
      // Not in the phone's bar: "More" is marked, and holds the current page's link.
      await expect(mainNav(page).getByRole("button", { name: "More" })).toHaveClass(/is-current/);
      await mainNav(page).getByRole("button", { name: "More" }).click();
    }
    await expect(mainNav(page).getByRole("link", { name: title })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle("Remodel");

    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `${path} (${colorScheme})`);
    }
    await page.emulateMedia({ colorScheme: "light" });
    const shot = await page.screenshot({ path: testInfo.outputPath(`phone-360x740-${title.toLowerCase()}.png`) });
    await testInfo.attach(`phone ${title}`, { body: shot, contentType: "image/png" });
  });
}

test("every section's empty state is honest text, never filler", async ({ page }) => {
  for (const { path } of SECTIONS) {
    await page.goto(path);
    const main = page.getByRole("main");
    await expect(main).not.toContainText(/lorem|ipsum|todo|coming soon/i);
  }
  await page.goto("/sessions");
  await expect(page.getByText("No sessions yet — add your first")).toBeVisible();
});

test("clicking through the navigation changes page without reloading", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.evaluate(() => (window.__sameDocument = true));
  // Photos is its own app (README "Photos"): it loads as a page of its own, tested below.
  for (const { title, path } of IN_APP.slice(1)) {
    await openSection(page, title);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await mainNav(page).getByRole("link", { name: "Photos" }).click();
  await expect(page).toHaveURL("/photos");
  await expect(page.getByRole("heading", { level: 1, name: "Photos" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Photos" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => window.__sameDocument), "the photos app is another page").toBeUndefined();
  await mainNav(page).getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  // Settings is served by the photos app too.
  await openSection(page, "Settings");
  await expect(page).toHaveURL("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await mainNav(page).getByRole("button", { name: "More" }).click();
  await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
});

test("the skip link takes keyboard users straight to the page content", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("the keyboard reaches every page through the navigation", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  for (const { title, path } of [...IN_APP.slice(1), IN_APP[0]]) {
    // Tab along the navigation to the section (through "More", opened with Enter, when it is not
    // in the phone's bar) and open it with Enter.
    const more = mainNav(page).getByRole("button", { name: "More" });
    if (!["Today", "Sessions", "Recovery", "Photos"].includes(title)) {
      for (let i = 0; i < 12 && !(await more.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press("Tab");
      }
      await expect(more).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(more).toHaveAttribute("aria-expanded", "true");
    }
    const target = mainNav(page).getByRole("link", { name: title });
    for (let i = 0; i < 12 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(path);
    // Focus lands on the new page's heading, so a screen reader announces where the user is.
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeFocused();
  }
});

test("the navigation is a bottom bar on a phone and a side column on a desktop", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const phone = await mainNav(page).boundingBox();
  expect(phone.y + phone.height).toBeCloseTo(740, -1);
  expect(phone.width).toBeCloseTo(360, -1);

  await page.setViewportSize({ width: 1280, height: 800 });
  const desktop = await mainNav(page).boundingBox();
  expect(desktop.x).toBe(0);
  expect(desktop.width).toBeLessThan(260);
  expect(desktop.height).toBeGreaterThan(600);
  for (const { title } of SECTIONS) {
    await expect(mainNav(page).getByRole("link", { name: title })).toBeInViewport();
  }
});

test("light and dark themes follow the system setting", async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await appReady(page);
  expect(await background()).toBe("rgb(246, 243, 240)");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(21, 18, 17)");
});

test("an unknown address says so and leads back to Today", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
});

test("the page runs no inline script and declares a same-origin-only policy", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const inline = await page.locator("script:not([src])").count();
  expect(inline).toBe(0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
    expect(csp).toContain(directive);
  }
});

test("on a phone the bar holds four sections and More; More opens, closes with Escape, and every section is two taps away", async ({ page }) => {
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    await appReady(page);
    const nav = mainNav(page);
    await expect(nav.getByRole("link")).toHaveCount(4);
    const more = nav.getByRole("button", { name: "More" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    for (const item of [...(await nav.getByRole("link").all()), more]) {
      const box = await item.boundingBox();
      expect(box.x + box.width, `${width} px: every item fits`).toBeLessThanOrEqual(width + 1);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await more.click();
    await expect(more).toHaveAttribute("aria-expanded", "true");
    for (const title of ["Timeline", "Compare", "Clinic", "Settings"]) {
      await expect(nav.getByRole("link", { name: title })).toBeInViewport();
    }
    await page.keyboard.press("Escape");
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(more).toBeFocused();
    await expect(nav.getByRole("link", { name: "Timeline" })).toHaveCount(0);
    // Two taps, and the menu closes behind the new page.
    await openSection(page, "Timeline");
    await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
    await expect(more).toHaveAttribute("aria-expanded", "false");
  }
});

test("a page opened by a link keeps the browser's initial focus", async ({ page }) => {
  await page.goto("/settings");
  await appReady(page);
  // And the page opened by a link keeps the browser's initial focus: nothing is focused yet.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test("Back and Forward move between pages inside the app, and addresses can be opened directly", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await mainNav(page).getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await openSection(page, "Timeline");
  await expect(page).toHaveURL("/timeline");
  await page.goBack();
  await expect(page).toHaveURL("/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sessions" })).toHaveAttribute("aria-current", "page");
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
  // A trailing slash and a deep link opened directly land on the same pages.
  await page.goto("/timeline/evidence/");
  await expect(page.getByRole("heading", { level: 1, name: /evidence/i })).toBeVisible();
  await page.goto("/recovery/new");
  await expect(page.getByRole("heading", { level: 1, name: "Add a check-in" })).toBeVisible();
});
