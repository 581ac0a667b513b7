// Seals the built index.html with a Content-Security-Policy that allows only
// the app's own origin. Trunk writes the wasm loader as an inline module
// script, so the policy names that exact script by its SHA-256 hash instead
// of allowing inline scripts in general.
// Usage (from scripts/seal-and-precache.sh): node scripts/csp.mjs <index.html> <profile>
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [file, profile] = process.argv.slice(2);
let html = readFileSync(file, "utf8");
// Attribute order and quoting vary: Trunk's release minifier reorders and unquotes them.
const meta = /\s*<meta(?=[^>]*\bhttp-equiv=["']?Content-Security-Policy\b)[^>]*__SCRIPT_HASHES__[^>]*>/;
if (!meta.test(html)) {
  console.error(`csp.mjs: ${file} has no Content-Security-Policy meta with __SCRIPT_HASHES__`);
  process.exit(1);
}
if (profile !== "release") {
  // `trunk serve` adds its own live-reload script and socket later; the policy
  // protects the release build, so development runs without it.
  html = html.replace(meta, "");
} else {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  html = html.replace("__SCRIPT_HASHES__", hashes.join(" "));
}
writeFileSync(file, html);
console.log(`csp.mjs: ${profile === "release" ? "sealed" : "removed policy from"} ${file}`);
