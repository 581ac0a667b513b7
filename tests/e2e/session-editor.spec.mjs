import { test, expect } from "@playwright/test";
import { field, saved, startWithSession } from "./helpers.mjs";

async function capture(page, text, kind, at) {
  await field(page, "At").fill(at);
  await page.getByRole("radio", { name: kind, exact: true }).check();
  await field(page, "Capture").fill(text);
  await field(page, "Capture").press("Enter");
}

test.beforeEach(async ({ page }) => startWithSession(page, "Alex", 24));

test("capture, write up SOAP, switch to DAP and back, refuse a bad score, reload, carry the plan forward", async ({ page }) => {
  const quote = "“If I mess up, it means I’m not competent enough.”";
  await capture(page, quote, "Quote", "10:05");
  await capture(page, "Grounding exercise 5-4-3-2-1", "Intervention", "10:12");
  await capture(page, "Lead a team meeting this week", "Homework idea", "10:25");
  const entries = page.getByRole("list", { name: "Timeline entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(3);
  await expect(field(page, "Capture")).toHaveValue("");

  // A new clinician's sessions start as free text; this one writes SOAP.
  await expect(page.getByRole("combobox", { name: "Format" })).toHaveValue("free");
  await page.getByRole("combobox", { name: "Format" }).selectOption("SOAP");
  await page.getByRole("button", { name: "Write up from timeline" }).click();
  await expect(field(page, "Subjective")).toHaveValue("[10:05] “If I mess up, it means I’m not competent enough.”");
  await expect(field(page, "Objective")).toHaveValue("[10:12] Grounding exercise 5-4-3-2-1");
  await expect(field(page, "Plan")).toHaveValue("[10:25] Homework: Lead a team meeting this week");
  // Pressing it again adds nothing twice.
  await page.getByRole("button", { name: "Write up from timeline" }).click();
  await expect(page.getByText("Nothing new in the timeline to write up.")).toBeVisible();
  await expect(field(page, "Plan")).toHaveValue("[10:25] Homework: Lead a team meeting this week");

  await field(page, "Subjective").press("End");
  await field(page, "Subjective").pressSequentially("\nReports anxiety spikes near deadlines.  ");
  await field(page, "Assessment").fill("Perfectionism — “good enough” remains hard.\n\nProgress toward goal 1.");
  await saved(page);
  const soap = {};
  for (const name of ["Subjective", "Objective", "Assessment", "Plan"]) soap[name] = await field(page, name).inputValue();

  await page.getByRole("combobox", { name: "Format" }).selectOption("DAP");
  await expect(field(page, "Subjective")).toHaveCount(0);
  await expect(field(page, "Data")).toHaveValue("");
  await expect(field(page, "Assessment")).toHaveValue(soap.Assessment);
  await expect(field(page, "Plan")).toHaveValue(soap.Plan);
  const leftovers = page.getByRole("region", { name: "From the previous format" });
  await expect(leftovers).toContainText("Reports anxiety spikes near deadlines.");
  await expect(leftovers).toContainText("Grounding exercise 5-4-3-2-1");

  await page.getByRole("combobox", { name: "Format" }).selectOption("SOAP");
  for (const name of Object.keys(soap)) await expect(field(page, name)).toHaveValue(soap[name]);
  await expect(leftovers).toHaveCount(0);

  // Scores: out of range is refused and the previous value kept.
  await field(page, "Anxiety (0–10)").fill("6");
  await field(page, "Anxiety (0–10)").press("Tab");
  await field(page, "Anxiety (0–10)").fill("11");
  await field(page, "Anxiety (0–10)").press("Tab");
  await expect(page.getByRole("alert").filter({ hasText: "Anxiety must be a whole number from 0 to 10." })).toBeVisible();
  await expect(field(page, "Anxiety (0–10)")).toHaveValue("6");
  await field(page, "GAD-7").fill("abc");
  await field(page, "GAD-7").press("Tab");
  await expect(page.getByRole("alert").filter({ hasText: "GAD-7 must be a whole number from 0 to 21." })).toBeVisible();
  await field(page, "PHQ-9").fill("12");
  await field(page, "PHQ-9").press("Tab");

  // Tags: type-ahead from the vocabulary, and a custom one.
  await field(page, "Interventions").fill("5-4");
  await page.getByRole("button", { name: "Add grounding exercise (5-4-3-2-1)" }).click();
  await field(page, "Themes").fill("imposter feelings");
  await field(page, "Themes").press("Enter");
  await page.getByRole("button", { name: "Add perfectionism" }).click();

  await page.getByRole("combobox", { name: "Risk", exact: true }).selectOption("Moderate");
  await field(page, "Risk notes").fill("Passive thoughts under deadline stress; no plan or intent.");
  await field(page, "Start").fill("10:00");
  await field(page, "End").fill("10:31");
  await field(page, "End").press("Tab");
  await expect(page.getByText("31 min")).toBeVisible();
  await field(page, "Plan for next session").fill("Review the team meeting; continue confidence-building.");
  await saved(page);

  await page.reload();
  await expect(entries).toHaveCount(3);
  await expect(page.getByLabel("Entry at 10:05")).toHaveValue(quote);
  await expect(page.getByLabel(`Kind of “${quote}”`)).toHaveValue("quote");
  for (const name of Object.keys(soap)) await expect(field(page, name)).toHaveValue(soap[name]);
  await expect(field(page, "Anxiety (0–10)")).toHaveValue("6");
  await expect(field(page, "GAD-7")).toHaveValue("");
  await expect(field(page, "PHQ-9")).toHaveValue("12");
  await expect(page.getByRole("list", { name: "Chosen interventions" })).toContainText("grounding exercise (5-4-3-2-1)");
  await expect(page.getByRole("list", { name: "Chosen themes" })).toContainText("imposter feelings");
  await expect(page.getByRole("list", { name: "Chosen themes" })).toContainText("perfectionism");
  await expect(page.getByRole("combobox", { name: "Risk", exact: true })).toHaveValue("moderate");
  await expect(page.getByText("31 min")).toBeVisible();

  // The client's list flags the risk; the next session carries the plan into its agenda.
  await page.getByRole("link", { name: "Alex" }).click();
  await expect(page.getByRole("link", { name: /Session 1 of 24.*Risk: Moderate/ })).toBeVisible();
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 of 24" })).toBeVisible();
  await expect(field(page, "Agenda")).toHaveValue(
    "From last session's plan: Review the team meeting; continue confidence-building.",
  );
  await field(page, "Agenda").press("End");
  await field(page, "Agenda").pressSequentially(" Check sleep.");
  await saved(page);
  await page.reload();
  await expect(field(page, "Agenda")).toHaveValue(
    "From last session's plan: Review the team meeting; continue confidence-building. Check sleep.",
  );
  // Asked first, as there is no undo; Cancel keeps it.
  await page.getByRole("button", { name: "Discard agenda" }).click();
  const asked = page.getByRole("alertdialog", { name: "Discard agenda" });
  await expect(asked).toContainText("Discard today's agenda? It cannot be brought back.");
  await asked.getByRole("button", { name: "Cancel" }).click();
  await expect(field(page, "Agenda")).not.toHaveValue("");
  await page.getByRole("button", { name: "Discard agenda" }).click();
  await asked.getByRole("button", { name: "Discard" }).click();
  await expect(field(page, "Agenda")).toHaveValue("");
});

test("timeline entries are edited, re-ordered by time, and deleted with undo, by keyboard alone", async ({ page }) => {
  const clock = () =>
    page.evaluate(() => {
      const d = new Date();
      return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
    });
  const before = await clock();
  await field(page, "Capture").focus();
  await page.keyboard.type("First thought");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second thought");
  await page.keyboard.press("Enter");
  const after = await clock();
  const entries = page.getByRole("list", { name: "Timeline entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(2);
  // Stamped with the current clock time.
  expect([before, after]).toContain(await page.getByLabel("Time of “First thought”").inputValue());

  // Moving the second one earlier puts it first.
  await page.getByLabel("Time of “Second thought”").fill("00:01");
  await page.getByLabel("Time of “Second thought”").press("Tab");
  await expect(entries.first().locator(".entry-text")).toHaveValue("Second thought");
  await page.getByLabel("Kind of “Second thought”").selectOption("Risk");
  await page.getByLabel("Entry at 00:01").fill("Second thought, reworded");
  await page.getByLabel("Entry at 00:01").press("Tab");
  await saved(page);

  await page.getByRole("button", { name: "Delete “First thought”" }).focus();
  await page.keyboard.press("Enter");
  await expect(entries).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(entries).toHaveCount(2);
  await saved(page);
  await page.reload();
  await expect(entries).toHaveCount(2);
  await expect(entries.first().locator(".entry-text")).toHaveValue("Second thought, reworded");
  await expect(page.getByLabel("Kind of “Second thought, reworded”")).toHaveValue("risk");
});

test("a GIRP note shows the course's goals; custom tags are marked as the clinician's own", async ({ page }) => {
  await page.getByRole("link", { name: "Alex", exact: true }).click();
  await field(page, "Treatment goals").fill("Loosen perfectionism at work\n\nSleep through the night");
  await field(page, "Treatment goals").press("Tab");
  await saved(page);
  await page.getByRole("link", { name: /Session 1 of 24/ }).click();
  await page.getByRole("combobox", { name: "Format" }).selectOption("GIRP");
  await expect(page.getByText("Course goals: Loosen perfectionism at work · Sleep through the night")).toBeVisible();
  await field(page, "Themes").fill("imposter feelings");
  await field(page, "Themes").press("Enter");
  await page.getByRole("button", { name: "Add anxiety" }).click();
  const chosen = page.getByRole("list", { name: "Chosen themes" }).getByRole("listitem");
  await expect(chosen.filter({ hasText: "imposter feelings" })).toContainText("(your own)");
  await expect(chosen.filter({ hasText: "anxiety" })).not.toContainText("(your own)");
  // The write-up button counts what is new in the timeline.
  await field(page, "Capture").fill("Reports better sleep");
  await field(page, "Capture").press("Enter");
  await expect(page.getByRole("button", { name: "Write up from timeline (1 new)" })).toBeVisible();
  await page.getByRole("button", { name: "Write up from timeline (1 new)" }).click();
  await expect(page.getByRole("button", { name: "Write up from timeline", exact: true })).toBeVisible();
  await expect(field(page, "Response")).toHaveValue(/Reports better sleep/);
});
