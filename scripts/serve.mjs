// Serves a built app folder on loopback with the right content types and,
// given a database address, forwards `/db/…` to it on the same origin, as the
// Caddy and nginx setups in the README do (the app's Content-Security-Policy
// allows connections to its own origin only).
// Usage: node scripts/serve.mjs [dir] [port] [--db <url>]
//   --db (or SESSIONPAD_DB_URL): e.g. http://127.0.0.1:5984; `/db/sessionpad/_changes`
//   is then forwarded as `/sessionpad/_changes`.
// In-process: `const site = await serve({ dir, port, db })`, see below.
import { createServer, request as httpRequest, Agent as HttpAgent } from "node:http";
import { request as httpsRequest, Agent as HttpsAgent } from "node:https";
import { readFile } from "node:fs/promises";
import { brotliDecompressSync, gzipSync } from "node:zlib";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

// The compressed forms of each file, reused while the file's bytes are the
// same: a real host compresses a file once (or ships it compressed), not on
// every request, and gzipping the wasm takes ~100 ms that would otherwise be
// counted in the first visit's time. Brotli comes from the build's `.br` file
// (scripts/precompress.mjs), used only when it decodes to the file's bytes
// today, so a file changed after the build is never answered with old bytes.
const compressed = new Map();

async function encodings(file, raw) {
  const hit = compressed.get(file);
  if (hit && hit.raw.equals(raw)) return hit;
  // gzip only once a browser asks for it: most take the brotli form.
  const entry = {
    raw,
    br: null,
    get gzip() {
      const gz = gzipSync(raw);
      Object.defineProperty(this, "gzip", { value: gz });
      return gz;
    },
  };
  try {
    const br = await readFile(`${file}.br`);
    if (brotliDecompressSync(br).equals(raw)) entry.br = br;
  } catch {
    // No brotli form (a debug build, or a file too small to shrink): gzip only.
  }
  compressed.set(file, entry);
  return entry;
}

/** Whether the request's accept-encoding (e.g. "gzip, deflate, br") names `token`. */
const accepts = (req, token) => new RegExp(`\\b${token}\\b`).test(req.headers["accept-encoding"] ?? "");

async function serveFile(root, req, res) {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    let body = await readFile(file);
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      // Files named after their content never change; anything else is
      // checked again on every use, as a deployment should serve them.
      "cache-control": /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/.test(file)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      vary: "accept-encoding",
      // As the README's Caddy and nginx setups send them (HSTS needs HTTPS, which this is not):
      // no guessing a type from the bytes, and no page of another site may frame the app.
      "x-content-type-options": "nosniff",
      "content-security-policy": "frame-ancestors 'none'",
    };
    // Compressed as a real host serves it: the wasm shrinks to 30% with brotli, 40% with gzip.
    if (!file.endsWith(".png") && (accepts(req, "br") || accepts(req, "gzip"))) {
      const forms = await encodings(file, body);
      const encoding = forms.br && accepts(req, "br") ? "br" : accepts(req, "gzip") ? "gzip" : null;
      if (encoding) {
        body = forms[encoding];
        headers["content-encoding"] = encoding;
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }
}

// Hop-by-hop headers belong to one connection and are not forwarded.
const hopByHop = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"]);

function badGateway(res, reason) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ error: "bad_gateway", reason }));
}

/** Forwards `/db/…` requests to the database server at `db`, streaming both ways. */
function createProxy(db) {
  const target = new URL(db);
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new Error(`serve.mjs: database address must be http or https: ${db}`);
  }
  const base = target.pathname.replace(/\/+$/, "");
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  const agent = target.protocol === "https:" ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const open = new Set();
  let reachable = true;
  let intercept = null;

  function forward(req, res) {
    if (intercept?.(req, res)) return;
    if (!reachable) {
      badGateway(res, "The database server is unreachable (switched off for a test).");
      return;
    }
    const headers = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      if (!hopByHop.has(name.toLowerCase())) headers[name] = req.rawHeaders[i + 1];
    }
    headers.host = target.host;
    const upstream = send({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: base + req.url.slice("/db".length),
      headers,
      agent,
    });
    const exchange = { upstream, res };
    open.add(exchange);
    const done = () => open.delete(exchange);
    upstream.on("response", (answer) => {
      const out = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!hopByHop.has(answer.rawHeaders[i].toLowerCase())) out.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
      }
      res.writeHead(answer.statusCode, answer.statusMessage, out);
      // Sent at once, so a longpoll's first bytes or heartbeats are not held back.
      res.flushHeaders();
      answer.pipe(res);
      answer.on("error", () => res.destroy());
      answer.on("end", done);
    });
    upstream.on("error", (error) => {
      done();
      badGateway(res, `The database server did not answer: ${error.code ?? error.message}`);
    });
    // The browser gave up (or went away): so does the request to the database.
    res.on("close", () => {
      done();
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }

  return {
    forward,
    get reachable() {
      return reachable;
    },
    /** false: every `/db/` request answers 502 and requests under way are cut, as if the server went away. */
    setReachable(value) {
      reachable = Boolean(value);
      if (!reachable) {
        for (const { upstream, res } of open) {
          upstream.destroy();
          res.destroy();
        }
        open.clear();
      }
    },
    /** `answer(req, res)` sees each `/db/` request first and returns true when it answered it itself; null: none. */
    setIntercept(answer) {
      intercept = answer;
    },
    close() {
      agent.destroy();
    },
  };
}

/**
 * Starts the server. Options: dir (default "dist"), port (default 8080; 0 for any free one),
 * db (database address to forward `/db/` to; default none: `/db/` is served from dir like any path).
 * Resolves to { url, port, server, setDbReachable(bool), dbReachable, interceptDb(answer), close() }.
 */
export async function serve({ dir = "dist", port = 8080, db } = {}) {
  const root = resolve(dir);
  const proxy = db ? createProxy(db) : null;
  const server = createServer((req, res) => {
    if (proxy && (req.url === "/db" || req.url.startsWith("/db/") || req.url.startsWith("/db?"))) {
      proxy.forward(req, res);
    } else {
      serveFile(root, req, res);
    }
  });
  // No time limits on requests: a longpoll changes feed may be quiet for a minute.
  server.requestTimeout = 0;
  server.timeout = 0;
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    server,
    get dbReachable() {
      return proxy ? proxy.reachable : false;
    },
    setDbReachable(value) {
      if (!proxy) throw new Error("serve.mjs: no database to switch: start it with db");
      proxy.setReachable(value);
    },
    /** Lets a test play a hostile server: see the proxy's setIntercept. */
    interceptDb(answer) {
      if (!proxy) throw new Error("serve.mjs: no database to intercept: start it with db");
      proxy.setIntercept(answer);
    },
    async close() {
      proxy?.setReachable(false);
      proxy?.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

function parseArgs(argv) {
  const positional = [];
  let db = process.env.SESSIONPAD_DB_URL || undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--db") db = argv[++i];
    else if (argv[i].startsWith("--db=")) db = argv[i].slice("--db=".length);
    else positional.push(argv[i]);
  }
  return { dir: positional[0] ?? "dist", port: Number(positional[1] ?? 8080), db };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const site = await serve(options);
  console.log(`Serving ${resolve(options.dir)} on ${site.url}`);
  if (options.db) console.log(`Forwarding ${site.url}/db/ to ${options.db}`);
}
