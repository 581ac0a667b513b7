// Shared by the browser benchmarks: serve dist/ on a port the system reports
// free, launch headless Chromium, put generated storage into a page, and hear
// what a page measured.
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

/** How long a page may take to get where a benchmark waits for it. */
export const TIMEOUT = 60_000;

/** `promise`, or a failure after TIMEOUT: a page that never gets there must not hang the run. */
export async function within(promise, what) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: not there after ${TIMEOUT / 1000} s`)), TIMEOUT);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the init script of the page `go` navigates measured, told on its
 * console as `measured <JSON>`. Not asked for with an evaluation or a wait for
 * a page function: either puts Playwright's own script into the page, on the
 * main thread being measured, as it loads.
 */
export async function measuredBy(page, what, go) {
  let told;
  const result = new Promise((resolve) => {
    told = (message) => {
      const [, json] = message.text().match(/^measured (.*)$/s) ?? [];
      if (json !== undefined) resolve(JSON.parse(json));
    };
  });
  page.on("console", told);
  try {
    await go();
    return await within(result, what);
  } finally {
    page.off("console", told);
  }
}
