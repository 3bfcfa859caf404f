// The last build step before compression, once every app is in dist/ (client, kit/, photos/):
//
// 1. Names the photo worker's three files after a hash of its glue and wasm together
//    (`photo-worker-<hash>.js`, `…_bg.wasm`, `…_loader.js`), so a page can never load the glue of
//    one build with the wasm of another, and writes the loader's address into the photos page
//    (`<meta name="remodel-photo-worker">`), where the app reads it. Trunk names a worker after
//    its binary only.
// 2. Fills in the service worker (dist/sw.js, still Trunk's copy of static/sw.js): the client
//    app's precache list (every file of the client build), the photos app's files, the site's
//    table of addresses, and a cache version from every one of those files' contents, so any
//    change to either app is a new worker.
//
// Usage: node .ci/seal.mjs [dist]. It runs on a fresh build: a second run on the same dist/ fails
// (sw.js is filled in already), unless sw.js is first copied again from static/ (the deploy test
// makes a second build this way).
import { createHash } from "node:crypto";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? "dist");
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** Every file under `dir` (relative, with "/"), without the compressed copies .ci/compress.mjs writes. */
async function listFiles(dir, prefix = "") {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, relative) : [relative];
    }),
  );
  return nested.flat().filter((f) => !/\.(map|br|gz)$/.test(f)).sort();
}

/** A file name of the worker's, with or without a hash: `photo-worker[-hash]<suffix>`. */
const WORKER_FILE = /^photo-worker(?:-[0-9a-f]{16})?(\.js|_bg\.wasm|_loader\.js)$/;
const WORKER_META = /<meta name="remodel-photo-worker" content="[^"]*" \/>\n?\s*/;

async function versionPhotoWorker(photosDir) {
  const names = (await readdir(photosDir)).filter((name) => WORKER_FILE.test(name));
  const named = (suffix) => names.find((name) => name.match(WORKER_FILE)[1] === suffix);
  const [glueName, wasmName, loaderName] = [named(".js"), named("_bg.wasm"), named("_loader.js")];
  if (!glueName || !wasmName || !loaderName) throw new Error(`seal: the photo worker's files are not all in ${photosDir}`);
  const glue = await readFile(path.join(photosDir, glueName), "utf8");
  const wasm = await readFile(path.join(photosDir, wasmName));
  const loader = await readFile(path.join(photosDir, loaderName), "utf8");
  if (!glue.includes(`"${wasmName}"`)) throw new Error(`seal: ${glueName} does not load ${wasmName}`);
  if (!loader.includes(`"./${glueName}"`)) throw new Error(`seal: ${loaderName} does not import ${glueName}`);

  // The hash of the glue as wasm-bindgen wrote it (its own file names taken out) and the wasm.
  const plainGlue = glue.replaceAll(`"${wasmName}"`, '"photo-worker_bg.wasm"');
  const hash = createHash("sha256").update(plainGlue).update(wasm).digest("hex").slice(0, 16);
  const base = `photo-worker-${hash}`;
  const [newGlue, newWasm, newLoader] = [`${base}.js`, `${base}_bg.wasm`, `${base}_loader.js`];
  await writeFile(path.join(photosDir, glueName), glue.replaceAll(`"${wasmName}"`, `"${newWasm}"`));
  await writeFile(path.join(photosDir, loaderName), loader.replaceAll(`"./${glueName}"`, `"./${newGlue}"`));
  await rename(path.join(photosDir, glueName), path.join(photosDir, newGlue));
  await rename(path.join(photosDir, wasmName), path.join(photosDir, newWasm));
  await rename(path.join(photosDir, loaderName), path.join(photosDir, newLoader));

  const pagePath = path.join(photosDir, "index.html");
  const page = (await readFile(pagePath, "utf8")).replace(WORKER_META, "");
  const meta = `<meta name="remodel-photo-worker" content="/photos/${newLoader}" />\n    `;
  if (!page.includes("<title>")) throw new Error("seal: the photos page has no <title> to put the worker's address before");
  await writeFile(pagePath, page.replace("<title>", `${meta}<title>`));
  return newLoader;
}

/** A hash of the files' names and contents. */
async function digestOf(files) {
  const digest = createHash("sha256");
  for (const file of files) digest.update(file).update(sha256(await readFile(path.join(root, file))));
  return digest.digest("hex");
}

async function fillServiceWorker() {
  const all = await listFiles(root);
  const photos = all.filter((file) => file.startsWith("photos/"));
  // The clinic kit is a separate app for clinics, not precached; sw.js is the worker itself.
  const client = all.filter((file) => !file.startsWith("photos/") && !file.startsWith("kit/") && file !== "sw.js");
  const version = `${(await digestOf(client)).slice(0, 16)}-${(await digestOf(photos)).slice(0, 8)}`;

  const workerPath = path.join(root, "sw.js");
  let worker = await readFile(workerPath, "utf8");
  const site = JSON.parse(await readFile(new URL("../static/site.json", import.meta.url), "utf8"));
  delete site.comment;
  delete site.places;
  const fills = [
    ['"__REMODEL_CACHE_VERSION__"', version],
    ['["__REMODEL_PRECACHE__"]', client.map((file) => `/${file}`)],
    ['["__REMODEL_PHOTOS__"]', photos.map((file) => `/${file}`)],
    ['["__REMODEL_SITE__"]', site],
  ];
  for (const [placeholder, value] of fills) {
    if (!worker.includes(placeholder)) throw new Error(`seal: sw.js lacks ${placeholder} (already sealed?)`);
    worker = worker.replace(placeholder, JSON.stringify(value));
  }
  await writeFile(workerPath, worker);
  return { version, client: client.length, photos: photos.length };
}

const loader = await versionPhotoWorker(path.join(root, "photos"));
const { version, client, photos } = await fillServiceWorker();
console.log(`seal: photo worker ${loader}; sw.js precaches ${client} files, keeps ${photos} photos files, version ${version}`);
