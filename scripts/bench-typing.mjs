// Typing latency with a long note: time from an input event in a section
// holding 20,000 characters to the "Saved" status, in the release build.
// Usage: node scripts/bench-typing.mjs   (after `trunk build --release`)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { args, executablePath } from "../tests/e2e/chromium.mjs";
import { freePort } from "../tests/e2e/free-port.mjs";

const port = Number(process.env.BENCH_PORT ?? freePort());
const server = spawn("node", ["scripts/serve.mjs", "dist", String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath, args });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Bench");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  const long = "Client described the week in detail. ".repeat(541).slice(0, 20_000);
  await page.getByRole("textbox", { name: "Notes", exact: true }).fill(long);
  await page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();

  const runs = 200;
  const times = await page.evaluate(async (runs) => {
    const area = [...document.querySelectorAll("label")]
      .find((l) => l.querySelector("span")?.textContent === "Notes")
      .querySelector("textarea");
    const status = document.querySelector(".save-status");
    const out = [];
    for (let i = 0; i < runs; i++) {
      const done = new Promise((resolve) => {
        const seen = new MutationObserver(() => {
          if (status.textContent === "Saved") {
            seen.disconnect();
            resolve(performance.now());
          }
        });
        seen.observe(status, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      area.value += "x";
      area.dispatchEvent(new Event("input", { bubbles: true }));
      out.push((await done) - start);
    }
    return out;
  }, runs);
  const stored = await page.evaluate(
    () => Object.entries(localStorage).find(([k]) => k.includes("/session/"))[1].length,
  );
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(
    `input → "Saved" with a 20,000-character note (${runs} edits, record ${stored} chars): ` +
      `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.kill();
}
