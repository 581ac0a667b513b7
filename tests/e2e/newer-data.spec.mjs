import { test, expect } from "@playwright/test";
import { field, saved, startWithSession } from "./helpers.mjs";

/** Every key and value of this origin's localStorage. */
const everything = (page) => page.evaluate(() => Object.entries(localStorage).sort());

/** What a newer build does first when it opens this storage: it stamps its layout. */
const stampNewerLayout = (page) => page.evaluate(() => localStorage.setItem("sessionpad/v1/schema", "9"));

test("notes saved by a newer version open read-only: shown, never written", async ({ page }) => {
  await startWithSession(page, "Alex");
  await field(page, "Notes").fill("Kept as it was.");
  await saved(page);
  await stampNewerLayout(page);
  const before = await everything(page);

  await page.goto("/");
  await page.reload();
  await expect(page.getByRole("alert", { name: "Read-only" })).toHaveText(
    "These notes were saved by a newer version of Sessionpad and are shown read-only. Open the newer version to edit.",
  );
  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 1 of 24/ }).click();
  await expect(field(page, "Notes")).toHaveValue("Kept as it was.");

  await field(page, "Notes").fill("Kept as it was, and more.");
  await expect(page.getByRole("status", { name: "Save status" })).toContainText("Not saved");
  expect(await everything(page)).toEqual(before);
});

test("a tab still running an older build stops writing once a newer one has saved here", async ({ context }) => {
  const old = await context.newPage();
  await startWithSession(old, "Alex");
  await field(old, "Notes").fill("Written before the update.");
  await saved(old);

  const updated = await context.newPage();
  await updated.goto("/");
  await stampNewerLayout(updated);
  const before = await everything(updated);

  const bar = old.getByRole("alert", { name: "Reload to keep working" });
  await expect(bar).toContainText("A newer version of Sessionpad saved data here; reload to keep working");
  await field(old, "Notes").fill("Typed in the old tab after the update.");
  await expect(old.getByRole("status", { name: "Save status" })).toContainText("Not saved");
  expect(await everything(old)).toEqual(before);
  await expect(bar.getByRole("button", { name: "Reload" })).toBeVisible();
});
