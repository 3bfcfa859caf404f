// Prints the release build's size per file and in total: raw, gzip -9 and brotli -q 11.
// The service worker precaches every file of the app on the first visit, so every file of dist/
// is part of the first load, except the clinic kit (dist/kit/): a separate app for clinics that
// no client load fetches and the worker does not precache. It is listed on its own, and so is
// the photos app (dist/photos/), which the first load never fetches either (README "Photos").
// With --check, fails when any app's brotli total is over its budget (the developers' guide, "Size"):
// the client app's first load 300 KB, the photos app 600 KB, the clinic kit 150 KB.
// Usage: node .ci/size.mjs [dir=dist] [--check]
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const check = args.includes("--check");
const root = path.resolve(args.find((a) => !a.startsWith("--")) ?? "dist");
const BUDGETS = { client: 300_000, photos: 600_000, kit: 150_000 };

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  // The compressed copies (.ci/compress.mjs) are the same files: each is counted once, here.
  return nested.flat().filter((f) => !f.endsWith(".br") && !f.endsWith(".gz")).sort();
}

const KIT_DIR = "kit" + path.sep;
const PHOTOS_DIR = "photos" + path.sep;
const rows = [];
const kitRows = [];
const photoRows = [];
for (const file of await listFiles(root)) {
  const data = await readFile(file);
  const relative = path.relative(root, file);
  (relative.startsWith(KIT_DIR) ? kitRows : relative.startsWith(PHOTOS_DIR) ? photoRows : rows).push({
    file: relative,
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  });
}
const sum = (list) =>
  list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const total = sum(rows);
const width = Math.max(...rows.concat(kitRows, photoRows).map((r) => r.file.length), 5);
const line = (name, r) =>
  `${name.padEnd(width)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${String(r.brotli).padStart(9)}`;
console.log(`${"file".padEnd(width)}  ${"raw".padStart(9)}  ${"gzip -9".padStart(9)}  ${"brotli 11".padStart(9)}`);
for (const r of rows) console.log(line(r.file, r));
console.log(line("TOTAL", total));
if (kitRows.length) {
  console.log("\nclinic kit (/kit/, not part of a client's first load):");
  for (const r of kitRows) console.log(line(r.file, r));
  console.log(line("KIT TOTAL", sum(kitRows)));
}
if (photoRows.length) {
  console.log("\nphotos app (/photos/, fetched on first use, or in the background once the first visit is idle):");
  for (const r of photoRows) console.log(line(r.file, r));
  console.log(line("PHOTOS TOTAL", sum(photoRows)));
}
const apps = [
  ["client", "the client app's first load", total],
  ["photos", "the photos app", sum(photoRows)],
  ["kit", "the clinic kit", sum(kitRows)],
];
let over = false;
for (const [key, name, measured] of apps) {
  const ratio = measured.brotli / BUDGETS[key];
  console.log(`budget: ${name}: ${measured.brotli} / ${BUDGETS[key]} bytes brotli = ${ratio.toFixed(3)}`);
  if (ratio > 1) {
    over = true;
    if (check) console.error(`size: ${name} is over its ${BUDGETS[key] / 1000} KB brotli budget`);
  }
}
if (check && over) process.exit(1);
