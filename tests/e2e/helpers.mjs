import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";
import { expect } from "@playwright/test";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** What axe-core finds on the page as it is now (or inside `selector`), by rule id and the elements' markup. */
export async function axeViolations(page, selector = "html") {
  // Evaluated by the test, not added as a script, which the app's Content-Security-Policy refuses.
  await page.evaluate(axeSource);
  return page.evaluate(async (within) => {
    const { violations } = await window.axe.run(within);
    return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
  }, selector);
}

/**
 * Run in the page: another page of this site takes every character of room
 * the browser gives the origin, in ever smaller pieces, leaving too little for
 * any record.
 */
export function fillOriginStorage() {
  let chunk = "x".repeat(1 << 20);
  for (let i = 0; ; i++) {
    try {
      localStorage.setItem(`filler/${i}`, chunk);
    } catch {
      if (chunk.length < 16) break;
      chunk = chunk.slice(chunk.length / 2);
    }
  }
}

/** Clicks `button` and returns the downloaded file's name and text. */
export async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
}

/** Chooses a backup file's `text` under "Restore from backup" in `scope`. */
export const chooseBackup = (scope, name, text) =>
  scope.getByLabel("Restore from backup").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

/** A text field by its exact accessible name. */
export const field = (scope, name) => scope.getByRole("textbox", { name, exact: true });

/** Waits for the autosave status to say the last edit is stored. */
export const saved = (page) => expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");

/** Fills in "Lock with passphrase" under "This device", box ticked, and presses "Turn on lock"; returns the panel. */
export async function askForLock(page, passphrase) {
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await field(device, "Passphrase").fill(passphrase);
  await field(device, "Repeat passphrase").fill(passphrase);
  await device.getByRole("checkbox", { name: /I understand Sessionpad cannot recover my notes/ }).check();
  await device.getByRole("button", { name: "Turn on lock" }).click();
  return device;
}

/** Turns on "Lock with passphrase" under "This device", left open; returns the recovery key. */
export async function turnOnLock(page, passphrase) {
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await field(device, "Passphrase").fill(passphrase);
  await field(device, "Repeat passphrase").fill(passphrase);
  await device.getByRole("button", { name: "Turn on lock" }).click();
  await expect(device.getByRole("alert")).toHaveText(/Tick the box first/);
  await device.getByRole("checkbox", { name: /I understand Sessionpad cannot recover my notes/ }).check();
  await device.getByRole("button", { name: "Turn on lock" }).click();
  const dialog = page.getByRole("dialog", { name: "Your recovery key" });
  const recovery = (await dialog.getByLabel("Recovery key").textContent()).trim();
  expect(recovery).toMatch(/^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
  await dialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(dialog).toHaveCount(0);
  return recovery;
}

/** An empty origin: no clients, no records. */
export async function startEmpty(page) {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** An empty origin, then one client with a course of `planned` and its first session open. */
export async function startWithSession(page, name = "Alex", planned = 24) {
  await startEmpty(page);
  await field(page, "Name or code").fill(name);
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("spinbutton", { name: "Planned sessions" }).fill(String(planned));
  await page.getByRole("spinbutton", { name: "Planned sessions" }).press("Tab");
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Session 1 of ${planned}` })).toBeVisible();
}

/**
 * The app's stored records whose key contains `part`, decoded as the app's
 * storage codec writes them (src/storage/codec): a "Z" tag, then deflate
 * with the codec's preset dictionary packed into UTF-16 code units. Decoded
 * here with Node's own zlib, so the format is checked by a second reader.
 */
export async function storedRecords(page, part) {
  const entries = await page.evaluate(
    (part) => Object.entries(localStorage).filter(([k]) => k.startsWith("sessionpad/") && k.includes(part)),
    part,
  );
  return entries.map(([key, value]) => ({ key, record: JSON.parse(decodeRecord(value)) }));
}

const dictionary = readFileSync(new URL("../../src/storage/codec/dictionary-v1.txt", import.meta.url));
const RADIX = 0x10000 - 0x800;
const BLOCK_UNITS = 128;

/** A stored value as JSON text: tagged values are unpacked and inflated. */
export function decodeRecord(stored) {
  if (!stored.startsWith("Z")) return stored;
  const digits = [...stored.slice(1)].map((c) => {
    const u = c.charCodeAt(0);
    return u < 0xd800 ? u : u - 0x800;
  });
  const bytes = [];
  for (let start = 0; start < digits.length; start += BLOCK_UNITS) {
    // Little-endian base-256 limbs of the block's number, then its leading 1 dropped.
    const limbs = [];
    for (const digit of digits.slice(start, start + BLOCK_UNITS)) {
      let carry = digit;
      for (let i = 0; i < limbs.length; i++) {
        const value = limbs[i] * RADIX + carry;
        limbs[i] = value & 0xff;
        carry = Math.floor(value / 256);
      }
      while (carry > 0) {
        limbs.push(carry & 0xff);
        carry = Math.floor(carry / 256);
      }
    }
    limbs.pop();
    bytes.push(...limbs.reverse());
  }
  return inflateRawSync(Buffer.from(bytes), { dictionary }).toString("utf8");
}
