// Audits the release build with Lighthouse in Debian's Chromium and prints the
// accessibility, best-practices and performance scores.
// Usage: node scripts/lighthouse.mjs   (after `trunk build --release`)
import { spawn } from "node:child_process";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { args, executablePath } from "../tests/e2e/chromium.mjs";

const port = 8096;
const server = spawn("node", ["scripts/serve.mjs", "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const chrome = await chromeLauncher.launch({
  chromePath: executablePath,
  chromeFlags: ["--headless=new", ...args],
});
try {
  const categories = ["accessibility", "best-practices", "performance"];
  const result = await lighthouse(`http://127.0.0.1:${port}/`, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: categories,
  });
  const line = categories
    .map((c) => `${result.lhr.categories[c].title} ${Math.round(result.lhr.categories[c].score * 100)}`)
    .join(", ");
  console.log(`Lighthouse ${result.lhr.lighthouseVersion}: ${line}`);
  for (const c of categories) {
    for (const ref of result.lhr.categories[c].auditRefs) {
      const audit = result.lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        console.log(`  ${c}: ${audit.title} (${Math.round(audit.score * 100)})`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
