import { test, expect } from "@playwright/test";
import { startEmpty } from "./helpers.mjs";

test("search finds words across every note, marks them, and '/' reaches it from any screen", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  const search = page.getByRole("searchbox", { name: "Search" });
  const results = page.locator(".search-results");

  await search.fill("PERFECTIONISM");
  await expect(results.getByRole("heading", { level: 3, name: "Alex" })).toBeVisible();
  const hits = results.locator("mark");
  await expect(hits.first()).toHaveText(/^perfectionism$/i);
  expect(await results.getByRole("link", { name: /^Session \d+ of 24 · / }).count()).toBeGreaterThan(1);

  await search.fill('"thought records"');
  await expect(results.getByRole("link", { name: /Session 3 of 24/ })).toBeVisible();
  await expect(results.getByRole("link", { name: /Session 1 of 24 · / })).toHaveCount(0);

  await search.fill("zzzz");
  await expect(results).toHaveText("No sessions match 'zzzz'");

  // Filters narrow what the words find, or list on their own.
  await search.fill("sleep");
  await expect(results.getByRole("link", { name: /Session 5 of 24/ })).toBeVisible();
  await page.getByText("Filters", { exact: true }).click();
  await page.getByLabel("From", { exact: true }).fill("2025-06-01");
  await expect(results.getByRole("link", { name: /Session 5 of 24/ })).toHaveCount(0);
  await expect(results.getByRole("link", { name: /Session 13 of 24/ })).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("");
  await search.fill("");
  await page.getByLabel("Risk moderate or high").check();
  await expect(results).toHaveText("No sessions match these filters");
  await page.getByLabel("Risk moderate or high").uncheck();

  await search.fill("HYGIENE sleep");
  await results.getByRole("link", { name: /Session 5 of 24/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 5 of 24" })).toBeVisible();
  // The session opens at the hit: the field holding it focused, the hit selected.
  const notes = page.getByRole("textbox", { name: "Notes", exact: true });
  await expect(notes).toBeFocused();
  const selected = await notes.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe("hygiene");

  // "/" while not typing in a field goes back to the search box.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("/");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(search).toBeFocused();
  await page.keyboard.type("grounding");
  await expect(search).toHaveValue("grounding");
});
