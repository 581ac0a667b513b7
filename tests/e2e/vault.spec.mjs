import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { field, fillOriginStorage, saved, startEmpty, startWithSession, turnOnLock as turnOnLockWith } from "./helpers.mjs";

const PASSPHRASE = "blue heron at dawn";
/** Words of the sample that must never be readable while locked. */
const SECRETS = ["Alex", "Product Designer", "Harper Torres", "perfectionism", "counter-evidence"];

/** Where the device counts wrong passphrases. */
const WRONG_TRIES = "sessionpad/v1/wrong-tries";

const turnOnLock = (page) => turnOnLockWith(page, PASSPHRASE);
const storage = (page) => page.evaluate(() => Object.entries(localStorage));

async function expectLockedAndBlank(page) {
  await expect(page.getByRole("heading", { name: "Sessionpad is locked" })).toBeVisible();
  const html = await page.content();
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  expect(await page.title()).toBe("Sessionpad");
  expect(new URL(page.url()).hash).toBe("");
}

test("with the lock on, storage holds no note text; unlocking, locking and the recovery key work", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  const recovery = await turnOnLock(page);

  for (const [key, value] of await storage(page)) {
    for (const secret of SECRETS) {
      expect(key).not.toContain(secret);
      expect(value).not.toContain(secret);
    }
  }
  // Still open in this tab, with a Lock button.
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 12 of 24/ }).click();
  await expect(page.getByText("Core beliefs").first()).toBeVisible();

  await page.reload();
  await expectLockedAndBlank(page);

  const before = await storage(page);
  await field(page, "Passphrase").fill("blue heron at dusk");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("alert")).toHaveText("That passphrase does not match.");
  // No record changes; beside them, the device counts the wrong try (a number and a time).
  const after = Object.fromEntries(await storage(page));
  expect(JSON.parse(after[WRONG_TRIES])).toEqual({ count: 1, last_at: expect.any(Number) });
  delete after[WRONG_TRIES];
  expect(after).toEqual(Object.fromEntries(before));

  await field(page, "Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  expect(Object.fromEntries(await storage(page))[WRONG_TRIES]).toBeUndefined();

  // An edit made while unlocked is stored sealed, and survives locking.
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 12 of 24/ }).click();
  await field(page, "Capture").fill("Sleeping better since the walk routine");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await saved(page);
  await page.getByRole("button", { name: "Lock" }).click();
  await expectLockedAndBlank(page);
  for (const [, value] of await storage(page)) expect(value).not.toContain("walk routine");

  await page.getByRole("button", { name: "Use recovery key" }).click();
  await field(page, "Recovery key").fill(recovery.toUpperCase());
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 12 of 24/ }).click();
  await expect(page.getByRole("list", { name: "Timeline entries" }).getByRole("textbox").last()).toHaveValue(
    "Sleeping better since the walk routine",
  );
});

