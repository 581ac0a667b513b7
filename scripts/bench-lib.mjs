// Shared by the browser benchmarks: serve dist/ on a port the system reports
// free, launch headless Chromium, and put generated storage into a page.
// BENCH_DIST serves another build folder than dist/.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { args, executablePath } from "../tests/e2e/chromium.mjs";
import { freePort } from "../tests/e2e/free-port.mjs";

/** Serves `dist` on loopback; resolves once the server listens. */
export async function serve(dir = process.env.BENCH_DIST ?? "dist") {
  const port = Number(process.env.BENCH_PORT ?? freePort());
  const server = spawn("node", ["scripts/serve.mjs", dir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    server.stdout.on("data", (chunk) => String(chunk).includes("Serving") && resolve());
    server.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.kill() };
}

export function launch() {
  return chromium.launch({ executablePath, args });
}

/** The localStorage contents `examples/bench_data.rs` printed to `file`. */
export function readData(file) {
  return readFileSync(file, "utf8");
}

/**
 * Replaces the origin's localStorage with `json` (key → value). Done on a page
 * of the origin that is not the app (the server's 404 page), so no running
 * app reads or writes storage meanwhile.
 */
export async function seed(page, origin, json) {
  await page.goto(`${origin}/bench-seed-not-the-app`);
  const count = await page.evaluate((json) => {
    localStorage.clear();
    const records = JSON.parse(json);
    for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
    return localStorage.length;
  }, json);
  return count;
}

/** The value at quantile `q` (0–1) of sorted `xs`. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * q))];
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
