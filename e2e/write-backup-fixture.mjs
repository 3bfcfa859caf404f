// Writes a backup fixture with the build in dist/, through the app's own Data page, so the tests
// can show that files an older build wrote still restore after the format moves on:
//
//   make build && node e2e/write-backup-fixture.mjs <name> [passphrase]
//
// writes tests/fixtures/backups/<name>.remodel (encrypted when a passphrase is given) from a
// small profile: a Cheeks area, two sessions and three check-ins (no photos: the file stays
// small enough to check in). Run it before a change to the backup or envelope format, with the
// old build, and check the file in beside the tests that open it.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";
import { seedSmallProfile } from "./db-fixture.mjs";

const [name, passphrase = ""] = process.argv.slice(2);
if (!name) throw new Error("usage: node e2e/write-backup-fixture.mjs <name> [passphrase]");
const root = path.resolve(import.meta.dirname, "..");
const PORT = 8093;
const server = spawn("node", [path.join(root, ".ci/serve.mjs"), path.join(root, "dist"), String(PORT)], { stdio: "pipe" });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.getElementById("shell"));
  await seedSmallProfile(page);
  await page.goto(`http://127.0.0.1:${PORT}/data`);
  if (passphrase) {
    await page.getByLabel("Protect the file with a passphrase").check();
    await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
    await page.getByLabel("Passphrase again").fill(passphrase);
  }
  await page.getByRole("button", { name: "Back up now" }).click();
  await page.getByRole("status").filter({ hasText: /^Your backup is ready: remodel-/ }).waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save backup" }).click()]);
  const out = path.join(root, "tests", "fixtures", "backups", `${name}.remodel`);
  await download.saveAs(out);
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  server.kill();
}
