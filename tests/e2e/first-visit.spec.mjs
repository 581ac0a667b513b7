import { test, expect } from "@playwright/test";
import { field, storedRecords } from "./helpers.mjs";

// Requests the page makes itself, so the route below sees the record code's.
test.use({ serviceWorkers: "block" });

// A first visit opens without the code that reads and writes records, which
// follows in the background. Held back here: nothing waits for it, and what
// the clinician does meanwhile is stored once it is there.
test("a first visit opens before the record code arrives, and what is done meanwhile is saved when it does", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  let asked = false;
  await page.route(/split_record_code_[^/]*\.wasm$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect.poll(() => asked).toBe(true);

  await page.getByText("Your details").click();
  await field(page, "Your name").fill("Dr. Rivera");
  await field(page, "Name or code").fill("AK-07");
  await page.getByRole("button", { name: "New client" }).click();
  // Waiting, not refused: no problem is reported, and nothing is written yet.
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await storedRecords(page, "client/")).toEqual([]);

  release();
  await expect(page.getByRole("heading", { level: 1, name: "AK-07" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
  expect((await storedRecords(page, "clinician")).map((r) => r.record.name)).toEqual(["Dr. Rivera"]);
  expect((await storedRecords(page, "client/")).map((r) => r.record.name)).toEqual(["AK-07"]);

  // A returning visit waits for the record code before showing the notes.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "AK-07" })).toBeVisible();
});
