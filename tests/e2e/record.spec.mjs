import { test, expect } from "@playwright/test";
import { downloadFrom, field, saved, startEmpty, startWithSession } from "./helpers.mjs";

test("a session exports as a Markdown file with its header and the clinician's text escaped", async ({ page }) => {
  await startWithSession(page, "Alex Rivera");
  await field(page, "Notes").fill("Slept better *this* week.\n# not a heading");
  await saved(page);

  // Named by initials: a downloads folder shows file names to anyone.
  const file = await downloadFrom(page, page.getByRole("button", { name: "Export Markdown" }));
  expect(file.name).toBe("ar-session-1.md");
  expect(file.text).toContain("# Session 1 of 24 — Alex Rivera\n\n- **Client:** Alex Rivera\n- **Date:** ");
  expect(file.text).toContain("## Notes\n\nSlept better \\*this\\* week.\\\n\\# not a heading\n");
  expect(file.text).toContain("## Risk\n\nRisk: None\n");
  expect(file.text).toContain("Signed: ______");
});

test("a whole course exports as one Markdown file, every session in order", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).first().click();

  expect((await downloadFrom(page, page.getByRole("button", { name: "Export course" }))).name).toBe("a-course.md");

  // The clinician may choose full names instead.
  await page.goto("/#/");
  await page.getByText("Your details").click();
  await page.getByRole("checkbox", { name: "Use clients' full names in exported file names" }).check();
  await saved(page);
  await page.getByRole("link", { name: /Alex/ }).first().click();
  const file = await downloadFrom(page, page.getByRole("button", { name: "Export course" }));
  expect(file.name).toBe("alex-course.md");
  expect(file.text).toMatch(/^# Course of Alex\n\n- \*\*Client:\*\* Alex \(Product Designer\)/);
  const titles = [...file.text.matchAll(/^# Session (\d+) of 24/gm)].map((m) => Number(m[1]));
  expect(titles).toEqual([...titles].sort((a, b) => a - b));
  expect(titles.length).toBeGreaterThan(10);
  expect(file.text).toContain("**Clinician:** Dr. Harper Torres, Licensed Clinical Psychologist");
});

test("the print view of a session shows the record and no controls on paper", async ({ page }) => {
  await startWithSession(page, "Alex");
  await field(page, "Notes").fill("Worked on the thought record.");
  await saved(page);
  await page.getByRole("link", { name: "Print" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24 — Alex" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Worked on the thought record.")).toBeVisible();
  await expect(page.getByText("Signed:")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Save status" })).toHaveCount(0);

  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "Back to the session" }).click();
  await expect(field(page, "Notes")).toHaveValue("Worked on the thought record.");
});

test("a course prints each session on its own page", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).first().click();
  await page.getByRole("link", { name: "Print course" }).click();
  await page.emulateMedia({ media: "print" });

  await expect(page.getByRole("heading", { level: 1, name: "Course of Alex" })).toBeVisible();
  const sessions = page.getByRole("heading", { level: 1, name: /^Session \d+ of 24/ });
  expect(await sessions.count()).toBeGreaterThan(10);
  const breaks = await page.locator(".page-break").evaluateAll((hrs) =>
    hrs.map((hr) => getComputedStyle(hr).breakAfter),
  );
  expect(breaks.length).toBe(await sessions.count());
  expect(new Set(breaks)).toEqual(new Set(["page"]));
});
