import { test, expect } from "@playwright/test";
import { axeViolations, startEmpty } from "./helpers.mjs";

// Every screen a clinician works in, each fold opened, in light and dark:
// what axe-core finds there (WCAG 2 A and AA and its best practices).
const transcript = "tests/fixtures/session-14-of-24.txt";

/** Opens every fold on the page, so what it hides is checked too. */
const unfold = (page) => page.locator("details").evaluateAll((all) => all.forEach((d) => (d.open = true)));

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violation on the roster, a client, a session and an import preview, ${colorScheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await startEmpty(page);
    const screens = [
      ["the empty roster", async () => {}],
      ["the roster", () => page.getByRole("button", { name: "Load sample data" }).click().then(() => page.getByRole("link", { name: /Alex/ }).waitFor())],
      ["a client", () => page.getByRole("link", { name: /Alex/ }).click().then(() => page.getByRole("link", { name: /Session 13 of 24/ }).waitFor())],
      ["a session", () => page.getByRole("link", { name: /Session 13 of 24/ }).click().then(() => page.getByRole("heading", { level: 1, name: "Session 13 of 24" }).waitFor())],
      ["an import preview", async () => {
        await page.goto("/#/import");
        await page.getByLabel("Transcript file").setInputFiles(transcript);
        await page.getByRole("region", { name: "Preview" }).waitFor();
      }],
    ];
    for (const [screen, reach] of screens) {
      await reach();
      await unfold(page);
      expect(await axeViolations(page), screen).toEqual([]);
    }
  });
}
