import { test, expect } from "@playwright/test";
import { startEmpty } from "./helpers.mjs";

test.use({ hasTouch: true });

async function alexPage(page) {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Course so far" })).toBeVisible();
}

test("the sample course charts GAD-7 with its trend in words, as a table, and a tapped session's values", async ({
  page,
}) => {
  await alexPage(page);
  const gad7 = page.getByRole("figure", { name: "GAD-7" });
  const chart = gad7.getByRole("img", { name: "GAD-7" });
  await expect(chart).toHaveAccessibleDescription(/^GAD-7 fell from 15 to \d+ over 13 sessions: reliable improvement/);
  await expect(page.getByRole("img", { name: "PHQ-9" })).toHaveAccessibleDescription(
    "PHQ-9 fell from 12 to 6 over 13 sessions: reliable recovery. A change of 6 points or more is reliable; the clinical cut-off is 10.",
  );
  await expect(page.getByRole("img", { name: "Anxiety and mood" })).toHaveAccessibleDescription(
    "Anxiety fell from 8 to 4 over 13 sessions. Mood rose from 3 to 7 over 13 sessions.",
  );
  // The sample course reviews its homework, so its completion is charted too.
  await expect(page.getByRole("img", { name: "Homework done" })).toHaveAccessibleDescription(
    /^Homework done was 50% at first and at the latest over 10 sessions\. Each point is the share of the homework reviewed/,
  );
  // The GAD-7 bands: mild, moderate, severe.
  await expect(chart.locator("rect.band")).toHaveCount(3);

  // Every session's tap target is at least 24 px each way.
  for (const box of await Promise.all((await chart.locator("rect.hit").all()).map((r) => r.boundingBox()))) {
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  // Tapping session 7's point says what was scored that day.
  await chart.locator("circle").nth(6).scrollIntoViewIfNeeded();
  const dot = await chart.locator("circle").nth(6).boundingBox();
  await page.touchscreen.tap(dot.x + dot.width / 2, dot.y + dot.height / 2);
  await expect(gad7.locator(".chart-pick")).toHaveText("Session 7, 12 Jun 2025: GAD-7 12");

  await gad7.getByRole("button", { name: "Show as table" }).click();
  await expect(chart).toBeHidden();
  const table = gad7.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Session", "Date", "GAD-7"]);
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(14);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["1 May 2025", "15"]);
  await expect(rows.nth(10).getByRole("cell")).toHaveText(["3 Jul 2025", "11"]);
  await expect(rows.nth(13).getByRole("cell")).toHaveText(["24 Jul 2025", "8"]);

  await gad7.getByRole("button", { name: "Show as chart" }).click();
  await expect(chart).toBeVisible();
});

test("charts follow the dark theme and keep their bands in print", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await alexPage(page);
  const line = page.getByRole("img", { name: "GAD-7" }).locator("polyline");
  await expect(line).toHaveCSS("stroke", "rgb(111, 194, 174)");

  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await expect(line).toHaveCSS("stroke", "rgb(47, 111, 98)");
  const bands = page.getByRole("img", { name: "PHQ-9" }).locator("rect.band");
  await expect(bands).toHaveCount(4);
  for (const band of await bands.all()) await expect(band).toBeVisible();
  await expect(page.getByRole("img", { name: "GAD-7" })).toBeVisible();
});

test("a client with no scores yet is told where charts come from", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Sam");
  await page.getByRole("button", { name: "New client" }).click();
  await expect(page.getByText("Scores and homework reviews recorded in sessions are charted here.")).toBeVisible();
  await expect(page.locator("main").getByRole("img")).toHaveCount(0);
});
