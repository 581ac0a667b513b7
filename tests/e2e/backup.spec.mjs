import { test, expect } from "@playwright/test";
import { chooseBackup, downloadFrom, field, saved, startEmpty, startWithSession, storedRecords } from "./helpers.mjs";

/** Every key and raw value of this origin's localStorage. */
const everything = (page) => page.evaluate(() => Object.entries(localStorage).sort());

/** The notes, decoded, without the device's own bookkeeping: of backups, and its id. */
async function notes(page) {
  const records = await storedRecords(page, "");
  const own = (key) => key.endsWith("/settings") || key.endsWith("/device");
  return records.filter((r) => !own(r.key)).sort((a, b) => a.key.localeCompare(b.key));
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

/** Opens "This device" on the roster and chooses `file` to restore; returns the preview. */
async function previewOf(page, file) {
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await chooseBackup(device, file.name, file.text);
  return device.getByRole("region", { name: "Backup preview" });
}

/** The keys whose decoded value holds `words`. */
async function keysHolding(page, words) {
  const records = await storedRecords(page, "");
  return records.filter((r) => JSON.stringify(r.record).includes(words)).map((r) => r.key);
}

test("merging an older backup keeps an edit made since, after downloading what is here", async ({ page }) => {
  await withSample(page);
  const older = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await field(page, "Notes").fill("Edited after the backup.");
  await saved(page);
  await page.getByRole("link", { name: "All clients" }).click();

  const preview = await previewOf(page, older);
  await expect(preview).toContainText("Newer here, kept: Alex · Session 13");
  const safety = await downloadFrom(page, preview.getByRole("button", { name: "Merge" }));
  expect(safety.name).toMatch(/^sessionpad-backup-\d{4}-\d{2}-\d{2}-before-merge\.json$/);
  expect(safety.text).toContain('"sessions":13');
  await expect(preview).toHaveCount(0);

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await expect(field(page, "Notes")).toHaveValue("Edited after the backup.");
  await expect(page.getByRole("alert", { name: "Another version from a backup" })).toHaveCount(0);
});

test("a note saved more often on another device never replaces a later edit here", async ({ page, browser }) => {
  // The office laptop sets up a tablet from its backup.
  await startWithSession(page);
  const session = page.url();
  await field(page, "Notes").fill("Base.");
  await saved(page);
  await page.getByRole("link", { name: "All clients" }).click();
  const first = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));

  const other = await browser.newContext();
  const tablet = await other.newPage();
  await tablet.goto("/");
  await chooseBackup(tablet.locator(".empty-state"), first.name, first.text);
  await downloadFrom(tablet, tablet.getByRole("button", { name: "Replace everything" }));
  await tablet.goto(session);
  // Three small edits on the tablet, each saved: three revisions.
  for (const words of [" Tablet 1.", " Tablet 2.", " Tablet 3."]) {
    await field(tablet, "Notes").press("End");
    await field(tablet, "Notes").pressSequentially(words);
    await saved(tablet);
  }
  await tablet.getByRole("link", { name: "All clients" }).click();
  const tablets = await downloadFrom(tablet, tablet.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  await other.close();

  // Later, on the laptop, the part that matters, saved once.
  await page.goto(session);
  await field(page, "Notes").fill("Base. Safety plan agreed with client; crisis line given.");
  await saved(page);
  await page.getByRole("link", { name: "All clients" }).click();
  const preview = await previewOf(page, tablets);
  await expect(preview).toContainText("Changed both here and in the backup: merging keeps this device's version and the backup's beside it");
  await expect(preview).toContainText("Alex · Session 1");
  await expect(preview).not.toContainText("taken");
  await downloadFrom(page, preview.getByRole("button", { name: "Merge" }));
  await expect(preview).toHaveCount(0);

  const laptops = await keysHolding(page, "Safety plan agreed");
  expect(laptops.filter((k) => k.includes("/session/"))).toHaveLength(1);
  const tablets3 = await keysHolding(page, "Tablet 3.");
  expect(tablets3.filter((k) => k.includes("/conflict/session/"))).toHaveLength(1);

  await page.goto(session);
  const notice = page.getByRole("alert", { name: "Another version from a backup" });
  await expect(notice).toBeVisible();
  await expect(field(page, "Notes")).toHaveValue("Base. Tablet 1. Tablet 2. Tablet 3.");
  await notice.getByRole("button", { name: "Keep the other version" }).click();
  await expect(field(page, "Notes")).toHaveValue("Base. Safety plan agreed with client; crisis line given.");
  await page.reload();
  await expect(field(page, "Notes")).toHaveValue("Base. Safety plan agreed with client; crisis line given.");
  expect(await keysHolding(page, "Tablet 3.")).toEqual([]);
});

test("a record that cannot be read survives Replace everything, named in the preview and kept as stored", async ({ page }) => {
  await withSample(page);
  const older = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await field(page, "Notes").fill("Written after the backup: mandated report filed.");
  await saved(page);
  // The record is then cut short, as a half-written value would be.
  const { key, raw } = await page.evaluate(() => {
    const id = location.hash.split("/").pop();
    const key = Object.keys(localStorage).find((k) => k.endsWith(`/session/${id}`));
    const stored = localStorage.getItem(key);
    const raw = "Z" + stored.slice(1, Math.floor(stored.length / 2));
    localStorage.setItem(key, raw);
    return { key, raw };
  });
  const id = key.split("/").pop();
  await page.goto("/");
  await page.reload();

  const preview = await previewOf(page, older);
  await expect(preview).toContainText("Cannot be read on this device");
  await expect(preview).toContainText(`Session record ${id}`);
  const safety = await downloadFrom(page, preview.getByRole("button", { name: "Replace everything" }));
  expect(safety.name).toMatch(/-before-restore\.json$/);
  await expect(preview).toHaveCount(0);

  const kept = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.includes("/quarantine/")));
  expect(kept).toEqual([[key.replace("/session/", "/quarantine/session/"), raw]]);
  // As a later visit finds it.
  await page.reload();
  await page.getByText("This device", { exact: true }).click();
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems).toContainText(`Copy of the session record ${id}, set aside`);
});
