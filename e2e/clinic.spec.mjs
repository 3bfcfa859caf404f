// Clinic links: a clinic makes one in the kit, a client follows it, and nothing is applied
// without asking. Hostile links are refused or shown as inert text.
import { readFile } from "node:fs/promises";
import jsQR from "jsqr";
import { controlledByWorker, expect, mainNav, openSection, test } from "./fixtures.mjs";
import { addArea, addCheckIn, addSession, expectNoAxeViolations } from "./records.mjs";
import { storedSetting } from "./stored.mjs";

const TODAY = new Date("2026-11-24T10:00:00");

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  // Nothing a link carries may ever run: any alert/confirm/prompt fails the test.
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

/** The kit's form, filled as a clinic would. */
async function fillKit(page, details) {
  const fields = {
    name: "Clinic name",
    practitioner: "Practitioner (optional)",
    phone: "Phone (optional)",
    email: "Email (optional)",
    website: "Website (optional)",
    booking: "Booking link (optional)",
    sessions: "Number of sessions",
    interval: "Weeks between sessions",
    aftercare: "Aftercare checklist (optional)",
    welcome: "Welcome message (optional)",
    colour: "Brand colour (optional)",
  };
  for (const [key, value] of Object.entries(details)) {
    if (key === "cheeks") continue;
    await page.getByLabel(fields[key], { exact: true }).fill(value);
  }
  if (details.cheeks) {
    await page.getByText("Usual needle depth per area").click();
    await page.getByLabel("Cheeks: from (mm)").fill(details.cheeks[0]);
    await page.getByLabel("Cheeks: to (mm)").fill(details.cheeks[1]);
  }
}

const STUDIO = {
  name: "Skin Studio",
  practitioner: "Dr A. Rahman",
  phone: "+44 20 7946 0958",
  email: "reception@skinstudio.example",
  website: "https://skinstudio.example",
  booking: "https://skinstudio.example/book",
  sessions: "3",
  interval: "6",
  aftercare: "SPF 50 daily\nNo gym for 48 hours",
  welcome: "Welcome! Log how your skin settles each day.",
  colour: "#1f6f8b",
  cheeks: ["0.5", "1"],
};

/** Makes a link in the kit and returns it. */
async function makeLink(page, details = STUDIO) {
  await page.goto("/kit/");
  await fillKit(page, details);
  const link = await page.getByLabel("Link for your clients").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#clinic=1\.[A-Za-z0-9_-]+$/);
  return link;
}

/** A link written by hand, field by field (tag, text), as an attacker could. */
function handMadeLink(fields) {
  const bytes = [];
  for (const [tag, text] of fields) {
    const value = new TextEncoder().encode(text);
    bytes.push(tag);
    let n = value.length;
    do {
      const low = n & 0x7f;
      n >>= 7;
      bytes.push(n ? low | 0x80 : low);
    } while (n);
    bytes.push(...value);
  }
  return `/#clinic=1.${Buffer.from(bytes).toString("base64url")}`;
}

/** The stored clinic record, straight from IndexedDB (undefined when there is none). */
const storedClinic = (page) => storedSetting(page, "clinic");

/** Reads the QR code `draw` paints on a canvas in the page (it returns the canvas's context). */
async function decodeQr(page, draw, arg) {
  const { pixels, size } = await page.evaluate(
    async ([drawSource, arg]) => {
      // Playwright sends functions as source: rebuild `draw` with the Function the page's
      // script runs in (the test's evaluate is exempt from the page's CSP).
      const context = await new Function(`return (${drawSource})`)()(arg);
      const size = context.canvas.width;
      const bytes = context.getImageData(0, 0, size, size).data;
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { pixels: btoa(binary), size };
    },
    [draw.toString(), arg],
  );
  return jsQR(new Uint8ClampedArray(Buffer.from(pixels, "base64")), size, size)?.data;
}

test("Copy link and Copy HTML put them on the clipboard; a refused copy says how to copy by hand", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const link = await makeLink(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.getByRole("button", { name: "Copy HTML" }).click();
  await expect(page.getByRole("status").filter({ hasText: "HTML copied." })).toBeVisible();
  const html = await page.evaluate(() => navigator.clipboard.readText());
  expect(html).toContain(`href="${link}"`);
  expect(html).not.toContain("<script");

  // A browser that refuses (no permission, a setting): the message says what to do instead.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The browser did not allow copying. Select the link and copy it." }),
  ).toBeVisible();
});

