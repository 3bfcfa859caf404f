// The last step of `make build`: a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside
// every text and wasm file in dist/, so the server sends compressed bytes without compressing on
// each request (.ci/serve.mjs picks one by Accept-Encoding; README "Hosting" for other hosts).
// A copy is only written when it is smaller. Runs after seal.mjs, which changes sw.js.
// Usage: node .ci/compress.mjs [dist]
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { COMPRESSIBLE } from "./serve.mjs";

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const root = path.resolve(process.argv[2] ?? "dist");
let count = 0;
let before = 0;
let after = 0;
for await (const file of files(root)) {
  // Copies from an earlier run go: the file beside them may have changed.
  if (file.endsWith(".br") || file.endsWith(".gz")) {
    await rm(file);
    continue;
  }
}
for await (const file of files(root)) {
  if (!COMPRESSIBLE.has(path.extname(file))) continue;
  const data = await readFile(file);
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]:
        path.extname(file) === ".wasm" ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = zlib.gzipSync(data, { level: 9 });
  if (brotli.length < data.length) await writeFile(file + ".br", brotli);
  if (gzip.length < data.length) await writeFile(file + ".gz", gzip);
  count += 1;
  before += data.length;
  after += Math.min(brotli.length, data.length);
}
console.log(`compress: ${count} files, ${before} bytes, ${after} as brotli`);
