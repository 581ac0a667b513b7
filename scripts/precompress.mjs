// Writes `<file>.br` beside each text file and the wasm of a release build:
// brotli at its highest quality, done once here because it takes seconds
// (the wasm is a quarter smaller than with gzip -9, so a clinic's slow Wi-Fi
// carries ~220 KB less on a first visit). scripts/serve.mjs sends these to
// browsers that accept brotli, and so do the README's Caddy and nginx setups.
// A file that brotli would not make smaller gets none.
// Usage: node scripts/precompress.mjs <dir>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const COMPRESSIBLE = /\.(wasm|js|css|html|webmanifest|json|svg|txt)$/;

const dir = process.argv[2];
if (!dir) {
  console.error("precompress.mjs: name the build folder");
  process.exit(1);
}

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

let written = 0;
for (const path of files(dir)) {
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  if (br.length < raw.length) {
    writeFileSync(`${path}.br`, br);
    written += 1;
  }
}
console.log(`precompress.mjs: wrote ${written} brotli files in ${dir}`);
