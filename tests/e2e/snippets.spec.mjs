import { test, expect } from "@playwright/test";
import { field, saved, startEmpty } from "./helpers.mjs";

test("a snippet typed as ;name then Space expands in a note, and Ctrl+Z takes it back", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  await page.getByText("Your details", { exact: false }).first().click();
  const snippets = page.getByRole("region", { name: "Snippets" });
  await field(snippets, "Snippet name").fill("two words");
  await field(snippets, "Snippet text").fill("x");
  await snippets.getByRole("button", { name: "Add snippet" }).click();
  await expect(snippets.getByRole("alert")).toHaveText(/one word of letters/);
  await field(snippets, "Snippet name").fill("safety");
  await field(snippets, "Snippet text").fill("Safety plan reviewed; no change in risk.");
  await snippets.getByRole("button", { name: "Add snippet" }).click();
  await expect(snippets).toContainText(";safety Safety plan reviewed; no change in risk.");
  await saved(page);

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  const notes = field(page, "Notes");
  await notes.click();
  await notes.press("End");
  await notes.pressSequentially(" Risk: ;safety ");
  await expect(notes).toHaveValue(/Risk: Safety plan reviewed; no change in risk\. $/);
  await saved(page);
  await notes.press("Control+z");
  await expect(notes).toHaveValue(/Risk: ;safety$/);

  // A semicolon inside a sentence stays one.
  await notes.pressSequentially(" calm;safety ");
  await expect(notes).toHaveValue(/calm;safety $/);
});

test("copy from last session brings the section forward without losing what is there", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 1 of 24/ }).click();
  await page.getByRole("button", { name: "Copy from last session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "This is the first session of the course." })).toBeVisible();

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  const notes = field(page, "Notes");
  await notes.fill("Today: reviewed the week.");
  await page.getByRole("button", { name: "Copy from last session" }).click();
  await expect(notes).toHaveValue(
    'Today: reviewed the week.\n\nCore beliefs: "My worth depends on doing things perfectly." Began collecting counter-evidence.',
  );
  await saved(page);
  await page.reload();
  await expect(field(page, "Notes")).toHaveValue(/Began collecting counter-evidence\.$/);
});
