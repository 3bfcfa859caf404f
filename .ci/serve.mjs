// Serves a built app (dist/) on 127.0.0.1 the way a real static host would: the right MIME types
// (application/wasm for streaming compile), every unknown path without a file extension answered
// with index.html (client-side routes), long caching for hashed files and none for the entry
// points, the whole Content-Security-Policy as a header (the <meta> tag covers the pages, not the
// service worker or the photo worker; a header covers every response) with what a meta tag
// can't set (frame-ancestors), and the brotli or gzip copy that
// .ci/compress.mjs wrote beside a file when the browser accepts it (with Vary: Accept-Encoding).
// Usage: node .ci/serve.mjs [dir=dist] [port=8080]
// As a module (the cross-engine journeys): `serve({ root, port })` resolves to the server, with
// `setOffline(true)` making it drop every connection, as a phone without a network would see it,
// and `setRoot(dir)` switching to another build (a deploy).
import { createReadStream, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const host = "127.0.0.1";
// Which app serves which addresses: the site's one table (src/site.rs, written out as JSON).
const SITE = JSON.parse(readFileSync(new URL("../static/site.json", import.meta.url), "utf8"));

/** The app serving `urlPath`: the first whose prefix is its first segment; else the client app. */
export function appFor(urlPath) {
  const starts = (prefix) => urlPath === prefix || urlPath.startsWith(prefix + "/");
  return SITE.apps.find((app) => app.prefixes.some(starts) && app.app !== "client") ?? SITE.apps.find((a) => a.app === "client");
}
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
/** The extensions .ci/compress.mjs writes compressed copies of. */
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);

/** The encodings an Accept-Encoding header allows (`br;q=0` refuses br). */
function acceptedEncodings(header = "") {
  const accepted = new Set();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** The compressed copy of `file` to send, if the browser takes one and it is current. */
async function compressedCopy(file, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding);
  const original = await stat(file);
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    if (!accepted.has(encoding)) continue;
    const copy = await stat(file + suffix).catch(() => null);
    // A copy older than its file is stale (a build without the compress step): not sent.
    if (copy?.isFile() && copy.mtimeMs >= original.mtimeMs) return { encoding, file: file + suffix, size: copy.size };
  }
  return { encoding: null, file, size: original.size };
}

// Files whose names carry no content hash: revalidated on every use. (The photo worker's files
// carry one too: .ci/seal.mjs names them after their contents.)
const neverCached = new Set([
  ...SITE.apps.map((app) => app.shell),
  "/sw.js",
  "/manifest.webmanifest",
]);

async function resolveFile(root, urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.resolve(root, "." + decoded);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null; // no escaping root
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return { file: candidate, urlPath: decoded };
  // Client-side routes (no extension) get the shell of the app that serves them (the site's
  // table); missing assets stay 404.
  if (!path.extname(decoded)) {
    const { shell } = appFor(decoded);
    const file = path.join(root, "." + shell);
    // A build without that app's page (a partial dist) answers 404, not a crash.
    if (!(await stat(file).catch(() => null))?.isFile()) return null;
    return { file, urlPath: shell };
  }
  return null;
}

/** Sends a found file: its type, caching, the compressed copy the client accepts. */
async function send(found, request, response, headers) {
  headers["Content-Type"] = types[path.extname(found.file)] ?? "application/octet-stream";
  headers["Cache-Control"] = neverCached.has(found.urlPath) ? "no-cache" : "public, max-age=31536000, immutable";
  const compressible = COMPRESSIBLE.has(path.extname(found.file));
  // One stat of the file either way: the copy's freshness is judged against it.
  const sent = await compressedCopy(found.file, compressible ? request.headers["accept-encoding"] : "");
  if (compressible) headers["Vary"] = "Accept-Encoding";
  if (sent.encoding) headers["Content-Encoding"] = sent.encoding;
  headers["Content-Length"] = sent.size;
  response.writeHead(200, headers);
  if (request.method === "HEAD") response.end();
  else createReadStream(sent.file).pipe(response);
}

/** The policy the build's pages declare in their <meta> tag (one source for both), with
 * frame-ancestors, which only a header can set. A build whose page declares none (the empty Yew
 * app the first-visit benchmark measures) gets frame-ancestors only. */
export function policyOf(root) {
  let page = "";
  try {
    page = readFileSync(path.join(root, "index.html"), "utf8");
  } catch {
    // No page at all: nothing to take a policy from.
  }
  const meta = page.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  return meta ? `${meta[1]}; frame-ancestors 'none'` : "frame-ancestors 'none'";
}

/** Serves `root` on 127.0.0.1:`port`; resolves once it listens. */
export function serve({ root, port }) {
  root = path.resolve(root);
  let policy = policyOf(root);
  const sockets = new Set();
  let offline = false;
  const server = http.createServer(async (request, response) => {
    if (offline) {
      request.socket.destroy();
      return;
    }
    const headers = {
      "Content-Security-Policy": policy,
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
    try {
      await send(found, request, response, headers);
    } catch {
      // A file gone between the stat and the read: say so, and keep serving.
      if (!response.headersSent) response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("Not found");
      else response.destroy();
    }
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
  /** Serves another build from now on, as a host does when a new version is deployed. */
  server.setRoot = (next) => {
    root = path.resolve(next);
    policy = policyOf(root);
  };
  Object.defineProperty(server, "root", { get: () => root });
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
