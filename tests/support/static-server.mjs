// A plain static file server, like the hosts users deploy smarthost to: no rewrites, no
// SPA fallback. A directory serves its index.html; anything else missing is a 404.
// Used by `cargo xtask serve` and by the browser tests.
//
//   node static-server.mjs --root dist --port 8080 [--prefix /tools/smarthost/] [--host 127.0.0.1] [--gzip on]
//
// With --gzip on, text and wasm are sent gzip-compressed to clients that accept it, as
// production hosts do (`cargo xtask serve` and the Lighthouse benchmark); the browser
// tests use the plain default.

import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".toml": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".xml", ".txt", ".toml"]);

export function startStaticServer({ root, port = 0, host = "127.0.0.1", prefix = "/", gzip = false }) {
  const rootDir = resolve(root);
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) return notFound(res);
      const relative = normalize(path.slice(base.length));
      let file = join(rootDir, relative);
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return notFound(res);
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return notFound(res);
      let body = await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      };
      if (gzip && COMPRESSIBLE.has(extname(file))) {
        headers.vary = "accept-encoding";
        if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
          body = gzipSync(body, { level: 9 });
          headers["content-encoding"] = "gzip";
        }
      }
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      notFound(res);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}${base}` });
    });
  });
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("404 Not Found\n");
}

function parseArgs(argv) {
  const options = { root: "dist", port: 8080, host: "127.0.0.1", prefix: "/", gzip: false };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--root") options.root = value;
    else if (flag === "--port") options.port = Number(value);
    else if (flag === "--host") options.host = value;
    else if (flag === "--prefix") options.prefix = value;
    else if (flag === "--gzip") options.gzip = value === "on";
    else throw new Error(`unknown option ${flag}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error("--port expects a number from 0 to 65535");
  }
  return options;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { url } = await startStaticServer(parseArgs(process.argv.slice(2)));
    console.log(`smarthost is being served at ${url}`);
  } catch (error) {
    console.error(`static-server: ${error.message}`);
    process.exit(2);
  }
}
