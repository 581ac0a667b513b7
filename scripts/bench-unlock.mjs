// Unlock time with the vault on: from pressing Unlock to the roster painted,
// in the release build. Argon2id (64 MiB, t = 3) is most of it.
// Usage: node scripts/bench-unlock.mjs   (after `trunk build --release`)
// Prints `bench: unlock_ms N`, the median of 5 unlocks.
import { launch, serve } from "./bench-lib.mjs";

const PASSPHRASE = "blue heron at dawn";
const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByText("This device", { exact: true }).click();
  await page.getByRole("textbox", { name: "Passphrase", exact: true }).fill(PASSPHRASE);
  await page.getByRole("textbox", { name: "Repeat passphrase", exact: true }).fill(PASSPHRASE);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Turn on lock" }).click();
  await page.getByRole("button", { name: "I have saved it" }).click();

  const times = [];
  for (let run = 0; run < 5; run++) {
    await page.reload();
    await page.getByRole("textbox", { name: "Passphrase", exact: true }).fill(PASSPHRASE);
    times.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Unlock");
            const start = performance.now();
            const seen = new MutationObserver(() => {
              if (document.querySelector('a[href^="#/client/"]')) {
                seen.disconnect();
                // Shown: the frame with the roster has been painted.
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
              }
            });
            seen.observe(document.body, { childList: true, subtree: true });
            button.click();
          }),
      ),
    );
  }
  times.sort((a, b) => a - b);
  console.log(`unlock → roster, 5 runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
  console.log(`bench: unlock_ms ${times[2].toFixed(0)}`);
} finally {
  await browser.close();
  server.stop();
}