test("the kit makes a link, a QR code that decodes to it, and a plain HTML snippet", async ({ page }) => {
  const link = await makeLink(page);
  await expect(page.getByRole("heading", { level: 1, name: "Clinic kit" })).toBeVisible();

  // The QR code on the page.
  // The QR code on the page: its SVG path drawn on a canvas, the way the browser paints it.
  const onPage = await decodeQr(page, () => {
    const svg = document.querySelector("[data-testid=kit-qr]");
    const modules = svg.viewBox.baseVal.width;
    const canvas = Object.assign(document.createElement("canvas"), { width: 410, height: 410 });
    const context = canvas.getContext("2d");
    context.scale(410 / modules, 410 / modules);
    context.fillStyle = svg.querySelector("rect").getAttribute("fill");
    context.fillRect(0, 0, modules, modules);
    context.fillStyle = svg.querySelector("path").getAttribute("fill");
    context.fill(new Path2D(svg.querySelector("path").getAttribute("d")));
    return context;
  });
  expect(onPage).toBe(link);

  // The PNG download decodes to the same link; the SVG download is the same drawing.
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download QR code (PNG)" }).click(),
  ]);
  expect(png.suggestedFilename()).toBe("remodel-clinic-link.png");
  const pngData = (await readFile(await png.path())).toString("base64");
  const fromPng = await decodeQr(page, async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const size = image.naturalWidth;
    const canvas = Object.assign(document.createElement("canvas"), { width: size, height: size });
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    return context;
  }, pngData);
  expect(fromPng).toBe(link);
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download QR code (SVG)" }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe("remodel-clinic-link.svg");
  const svgText = await readFile(await svg.path(), "utf8");
  expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svgText).toContain(await page.locator("[data-testid=kit-qr] path").getAttribute("d"));

  // The snippet: one plain link, no script, nothing loaded from anywhere.
  const snippet = await page.getByLabel("HTML for your website").inputValue();
  expect(snippet).toBe(`<a href="${link}" rel="noopener">Track your recovery with Remodel</a>`);

  // The preview shows what a client will be asked.
  const preview = page.getByRole("region", { name: "What your clients see" });
  await expect(preview).toContainText("Use settings from Skin Studio?");
  await expect(preview).toContainText("Protocol: 3 sessions, 6 weeks apart");
  await expectNoAxeViolations(page, "clinic kit with a link");
});

