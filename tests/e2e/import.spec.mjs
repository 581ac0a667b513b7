import { test, expect } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { field, saved, startEmpty, startWithSession } from "./helpers.mjs";

const sample = fileURLToPath(new URL("../fixtures/session-14-of-24.txt", import.meta.url));

test.beforeEach(async ({ page }) => startEmpty(page));

test("the sample transcript becomes session 14 of 24 for Alex, with accepted suggestions", async ({ page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("button", { name: "Import transcript" }).click();
  await page.getByLabel("Transcript file").setInputFiles(sample);

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("combobox", { name: "Client" })).toHaveValue(/^[0-9a-f]{32}$/);
  await expect(preview.getByRole("combobox", { name: "Client" }).locator("option:checked")).toHaveText("Alex (Product Designer)");
  await expect(preview).toContainText("Session 14 of 24");
  await expect(preview).toContainText("31 Jul 2025");
  await expect(preview).toContainText("10:00–10:31 (31 min)");
  await expect(preview).toContainText("Dr. Harper Torres, Licensed Clinical Psychologist");
  const segments = page.getByRole("region", { name: "Transcript" });
  await expect(segments.locator(".segment h3")).toHaveText(["10:00", "10:10", "10:20", "10:30", "10:31"]);
  await expect(segments.locator(".turn.clinician").first()).toContainText("Dr. Torres: Hi Alex, good to see you again.");
  await expect(segments.locator(".turn.client").first()).toContainText("Alex: Hey, Dr. Torres.");

  const suggestions = page.getByRole("region", { name: "Suggestions" });
  await expect(suggestions.getByRole("checkbox", { name: /cognitive restructuring/ })).not.toBeChecked();
  await suggestions.getByRole("button", { name: "Accept all" }).click();
  await expect(suggestions.getByRole("checkbox", { name: /grounding exercise/ })).toBeChecked();
  // One suggestion rejected by hand after accepting all.
  await suggestions.getByRole("checkbox", { name: /^sleep hygiene/ }).uncheck();
  // The button sits far down the long preview; the new session opens at its top.
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Create session" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Alex (Product Designer)" })).toBeVisible();
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // The transcript gave the date and times, so the header opens folded.
  await page.getByRole("group", { name: "Session details" }).getByText("Details", { exact: true }).click();
  await expect(field(page, "Date")).toHaveValue("2025-07-31");
  await expect(field(page, "Start")).toHaveValue("10:00");
  await expect(field(page, "End")).toHaveValue("10:31");
  await expect(page.getByText("31 min")).toBeVisible();
  const interventions = page.getByRole("list", { name: "Chosen interventions" });
  await expect(interventions).toContainText("cognitive restructuring");
  await expect(interventions).toContainText("grounding exercise (5-4-3-2-1)");
  await expect(interventions).not.toContainText("sleep hygiene");
  await expect(page.getByRole("list", { name: "Chosen themes" })).toContainText("perfectionism");
  const tasks = page.getByRole("list", { name: "Homework agreed" }).getByRole("textbox", { name: "Task", exact: true });
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(0)).toHaveValue(/lead a team meeting/);
  await expect(tasks.nth(1)).toHaveValue(/Reflect on any thoughts or feelings that come up when you try to lead or speak up/);
  await expect(page.getByRole("list", { name: "Timeline entries" }).getByRole("listitem")).not.toHaveCount(0);

  // The transcript is kept with the session and can be searched.
  await page.getByText(/^Transcript \(\d+ turns\)$/).click();
  await page.getByRole("searchbox", { name: "Find in transcript" }).fill("plant");
  const turns = page.locator(".transcript-panel .turn");
  await expect(turns).toHaveCount(1);
  await expect(turns.first()).toContainText("I see my laptop, a cup of tea, and my plant.");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();
  await expect(tasks).toHaveCount(2);
  await page.getByRole("link", { name: "Alex (Product Designer)" }).click();
  await expect(page.getByRole("link", { name: /Session 14 of 24.*31 Jul 2025 · 10:00–10:31/ })).toBeVisible();
});

