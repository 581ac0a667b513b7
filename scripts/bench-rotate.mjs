// Re-encrypting with a new key: 1,000 sessions with the lock on, from pressing
// "Re-encrypt with a new key" until every record is sealed under the new key
// (the vault header's stage is back to "on"), in the release build. Two
// Argon2id runs (the current passphrase, then the new one) are part of it.
// Usage: node scripts/bench-rotate.mjs 1000:data-1000.json   (after `trunk build --release`)
// Prints `bench: rotate_ms n=N X`, the median of BENCH_ROTATE_ROUNDS (3) runs.
import { launch, median, readData, seed, serve } from "./bench-lib.mjs";

const ROUNDS = Number(process.env.BENCH_ROTATE_ROUNDS ?? 3);
const PASSPHRASES = ["blue heron at dawn", "copper lantern orbits a quiet fjord", "velvet canyon pickle drum"];
const LONG = 300_000;

const [arg, ...rest] = process.argv.slice(2);
if (!arg || rest.length || !arg.includes(":")) {
  console.error("usage: node scripts/bench-rotate.mjs N:data-N.json");
  process.exit(2);
}
const [nText, file] = arg.split(":");
const n = Number(nText);
const field = (scope, name) => scope.getByRole("textbox", { name, exact: true });

/** In the page: clicks the button and resolves with the ms until the vault's stage is "on" again. */
function rekeyed() {
  return new Promise((resolve) => {
    const panel = [...document.querySelectorAll("details")].find((d) => d.querySelector("summary")?.textContent === "Re-encrypt with a new key");
    const button = [...panel.querySelectorAll("button")].find((b) => b.textContent === "Re-encrypt with a new key");
    const stage = () => JSON.parse(localStorage.getItem("sessionpad/v1/vault")).stage;
    const start = performance.now();
    button.click();
    const look = () => (stage() === "on" && !document.querySelector('[aria-label="Re-encrypting"]') ? resolve(performance.now() - start) : setTimeout(look, 10));
    setTimeout(look, 10);
  });
}

const server = await serve();
const browser = await launch();
try {
  const page = await browser.newPage();
  const keys = await seed(page, server.origin, readData(file));
  await page.goto(`${server.origin}/`);
  await page.locator('a[href^="#/client/"]').first().waitFor({ timeout: 60_000 });
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await field(device, "Passphrase").fill(PASSPHRASES[0]);
  await field(device, "Repeat passphrase").fill(PASSPHRASES[0]);
  await device.getByRole("checkbox", { name: /I understand Sessionpad cannot recover my notes/ }).check();
  await device.getByRole("button", { name: "Turn on lock" }).click();
  const dialog = page.getByRole("dialog", { name: "Your recovery key" });
  await dialog.getByRole("button", { name: "I have saved it" }).click({ timeout: LONG });
  await dialog.waitFor({ state: "detached" });

  const panel = page.locator("details", { has: page.getByText("Re-encrypt with a new key", { exact: true }) });
  await panel.locator("summary").click();
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [current, next] = [PASSPHRASES[round % 3], PASSPHRASES[(round + 1) % 3]];
    await field(panel, "Current passphrase").fill(current);
    await field(panel, "New passphrase").fill(next);
    await field(panel, "Repeat new passphrase").fill(next);
    const ms = await page.evaluate(rekeyed);
    await dialog.getByRole("button", { name: "I have saved it" }).click({ timeout: LONG });
    await dialog.waitFor({ state: "detached" });
    console.log(`rotate round ${round + 1}: ${ms.toFixed(0)} ms (n=${n}, ${keys} keys in localStorage)`);
    times.push(ms);
  }
  console.log(`bench: rotate_ms n=${n} ${median(times).toFixed(0)}`);
} finally {
  await browser.close();
  server.stop();
}
