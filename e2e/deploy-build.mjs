// A second build for the deploy tests (e2e/deploy.spec.mjs, the engines' `deploy` journey):
// build A (dist/) with its photo worker changed (a comment in its glue, a custom section in its
// wasm) and sealed again by .ci/seal.mjs: new hashed worker names and a new cache version, as a
// deploy of a change to the worker would be. A real second build would take minutes.
import { execFileSync } from "node:child_process";
import { appendFile, cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The photo worker's loader the build's photos page names (.ci/seal.mjs). */
export const loaderOf = async (dist) =>
  (await readFile(path.join(dist, "photos", "index.html"), "utf8")).match(/name="remodel-photo-worker" content="([^"]+)"/)[1];

/** The build's service-worker cache version. */
export const versionOf = async (dist) =>
  (await readFile(path.join(dist, "sw.js"), "utf8")).match(/const CACHE_VERSION = "([^"]+)"/)[1];

/** Writes build B beside build A (`distA`) in a new temporary directory, and returns its path. */
export async function buildB(distA) {
  const distB = await mkdtemp(path.join(os.tmpdir(), "remodel-deploy-b-"));
  // Not the compressed copies: they would be stale (the server sends the files themselves).
  await cp(distA, distB, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
  await cp(path.join(root, "static", "sw.js"), path.join(distB, "sw.js"));
  const photos = path.join(distB, "photos");
  const files = await readdir(photos);
  const glue = files.find((f) => /^photo-worker-[0-9a-f]{16}\.js$/.test(f));
  const wasm = files.find((f) => /^photo-worker-[0-9a-f]{16}_bg\.wasm$/.test(f));
  await appendFile(path.join(photos, glue), "\n// build B\n");
  // A custom section (id 0): size 8, the name "deploy" (6 bytes), one byte of payload.
  await appendFile(path.join(photos, wasm), Buffer.from([0, 8, 6, ...Buffer.from("deploy"), 0x42]));
  execFileSync("node", [path.join(root, ".ci/seal.mjs"), distB]);
  return distB;
}
