import { test, expect } from "@playwright/test";
import { field, saved, startWithSession } from "./helpers.mjs";

test("at 80 % full a notice says how much room is left and offers to free space", async ({ page }) => {
  await startWithSession(page, "Alex");
  await field(page, "Notes").fill("A note of an ordinary length.");
  await saved(page);
  await expect(page.getByRole("region", { name: "Storage nearly full" })).toHaveCount(0);

  // Another page of this site fills most of the browser's quota.
  await page.evaluate(() => localStorage.setItem("another-page", "x".repeat(4_300_000)));
  await page.reload();
  const notice = page.getByRole("region", { name: "Storage nearly full" });
  await expect(notice).toContainText(/^Storage is 8\d% full: room for about [\d,]+ more sessions like yours\./);
  await expect(notice).toContainText("empty them from Recently deleted");
  await expect(notice.getByRole("button", { name: "Back up" })).toBeVisible();
  await notice.getByRole("link", { name: "Free space" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();

  await page.evaluate(() => localStorage.removeItem("another-page"));
  await page.reload();
  await expect(notice).toHaveCount(0);
});
