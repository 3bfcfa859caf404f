// Writes a database fixture with a given build, through that build's own pages, so the tests
// can upgrade exactly what an older version of the app left on a phone:
//
//   node e2e/write-db-fixture.mjs <dist directory> <name> [what wrote it]
//
// writes tests/fixtures/databases/<name>.json: a Cheeks area, two sessions, three check-ins
// (seeded as that version stores them) and two photos imported through its Photos page (small
// JPEGs drawn by the browser, so the file stays small). Run it with the build
// of each schema version before the next one lands (a `git worktree` of that commit, built with
// `make build`), and check the file in: tests/fixtures/databases/README.md lists them.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";
import { dumpDatabase, seedSmallProfile } from "./db-fixture.mjs";

const [dist, name, writtenBy = ""] = process.argv.slice(2);
if (!dist || !name) throw new Error("usage: node e2e/write-db-fixture.mjs <dist directory> <name> [what wrote it]");
const root = path.resolve(import.meta.dirname, "..");
const PORT = 8092;
const server = spawn("node", [path.join(root, ".ci/serve.mjs"), path.resolve(dist), String(PORT)], { stdio: "pipe" });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => !document.getElementById("shell") && document.querySelector("h1"));
  await seedSmallProfile(page);
  // Two 320 x 240 JPEGs, each its own colour with a pattern, as a camera would hand them over.
  const jpegs = await page.evaluate(async () => {
    const made = [];
    for (const hue of [20, 200]) {
      const canvas = Object.assign(document.createElement("canvas"), { width: 320, height: 240 });
      const context = canvas.getContext("2d");
      context.fillStyle = `hsl(${hue} 60% 50%)`;
      context.fillRect(0, 0, 320, 240);
      for (let y = 0; y < 240; y += 6) {
        context.fillStyle = `hsl(${hue} 60% ${35 + ((y * 7) % 30)}%)`;
        context.fillRect((y * 13) % 320, y, 100, 3);
      }
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
      let binary = "";
      for (const byte of new Uint8Array(await blob.arrayBuffer())) binary += String.fromCharCode(byte);
      made.push(btoa(binary));
    }
    return made;
  });
  await page.goto(`http://127.0.0.1:${PORT}/photos/add`);
  await page.getByLabel("Choose photos").setInputFiles(
    jpegs.map((base64, n) => ({ name: `photo-${n + 1}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(base64, "base64") })),
  );
  await page.getByRole("status").filter({ hasText: /2 of 2 added\.$/ }).waitFor({ timeout: 60_000 });
  const dump = { written_by: writtenBy, ...(await dumpDatabase(page)) };
  const out = path.join(root, "tests", "fixtures", "databases", `${name}.json`);
  writeFileSync(out, `${JSON.stringify(dump, null, 1)}\n`);
  console.log(`wrote ${path.relative(root, out)}: version ${dump.version}, ${dump.stores.map((s) => `${s.name} ${s.records.length}`).join(", ")}`);
} finally {
  await browser.close();
  server.kill();
}