test("on an empty roster the transcript's client is proposed as a new client", async ({ page }) => {
  await page.getByRole("button", { name: "Import transcript" }).click();
  await page.getByLabel("Transcript file").setInputFiles(sample);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("combobox", { name: "Client" })).toHaveValue("new");
  await expect(field(preview, "New client's name or code")).toHaveValue("Alex");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();
  // The transcript gave the date and times, so the header opens folded.
  await page.getByRole("group", { name: "Session details" }).getByText("Details", { exact: true }).click();
  await expect(page.getByText("Dr. Harper Torres, Licensed Clinical Psychologist")).toBeVisible();
  // Nothing accepted: no tags, no homework.
  await expect(page.getByRole("list", { name: "Chosen interventions" }).getByRole("listitem")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Homework agreed" }).getByRole("listitem")).toHaveCount(0);
  await page.getByRole("link", { name: "Alex (Product Designer)" }).click();
  await expect(page.getByRole("spinbutton", { name: "Planned sessions" })).toHaveValue("24");
});

test("pasted text that is not a transcript gets a clear message and nothing is saved", async ({ page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByRole("button", { name: "Import transcript" }).click();
  await field(page, "Transcript text").fill("Shopping list\n\n- milk\n- bread\n\nRemember to call the plumber.");
  await page.getByRole("button", { name: "Read transcript" }).click();
  await expect(page.getByRole("alert")).toContainText("does not look like a session transcript");
  await expect(page.getByRole("button", { name: "Create session" })).toHaveCount(0);
  await field(page, "Transcript text").fill("   \n ");
  await page.getByRole("button", { name: "Read transcript" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test("a pasted transcript with CRLF, 24-hour marks and role labels imports", async ({ page }) => {
  await page.getByRole("button", { name: "Import transcript" }).click();
  const text = [
    "Session 3 of 12",
    "Date: 2025-03-04",
    "Time: 14:05",
    "Client: Mira Okafor (Teacher)",
    "Professional: Sam Lee, LCSW",
    "",
    "[14:05]",
    "Therapist: How did the week go?",
    "",
    "Client: Better — I tried the breathing exercise twice.",
    "",
    "[14:50]",
    "Therapist: For next week, I'd like you to keep a thought record each evening.",
    "(End of session)",
  ].join("\r\n");
  await field(page, "Transcript text").fill(text);
  await page.getByRole("button", { name: "Read transcript" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("Session 3 of 12");
  await expect(preview).toContainText("4 Mar 2025");
  await expect(preview).toContainText("14:05–14:50 (45 min)");
  await page.getByRole("button", { name: "Accept all" }).click();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 3 of 12" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mira Okafor (Teacher)" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Homework agreed" }).getByRole("textbox", { name: "Task", exact: true })).toHaveValue(/thought record/i);
});

test("a client is preselected only on an exact full-name match; otherwise the preview asks", async ({ page }) => {
  await field(page, "Name or code").fill("Alex Kim");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByRole("button", { name: "Import transcript" }).click();
  await page.getByLabel("Transcript file").setInputFiles(sample);
  const preview = page.getByRole("region", { name: "Preview" });
  const client = preview.getByRole("combobox", { name: "Client" });
  await expect(client.locator("option:checked")).toHaveText("Choose the client…");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByText("Choose the client this session belongs to.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Import a transcript" })).toBeVisible();

  await client.selectOption({ label: "Alex Kim" });
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 12" })).toBeVisible();
  await page.getByRole("link", { name: "All clients" }).click();
  await expect(page.getByRole("link", { name: /^Alex/ })).toHaveCount(1);
});

test("the client's words about risk are listed first for review, with their time, and set no risk level", async ({ page }) => {
  await page.getByRole("button", { name: "Import transcript" }).click();
  const text = [
    "Session 2 of 10",
    "Date: 2025-05-06",
    "Time: 09:00",
    "Client: Kai Moreno (Chef)",
    "Professional: Sam Lee, LCSW",
    "",
    "[09:00]",
    "Therapist: How has your mood been?",
    "",
    "Client: Flat. Sometimes I think everyone would be better off without me.",
    "",
    "[09:20]",
    "Therapist: Thank you for telling me. Let's write a safety plan together.",
    "",
    "Client: I don't drink, and I'd never hurt myself.",
    "",
    "[09:30]",
    "Therapist: How do the nights feel?",
    "",
    "Client: Some nights it wouldn't bother me if I didn't wake up.",
  ].join("\n");
  await field(page, "Transcript text").fill(text);
  await page.getByRole("button", { name: "Read transcript" }).click();
  const suggestions = page.getByRole("region", { name: "Suggestions" });
  const risk = suggestions.getByRole("group", { name: "Possible risk: review" });
  // One review per kind, every sentence of it with its time.
  const kinds = risk.locator(":scope > ul > li");
  await expect(kinds).toHaveCount(1);
  await expect(kinds).toContainText("Suicide: “Sometimes I think everyone would be better off without me.” at 09:00");
  await expect(kinds.locator(".risk-more li")).toHaveText(["“Some nights it wouldn't bother me if I didn't wake up.” at 09:30"]);
  // Listed before every other suggestion.
  await expect(suggestions.locator(".suggestion-group").first()).toHaveClass(/risk-review/);
  await expect(suggestions.getByRole("checkbox", { name: /safety planning/ })).toBeVisible();
  await expect(suggestions.getByRole("checkbox", { name: /alcohol use/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Accept all" }).click();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 2 of 10" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Risk", exact: true })).not.toHaveValue(/moderate|high/i);
});

test("a theme of the clinician's own, from an earlier session, is suggested from the client's words", async ({ page }) => {
  await startWithSession(page, "Alex Kim", 12);
  await field(page, "Themes").fill("Caring for mother");
  await field(page, "Themes").press("Enter");
  await expect(page.getByRole("list", { name: "Chosen themes" })).toContainText("Caring for mother");
  await saved(page);

  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByRole("button", { name: "Import transcript" }).click();
  const text = [
    "Session 2 of 12",
    "Date: 2025-03-11",
    "Time: 14:00",
    "Client: Alex Kim",
    "Professional: Sam Lee, LCSW",
    "",
    "[14:00]",
    "Therapist: How was the week?",
    "",
    "Client: Long. Honestly, caring for mother takes every evening now.",
    "",
    "[14:40]",
    "Therapist: We'll pick this up next time.",
  ].join("\n");
  await field(page, "Transcript text").fill(text);
  await page.getByRole("button", { name: "Read transcript" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("combobox", { name: "Client" }).locator("option:checked")).toHaveText("Alex Kim");
  const themes = page.getByRole("region", { name: "Suggestions" }).getByRole("group", { name: "Themes" });
  const own = themes.getByRole("checkbox", { name: "Caring for mother — “caring for mother”" });
  await expect(own).not.toBeChecked();
  await own.check();
  await page.getByRole("button", { name: "Create session" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Session 2 of 12" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Chosen themes" }).getByRole("listitem")).toHaveText([/^Caring for mother/]);
});

test("a motivational interview about drinking shows how the clinician talked and puts the drinking first", async ({ page }) => {
  const interview = fileURLToPath(new URL("../fixtures/labelled/dev/mi-alcohol-pints.txt", import.meta.url));
  await page.getByRole("button", { name: "Import transcript" }).click();
  await page.getByLabel("Transcript file").setInputFiles(interview);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Session 3 of 8");

  const suggestions = page.getByRole("region", { name: "Suggestions" });
  // Never named by the counsellor: seen in the reflections, questions and summaries.
  const mi = suggestions.getByRole("checkbox", {
    name: /^motivational interviewing — \d+ reflections, \d+ open questions, \d+ summar(y|ies)$/,
  });
  await expect(mi).toBeVisible();
  await expect(mi).not.toBeChecked();
  const examples = suggestions.getByRole("list", { name: "Examples for motivational interviewing" }).getByRole("listitem");
  await expect(examples).toHaveCount(2);
  for (const example of await examples.allTextContents()) {
    // Each example is a sentence the counsellor said, quoted.
    expect(example).toMatch(/^“.+”$/);
    await expect(page.getByRole("region", { name: "Transcript" }).locator(".turn.clinician", { hasText: example.slice(1, -1) })).not.toHaveCount(0);
  }

  // Gary speaks of pints, cans and the pub, never of "alcohol": it is still the main topic.
  const themes = suggestions.getByRole("group", { name: "Themes" }).getByRole("checkbox");
  await expect(themes.first()).toHaveAccessibleName(/^alcohol use — /);

  await mi.check();
  await themes.first().check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 3 of 8" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Chosen interventions" })).toContainText("motivational interviewing");
  await expect(page.getByRole("list", { name: "Chosen themes" })).toContainText("alcohol use");
});
