import { test, expect } from "@playwright/test";
import { useSyncSite } from "./couch.mjs";
import { field } from "./helpers.mjs";
import { syncDevices } from "./sync-devices.mjs";

// "Re-encrypt with a new key" on one of two devices that sync: the other
// stops and asks for the new passphrase, and afterwards the old passphrase
// opens neither.
const PASSPHRASE = "blue heron at dawn";
const NEW_PASSPHRASE = "copper lantern orbits a quiet fjord";

test.describe.configure({ mode: "serial" });

const env = useSyncSite(test);
const { syncStatus, firstDevice, secondDevice, openSession, capture, expectInTimeline } = syncDevices(env, PASSPHRASE);

test.beforeEach(async () => {
  await env.couch.freshDatabase();
});

/** The vault document as the server holds it. */
async function headerOnServer() {
  const { rows } = await env.couch.allDocs();
  return JSON.parse(rows.find((row) => row.id === "vault").doc.c);
}

/** Locks `page`; `passphrase` then fails, or opens the roster. */
async function lockAndUnlock(page, passphrase, { opens }) {
  if (await page.getByRole("button", { name: "Lock", exact: true }).isVisible()) {
    await page.getByRole("button", { name: "Lock", exact: true }).click();
  }
  await field(page, "Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
  if (opens) {
    await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible({ timeout: 15_000 });
  } else {
    await expect(page.getByRole("alert")).toHaveText("That passphrase does not match.");
  }
}

test("re-encrypting with a new key on one device: the old passphrase then fails on both, and the new one opens both", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  const before = await headerOnServer();

  // A: under This device, which turning on the lock left open.
  const rekey = a.page.locator("details.subpanel", { has: a.page.locator("summary", { hasText: "Re-encrypt with a new key" }) });
  await rekey.locator("summary").click();
  await expect(rekey.getByText(/may have been seen by someone else, or a device holding your notes was lost/)).toBeVisible();
  await field(rekey, "Current passphrase").fill(PASSPHRASE);
  await field(rekey, "New passphrase").fill(PASSPHRASE);
  await field(rekey, "Repeat new passphrase").fill(PASSPHRASE);
  await rekey.getByRole("button", { name: "Re-encrypt with a new key" }).click();
  await expect(rekey.getByRole("alert")).toHaveText(/must differ from the current one/);
  await field(rekey, "New passphrase").fill(NEW_PASSPHRASE);
  await field(rekey, "Repeat new passphrase").fill(NEW_PASSPHRASE);
  await rekey.getByRole("button", { name: "Re-encrypt with a new key" }).click();
  const dialog = a.page.getByRole("dialog", { name: "Your recovery key" });
  await expect(dialog.getByLabel("Recovery key")).toHaveText(/^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
  await dialog.getByRole("button", { name: "I have saved it" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(a.page.getByRole("region", { name: "Re-encrypting" })).toHaveCount(0);

  // The server gets a new vault: a new id, the counter up.
  await expect.poll(async () => (await headerOnServer()).id, { timeout: 30_000 }).not.toBe(before.id);
  expect((await headerOnServer()).counter).toBe(before.counter + 1);

  // B stops and asks; the old passphrase does not take the new key.
  await expect(syncStatus(b.page)).toHaveText("Sync failed: re-encrypted on another device; new passphrase needed", {
    timeout: 60_000,
  });
  await b.page.getByText("This device", { exact: true }).click();
  const device = b.page.locator("details", { hasText: "This device" });
  await expect(device.getByText(/re-encrypted with a new key on another device/)).toBeVisible();
  await field(device, "New passphrase").fill(PASSPHRASE);
  await device.getByRole("button", { name: "Use the new passphrase" }).click();
  await expect(device.getByRole("alert")).toHaveText("That passphrase does not match.");
  await field(device, "New passphrase").fill(NEW_PASSPHRASE);
  await device.getByRole("button", { name: "Use the new passphrase" }).click();
  await expect(syncStatus(b.page)).toHaveText(/^Synced/, { timeout: 60_000 });

  // Both keep syncing under the new key.
  await openSession(a.page);
  await openSession(b.page);
  await capture(a.page, "Written after the new key");
  await expectInTimeline(b.page, "Written after the new key", { timeout: 30_000 });

  for (const { page } of [a, b]) {
    await lockAndUnlock(page, PASSPHRASE, { opens: false });
    await lockAndUnlock(page, NEW_PASSPHRASE, { opens: true });
  }
  await a.context.close();
  await b.context.close();
});
