import { test, expect } from "@playwright/test";
import { chooseBackup, downloadFrom, field, saved, startEmpty, storedRecords } from "./helpers.mjs";

/** Every key and raw value of this origin's localStorage. */
const everything = (page) => page.evaluate(() => Object.entries(localStorage).sort());

/** The notes, decoded, without the device's own bookkeeping of backups. */
async function notes(page) {
  const records = await storedRecords(page, "");
  return records.filter((r) => !r.key.endsWith("/settings")).sort((a, b) => a.key.localeCompare(b.key));
}

async function withSample(page) {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
}


test("back up, clear the browser, restore: every record is back", async ({ page, browser }) => {
  await withSample(page);
  await expect(page.getByRole("region", { name: "Backup" })).toContainText("Never backed up");
  const backup = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  expect(backup.name).toMatch(/^sessionpad-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(backup.text).header).toMatchObject({ format: "sessionpad-backup", clients: 1, sessions: 13 });
  await expect(page.getByRole("region", { name: "Backup" })).toContainText("Last backup: today");
  const before = await notes(page);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // The empty roster offers it beside the sample data.
  await chooseBackup(page.locator(".empty-state"), backup.name, backup.text);
  const preview = page.getByRole("region", { name: "Backup preview" });
  await expect(preview).toContainText("This backup holds 1 client and 13 sessions, made on");
  // The checksum is described for what it is: the file is whole, not who made it.
  await expect(preview).toContainText("the file is whole as it was written. A checksum cannot show who made a file");
  const safety = await downloadFrom(page, preview.getByRole("button", { name: "Replace everything" }));
  expect(safety.name).toMatch(/^sessionpad-backup-\d{4}-\d{2}-\d{2}-before-restore\.json$/);

  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  expect(await notes(page)).toEqual(before);
  await page.getByRole("link", { name: /Alex/ }).click();
  await expect(page.getByRole("link", { name: /Session 13 of 24/ })).toBeVisible();

  // And into a fresh browser profile, as on a new tablet.
  const fresh = await browser.newContext();
  const tablet = await fresh.newPage();
  await tablet.goto("/");
  await chooseBackup(tablet.locator(".empty-state"), backup.name, backup.text);
  await downloadFrom(tablet, tablet.getByRole("button", { name: "Replace everything" }));
  await expect(tablet.getByRole("link", { name: /Alex/ })).toBeVisible();
  expect(await notes(tablet)).toEqual(before);
  await fresh.close();
});

test("a tampered, cut-short, foreign or empty file is refused and storage stays the same", async ({ page }) => {
  await withSample(page);
  const backup = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  await page.getByText("This device", { exact: true }).click();
  const before = await everything(page);
  const device = page.locator("details", { hasText: "This device" });

  const files = [
    ["tampered.json", backup.text.replace("Alex", "Alec"), "its checksum does not match, so the file is not whole"],
    ["cut.json", backup.text.slice(0, backup.text.length / 2), "cut short"],
    ["foreign.json", JSON.stringify({ notes: ["not ours"] }), "not a Sessionpad backup"],
    ["empty.json", "", "This file is empty."],
    ["newer.json", backup.text.replace('"format_version":1', '"format_version":9'), "made by a newer Sessionpad"],
  ];
  for (const [name, text, why] of files) {
    await chooseBackup(device, name, text);
    const refusal = device.getByRole("alert");
    await expect(refusal).toContainText(why);
    await expect(refusal).toContainText("Nothing on this device was changed.");
    await expect(device.getByRole("button", { name: "Replace everything" })).toHaveCount(0);
    expect(await everything(page)).toEqual(before);
  }
});

test("a backup is offered once changes have waited a week", async ({ page }) => {
  await withSample(page);
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await field(page, "Notes").fill("A change not yet backed up.");
  await saved(page);
  await page.clock.setFixedTime(Date.now() + 8 * 24 * 60 * 60 * 1000);
  await page.goto("/");
  const reminder = page.getByRole("region", { name: "Backup" });
  await expect(reminder).toContainText("Changes from over a week ago are on this device only");
  await downloadFrom(page, reminder.getByRole("button", { name: "Back up" }));
  await expect(reminder).not.toContainText("over a week ago");
});

test("merging an older backup keeps an edit made since", async ({ page }) => {
  await withSample(page);
  const older = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await field(page, "Notes").fill("Edited after the backup.");
  await saved(page);
  await page.getByRole("link", { name: "All clients" }).click();

  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await chooseBackup(device, older.name, older.text);
  const preview = device.getByRole("region", { name: "Backup preview" });
  await expect(preview).toContainText("Newer here, kept: Alex · Session 13");
  await preview.getByRole("button", { name: "Merge" }).click();
  await expect(preview).toHaveCount(0);

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await expect(field(page, "Notes")).toHaveValue("Edited after the backup.");
});
