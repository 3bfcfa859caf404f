import { spawn } from "node:child_process";
import path from "node:path";
import { stat } from "node:fs/promises";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./playwright.config.mjs";
const PORT = 8126, ORIGIN = `http://127.0.0.1:${PORT}`, root = path.resolve(import.meta.dirname, "..");
const server = spawn("node", [path.join(root, ".ci/serve.mjs"), path.join(root, "dist"), String(PORT)], { stdio: "pipe" });
await new Promise((r) => server.stdout.once("data", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const context = await browser.newContext({ acceptDownloads: true, serviceWorkers: "block" });
const page = await context.newPage();
await page.goto(ORIGIN + "/kit/");
const MB = Number(process.env.MB ?? 640);
console.log(await page.evaluate(async (MB) => {
  const t0 = performance.now();
  const dir = await navigator.storage.getDirectory();
  const handle = await dir.getFileHandle("remodel-2026-12-06.remodel", { create: true });
  const w = await handle.createWritable();
  const chunk = new Uint8Array(2 << 20);
  for (let i = 0; i < chunk.length; i += 65536) crypto.getRandomValues(chunk.subarray(i, i + 65536));
  for (let i = 0; i < MB / 2; i++) await w.write(chunk.buffer.slice(0));
  await w.close();
  const file = await handle.getFile();
  window.__file = file;
  return { ms: performance.now() - t0, size: file.size, type: file.type, name: file.name };
}, MB));
const [download] = await Promise.all([page.waitForEvent("download"), page.evaluate(() => {
  const a = document.createElement("a"); a.href = URL.createObjectURL(window.__file); a.download = window.__file.name; document.body.append(a); a.click();
})]);
const p = "/tmp/opfs-download.bin";
await download.saveAs(p).catch((e) => console.log("saveAs failed", e.message));
console.log("failure:", await download.failure(), "size:", (await stat(p).catch(() => ({ size: -1 }))).size);
// also a File wrapping it
const wrapped = await page.evaluate(async () => { const f = new File([window.__file], "x.remodel", { type: "application/octet-stream" }); const s = await f.slice(f.size - 10).arrayBuffer(); return s.byteLength; });
console.log("wrapped slice read", wrapped);
await browser.close(); server.kill();
