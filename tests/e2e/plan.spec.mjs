import { test, expect } from "@playwright/test";
import { field, saved, startEmpty } from "./helpers.mjs";

test("a treatment plan goal is kept after reload, linked from a session and shown in the record", async ({ page }) => {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  const plan = page.getByRole("region", { name: "Treatment plan" });
  await plan.getByRole("button", { name: "Add problem" }).click();
  await expect(plan.getByRole("alert")).toHaveText("Write what it is first.");
  await field(plan, "New problem").fill("Worry about the quality of work");
  await plan.getByRole("button", { name: "Add problem" }).click();
  const problem = plan.getByRole("region", { name: "Problem: Worry about the quality of work" });
  await field(problem, "New goal").fill("Sleep through the night before deadlines");
  await problem.getByRole("button", { name: "Add goal" }).click();
  const goal = problem.getByRole("listitem", { name: "Goal: Sleep through the night before deadlines" });
  await goal.getByRole("combobox", { name: "Status" }).selectOption({ label: "In progress" });
  await goal.getByLabel("Target date").fill("2025-09-01");
  await goal.getByLabel("Target date").press("Tab");
  await field(goal, "New objective").fill("Fixed bedtime five nights a week");
  await goal.getByRole("button", { name: "Add objective" }).click();
  await saved(page);

  await page.reload();
  const kept = page
    .getByRole("region", { name: "Treatment plan" })
    .getByRole("listitem", { name: "Goal: Sleep through the night before deadlines" });
  await expect(kept.getByRole("combobox", { name: "Status" }).locator("option:checked")).toHaveText("In progress");
  await expect(kept.getByLabel("Target date")).toHaveValue("2025-09-01");
  await expect(kept).toContainText("Fixed bedtime five nights a week");
  await expect(kept).toContainText("not yet addressed in a session");

  await page.getByRole("link", { name: /Session 5 of 24/ }).click();
  const addressed = page.getByRole("group", { name: "Goals addressed" });
  await addressed.getByRole("checkbox", { name: "Sleep through the night before deadlines" }).check();
  await saved(page);
  await page.getByRole("link", { name: /Alex/ }).click();
  await expect(
    page.getByRole("listitem", { name: "Goal: Sleep through the night before deadlines" }),
  ).toContainText("addressed in session 5");

  await page.getByRole("link", { name: "Print course" }).click();
  await expect(page.getByRole("heading", { name: "Treatment plan" })).toBeVisible();
  await expect(page.getByText("Goal: Sleep through the night before deadlines — In progress, by 1 Sep 2025; addressed in session 5")).toBeVisible();

  // A problem goes with its goals and objectives: asked first, and Cancel keeps them.
  await page.goBack();
  const again = page.getByRole("region", { name: "Problem: Worry about the quality of work" });
  await again.getByRole("button", { name: "Remove problem" }).click();
  const asked = page.getByRole("alertdialog", { name: "Remove problem" });
  await expect(asked).toContainText("Remove this problem with its goals and objectives? It cannot be brought back.");
  await asked.getByRole("button", { name: "Cancel" }).click();
  await expect(again).toContainText("Fixed bedtime five nights a week");
  await again.getByRole("button", { name: "Remove problem" }).click();
  await asked.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(again).toHaveCount(0);
});
