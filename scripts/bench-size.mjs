// First-visit download: gzip (level 9) bytes of every wasm, JS and CSS file in a
// build, the service worker included.
// Usage: node scripts/bench-size.mjs [dist]   (after `trunk build --release`)
// Prints one line per file, then `bench: first_visit_kb N`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const files = readdirSync(dir)
  .filter((name) => /\.(wasm|js|css)$/.test(name))
  .sort();
if (!files.some((name) => name.endsWith(".wasm"))) {
  console.error(`bench-size.mjs: no .wasm in ${dir}; run \`trunk build --release\` first`);
  process.exit(1);
}
let total = 0;
for (const name of files) {
  const raw = readFileSync(join(dir, name));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${name}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`bench: first_visit_kb ${(total / 1024).toFixed(1)}`);
