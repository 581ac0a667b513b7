// First-visit download: gzip (level 9) bytes of what the browser must fetch
// before the app opens: the CSS, JS and wasm that index.html names, every JS
// module those import statically (the lazy screens' loader among them), and
// the service worker. The lazy screens' chunks are fetched only when a screen
// first opens; they are listed after the figure, apart from it.
// Usage: node scripts/bench-size.mjs [dist]   (after `trunk build --release`)
// Prints one line per file, then `bench: first_visit_kb N`, then the chunks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
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
