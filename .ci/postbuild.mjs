// Trunk post-build hook (Trunk.toml): runs in the staging directory before it becomes dist/.
//
// 1. Joins the stylesheets into one file without their comments, and minifies wasm-bindgen's JS glue with terser (Trunk's
//    own minifier fails on the glue), rewriting their integrity hashes: 2.6 KB brotli of the first
//    load, measured.
// 2. Moves every inline <script> Trunk wrote into index.html into its own content-hashed file, so
//    the Content-Security-Policy can forbid inline script (script-src 'self').
//    Each page's start-up file also answers the service worker's question "which files do you
//    run on?" (PAGE_ANSWERS below), so an update keeps the cache of a build an open page still uses.
// The service worker's precache list and version are filled in by .ci/seal.mjs, once every app
// is built.
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

/**
 * Put first in each page's start-up module. The service worker asks every open page which files it
 * runs on before it deletes an old version's cache (static/sw.js, `removeUnusedCaches`); the page
 * answers with the files its document names (its scripts, preloads, stylesheet and the photo
 * worker's loader), all with hashed names. Once the worker is ready, the page asks it to tidy
 * up: an update's old caches go when no open page needs them.
 */
const PAGE_ANSWERS = `if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (!(event.data && event.data.type === "WHICH_FILES" && event.ports[0])) return;
    const named = document.querySelectorAll("script[src], link[href][rel=modulepreload], link[href][rel=preload], link[href][rel=stylesheet], meta[name=remodel-photo-worker]");
    event.ports[0].postMessage([...named].map((e) => new URL(e.src || e.href || e.content, location.href).pathname));
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.ready.then((registration) => registration.active && registration.active.postMessage({ type: "PAGE_OPEN" }));
}
`;

async function externaliseInlineScripts() {
  let html = await readFile(indexPath, "utf8");
  const written = [];
  html = html.replace(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, body) => {
    if (!body.trim()) return whole;
    if (/type="module"/.test(attrs)) body = PAGE_ANSWERS + body.trim();
    const name = `boot-${sha256(body).slice(0, 16)}.js`;
    written.push(writeFile(path.join(staging, name), body.trim() + "\n"));
    return `<script${attrs} src="${publicUrl}${name}"></script>`;
  });
  await Promise.all(written);
  if (/<script(?![^>]*\ssrc=)[^>]*>\s*\S/.test(html)) throw new Error("an inline script is left in index.html");
  await writeFile(indexPath, html);
  return written.length;
}

const joined = await joinStylesheets();
const minified = await minifyGlue();
console.log(`postbuild: ${joined} stylesheets joined; ${minified} script(s) minified`);
const moved = await externaliseInlineScripts();
console.log(`postbuild: ${moved} inline script(s) moved to files, with the page's answer to the service worker`);
