// Trunk post-build hook (Trunk.toml): runs in the staging directory before it becomes dist/.
//
// 1. Joins the stylesheets into one file without their comments, and minifies wasm-bindgen's JS glue with terser (Trunk's
//    own minifier fails on the glue), rewriting their integrity hashes: 2.6 KB brotli of the first
//    load, measured.
// 2. Moves every inline <script> Trunk wrote into index.html into its own content-hashed file, so
//    the Content-Security-Policy can forbid inline script (script-src 'self').
// 3. Fills in the service worker's precache list (every file of the build) and its cache version
//    (a hash of every file's content), so each new build is a new worker that precaches it whole.
import { createHash } from "node:crypto";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("postbuild: TRUNK_STAGING_DIR is not set (run by Trunk only)");
  process.exit(1);
}
// "/" for the app, "/kit/" for the clinic kit (`trunk build --public-url`).
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

const integrity = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
const indexPath = path.join(staging, "index.html");

/**
 * The stylesheet without what only its readers need: comments (1.3 KB brotli per app), indents
 * and the spaces around punctuation (0.3 KB more). Plain matches are safe because no stylesheet
 * here has a comment marker, a colon, a comma, a brace, a semicolon or ">" inside a string
 * (its only strings are "", "range" and font names); a line break between two selectors stays,
 * as the descendant combinator it is.
 */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s+/gm, "")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":");
}

/** One stylesheet instead of one per source file: brotli compresses the whole better. */
async function joinStylesheets() {
  let html = await readFile(indexPath, "utf8");
  const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>\n?/g)];
  if (links.length < 2) return 0;
  const parts = [];
  for (const [, href] of links) {
    const file = path.join(staging, path.basename(href));
    parts.push(minifyCss(await readFile(file, "utf8")));
    await rm(file);
  }
  const css = parts.join("\n");
  const name = `app-${sha256(css).slice(0, 16)}.css`;
  await writeFile(path.join(staging, name), css);
  const joined = `<link rel="stylesheet" href="${publicUrl}${name}" integrity="${integrity(css)}"/>\n`;
  html = html.replace(links[0][0], joined);
  for (const link of links.slice(1)) html = html.replace(link[0], "");
  await writeFile(indexPath, html);
  return links.length;
}

/** Minifies the wasm-bindgen glue (every .js Trunk wrote) and updates its integrity hash. */
async function minifyGlue() {
  let html = await readFile(indexPath, "utf8");
  const scripts = (await readdir(staging)).filter((f) => f.endsWith(".js") && f !== "sw.js");
  for (const name of scripts) {
    const file = path.join(staging, name);
    const source = await readFile(file, "utf8");
    const { code } = await minify(source, { module: true, compress: true, mangle: true });
    await writeFile(file, code);
    const pattern = new RegExp(`(href="${publicUrl}${name.replace(/[.]/g, "[.]")}"[^>]*integrity=")[^"]+(")`);
    if (pattern.test(html)) html = html.replace(pattern, `$1${integrity(code)}$2`);
  }
  await writeFile(indexPath, html);
  return scripts.length;
}

async function externaliseInlineScripts() {
  let html = await readFile(indexPath, "utf8");
  const written = [];
  html = html.replace(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
    if (!body.trim()) return whole;
    const name = `boot-${sha256(body).slice(0, 16)}.js`;
    written.push(writeFile(path.join(staging, name), body.trim() + "\n"));
    return `<script${attrs} src="${publicUrl}${name}"></script>`;
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
  const placeholders = ['"__REMODEL_CACHE_VERSION__"', '["__REMODEL_PRECACHE__"]', '["__REMODEL_SITE__"]'];
  for (const placeholder of placeholders) {
    if (!worker.includes(placeholder)) throw new Error(`sw.js lacks the placeholder ${placeholder}`);
  }
  // The site's table of addresses (src/site.rs), so the worker sends each to the right app.
  const site = JSON.parse(await readFile(new URL("../static/site.json", import.meta.url), "utf8"));
  delete site.comment;
  delete site.places;
  worker = worker
    .replace(placeholders[0], JSON.stringify(version))
    .replace(placeholders[1], JSON.stringify(urls))
    .replace(placeholders[2], JSON.stringify(site));
  await writeFile(workerPath, worker);
  return { version, count: urls.length };
}

const joined = await joinStylesheets();
const minified = await minifyGlue();
console.log(`postbuild: ${joined} stylesheets joined; ${minified} script(s) minified`);
const moved = await externaliseInlineScripts();
// Only the app has a service worker; the clinic kit (built into dist/kit/ afterwards) is not
// precached: clients never need it, and clinics use it online.
const hasWorker = (await readdir(staging)).includes("sw.js");
if (hasWorker) {
  const { version, count } = await writeServiceWorker();
  console.log(`postbuild: ${moved} inline script(s) moved to files; sw.js precaches ${count} files, version ${version}`);
} else {
  console.log(`postbuild: ${moved} inline script(s) moved to files (no service worker in this build)`);
}
