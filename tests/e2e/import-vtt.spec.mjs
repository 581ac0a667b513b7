import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { field, startEmpty } from "./helpers.mjs";

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

test.beforeEach(async ({ page }) => startEmpty(page));

test("a Zoom transcript becomes a timed session for the client, once the clinician says who they are and when it started", async ({ page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("button", { name: "Import transcript" }).click();
  // Named as a clinician might save it: client, date and session number in the name.
  await page.getByLabel("Transcript file").setInputFiles({
    name: "Alex 2025-08-07 session 15.vtt",
    mimeType: "text/vtt",
    buffer: fixture("telehealth-zoom.vtt"),
  });

  const preview = page.getByRole("region", { name: "Preview" });
  const me = preview.getByRole("combobox", { name: "Which speaker is you?" });
  // "Dr. Harper Torres" under Your details is the speaker "Harper Torres".
  await expect(me.locator("option:checked")).toHaveText("Harper Torres");
  await expect(me.locator("option:not([disabled])")).toHaveText(["Harper Torres", "Alex"]);
  await expect(preview.getByRole("combobox", { name: "Client" }).locator("option:checked")).toHaveText("Alex (Product Designer)");
  await expect(preview).toContainText("Session 15 of 24");
  await expect(preview.getByLabel("Date", { exact: true })).toHaveValue("2025-08-07");
  await expect(preview.getByRole("spinbutton", { name: "Session number" })).toHaveValue("15");
  await expect(preview).toContainText("Enter the start time (50 min)");

  // Choosing the other speaker swaps the roles; choosing back restores them.
  await me.selectOption("Alex");
  const segments = page.getByRole("region", { name: "Transcript" });
  await expect(segments.locator(".turn.client").first()).toContainText("Harper Torres: Hi Alex");
  await me.selectOption("Harper Torres");
  await expect(segments.locator(".turn.clinician").first()).toContainText("Harper Torres: Hi Alex");
  await expect(segments.locator(".turn.client").first()).toContainText("Alex: Yes, I can hear you.");

  // Without a start time the session is not created.
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByText("Enter the time the session started")).toBeVisible();
  await preview.getByLabel("Start time", { exact: true }).fill("16:00");
  await expect(preview).toContainText("16:00–16:50 (50 min)");
  await expect(segments.locator(".segment h3").first()).toHaveText("16:00");
  await expect(segments.locator(".segment h3").last()).toHaveText("16:49");

  const suggestions = page.getByRole("region", { name: "Suggestions" });
  await expect(suggestions.getByRole("checkbox", { name: /behavioural activation/ })).toBeVisible();
  await expect(suggestions.getByRole("checkbox", { name: /cognitive restructuring/ })).toBeVisible();
  await expect(suggestions.getByRole("checkbox", { name: /call (your|my) sister/i }).first()).toBeVisible();
  await suggestions.getByRole("button", { name: "Accept all" }).click();
  await page.getByRole("button", { name: "Create session" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Session 15 of 24" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Alex (Product Designer)" })).toBeVisible();
  // The recording gave the date and times, so the header opens folded.
  await page.getByRole("group", { name: "Session details" }).getByText("Details", { exact: true }).click();
  await expect(field(page, "Date")).toHaveValue("2025-08-07");
  await expect(field(page, "Start")).toHaveValue("16:00");
  await expect(field(page, "End")).toHaveValue("16:50");
  await expect(page.getByText("50 min")).toBeVisible();
  await expect(page.getByRole("list", { name: "Chosen interventions" })).toContainText("behavioural activation");
  await expect(page.getByRole("list", { name: "Homework agreed" }).getByRole("textbox", { name: "Task", exact: true }).first()).toHaveValue(/call (your|my) sister/i);
  // Timeline entries sit at the minute of the recording they were said in, on the clock.
  const times = await page.getByRole("list", { name: "Timeline entries" }).locator("input[type=time]").evaluateAll((els) => els.map((e) => e.value));
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) expect(t >= "16:00" && t <= "16:50", t).toBe(true);
  expect(times).toContain("16:41");

  await page.getByText(/^Transcript \(\d+ turns\)$/).click();
  await page.getByRole("searchbox", { name: "Find in transcript" }).fill("sister");
  await expect(page.locator(".transcript-panel .turn").first()).toContainText("Football on Saturday mornings, and calling my sister.");
});

test("caption files that cannot be read are refused with the reason, and nothing is saved", async ({ page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  // The sample is written by code fetched on first use: wait for it before reading storage.
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByRole("button", { name: "Import transcript" }).click();
  const cases = [
    ["empty.vtt", "", "empty"],
    ["cues.vtt", "WEBVTT\n\nNOTE no cues at all\n", "has no cues"],
    ["broken.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:0x:04.000\nAlex: Hi\n", "Line 4 should give a cue’s start and end"],
    ["silent.srt", "1\n00:00:01,000 --> 00:00:04,000\n\n2\n00:00:05,000 --> 00:00:06,000\n", "times but no words"],
    ["recording.vtt", Buffer.from(Array.from({ length: 200 }, (_, i) => i % 32)), "not text"],
    // Refused by its size, before it is read.
    ["huge.vtt", Buffer.alloc(8_000_001, "a"), "longer than this device can keep"],
  ];
  for (const [name, content, says] of cases) {
    await page.getByLabel("Transcript file").setInputFiles({ name, mimeType: "text/vtt", buffer: Buffer.from(content) });
    await expect(page.getByRole("alert")).toContainText(says);
    await expect(page.getByRole("alert")).toContainText("Nothing was imported.");
    await expect(page.getByRole("button", { name: "Create session" })).toHaveCount(0);
  }
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test("Teams voice tags, SRT and text exports read with their speakers; a new client is named from the other speaker", async ({ page }) => {
  await page.getByRole("button", { name: "Import transcript" }).click();
  await page.getByLabel("Transcript file").setInputFiles({ name: "teams.vtt", mimeType: "text/vtt", buffer: fixture("teams.vtt") });
  const preview = page.getByRole("region", { name: "Preview" });
  const me = preview.getByRole("combobox", { name: "Which speaker is you?" });
  await expect(me.locator("option:checked")).toHaveText("Choose your speaker…");
  await me.selectOption("Sam Lee");
  await expect(preview.getByRole("combobox", { name: "Client" })).toHaveValue("new");
  await expect(field(preview, "New client's name or code")).toHaveValue("Mira Okafor");
  await expect(preview).toContainText("(25 min)");

  await page.getByLabel("Transcript file").setInputFiles({ name: "session.srt", mimeType: "application/x-subrip", buffer: fixture("session.srt") });
  await expect(me.locator("option:not([disabled])")).toHaveText(["Speaker 1", "Speaker 2"]);

  await page.getByLabel("Transcript file").setInputFiles({ name: "otter.txt", mimeType: "text/plain", buffer: fixture("otter.txt") });
  await expect(me.locator("option:not([disabled])")).toHaveText(["Dana Whitfield", "Jo Park"]);
  await me.selectOption("Dana Whitfield");
  await preview.getByLabel("Start time", { exact: true }).fill("09:30");
  await expect(preview.getByLabel("Date", { exact: true })).toHaveValue("2025-03-04");
  await expect(preview).toContainText("09:30–10:18 (48 min)");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 12" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jo Park" })).toBeVisible();
  await page.getByRole("group", { name: "Session details" }).getByText("Details", { exact: true }).click();
  await expect(field(page, "Start")).toHaveValue("09:30");
  await expect(field(page, "End")).toHaveValue("10:18");
});
