// After every app of the build is in dist/: gives the service worker the photos app's file list
// (dist/photos/, built after the client app, whose own post-build hook wrote the precache list)
// and folds the photos files into the cache version, so a change to them alone is a new worker.
// Usage: node .ci/seal.mjs [dist]
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? "dist");
const photosDir = path.join(root, "photos");
// Not the compressed copies, if .ci/compress.mjs has run: the service worker caches the files.
const files = (await readdir(photosDir)).filter((f) => !/\.(map|br|gz)$/.test(f)).sort();
const digest = createHash("sha256");
for (const file of files) digest.update(file).update(await readFile(path.join(photosDir, file)));
const urls = files.map((f) => `/photos/${f}`);

const workerPath = path.join(root, "sw.js");
let worker = await readFile(workerPath, "utf8");
const placeholder = '["__REMODEL_PHOTOS__"]';
if (!worker.includes(placeholder)) throw new Error("sw.js lacks the photos placeholder (already sealed?)");
worker = worker.replace(placeholder, JSON.stringify(urls));
const version = /const CACHE_VERSION = "([0-9a-f]+)";/;
if (!version.test(worker)) throw new Error("sw.js has no cache version");
worker = worker.replace(version, (_, v) => `const CACHE_VERSION = "${v}-${digest.digest("hex").slice(0, 8)}";`);
await writeFile(workerPath, worker);
console.log(`seal: sw.js keeps ${urls.length} photos files once used`);
