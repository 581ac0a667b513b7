import { test, expect } from "@playwright/test";
import { askForLock, axeViolations, startEmpty } from "./helpers.mjs";

// Every screen a clinician works in, each fold opened, in light and dark:
// what axe-core finds there (WCAG 2 A and AA and its best practices).
const transcript = "tests/fixtures/session-14-of-24.txt";
const PASSPHRASE = "blue heron at dawn";

/** Opens every fold on the page, so what it hides is checked too. */
const unfold = (page) => page.locator("details").evaluateAll((all) => all.forEach((d) => (d.open = true)));

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violation on any screen of the sample, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await startEmpty(page);
    const link = (name) => page.getByRole("link", { name }).first();
    const heading = (name) => page.getByRole("heading", { level: 1, name }).waitFor();
    const screens = [
      ["the empty roster", async () => {}],
      ["the roster", async () => {
        await page.getByRole("button", { name: "Load sample data" }).click();
        await link(/Alex/).waitFor();
      }],
      ["search results", async () => {
        await page.getByRole("searchbox", { name: "Search" }).fill("sleep");
        await page.locator(".search-results mark").first().waitFor();
      }],
      ["a client", async () => {
        await page.goto("/#/");
        await link(/Alex/).click();
        await link(/Session 13 of 24/).waitFor();
      }],
      ["a client's homework", async () => {
        await page.getByRole("link", { name: "Homework", exact: true }).click();
        await heading("Homework — Alex");
      }],
      ["a course to print", async () => {
        await page.goBack();
        await link("Print course").click();
        await heading("Course of Alex");
      }],
      ["a session", async () => {
        await page.goBack();
        await link(/Session 13 of 24/).click();
        await heading("Session 13 of 24");
      }],
      ["a session to print", async () => {
        await link("Print").click();
        await heading(/^Session 13 of 24 — /);
      }],
      ["an import preview", async () => {
        await page.goto("/#/import");
        await page.getByLabel("Transcript file").setInputFiles(transcript);
        await page.getByRole("region", { name: "Preview" }).waitFor();
      }],
      ["an imported session, its transcript open", async () => {
        await page.getByRole("button", { name: "Create session" }).click();
        await heading("Session 14 of 24");
      }],
      ["the hand-to-client dialog", async () => {
        await page.getByRole("button", { name: "Hand to client" }).click();
        await page.getByRole("dialog", { name: "Hand to client" }).waitFor();
      }],
      ["the recovery key", async () => {
        await page.keyboard.press("Escape");
        await page.goto("/#/");
        await askForLock(page, PASSPHRASE);
        await page.getByRole("dialog", { name: "Your recovery key" }).waitFor();
      }],
      ["the locked screen", async () => {
        await page.getByRole("button", { name: "I have saved it" }).click();
        await page.getByRole("button", { name: "Lock", exact: true }).click();
        await page.getByRole("heading", { name: "Sessionpad is locked" }).waitFor();
      }],
    ];
    for (const [screen, reach] of screens) {
      await reach();
      await unfold(page);
      expect(await axeViolations(page), screen).toEqual([]);
    }
  });
}
