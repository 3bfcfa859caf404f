// The site's one table of addresses (src/site.rs, static/site.json): every place of every app
// loads that app on a cold load, online and offline (the server and the service worker both read
// the table); every link in every app's navigation leads to a real page; the clinic page's
// Settings link opens the real Settings.
import { readFileSync } from "node:fs";
import path from "node:path";
import { controlledByWorker, expect, mainNav, openSection, test } from "./fixtures.mjs";
import { addArea } from "./records.mjs";

const SITE = JSON.parse(readFileSync(new URL("../static/site.json", import.meta.url), "utf8"));
/** Each place with its `:params` filled in. */
const ADDRESSES = SITE.places.map((place) => ({ ...place, url: place.pattern.replace(/:[a-z]+/g, "x") }));

/** Which app the page runs: the folder its start-up script was served from. */
const appOfPage = (page) =>
  page.evaluate(() => {
    const script = [...document.querySelectorAll("script[src]")].map((s) => new URL(s.src).pathname).find((p) => p.endsWith(".js"));
    if (script?.startsWith("/photos/")) return "photos";
    if (script?.startsWith("/kit/")) return "kit";
    return "client";
  });

test("every address loads the app the table names, online and then offline", async ({ page, context }) => {
  test.setTimeout(120_000);
  expect(ADDRESSES.length).toBeGreaterThan(20);
  await page.goto("/");
  await controlledByWorker(page);
  const visit = async (label) => {
    for (const { url, app } of ADDRESSES) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 }).first(), `${label} ${url}`).toBeVisible();
      expect(await appOfPage(page), `${label} ${url}`).toBe(app);
    }
  };
  // Online: from the server (and, on the way, each app is kept by the service worker).
  await visit("online");
  await context.setOffline(true);
  await visit("offline");
  await context.setOffline(false);
});

for (const start of ["/", "/photos"]) {
  test(`every link of the navigation from ${start} opens a real page`, async ({ page }) => {
    await page.goto(start);
    const links = mainNav(page).getByRole("link");
    await expect(links.first()).toBeVisible();
    // The phone's bar, then what "More" holds: every section, each once.
    await mainNav(page).getByRole("button", { name: "More" }).click();
    const names = await links.allInnerTexts();
    expect(names.map((n) => n.trim()).sort()).toEqual(["Clinic", "Compare", "Photos", "Recovery", "Sessions", "Settings", "Timeline", "Today"]);
    for (const name of names) {
      await page.goto(start);
      await openSection(page, name.trim());
      await expect(page.getByRole("heading", { level: 1, name: name.trim() })).toBeVisible();
      await expect(page.getByText(/^Opening /)).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
    }
  });
}

test("the clinic page's Settings link opens the real Settings", async ({ page }) => {
  await page.goto("/kit/");
  await page.getByLabel("Clinic name", { exact: true }).fill("Skin Studio");
  await page.getByLabel("Number of sessions", { exact: true }).fill("3");
  await page.getByLabel("Weeks between sessions", { exact: true }).fill("6");
  const link = await page.getByLabel("Link for your clients").inputValue();
  await addArea(page, "cheeks");
  await page.goto(link);
  await page.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  await openSection(page, "Clinic");
  await page.getByRole("link", { name: "Change or remove your clinic in Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(await appOfPage(page)).toBe("photos");
  await expect(page.getByRole("region", { name: "Your clinic" })).toContainText("Skin Studio");
  await expect(page.getByRole("button", { name: "Remove clinic" })).toBeVisible();
});

test("a build missing an app's page answers 404 for its addresses and keeps serving", async () => {
  const { mkdtemp, writeFile: write } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { serve } = await import("../.ci/serve.mjs");
  const dir = await mkdtemp(path.join(tmpdir(), "remodel-partial-"));
  await write(path.join(dir, "index.html"), "<!doctype html><title>client only</title>");
  const server = await serve({ root: dir, port: 8193 });
  try {
    // The photos app's shell is not in this build: before, this took the whole server down.
    expect((await fetch("http://127.0.0.1:8193/photos")).status).toBe(404);
    expect((await fetch("http://127.0.0.1:8193/settings")).status).toBe(404);
    const home = await fetch("http://127.0.0.1:8193/timeline");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("client only");
  } finally {
    server.stop();
  }
});

test("the suite refuses a stray test.only in every run, CI or not", async () => {
  // Read from the config as `make test` loads it (no CI variable): a focused test would
  // otherwise run alone and report the whole suite as passed.
  const { default: config } = await import("./playwright.config.mjs");
  expect(process.env.REMODEL_ALLOW_ONLY).toBeUndefined();
  expect(config.forbidOnly).toBe(true);
});
