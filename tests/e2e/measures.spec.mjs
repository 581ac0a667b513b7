import { test, expect } from "@playwright/test";
import { axeViolations, downloadFrom, field, saved, startEmpty, startWithSession } from "./helpers.mjs";

const item = (scope, n) => scope.getByRole("combobox", { name: new RegExp(`^${n}\\. `) });

/** Starts a measure in the open session, answered by whoever is chosen. */
async function enterMeasure(page, title, by = "The clinician, from the client's paper form") {
  const panel = page.getByRole("region", { name: "Measures", exact: true });
  await panel.getByRole("combobox", { name: "Measure", exact: true }).selectOption({ label: title });
  await panel.getByRole("combobox", { name: "Answered by" }).selectOption({ label: by });
  await panel.getByRole("button", { name: "Enter answers" }).click();
  return panel.getByRole("group", { name: title });
}

test("a PHQ-9 entered from paper with item 9 missing has no total and says why, then totals once it is answered", async ({
  page,
}) => {
  await startWithSession(page);
  const phq9 = await enterMeasure(page, "Patient Health Questionnaire-9");
  await expect(phq9.getByText("Answered by the clinician, from the client's paper form.")).toBeVisible();
  await expect(phq9.getByText(/^Developed by Drs\. Robert L\. Spitzer/)).toBeVisible();
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) await item(phq9, n).selectOption({ label: "1 — Several days" });
  await expect(phq9.locator(".measure-total")).toHaveText(
    "No PHQ-9 total: item 9 is unanswered, and the PHQ-9 is totalled only with every item answered.",
  );
  // The question about difficulty is asked but not scored.
  await item(phq9, 10).selectOption({ label: "1 — Somewhat difficult" });
  await expect(phq9.locator(".measure-total")).toContainText("item 9 is unanswered");
  await item(phq9, 9).selectOption({ label: "0 — Not at all" });
  await expect(phq9.locator(".measure-total")).toHaveText("8 of 27: mild");
  // The typed total follows the answers and does not overwrite them.
  await expect(page.getByRole("textbox", { name: "PHQ-9", exact: true })).toHaveValue("8");
  await saved(page);

  await page.reload();
  const again = page.getByRole("region", { name: "Measures", exact: true }).getByRole("group", { name: "Patient Health Questionnaire-9" });
  await expect(item(again, 9)).toHaveValue("0 — Not at all");
  await expect(again.locator(".measure-total")).toHaveText("8 of 27: mild");

  const file = await downloadFrom(page, page.getByRole("button", { name: "Export Markdown" }));
  expect(file.text).toContain("## PHQ-9: 8 of 27: mild (the clinician, from the client's paper form)\n");
  expect(file.text).toContain("- 9\\. Thoughts that you would be better off dead or of hurting yourself in some way: 0 — Not at all\n");

  await page.getByRole("link", { name: "Alex" }).click();
  await expect(page.getByRole("img", { name: "PHQ-9" })).toHaveAccessibleDescription(
    "PHQ-9 was 8 in session 1, the only one so far. A change of 6 points or more is reliable; the clinical cut-off is 10.",
  );
});

test("removing a measure's answers from a session is asked first, and Cancel keeps every answer", async ({ page }) => {
  await startWithSession(page);
  const gad7 = await enterMeasure(page, "Generalized Anxiety Disorder 7-item scale");
  for (const n of [1, 2, 3, 4, 5, 6, 7]) await item(gad7, n).selectOption({ label: "2 — More than half the days" });
  await expect(gad7.locator(".measure-total")).toHaveText("14 of 21: moderate, at or above the clinical cut-off");
  await gad7.getByRole("button", { name: "Remove GAD-7" }).click();
  const asked = page.getByRole("alertdialog", { name: "Remove GAD-7" });
  await expect(asked).toContainText("Remove the GAD-7 and every answer to it from this session? It cannot be brought back.");
  await asked.getByRole("button", { name: "Cancel" }).click();
  await expect(gad7.locator(".measure-total")).toHaveText("14 of 21: moderate, at or above the clinical cut-off");
  await gad7.getByRole("button", { name: "Remove GAD-7" }).click();
  await asked.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(gad7).toHaveCount(0);
  await saved(page);
});

test("the measures form reads well to a screen reader, in light and dark", async ({ page }) => {
  await startWithSession(page);
  await enterMeasure(page, "Generalized Anxiety Disorder 7-item scale", "The clinician's rating");
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page, ".measures-panel")).toEqual([]);
  }
});

