import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { chooseBackup, downloadFrom, field, saved, startEmpty } from "./helpers.mjs";

test("a signed note is read-only, changes only by addenda, and an addendum survives a reload", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  const signature = page.getByRole("region", { name: "Signature" });
  await expect(signature).toContainText("A draft.");

  await signature.getByRole("button", { name: "Sign note" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    "Sign this note as Dr. Harper Torres, Licensed Clinical Psychologist? After signing it can be changed only by dated addenda.",
  );
  await dialog.getByRole("button", { name: "Sign" }).click();
  await saved(page);
  await expect(signature).toContainText("Signed by Dr. Harper Torres, Licensed Clinical Psychologist on ");
  await expect(signature).toContainText("Tamper evidence: the note, its timeline, goals addressed, transcript and addenda match");
  await expect(field(page, "Notes")).toBeDisabled();
  await expect(page.getByRole("textbox", { name: "Capture" })).toBeDisabled();

  await signature.getByRole("combobox", { name: "Kind" }).selectOption({ label: "Correction" });
  await field(signature, "Addendum").fill("GAD-7 was taken after the session, not before.");
  await signature.getByRole("button", { name: "Save addendum" }).click();
  await saved(page);
  await expect(field(signature, "Addendum")).toHaveValue("");

  await page.reload();
  await expect(signature).toContainText("Correction");
  await expect(signature).toContainText("GAD-7 was taken after the session, not before.");
  await expect(signature).not.toContainText("changed after signing");
  await expect(field(page, "Notes")).toBeDisabled();

  await page.getByRole("link", { name: /Alex/ }).click();
  const thirteen = page.getByRole("link", { name: /Session 13 of 24/ });
  await expect(thirteen).toContainText("Signed");
  await expect(page.getByRole("link", { name: /Session 12 of 24/ })).toContainText("Draft");
});

/**
 * A backup's text with `change` made to each record, its checksum made again
 * as anyone holding the file can: the checksum finds accidents, not edits.
 */
function edited(text, change) {
  const file = JSON.parse(text);
  const payload = JSON.parse(file.payload);
  payload.records.forEach(change);
  file.payload = JSON.stringify(payload);
  file.sha256 = createHash("sha256").update(`${JSON.stringify(file.header)}\n${file.payload}`).digest("hex");
  return JSON.stringify(file);
}

test("a signed note whose timeline was edited outside the app says it was changed after signing", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await field(page, "Capture").fill("Slept six hours");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  const signature = page.getByRole("region", { name: "Signature" });
  await signature.getByRole("button", { name: "Sign note" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign" }).click();
  await saved(page);
  await expect(signature).not.toContainText("changed after signing");

  // The note is read-only here, so the timeline is changed in a backup, and that restored.
  await page.getByRole("link", { name: "All clients" }).click();
  const backup = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  let changed = 0;
  const text = edited(backup.text, ({ key, value }) => {
    for (const entry of (key.startsWith("session/") && value.signature && value.timeline.entries) || []) {
      if (entry.text === "Slept six hours") {
        entry.text = "Slept nine hours";
        changed++;
      }
    }
  });
  expect(changed).toBe(1);
  await page.getByText("This device", { exact: true }).click();
  const device = page.locator("details", { hasText: "This device" });
  await chooseBackup(device, backup.name, text);
  const preview = device.getByRole("region", { name: "Backup preview" });
  await downloadFrom(page, preview.getByRole("button", { name: "Replace everything" }));

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await expect(signature.getByRole("alert")).toHaveText("This signed note was changed after signing");
  await expect(page.getByRole("list", { name: "Timeline entries" }).getByRole("textbox").last()).toHaveValue("Slept nine hours");
});