test("the kit says what is wrong beside the field and makes no link until it is fixed", async ({ page }) => {
  await page.goto("/kit/");
  await fillKit(page, { name: "Skin Studio", website: "http://skinstudio.example", colour: "teal" });
  await expect(page.getByLabel("Website (optional)")).toHaveAccessibleDescription(
    /The website must start with https:\/\/\./,
  );
  await expect(page.getByLabel("Brand colour (optional)")).toHaveAccessibleDescription(/six hex digits/);
  await expect(page.getByText("Fix the fields marked above to make the link.")).toBeVisible();
  await expect(page.getByLabel("Link for your clients")).toHaveCount(0);
  await fillKit(page, { website: "https://skinstudio.example", colour: "#1f6f8b" });
  await expect(page.getByLabel("Link for your clients")).toHaveValue(/#clinic=1\./);
});

test("following a link asks first; accepting sets up Today, check-ins, the timeline and safety prompts", async ({
  page,
}) => {
  const link = await makeLink(page);
  await addArea(page, "cheeks");
  await addSession(page, { date: "2026-11-19", depth: "1.5" });

  await page.goto(link);
  const offer = page.getByRole("region", { name: "Use settings from Skin Studio?" });
  await expect(offer).toContainText("Contact: +44 20 7946 0958, reception@skinstudio.example");
  await expect(offer).toContainText("Aftercare checklist: SPF 50 daily; No gym for 48 hours");
  await expect(offer).toContainText("Usual needle depth, Cheeks: 0.5–1 mm");
  // The details left the address at once: a reload or a bookmark does not carry them on.
  expect(new URL(page.url()).hash).toBe("");
  expect(await storedClinic(page)).toBeUndefined();
  await expectNoAxeViolations(page, "the clinic offer");
  await offer.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Skin Studio's details are in use" })).toBeVisible();

  // Today: the clinic's name on its colour, and ways to reach it.
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  const card = page.getByRole("region", { name: "Skin Studio" });
  await expect(card.getByRole("link", { name: "Call +44 20 7946 0958" })).toHaveAttribute(
    "href",
    "tel:+442079460958",
  );
  await expect(card.getByRole("link", { name: "Email Skin Studio" })).toHaveAttribute(
    "href",
    "mailto:reception@skinstudio.example",
  );
  await expect(card.getByRole("link", { name: "Book a session" })).toHaveAttribute(
    "href",
    "https://skinstudio.example/book",
  );
  await expect(card).toContainText("Welcome! Log how your skin settles each day.");
  const band = card.locator(".clinic-card__band");
  await expect(band).toHaveCSS("background-color", "rgb(31, 111, 139)");
  await expect(band).toHaveCSS("color", "rgb(255, 255, 255)");

  // A check-in offers the clinic's aftercare list instead of the default one.
  await page.goto("/recovery/new");
  await expect(page.getByRole("checkbox", { name: "SPF 50 daily" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "No gym for 48 hours" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Sun protection" })).toHaveCount(0);

  // The timeline's next-due date follows the clinic's protocol.
  await openSection(page, "Timeline");
  await expect(page.getByText("Next session due around 31 Dec 2026 (Skin Studio's protocol: every 6 weeks).")).toBeVisible();

  // A safety prompt names the clinic and its number.
  await addCheckIn(page, { date: "2026-11-20", redness: 4, swelling: 2 });
  await addCheckIn(page, { date: "2026-11-24", redness: 3, swelling: 1 });
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  const prompt = page.getByRole("region", { name: "Contact Skin Studio" });
  await expect(prompt).toContainText("Contact Skin Studio: +44 20 7946 0958");
  await expect(prompt.getByRole("link", { name: "Call Skin Studio: +44 20 7946 0958" })).toHaveAttribute(
    "href",
    "tel:+442079460958",
  );
});

test("declining applies nothing, and a second clinic asks again", async ({ page }) => {
  const studio = await makeLink(page);
  const other = await makeLink(page, { name: "Glow Clinic", phone: "020 7946 0000" });

  await page.goto(studio);
  await page.getByRole("button", { name: "Not now" }).click();
  await expect(page.getByText("Nothing was changed.")).toBeVisible();
  expect(await storedClinic(page)).toBeUndefined();
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("link", { name: /^Call / })).toHaveCount(0);

  await page.goto(studio);
  await page.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  // What a person sees once it is stored, before leaving the page (a page load would drop a
  // write still in flight).
  await expect(page.getByRole("status").filter({ hasText: "Skin Studio's details are in use" })).toBeVisible();
  await page.goto(other);
  const offer = page.getByRole("region", { name: "Use settings from Glow Clinic?" });
  await expect(offer).toContainText("This replaces Skin Studio's details.");
  await offer.getByRole("button", { name: "Not now" }).click();
  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Your clinic" })).toContainText("Clinic: Skin Studio");
});

test("hostile links are refused or shown as inert text, and change nothing", async ({ page }) => {
  await page.goto("/");
  const refused = [
    [handMadeLink([[1, "Evil"], [5, "javascript:alert(1)"]]), "The website must start with https://."],
    [handMadeLink([[1, "Evil"], [5, "HTTPS://evil.example"]]), "The website must start with https://."],
    [handMadeLink([[1, "Evil"], [5, "https://skinstudio.example@evil.example"]]), "can't contain a user name or password"],
    [handMadeLink([[1, "Skin\u202eoidutS"]]), "invisible characters"],
    [handMadeLink([[1, "Evil"], [6, "data:text/html,<script>alert(1)</script>"]]), "The booking link must start with https://."],
    [handMadeLink([[1, "Evil"], [12, "red"]]), "six hex digits"],
    [handMadeLink([[1, "Evil"], [12, "#000;background:url(https://evil.example/x)"]]), "six hex digits"],
    [handMadeLink([[1, "Evil"], [11, "x".repeat(3000)]]), "The link is too long"],
    ["/#clinic=1.%3Cscript%3Ealert(1)%3C%2Fscript%3E", "damaged or incomplete"],
    ["/#clinic=9.AAAA", "newer version of Remodel"],
  ];
  for (const [link, reason] of refused) {
    await page.goto(link);
    const alert = page.getByRole("alert").filter({ hasText: "This clinic link can't be used" });
    await expect(alert).toContainText(reason);
    await expect(alert).toContainText("Nothing was changed.");
    expect(await storedClinic(page)).toBeUndefined();
  }

  // Markup in the text fields is shown as text and never runs.
  for (const name of ["<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`]) {
    await page.goto(handMadeLink([[1, name]]));
    const offer = page.getByRole("region", { name: `Use settings from ${name}?` });
    await offer.getByRole("button", { name: `Use ${name}'s settings` }).click();
    await mainNav(page).getByRole("link", { name: "Today" }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    expect(await page.locator("main img, main script").count()).toBe(0);
  }
});

test("the clinic can be changed through the kit and removed in Settings", async ({ page }) => {
  await page.goto(await makeLink(page));
  await page.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Skin Studio's details are in use" })).toBeVisible();
  const before = await storedClinic(page);
  expect(before).toBeDefined();

  await page.goto("/settings");
  const clinic = page.getByRole("region", { name: "Your clinic" });
  await expect(clinic).toContainText("Contact: +44 20 7946 0958");
  await clinic.getByRole("link", { name: "Change details" }).click();
  await expect(page.getByLabel("Clinic name", { exact: true })).toHaveValue("Skin Studio");
  await expect(page.getByLabel("Number of sessions")).toHaveValue("3");

  // A bad edit: a message beside the field, no link, and the stored clinic unchanged.
  await page.getByLabel("Phone (optional)").fill("call reception");
  await expect(page.getByLabel("Phone (optional)")).toHaveAccessibleDescription(/digits, spaces/);
  await expect(page.getByRole("link", { name: "Open in Remodel on this device" })).toHaveCount(0);
  expect(await storedClinic(page)).toEqual(before);

  await page.getByLabel("Phone (optional)").fill("+44 20 7946 0000");
  await page.getByRole("link", { name: "Open in Remodel on this device" }).click();
  const offer = page.getByRole("region", { name: "Use settings from Skin Studio?" });
  await expect(offer).toContainText("This replaces Skin Studio's details.");
  await offer.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Skin Studio's details are in use" })).toBeVisible();
  await page.goto("/settings");
  await expect(clinic).toContainText("Contact: +44 20 7946 0000");

  await clinic.getByRole("button", { name: "Remove clinic" }).click();
  await expect(clinic).toContainText("No clinic set.");
  expect(await storedClinic(page)).toBeUndefined();
  // Undo brings it back, stored again.
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await expect(page.getByText("Skin Studio removed.")).toBeVisible();
  await undo.click();
  await expect(clinic).toContainText("Contact: +44 20 7946 0000");
  expect(await storedClinic(page)).toBeDefined();
  await clinic.getByRole("button", { name: "Remove clinic" }).click();
  await expect(clinic).toContainText("No clinic set.");
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("link", { name: /^Call / })).toHaveCount(0);
});

test("a light brand colour gets black text", async ({ page }) => {
  await page.goto(await makeLink(page, { name: "Sunny Skin", colour: "#ffe14d" }));
  await page.getByRole("button", { name: "Use Sunny Skin's settings" }).click();
  await openSection(page, "Clinic");
  const band = page.getByRole("region", { name: "Sunny Skin" }).locator(".clinic-card__band");
  await expect(band).toHaveCSS("background-color", "rgb(255, 225, 77)");
  await expect(band).toHaveCSS("color", "rgb(0, 0, 0)");
});

test("offline, a followed link is still offered and applied", async ({ page, context }) => {
  const link = await makeLink(page);
  await page.goto("/");
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.goto(link);
  await page.getByRole("button", { name: "Use Skin Studio's settings" }).click();
  await mainNav(page).getByRole("link", { name: "Today" }).click();
  await expect(page.getByRole("link", { name: "Call +44 20 7946 0958" })).toBeVisible();
  await context.setOffline(false);
});

test("offline, the clinic kit explains it needs a connection until it has been used once", async ({ page, context }) => {
  await page.goto("/");
  await controlledByWorker(page);
  await context.setOffline(true);
  await page.goto("/kit/");
  await expect(page.getByRole("heading", { name: "The clinic kit needs a connection" })).toBeVisible();
  await context.setOffline(false);
  // Once opened online, it is kept and opens offline too.
  await page.goto("/kit/");
  await expect(page.getByLabel("Clinic name", { exact: true })).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByLabel("Clinic name", { exact: true })).toBeVisible();
  await context.setOffline(false);
});
