// Serves a built app (dist/) on 127.0.0.1 the way a real static host would: the right MIME types
// (application/wasm for streaming compile), every unknown path without a file extension answered
// with index.html (client-side routes), long caching for hashed files and none for the entry
// points, and the headers a meta tag can't set (frame-ancestors).
// Usage: node .ci/serve.mjs [dir=dist] [port=8080]
// As a module (the cross-engine journeys): `serve({ root, port })` resolves to the server, with
// `setOffline(true)` making it drop every connection, as a phone without a network would see it.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

async function resolveFile(root, urlPath) {
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

/** Serves `root` on 127.0.0.1:`port`; resolves once it listens. */
export function serve({ root, port }) {
  root = path.resolve(root);
  const sockets = new Set();
  let offline = false;
  const server = http.createServer(async (request, response) => {
    if (offline) {
      request.socket.destroy();
      return;
    }
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
      found = await resolveFile(root, new URL(request.url, `http://${host}`).pathname);
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

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  /** Offline: every open connection is cut and every new one closed before an answer. */
  server.setOffline = (value) => {
    offline = value;
    if (offline) for (const socket of sockets) socket.destroy();
  };
  server.stop = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? "dist");
  const port = Number(process.argv[3] ?? 8080);
  const server = await serve({ root, port });
  console.log(`Remodel: serving ${root} at http://${host}:${port}/`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.stop().then(() => process.exit(0)));
}
