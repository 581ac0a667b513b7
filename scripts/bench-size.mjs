// Download sizes, gzip (level 9) bytes of the build's files.
//
// first_visit_kb: what the browser must fetch before the app opens: the CSS,
// JS and wasm that index.html names, every JS module those import statically,
// and the service worker. Any other wasm, JS or CSS of the build (chunks a
// build might fetch only when a screen first opens) is listed after the
// figure, apart from it. (What a first visit really moves over the
// wire, headers and the worker's precaching included, is
// first_visit_wire_kb of scripts/bench-tablet.mjs.)
//
// total_kb: everything the service worker precaches for offline use, each
// file once: the PRECACHE list of sw.js, i.e. index.html,
// CSS, JS, wasm, icons and manifest. sw.js itself, which is not in its own
// cache, is shown beside it.
//
// Usage: node scripts/bench-size.mjs [dist]   (after `trunk build --release`; BENCH_DIST as in bench-lib.mjs)
// Prints one line per file, then `bench: first_visit_kb N`, then the chunks,
// then `bench: total_kb N`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? process.env.BENCH_DIST ?? "dist";
if (!existsSync(join(dir, "index.html")) || !readdirSync(dir).some((name) => name.endsWith(".wasm"))) {
  console.error(`bench-size.mjs: no build in ${dir}; run \`trunk build --release\` first`);
  process.exit(1);
}

// Relative URLs of this build's own files (Trunk's public_url is "./").
const local = (url) => normalize(url.replace(/^\.\//, "")).replace(/^\/+/, "");
const html = readFileSync(join(dir, "index.html"), "utf8");
const eager = new Set(["sw.js"]);
for (const [, url] of html.matchAll(/<link\b[^>]*\bhref=["']?([^"' >]+\.(?:css|js|wasm))/g)) eager.add(local(url));
for (const [, url] of html.matchAll(/['"](\.\/[^'"]+\.(?:js|wasm))['"]/g)) eager.add(local(url));
// Static imports, followed through every eager module (dynamic `import()` is not eager).
const queue = [...eager].filter((name) => name.endsWith(".js"));
while (queue.length) {
  const js = readFileSync(join(dir, queue.pop()), "utf8");
  for (const [, url] of js.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${},\s]+?\s*from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    const name = local(url);
    if (!eager.has(name)) {
      eager.add(name);
      queue.push(name);
    }
  }
}

const size = (name) => {
  const raw = readFileSync(join(dir, name));
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
};
const line = (name, { raw, gz }) => `${name}: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`;

let total = 0;
for (const name of [...eager].sort()) {
  if (!existsSync(join(dir, name))) {
    console.error(`bench-size.mjs: index.html names ${name}, which is not in ${dir}`);
    process.exit(1);
  }
  const s = size(name);
  total += s.gz;
  console.log(line(name, s));
}
console.log(`bench: first_visit_kb ${(total / 1024).toFixed(1)}`);

const lazy = readdirSync(dir)
  .filter((name) => /\.(wasm|js|css)$/.test(name) && !eager.has(name))
  .map((name) => [name, size(name)])
  .sort(([, a], [, b]) => b.gz - a.gz);
if (lazy.length) {
  const lazyTotal = lazy.reduce((sum, [, s]) => sum + s.gz, 0);
  console.log(`Loaded when a screen first opens (${lazy.length} chunks, ${(lazyTotal / 1024).toFixed(1)} KB gzip together):`);
  for (const [name, s] of lazy) console.log(`  lazy ${line(name, s)}`);
}

// The worker's list, as seal-and-precache.sh writes it: `const PRECACHE = [...];`.
const sw = readFileSync(join(dir, "sw.js"), "utf8");
const list = sw.match(/^const PRECACHE = (\[.*\]);$/m);
if (!list) {
  console.error(`bench-size.mjs: no PRECACHE list in ${join(dir, "sw.js")} (a release build writes one)`);
  process.exit(1);
}
const precached = [
  ...new Set(JSON.parse(list[1]).map((url) => local(decodeURIComponent(url)))),
].sort();
let all = 0;
for (const name of precached) {
  if (!existsSync(join(dir, name))) {
    console.error(`bench-size.mjs: sw.js precaches ${name}, which is not in ${dir}`);
    process.exit(1);
  }
  all += size(name).gz;
}
console.log(
  `Precached by the service worker: ${precached.length} files, ${(all / 1024).toFixed(1)} KB gzip ` +
    `(sw.js itself: ${(size("sw.js").gz / 1024).toFixed(1)} KB more)`,
);
console.log(`bench: total_kb ${(all / 1024).toFixed(1)}`);
