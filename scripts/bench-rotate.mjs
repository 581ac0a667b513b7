// Re-encrypting with a new key: 1,000 sessions with the lock on, from pressing
// "Re-encrypt with a new key" until every record is sealed under the new key
// (the vault header's stage is back to "on"), in the release build. Two
// Argon2id runs (the current passphrase, then the new one) are part of it.
// Usage: node scripts/bench-rotate.mjs 1000:data-1000.json   (after `trunk build --release`)
// Prints `bench: rotate_ms n=N X`, the median of BENCH_ROTATE_ROUNDS (3) runs,
// then checks that a reload part-way finishes the job once the new passphrase
// unlocks (it fails loudly if not).
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

/**
 * In the page: clicks the button and resolves with the ms until the vault has
 * a new id and its stage is "on" again, and what the progress bar said.
 */
function rekeyed() {
  return new Promise((resolve) => {
    const panel = [...document.querySelectorAll("details")].find((d) => d.querySelector("summary")?.textContent === "Re-encrypt with a new key");
    const button = [...panel.querySelectorAll("button")].find((b) => b.textContent === "Re-encrypt with a new key");
    const header = () => JSON.parse(localStorage.getItem("sessionpad/v1/vault"));
    const before = header().id;
    const done = () => header().id !== before && header().stage === "on" && !document.querySelector('[aria-label="Re-encrypting"]');
    // What the progress bar said along the way, to show it counted.
    const said = new Set();
    const bar = new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Re-encrypting"]')?.textContent;
      if (text) said.add(text);
    });
    bar.observe(document.body, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    button.click();
    const finish = () => {
      bar.disconnect();
      resolve({ ms: performance.now() - start, said: [...said] });
    };
    const look = () => (done() ? finish() : setTimeout(look, 10));
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

  const panel = page.locator("details.subpanel", { has: page.locator("summary", { hasText: "Re-encrypt with a new key" }) });
  await panel.locator("summary").click();
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [current, next] = [PASSPHRASES[round % 3], PASSPHRASES[(round + 1) % 3]];
    await field(panel, "Current passphrase").fill(current);
    await field(panel, "New passphrase").fill(next);
    await field(panel, "Repeat new passphrase").fill(next);
    const { ms, said } = await page.evaluate(rekeyed);
    await dialog.getByRole("button", { name: "I have saved it" }).click({ timeout: LONG });
    await dialog.waitFor({ state: "detached" });
    const progress = said.length ? `"${said[0]}" … "${said.at(-1)}"` : "no progress shown";
    console.log(`rotate round ${round + 1}: ${ms.toFixed(0)} ms (n=${n}, ${keys} keys in localStorage; ${progress})`);
    times.push(ms);
  }
  console.log(`bench: rotate_ms n=${n} ${median(times).toFixed(0)}`);

  // Cut short: the page reloads part-way, the locked screen takes the new
  // passphrase, and the rest is sealed again after unlocking.
  const [current, next] = [PASSPHRASES[ROUNDS % 3], PASSPHRASES[(ROUNDS + 1) % 3]];
  await field(panel, "Current passphrase").fill(current);
  await field(panel, "New passphrase").fill(next);
  await field(panel, "Repeat new passphrase").fill(next);
  await panel.getByRole("button", { name: "Re-encrypt with a new key" }).click();
  await page.getByRole("region", { name: "Re-encrypting" }).waitFor({ timeout: LONG });
  const cutAt = await page.getByRole("region", { name: "Re-encrypting" }).textContent();
  await page.reload();
  await page.getByText("Re-encrypting with a new key was under way").waitFor();
  await field(page, "Passphrase").fill(next);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.locator('a[href^="#/client/"]').first().waitFor({ timeout: LONG });
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("sessionpad/v1/vault")).stage === "on", null, { timeout: LONG });
  await page.locator('a[href^="#/client/"]').first().click();
  await page.locator('a[href^="#/session/"]').first().click();
  await page.getByRole("textbox", { name: "Capture", exact: true }).waitFor();
  console.log(`rotate: reloaded at "${cutAt}"; unlocked with the new passphrase, it finished and a session opens`);
} finally {
  await browser.close();
  server.stop();
}
