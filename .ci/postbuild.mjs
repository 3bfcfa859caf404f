// Trunk post-build hook (Trunk.toml): runs in the staging directory before it becomes dist/.
//
// 1. Moves every inline <script> Trunk wrote into index.html into its own content-hashed file, so
//    the Content-Security-Policy can forbid inline script (script-src 'self').
// 2. Fills in the service worker's precache list (every file of the build) and its cache version
//    (a hash of every file's content), so each new build is a new worker that precaches it whole.
import { createHash } from "node:crypto";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run by Trunk only)");
  process.exit(1);
}
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

async function externaliseInlineScripts() {
  const indexPath = path.join(staging, "index.html");
  let html = await readFile(indexPath, "utf8");
  const written = [];
  html = html.replace(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
    if (!body.trim()) return whole;
    const name = `boot-${sha256(body).slice(0, 16)}.js`;
    written.push(writeFile(path.join(staging, name), body.trim() + "\n"));
    return `<script${attrs} src="/${name}"></script>`;
  });
  await Promise.all(written);
  if (/<script(?![^>]*\ssrc=)[^>]*>\s*\S/.test(html)) throw new Error("an inline script is left in index.html");
  await writeFile(indexPath, html);
  return written.length;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    }),
  );
  return nested.flat();
}

async function writeServiceWorker() {
  const workerPath = path.join(staging, "sw.js");
  const files = (await listFiles(staging)).filter((file) => file !== workerPath).sort();
  const urls = files.map((file) => "/" + path.relative(staging, file).split(path.sep).join("/"));
  const digest = createHash("sha256");
  for (const [i, file] of files.entries()) digest.update(urls[i]).update(sha256(await readFile(file)));
  const version = digest.digest("hex").slice(0, 16);

  let worker = await readFile(workerPath, "utf8");
  const placeholders = ['"__REMODEL_CACHE_VERSION__"', '["__REMODEL_PRECACHE__"]'];
  for (const placeholder of placeholders) {
    if (!worker.includes(placeholder)) throw new Error(`sw.js lacks the placeholder ${placeholder}`);
  }
  worker = worker.replace(placeholders[0], JSON.stringify(version)).replace(placeholders[1], JSON.stringify(urls));
  await writeFile(workerPath, worker);
  return { version, count: urls.length };
}

const moved = await externaliseInlineScripts();
const { version, count } = await writeServiceWorker();
console.log(`postbuild: ${moved} inline script(s) moved to files; sw.js precaches ${count} files, version ${version}`);
