import { test, expect } from "@playwright/test";
import { field, saved, startWithSession } from "./helpers.mjs";

test.beforeEach(async ({ page }) => startWithSession(page, "Alex", 24));

test("a refused entry marks its own field, which reads the reason with it, until it is put right", async ({ page }) => {
  const start = field(page, "Start");
  const end = field(page, "End");
  await start.fill("10:00");
  await start.press("Tab");
  await end.fill("09:30");
  await end.press("Tab");

  const reason = "The end time is before the start time.";
  await expect(page.getByRole("alert")).toHaveText(reason);
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription(reason);
  // Only the field that was refused says so.
  await expect(start).not.toHaveAttribute("aria-invalid");
  await expect(start).toHaveAccessibleDescription("");

  await end.fill("10:50");
  await end.press("Tab");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(end).not.toHaveAttribute("aria-invalid");
  await expect(end).toHaveAccessibleDescription("");
  await expect(page.getByRole("group", { name: "Session details" })).toContainText("10:00–10:50 (50 min)");

  // The same on another screen: an empty name on the roster.
  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByRole("button", { name: "New client" }).click();
  const name = field(page, "Name or code");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Enter a name or a client code.");
  await name.fill("Sam");
  await page.getByRole("button", { name: "New client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam" })).toBeVisible();
});

test("a time of day is taken the same in the capture line, the timeline and the session's times", async ({ page }) => {
  const timeline = page.getByRole("list", { name: "Timeline entries" });
  for (const [text, at] of [
    ["Slept badly before the review", "10:20"],
    ["Breathing practice", "00:00"],
  ]) {
    await field(page, "At").fill(at);
    await field(page, "Capture").fill(text);
    await field(page, "Capture").press("Enter");
  }
  // Each entry keeps the time it was given, midnight included, in clock order.
  await expect(timeline.getByRole("textbox", { name: /^Time of/ })).toHaveCount(2);
  await expect(field(timeline, "Time of “Breathing practice”")).toHaveValue("00:00");
  await expect(field(timeline, "Time of “Slept badly before the review”")).toHaveValue("10:20");
  await expect(field(page, "At")).toHaveValue("");

  // A time changed in the timeline moves its entry.
  await field(timeline, "Time of “Breathing practice”").fill("10:35");
  await field(timeline, "Time of “Breathing practice”").press("Tab");
  await expect(field(timeline.getByRole("listitem").first(), "Time of “Slept badly before the review”")).toHaveValue("10:20");

  // Cleared, an entry's time is refused beside it, and the time it had stays.
  const breathing = field(timeline, "Time of “Breathing practice”");
  await breathing.fill("");
  await breathing.press("Tab");
  await expect(breathing).toHaveAttribute("aria-invalid", "true");
  await expect(breathing).toHaveAccessibleDescription("Enter the time as hh:mm, like 09:05.");
  await saved(page);
  await page.reload();
  await expect(field(timeline, "Time of “Breathing practice”")).toHaveValue("10:35");
  await expect(page.getByRole("alert")).toHaveCount(0);

  // The session's own times, and the length worked out from them.
  await field(page, "Start").fill("10:00");
  await field(page, "Start").press("Tab");
  await field(page, "End").fill("11:15");
  await field(page, "End").press("Tab");
  await saved(page);
  await page.reload();
  await expect(page.getByRole("group", { name: "Session details" })).toContainText("10:00–11:15 (1 h 15 min)");
});

test("a number being typed stays while the text typed just before reaches the other panels", async ({ page }) => {
  await page.getByRole("button", { name: "Add homework" }).click();
  const item = page.getByRole("list", { name: "Homework agreed" }).getByRole("listitem").last();
  await field(item, "Task").fill("Walk after lunch");
  const likelihood = field(item, "Likelihood (0–100)");
  await likelihood.fill("80");
  // The task reaches the other panels once the typing pauses: its buttons take its name.
  await expect(item.getByRole("button", { name: "Delete homework: Walk after lunch" })).toBeVisible();
  await expect(likelihood).toHaveValue("80");
  await likelihood.press("Tab");
  await saved(page);
  await page.reload();
  await expect(field(item, "Likelihood (0–100)")).toHaveValue("80");
});

test("a number typed and not yet left is kept through a reload, a closed tab and the browser's Back", async ({ page, context }) => {
  const session = page.url();
  // The field is never left: the cursor is still in it when the page goes.
  await field(page, "Anxiety (0–10)").pressSequentially("7");
  await page.reload();
  await expect(field(page, "Anxiety (0–10)")).toHaveValue("7");

  await field(page, "PHQ-9").pressSequentially("14");
  await page.close({ runBeforeUnload: true });
  page = await context.newPage();
  await page.goto(session);
  await expect(field(page, "PHQ-9")).toHaveValue("14");

  // Back, from a session reached from its client.
  await page.getByRole("link", { name: "Alex" }).click();
  await page.getByRole("link", { name: /Session 1 of 24/ }).click();
  await page.getByRole("button", { name: "Add homework" }).click();
  const item = page.getByRole("list", { name: "Homework agreed" }).getByRole("listitem").last();
  await field(item, "Task").fill("Walk after lunch");
  await saved(page);
  await field(item, "Likelihood (0–100)").pressSequentially("60");
  await page.goBack();
  await expect(page.getByRole("link", { name: /Session 1 of 24/ })).toBeVisible();
  await page.goForward();
  await expect(field(item, "Likelihood (0–100)")).toHaveValue("60");
});
