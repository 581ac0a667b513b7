import { test, expect } from "@playwright/test";
import { field, saved, startWithSession, storedRecords } from "./helpers.mjs";


async function newSession(page, n) {
  await page.getByRole("link", { name: "Alex", exact: true }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Session ${n} of 12` })).toBeVisible();
}

async function assign(page, task, type, likelihood) {
  await page.getByRole("button", { name: "Add homework" }).click();
  const item = page.getByRole("list", { name: "Homework agreed" }).getByRole("listitem").last();
  await field(item, "Task").fill(task);
  await item.getByRole("combobox", { name: "Type" }).selectOption(type);
  await field(item, "Likelihood (0–100)").fill(String(likelihood));
  await field(item, "Likelihood (0–100)").press("Tab");
  return item;
}

test.beforeEach(async ({ page }) => startWithSession(page, "Alex", 12));

test("assign in session 1, review in 2, only the carried one comes up in 3, history in the client view", async ({ page }) => {
  const first = await assign(page, "Thought record when anxious about work", "Thought record", 60);
  await expect(first.getByText("Below 70: consider making it smaller.")).toBeVisible();
  await field(first, "Why").fill("Catch the perfectionist thought");
  await field(first, "When / how often").fill("Each evening");
  const second = await assign(page, "Lead a team meeting", "Exposure", 80);
  await expect(second.getByText("Below 70")).toHaveCount(0);
  await field(second, "Expected obstacles").fill("Might avoid if the week is busy");
  await saved(page);
  const [{ key: session1Key }] = await storedRecords(page, "/session/");
  const session1Stored = await page.evaluate((k) => localStorage.getItem(k), session1Key);

  // The client copy is a plain list.
  await page.getByRole("link", { name: "Client copy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your homework, Alex" })).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveText([
    /Thought record when anxious about work.*When: Each evening.*Why: Catch the perfectionist thought/,
    /Lead a team meeting/,
  ]);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the session" }).click();

  await newSession(page, 2);
  const due = page.getByRole("list", { name: "Homework to review" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(due).toHaveCount(2);
  const thought = due.filter({ hasText: "Thought record when anxious" });
  await thought.getByRole("radio", { name: "Done", exact: true }).check();
  await field(thought, "What was learned").fill("The feared outcome rarely happened");
  await expect(thought.getByText("Closed after this session.")).toBeVisible();
  const lead = due.filter({ hasText: "Lead a team meeting" });
  await lead.getByRole("radio", { name: "Partly", exact: true }).check();
  await lead.getByRole("checkbox", { name: "Forgot", exact: true }).check();
  await lead.getByRole("checkbox", { name: "Other", exact: true }).check();
  await field(lead, "Other obstacle").fill("Meeting was cancelled");
  await lead.getByRole("radio", { name: "Carry over", exact: true }).check();
  await expect(lead.getByText("Stays open for the next session.")).toBeVisible();
  await saved(page);
  // Marked done, it stays in this session's list while it is being filled in.
  await page.reload();
  await expect(due).toHaveCount(2);
  await expect(thought.getByRole("radio", { name: "Done", exact: true })).toBeChecked();

  await newSession(page, 3);
  await expect(due).toHaveCount(1);
  await expect(due.first()).toContainText("Lead a team meeting");
  await expect(due.first()).toContainText("Session 2: Partly · Carry over · in the way: Forgot, Other, Meeting was cancelled");

  await page.getByRole("link", { name: "Alex", exact: true }).click();
  await page.getByRole("link", { name: "Homework", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Homework — Alex" })).toBeVisible();
  await expect(page.getByText("2 assigned · 1 open · 1 closed · completion rate 50%")).toBeVisible();
  const rows = page.getByRole("list", { name: "Assignments" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Thought record" })).toContainText("Closed in session 2");
  await expect(rows.filter({ hasText: "Thought record" })).toContainText("Session 2: Done · learned: The feared outcome rarely happened");
  await expect(rows.filter({ hasText: "Lead a team" })).toContainText("Open");
  await expect(page.getByRole("row", { name: /Thought record/ })).toContainText("100%");
  await expect(page.getByRole("row", { name: /Exposure/ })).toContainText("0%");
  await page.getByRole("radio", { name: "Open", exact: true }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Lead a team meeting");
  await page.getByRole("radio", { name: "Closed", exact: true }).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Thought record");

  await page.reload();
  await expect(page.getByText("2 assigned · 1 open · 1 closed · completion rate 50%")).toBeVisible();
  // Session 1's record was never rewritten by the reviews.
  expect(await page.evaluate((k) => localStorage.getItem(k), session1Key)).toBe(session1Stored);
  const session1 = (await storedRecords(page, "/session/")).map(({ record }) => record).find((s) => s.number === 1);
  expect(session1.reviews).toEqual([]);
  expect(session1.homework.items.map((a) => a.task)).toEqual(["Thought record when anxious about work", "Lead a team meeting"]);
});

test("assignments are reordered, deleted with undo, and made from a homework idea in one action", async ({ page }) => {
  await assign(page, "Walk after lunch", "Behavioural activation", 90);
  await assign(page, "Breathing practice before bed", "Mindfulness / grounding practice", 75);
  const items = page.getByRole("list", { name: "Homework agreed" }).getByRole("listitem");
  await page.getByRole("button", { name: "Move up: Breathing practice before bed" }).click();
  await expect(field(items.first(), "Task")).toHaveValue("Breathing practice before bed");
  await page.getByRole("button", { name: "Delete homework: Walk after lunch" }).click();
  await expect(items).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(items).toHaveCount(2);
  await expect(field(items.last(), "Task")).toHaveValue("Walk after lunch");

  await field(page, "Likelihood (0–100)").first().fill("140");
  await field(page, "Likelihood (0–100)").first().press("Tab");
  await expect(page.getByRole("alert").filter({ hasText: "Likelihood must be a whole number from 0 to 100." })).toBeVisible();

  await field(page, "Capture").fill("Sleep diary every morning");
  await page.getByRole("radio", { name: "Homework idea", exact: true }).check();
  await field(page, "Capture").press("Enter");
  await page.getByRole("button", { name: "Make homework: Sleep diary every morning" }).click();
  await expect(items).toHaveCount(3);
  await expect(field(items.last(), "Task")).toHaveValue("Sleep diary every morning");
  await expect(items.last().getByRole("combobox", { name: "Type" })).toHaveValue("sleep_routine");
  await expect(page.getByRole("button", { name: "Make homework: Sleep diary every morning" })).toBeDisabled();
  await saved(page);
  await page.reload();
  await expect(items).toHaveCount(3);
  await expect(field(items.first(), "Task")).toHaveValue("Breathing practice before bed");
});

test("review controls are at least 44 px and work by keyboard", async ({ page }) => {
  await assign(page, "Read the worksheet", "Other", 90);
  await saved(page);
  await newSession(page, 2);
  const item = page.getByRole("list", { name: "Homework to review" }).getByRole("listitem").first();
  for (const name of ["Not done", "Partly", "Done", "Continue", "Modify", "Carry over", "Drop"]) {
    const box = await item.locator("label.chip-radio", { hasText: name }).first().boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }
  await item.getByRole("radio", { name: "Not done", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(item.getByRole("radio", { name: "Partly", exact: true })).toBeChecked();
  await item.getByRole("checkbox", { name: "No time", exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(item.getByRole("checkbox", { name: "No time", exact: true })).toBeChecked();
  await item.getByRole("radio", { name: "Drop", exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(item.getByText("Closed after this session.")).toBeVisible();
});

test("homework left untouched since an older session waits folded, opens with a tap and stays open once reviewed", async ({ page }) => {
  await assign(page, "Walk after lunch", "Behavioural activation", 90);
  await saved(page);
  await newSession(page, 2);
  await assign(page, "Thought record when anxious", "Thought record", 80);
  await saved(page);
  await newSession(page, 3);
  const due = page.getByRole("list", { name: "Homework to review" }).getByRole("listitem").filter({ has: page.getByRole("heading") });
  await expect(due).toHaveCount(2);
  const recent = due.filter({ hasText: "Thought record when anxious" });
  await expect(recent.getByRole("radio", { name: "Done", exact: true })).toBeVisible();
  const older = due.filter({ hasText: "Walk after lunch" });
  await expect(older).toContainText("Agreed in session 1 · Behavioural activation · not reviewed yet");
  await expect(older.getByRole("radio", { name: "Done", exact: true })).toHaveCount(0);

  await older.getByRole("heading", { name: "Walk after lunch" }).click();
  await older.getByRole("radio", { name: "Partly", exact: true }).check();
  await older.getByRole("radio", { name: "Carry over", exact: true }).check();
  await expect(older.getByText("Stays open for the next session.")).toBeVisible();
  // Reviewed, it unfolds where it was: nothing moves while it is filled in.
  await expect(due.nth(0)).toContainText("Thought record when anxious");
  await expect(due.nth(1)).toContainText("Walk after lunch");
  await saved(page);
  await page.reload();
  await expect(older.getByRole("radio", { name: "Partly", exact: true })).toBeChecked();

  // Carried over in session 3, it is what session 4 follows up.
  await newSession(page, 4);
  await expect(older).toContainText("Session 3: Partly · Carry over");
  await expect(older.getByRole("radio", { name: "Done", exact: true })).toBeVisible();
  await expect(recent).toContainText("not reviewed yet");
  await expect(recent.getByRole("radio", { name: "Done", exact: true })).toHaveCount(0);
});
