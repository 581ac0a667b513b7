import { test, expect } from "@playwright/test";
import { field, saved, startEmpty } from "./helpers.mjs";

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