test("a measure scheduled every 2 sessions is due in sessions 1 and 3 and not in 2", async ({ page }) => {
  await startWithSession(page, "Sam", 12);
  await page.getByRole("link", { name: "Sam" }).click();
  const schedule = page.getByRole("region", { name: "Measures due" });
  await expect(schedule.getByText("No measures scheduled.")).toBeVisible();
  await schedule.getByRole("combobox", { name: "Measure to give" }).selectOption({ label: "GAD-7" });
  await schedule.getByRole("combobox", { name: "When" }).selectOption({ label: "Every 2 sessions" });
  await schedule.getByRole("button", { name: "Add to schedule" }).click();
  await expect(schedule.getByRole("listitem")).toHaveText(["GAD-7: every 2 sessionsStop giving GAD-7"]);
  await saved(page);

  const due = page.getByRole("region", { name: "Measures", exact: true }).locator(".due");
  await page.getByRole("link", { name: /Session 1 of 12/ }).click();
  await expect(due).toHaveText("Due this session: GAD-7 (not yet given).");
  await page.getByRole("link", { name: "Sam" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 of 12" })).toBeVisible();
  await expect(due).toBeEmpty();
  await page.getByRole("link", { name: "Sam" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 3 of 12" })).toBeVisible();
  await expect(due).toHaveText("Due this session: GAD-7 (not yet given).");
  const gad7 = await enterMeasure(page, "Generalized Anxiety Disorder 7-item scale");
  await expect(gad7).toBeVisible();
  await expect(due).toHaveText("Due this session: GAD-7 (given).");
});

test("the sample course charts PHQ-9 over its bands and cut-off with reliable recovery, and as a table", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  const figure = page.getByRole("figure", { name: "PHQ-9" });
  const chart = figure.getByRole("img", { name: "PHQ-9" });
  await expect(chart).toHaveAccessibleDescription(
    "PHQ-9 fell from 12 to 6 over 13 sessions: reliable recovery. A change of 6 points or more is reliable; the clinical cut-off is 10.",
  );
  await expect(chart.locator("rect.band")).toHaveCount(4);
  await expect(chart.locator("line.cutoff")).toHaveCount(1);
  await figure.getByRole("button", { name: "Show as table" }).click();
  const rows = figure.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(14);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["1 May 2025", "12"]);

  // A backup carries every completion as stored.
  await page.getByRole("link", { name: "All clients" }).click();
  const backup = await downloadFrom(page, page.getByRole("region", { name: "Backup" }).getByRole("button", { name: "Back up" }));
  const records = JSON.parse(JSON.parse(backup.text).payload).records;
  const intake = records.find((r) => r.key.startsWith("session/") && r.value.number === 1).value;
  expect(intake.measures.map((m) => [m.measure, m.answered])).toEqual([
    ["gad7", { kind: "total_only", total: 15 }],
    ["phq9", { kind: "total_only", total: 12 }],
  ]);
});

test("a measure of the clinician's own is written under Your details, refused until its bands add up, and given in a session", async ({
  page,
}) => {
  await startEmpty(page);
  await page.locator("summary", { hasText: "Your details" }).click();
  const own = page.getByRole("region", { name: "Your measures" });
  await own.getByRole("textbox", { name: "Measure name" }).fill("Sleep check");
  await own.getByRole("textbox", { name: "Items, one per line" }).fill("I fell asleep easily\nI woke in the night");
  await own.getByRole("checkbox", { name: "1. I fell asleep easily" }).check();
  await own.getByRole("textbox", { name: /^Answers, one per line/ }).fill("0 Never\n1 Sometimes\n2 Often");
  await own.getByRole("textbox", { name: /^Bands, one per line/ }).fill("0–1 Good");
  await own.getByRole("button", { name: "Add measure" }).click();
  await expect(own.getByRole("alert")).toHaveText("No band covers 2–4.");
  await own.getByRole("textbox", { name: /^Bands, one per line/ }).fill("0–1 Good\n2–4 Poor");
  await own.getByRole("button", { name: "Add measure" }).click();
  await expect(own.getByRole("listitem")).toHaveText(["Sleep check (2 items)Change Sleep checkRetire Sleep check"]);
  await saved(page);

  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Sam");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  const sleep = await enterMeasure(page, "Sleep check");
  await expect(sleep.getByText("Written by the clinician; not a published instrument.")).toBeVisible();
  // Item 1 is scored in reverse: "Often" falling asleep easily counts 0.
  await item(sleep, 1).selectOption({ label: "2 — Often" });
  await item(sleep, 2).selectOption({ label: "2 — Often" });
  await expect(sleep.locator(".measure-total")).toHaveText("2 of 4: Poor");
  await saved(page);
  await page.getByRole("link", { name: "Sam" }).click();
  await expect(page.getByRole("img", { name: "Sleep check" })).toHaveAccessibleDescription(
    "Sleep check was 2 in session 1, the only one so far.",
  );
});

test("a measure of the clinician's own is retired: offered and due nowhere, its answers still charted, and given again with one tap", async ({
  page,
}) => {
  await startWithSession(page, "Sam", 12);
  await page.getByRole("link", { name: "All clients" }).click();
  await page.locator("summary", { hasText: "Your details" }).click();
  const own = page.getByRole("region", { name: "Your measures" });
  await own.getByRole("textbox", { name: "Measure name" }).fill("Urge rating");
  await own.getByRole("textbox", { name: "Items, one per line" }).fill("How strong was the urge?");
  await own.getByRole("textbox", { name: /^Answers, one per line/ }).fill("0 None\n1 Mild\n2 Strong");
  await own.getByRole("button", { name: "Add measure" }).click();
  await saved(page);

  await page.getByRole("link", { name: "Sam" }).click();
  const schedule = page.getByRole("region", { name: "Measures due" });
  await schedule.getByRole("combobox", { name: "Measure to give" }).selectOption({ label: "Urge rating" });
  await schedule.getByRole("button", { name: "Add to schedule" }).click();
  await saved(page);
  await page.getByRole("link", { name: /Session 1 of 12/ }).click();
  const panel = page.getByRole("region", { name: "Measures", exact: true });
  await expect(panel.locator(".due")).toHaveText("Due this session: Urge rating (not yet given).");
  const urge = await enterMeasure(page, "Urge rating");
  await item(urge, 1).selectOption({ label: "2 — Strong" });
  await saved(page);

  await page.getByRole("link", { name: "All clients" }).click();
  await page.locator("summary", { hasText: "Your details" }).click();
  await own.getByRole("button", { name: "Retire Urge rating" }).click();
  await expect(own.getByRole("listitem")).toHaveText(["Urge rating (1 items) · retiredGive Urge rating again"]);
  await saved(page);
  await page.reload();
  await page.locator("summary", { hasText: "Your details" }).click();
  await expect(own.getByRole("button", { name: "Give Urge rating again" })).toBeVisible();

  await page.getByRole("link", { name: "Sam" }).click();
  await expect(schedule.getByRole("listitem")).toHaveText(["Urge rating (retired): every sessionStop giving Urge rating (retired)"]);
  await expect(schedule.getByRole("combobox", { name: "Measure to give" }).getByRole("option", { name: "Urge rating" })).toHaveCount(0);
  await expect(page.getByRole("img", { name: "Urge rating" })).toHaveAccessibleDescription(
    "Urge rating was 2 in session 1, the only one so far.",
  );
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 of 12" })).toBeVisible();
  await expect(panel.locator(".due")).toBeEmpty();
  await expect(panel.getByRole("combobox", { name: "Measure", exact: true }).getByRole("option", { name: "Urge rating" })).toHaveCount(0);
  await page.getByRole("button", { name: "Hand to client" }).click();
  const dialog = page.getByRole("dialog", { name: "Hand to client" });
  await field(dialog, "New PIN").fill("2468");
  await field(dialog, "PIN again").fill("2468");
  await dialog.getByRole("button", { name: "Set PIN" }).click();
  await expect(dialog.getByRole("checkbox", { name: /^PHQ-9 —/ })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: /^Urge rating/ })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("link", { name: "All clients" }).click();
  await page.locator("summary", { hasText: "Your details" }).click();
  await own.getByRole("button", { name: "Give Urge rating again" }).click();
  await expect(own.getByRole("listitem")).toHaveText(["Urge rating (1 items)Change Urge ratingRetire Urge rating"]);
  await saved(page);
  await page.getByRole("link", { name: "Sam" }).click();
  await page.getByRole("link", { name: /Session 2 of 12/ }).click();
  await expect(panel.locator(".due")).toHaveText("Due this session: Urge rating (not yet given).");
});

test("a GAD-7 typed as a total is kept as a total only and follows what is typed", async ({ page }) => {
  await startWithSession(page);
  const gad7 = page.getByRole("textbox", { name: "GAD-7", exact: true });
  const panel = page.getByRole("region", { name: "Measures", exact: true });
  await gad7.fill("15");
  await gad7.press("Tab");
  await expect(panel.locator(".measure-summary")).toHaveText(
    "GAD-7: 15 of 21: severe, at or above the clinical cut-off (total only, entered by the clinician)",
  );
  await gad7.fill("6");
  await gad7.press("Tab");
  await expect(panel.locator(".measure-summary")).toHaveText("GAD-7: 6 of 21: mild (total only, entered by the clinician)");
  await gad7.fill("");
  await gad7.press("Tab");
  await expect(panel.locator(".measure-summary")).toHaveCount(0);
});
