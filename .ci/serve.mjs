// Serves a built app (dist/) on 127.0.0.1 the way a real static host would: the right MIME types
// (application/wasm for streaming compile), every unknown path without a file extension answered
// with index.html (client-side routes), long caching for hashed files and none for the entry
// points, and the headers a meta tag can't set (frame-ancestors).
// Usage: node .ci/serve.mjs [dir=dist] [port=8080]
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);
const host = "127.0.0.1";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};
// Files whose names carry no content hash: revalidated on every use. (The photo worker's files
// are named after its binary: a module worker's URL is fixed in the code that starts it.)
const neverCached = new Set([
  "/index.html",
  "/kit/index.html",
  "/photos/index.html",
  "/photos/photo-worker.js",
  "/photos/photo-worker_bg.wasm",
  "/photos/photo-worker_loader.js",
  "/sw.js",
  "/manifest.webmanifest",
]);

async function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.resolve(root, "." + decoded);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null; // no escaping root
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return { file: candidate, urlPath: decoded };
  // Client-side routes (no extension) get the app shell (the clinic kit's under /kit/); missing
  // assets stay 404.
  if (!path.extname(decoded)) {
    if (decoded === "/kit" || decoded.startsWith("/kit/")) {
      return { file: path.join(root, "kit", "index.html"), urlPath: "/kit/index.html" };
    }
    if (/^\/(photos|data|settings)(\/|$)/.test(decoded)) {
      return { file: path.join(root, "photos", "index.html"), urlPath: "/photos/index.html" };
    }
    return { file: path.join(root, "index.html"), urlPath: "/index.html" };
  }
  return null;
}

const server = http.createServer(async (request, response) => {
  const headers = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, headers).end();
    return;
  }
  let found = null;
  try {
    found = await resolveFile(new URL(request.url, `http://${host}`).pathname);
  } catch {
    found = null; // malformed escapes
  }
  if (!found) {
    response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("Not found");
    return;
  }
  headers["Content-Type"] = types[path.extname(found.file)] ?? "application/octet-stream";
  headers["Cache-Control"] = neverCached.has(found.urlPath) ? "no-cache" : "public, max-age=31536000, immutable";
  response.writeHead(200, headers);
  if (request.method === "HEAD") response.end();
  else createReadStream(found.file).pipe(response);
});

server.listen(port, host, () => console.log(`Remodel: serving ${root} at http://${host}:${port}/`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
