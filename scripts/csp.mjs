// Seals the built index.html with a Content-Security-Policy that allows only
// the app's own origin. Trunk writes the wasm loader as an inline module
// script, so the policy names that exact script by its SHA-256 hash instead
// of allowing inline scripts in general.
// SESSIONPAD_SYNC_ORIGIN (space-separated origins, e.g. https://couch.example.org)
// adds those origins to connect-src, for a sync database not on the app's origin.
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
  const extra = syncOrigins(process.env.SESSIONPAD_SYNC_ORIGIN ?? "");
  if (extra.length) {
    if (!/connect-src 'self'/.test(html)) {
      console.error(`csp.mjs: ${file} has no "connect-src 'self'" to add the sync origin to`);
      process.exit(1);
    }
    html = html.replace("connect-src 'self'", `connect-src 'self' ${extra.join(" ")}`);
    console.log(`csp.mjs: connect-src also allows ${extra.join(" ")}`);
  }
}
writeFileSync(file, html);
console.log(`csp.mjs: ${profile === "release" ? "sealed" : "removed policy from"} ${file}`);

/** Origins only (scheme, host, port): anything else would widen or break the policy. */
function syncOrigins(value) {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => {
      let origin;
      try {
        origin = new URL(text).origin;
      } catch {
        origin = null;
      }
      if (!origin || !/^https?:/.test(origin) || origin !== text.replace(/\/$/, "")) {
        console.error(`csp.mjs: SESSIONPAD_SYNC_ORIGIN must list origins like https://couch.example.org, not ${text}`);
        process.exit(1);
      }
      return origin;
    });
}
