import { expect } from "@playwright/test";

/** A text field by its exact accessible name. */
export const field = (scope, name) => scope.getByRole("textbox", { name, exact: true });

/** Waits for the autosave status to say the last edit is stored. */
export const saved = (page) => expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");

/** An empty origin: no clients, no records. */
export async function startEmpty(page) {
  await page.goto("/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** An empty origin, then one client with a course of `planned` and its first session open. */
export async function startWithSession(page, name = "Alex", planned = 24) {
  await startEmpty(page);
  await field(page, "Name or code").fill(name);
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("spinbutton", { name: "Planned sessions" }).fill(String(planned));
  await page.getByRole("spinbutton", { name: "Planned sessions" }).press("Tab");
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Session 1 of ${planned}` })).toBeVisible();
}
