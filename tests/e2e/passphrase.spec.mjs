import { test, expect } from "@playwright/test";
import { askForLock, field, startEmpty, turnOnLock } from "./helpers.mjs";

const PASSPHRASE = "blue heron at dawn";

/** The wrong tries this device has counted, as stored. */
const wrongTries = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("sessionpad/v1/wrong-tries") ?? '{"count":0}').count);

async function withSample(page) {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
}

test("after five wrong passphrases the next try waits, and a reload keeps the wait", async ({ page }) => {
  await withSample(page);
  await turnOnLock(page, PASSPHRASE);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sessionpad is locked" })).toBeVisible();
  const unlock = page.getByRole("button", { name: "Unlock" });
  for (let tries = 1; tries <= 5; tries++) {
    await field(page, "Passphrase").fill(`blue heron at dusk ${tries}`);
    await unlock.click();
    await expect.poll(() => wrongTries(page)).toBe(tries);
  }
  // Said once as the wait begins, not counted down.
  const wait = page.getByRole("alert").filter({ hasText: "Too many tries" });
  await expect(wait).toHaveText(/^Too many tries\. Wait [1-5] s, then try again\.$/);
  await expect(unlock).toBeDisabled();

  await page.reload();
  await expect(wait).toHaveText(/^Too many tries\. Wait [1-5] s, then try again\.$/);
  await expect(unlock).toBeDisabled();
  await expect(page.getByText("It cannot slow down someone holding a copy of the data")).toBeVisible();

  // Once the wait is over, the right passphrase opens, and the count is forgotten.
  await expect(unlock).toBeEnabled({ timeout: 10_000 });
  await field(page, "Passphrase").fill(PASSPHRASE);
  await unlock.click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  expect(await wrongTries(page)).toBe(0);
});

test("a weak passphrase is refused with the reason, and a suggested one is taken", async ({ page }) => {
  await withSample(page);
  const device = await askForLock(page, "password123");
  await expect(device.getByRole("alert")).toHaveText(/password\. .*Or use “Suggest a passphrase”\.$/);
  await expect(page.getByRole("dialog", { name: "Your recovery key" })).toHaveCount(0);

  await device.getByRole("button", { name: "Suggest a passphrase" }).click();
  const suggested = device.getByLabel("Suggested passphrase");
  const first = (await suggested.textContent()).trim();
  expect(first).toMatch(/^[a-z-]{3,5}( [a-z-]{3,5}){5}$/);
  await device.getByRole("button", { name: "Suggest another" }).click();
  await expect(suggested).not.toHaveText(first);
  const words = (await suggested.textContent()).trim();
  await device.getByRole("button", { name: "Use this passphrase" }).click();
  await expect(field(device, "Passphrase")).toHaveValue(words);
  await expect(field(device, "Repeat passphrase")).toHaveValue(words);
  await device.getByRole("button", { name: "Turn on lock" }).click();
  const dialog = page.getByRole("dialog", { name: "Your recovery key" });
  await dialog.getByRole("button", { name: "I have saved it" }).click();

  await page.reload();
  await field(page, "Passphrase").fill(words);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
});