test("locking one tab locks the other, and turning the lock off leaves plain notes", async ({ page, context }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  await turnOnLock(page);

  const other = await context.newPage();
  await other.goto("/");
  await expect(other.getByRole("heading", { name: "Sessionpad is locked" })).toBeVisible();
  await field(other, "Passphrase").fill(PASSPHRASE);
  await other.getByRole("button", { name: "Unlock" }).click();
  await expect(other.getByRole("link", { name: /Alex/ })).toBeVisible();

  await page.getByRole("button", { name: "Lock" }).click();
  await expectLockedAndBlank(page);
  await expectLockedAndBlank(other);

  // Storage full to the last byte (a device that has run out of room): Lock still locks every tab.
  await field(page, "Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await field(other, "Passphrase").fill(PASSPHRASE);
  await other.getByRole("button", { name: "Unlock" }).click();
  await expect(other.getByRole("link", { name: /Alex/ })).toBeVisible();
  await page.evaluate(fillOriginStorage);
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expectLockedAndBlank(page);
  await expectLockedAndBlank(other);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler/")).forEach((k) => localStorage.removeItem(k)));

  await field(page, "Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await device.locator("summary", { hasText: "Turn off lock" }).click();
  await field(device, "Passphrase").fill(PASSPHRASE);
  await device.getByRole("button", { name: "Turn off lock" }).click();
  await expect(page.getByRole("button", { name: "Lock", exact: true })).toHaveCount(0);
  const values = (await storage(page)).map(([, v]) => v).join("\n");
  expect(values).not.toMatch(/^Y/m);

  await page.reload();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
});

test("a score still being typed when another tab locks is kept", async ({ page, context }) => {
  await startWithSession(page);
  const session = page.url();
  await page.getByRole("link", { name: "Sessionpad" }).click();
  await turnOnLock(page);
  const other = await context.newPage();
  await other.goto(session);
  await field(other, "Passphrase").fill(PASSPHRASE);
  await other.getByRole("button", { name: "Unlock" }).click();
  await expect(other.getByRole("link", { name: "Alex" })).toBeVisible();
  await other.goto(session);
  // The clinician types a score and, before leaving the field, locks from the other tab.
  await field(other, "GAD-7").pressSequentially("15");
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expectLockedAndBlank(other);

  await field(other, "Passphrase").fill(PASSPHRASE);
  await other.getByRole("button", { name: "Unlock" }).click();
  await other.goto(session);
  await expect(field(other, "GAD-7")).toHaveValue("15");
});

test("wrong passphrases at Turn off lock wait as at the locked screen, and the right one then turns it off", async ({ page }) => {
  test.setTimeout(120_000);
  await startEmpty(page);
  await turnOnLock(page);
  const device = page.locator("details", { hasText: "This device" });
  await device.locator("summary", { hasText: "Turn off lock" }).click();
  const button = device.getByRole("button", { name: "Turn off lock" });
  for (let i = 0; i < 5; i++) {
    await field(device, "Passphrase").fill(`not it ${i}`);
    await button.click();
    await expect(device.getByText("That passphrase does not match.")).toBeVisible();
  }
  await expect(device.getByText(/Too many tries\. Wait 5 s, then try again\./)).toBeVisible();
  await expect(button).toBeDisabled();
  // Counted on the device, as at the locked screen.
  expect((await storage(page)).some(([k]) => k === WRONG_TRIES)).toBe(true);
  await expect(button).toBeEnabled({ timeout: 10_000 });
  await field(device, "Passphrase").fill(PASSPHRASE);
  await button.click();
  await expect(page.getByRole("button", { name: "Lock", exact: true })).toHaveCount(0);
});

test("a backup made with the lock on holds no plaintext and restores on a new tablet with its passphrase", async ({ page, browser }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  await turnOnLock(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }).click(),
  ]);
  const text = readFileSync(await download.path(), "utf8");
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(JSON.parse(text).header).toMatchObject({ clients: 1, sessions: 13, payload_encoding: "json+deflate+xchacha20poly1305" });

  const fresh = await browser.newContext();
  const tablet = await fresh.newPage();
  await tablet.goto("/");
  await tablet
    .locator(".empty-state")
    .getByLabel("Restore from backup")
    .setInputFiles({ name: download.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(tablet.getByText("This backup was made with the lock on.")).toBeVisible();
  await field(tablet, "Passphrase of this backup").fill("not the passphrase");
  await tablet.getByRole("button", { name: "Open backup" }).click();
  await expect(tablet.getByRole("alert")).toHaveText("That passphrase does not match the one this backup was made with.");
  await field(tablet, "Passphrase of this backup").fill(PASSPHRASE);
  await tablet.getByRole("button", { name: "Open backup" }).click();
  const preview = tablet.getByRole("region", { name: "Backup preview" });
  await expect(preview).toContainText("This backup holds 1 client and 13 sessions");
  await Promise.all([tablet.waitForEvent("download"), preview.getByRole("button", { name: "Replace everything" }).click()]);
  await expect(tablet.getByRole("link", { name: /Alex/ })).toBeVisible();
  await fresh.close();
});
