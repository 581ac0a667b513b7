import { expect, test } from "@playwright/test";
import { axeViolations, field, startEmpty, startWithSession, storedRecords, turnOnLock } from "./helpers.mjs";

const PIN = "2468";

/** "Hand to client" from the open session: sets the PIN first when asked, then hands over `measures`. */
async function handOver(page, measures, { pin = PIN } = {}) {
  await page.getByRole("button", { name: "Hand to client" }).click();
  const dialog = page.getByRole("dialog", { name: "Hand to client" });
  if (pin && (await dialog.getByText("First set a PIN").count())) {
    await field(dialog, "New PIN").fill(pin);
    await field(dialog, "PIN again").fill(pin);
    await dialog.getByRole("button", { name: "Set PIN" }).click();
  }
  for (const name of measures) await dialog.getByRole("checkbox", { name: new RegExp(`^${name} —`) }).check();
  await dialog.getByRole("button", { name: "Hand to client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Questionnaire" })).toBeVisible();
}

/** Answers the item on screen with `label`, checking which item it is. */
async function answer(page, item, label) {
  await expect(page.locator("legend.item-text")).toHaveText(item);
  await page.getByRole("button", { name: label, exact: true }).click();
}

/** What a client must never see while holding the tablet. */
async function seesNoRecord(page, name = "Alex") {
  await expect(page).toHaveTitle("Questionnaire");
  await expect(page.locator(".app-bar")).toHaveCount(0);
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Session \d+ of/ })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe("");
}

/** A new session open with the lock turned on under `passphrase`; returns the recovery key. */
async function lockedSession(page, passphrase) {
  await startWithSession(page);
  const session = page.url();
  await page.getByRole("link", { name: "Sessionpad" }).click();
  const recovery = await turnOnLock(page, passphrase);
  await page.goto(session);
  return recovery;
}

async function handBack(page, secret) {
  if (await page.getByRole("button", { name: "Hand back (clinician)" }).count()) {
    await page.getByRole("button", { name: "Hand back (clinician)" }).click();
  }
  const form = page.locator("form.hand-back");
  await form.getByLabel(/^(PIN|Passphrase)$/).fill(secret);
  await form.getByRole("button", { name: "Hand back", exact: true }).click();
}

const PHQ9 = [
  "Little interest or pleasure in doing things",
  "Feeling down, depressed, or hopeless",
  "Trouble falling or staying asleep, or sleeping too much",
  "Feeling tired or having little energy",
  "Poor appetite or overeating",
  /^Feeling bad about yourself/,
  /^Trouble concentrating on things/,
  /^Moving or speaking so slowly/,
  "Thoughts that you would be better off dead or of hurting yourself in some way",
  /^If you checked off any problems, how difficult/,
];
const GAD7 = [
  "Feeling nervous, anxious, or on edge",
  "Not being able to stop or control worrying",
  "Worrying too much about different things",
  "Trouble relaxing",
  "Being so restless that it is hard to sit still",
  "Becoming easily annoyed or irritable",
  "Feeling afraid as if something awful might happen",
  /^If you checked off any problems, how difficult/,
];

test("a client answers a PHQ-9 and a GAD-7 one item per screen with Back, and the PIN takes the tablet back, slowed when wrong even after a reload", async ({ page }) => {
  await startWithSession(page);
  await handOver(page, ["PHQ-9", "GAD-7"]);
  await seesNoRecord(page);
  await expect(page.getByText("There are 18 questions in 2 parts.")).toBeVisible();
  await page.getByRole("button", { name: "One question at a time" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Patient Health Questionnaire-9 (PHQ-9)");
  await expect(page.getByText("Over the last 2 weeks, how often have you been bothered by any of the following problems?")).toBeVisible();
  await expect(page.getByText("Question 1 of 18")).toBeVisible();
  await expect(page.getByText(/No permission required to reproduce, translate, display or distribute\./)).toBeVisible();
  await answer(page, PHQ9[0], "Several days");
  await expect(page.getByText("Question 2 of 18")).toBeVisible();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await expect(page.getByRole("button", { name: "Several days", exact: true })).toHaveAttribute("aria-pressed", "true");
  await answer(page, PHQ9[0], "More than half the days");
  // PHQ-9: 2 + 1·7 + 0 (item 9) = 9; GAD-7: 7 × 1 = 7.
  for (const item of PHQ9.slice(1, 8)) await answer(page, item, "Several days");
  await answer(page, PHQ9[8], "Not at all");
  await answer(page, PHQ9[9], "Somewhat difficult");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Generalized Anxiety Disorder 7-item scale (GAD-7)");
  await expect(page.getByText("Question 11 of 18")).toBeVisible();
  for (const item of GAD7.slice(0, 7)) await answer(page, item, "Several days");
  await answer(page, GAD7[7], "Not difficult at all");

  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await seesNoRecord(page);

  // Five wrong PINs, then each try waits; a reload keeps the wait and the questionnaire.
  await page.getByRole("button", { name: "Hand back (clinician)" }).click();
  for (let i = 0; i < 5; i++) {
    await handBack(page, "1111");
    await expect(page.getByText("That is not the PIN.")).toBeVisible();
  }
  await expect(page.getByText(/Too many tries\. Wait 5 s, then try again\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Hand back", exact: true })).toBeDisabled();
  await page.reload();
  await seesNoRecord(page);
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await page.getByRole("button", { name: "Hand back (clinician)" }).click();
  await expect(page.getByRole("button", { name: "Hand back", exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Hand back", exact: true })).toBeEnabled({ timeout: 10_000 });
  await handBack(page, PIN);

  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await expect(page).toHaveTitle("Sessionpad");
  // The totals the model works out from the client's answers.
  await expect(field(page, "PHQ-9")).toHaveValue("9");
  await expect(field(page, "GAD-7")).toHaveValue("7");
  const [session] = await storedRecords(page, "/session/");
  const kept = session.record.measures.map((m) => [m.measure, m.answered.by, m.answered.values]);
  expect(kept).toEqual([
    ["phq9", "client", [2, 1, 1, 1, 1, 1, 1, 1, 0, 1]],
    ["gad7", "client", [1, 1, 1, 1, 1, 1, 1, 0]],
  ]);
  expect(await storedRecords(page, "handover")).toEqual([]);
});

test("a client trying Back, a reload, another record's address, a second tab and the search key never reaches a record", async ({ page, context }) => {
  await startWithSession(page, "Robin Marsh");
  await page.getByRole("link", { name: "Robin Marsh" }).click();
  const clientAddress = page.url();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await handOver(page, ["GAD-7"]);
  await page.getByRole("button", { name: "All questions on one page" }).click();
  await expect(page.getByText("Part 1 of 1")).toBeVisible();
  await page.getByRole("group", { name: "1. Feeling nervous, anxious, or on edge" }).getByLabel("Nearly every day").check();

  await page.goBack();
  await seesNoRecord(page, "Robin");
  await page.goBack();
  await seesNoRecord(page, "Robin");
  await page.goto(clientAddress);
  await seesNoRecord(page, "Robin");
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  await seesNoRecord(page, "Robin");
  await page.reload();
  await seesNoRecord(page, "Robin");
  // The answer and the page chosen survive the reload.
  await expect(page.getByRole("group", { name: "1. Feeling nervous, anxious, or on edge" }).getByLabel("Nearly every day")).toBeChecked();

  const other = await context.newPage();
  await other.goto(clientAddress);
  await seesNoRecord(other, "Robin");
  await other.close();

  await handBack(page, PIN);
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
});

test("with the lock on, a reload goes to the locked screen and only the passphrase or the recovery key takes the tablet back", async ({ page }) => {
  test.setTimeout(120_000);
  const passphrase = "cobalt lantern orchard mosaic";
  const recovery = await lockedSession(page, passphrase);
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await handOver(page, ["PHQ-9"], { pin: null });
  await page.getByRole("button", { name: "One question at a time" }).click();
  await answer(page, PHQ9[0], "Nearly every day");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Sessionpad is locked" })).toBeVisible();
  await field(page, "Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
  // Unlocked, the tablet is still the questionnaire, where the client was.
  await expect(page.getByText("Question 2 of 10")).toBeVisible();
  await seesNoRecord(page);

  await page.getByRole("button", { name: "Hand back (clinician)" }).click();
  await expect(page.getByText("For your clinician: your passphrase, or your recovery key, takes the tablet back.")).toBeVisible();
  await handBack(page, "not the passphrase");
  await expect(page.getByText("That is not the passphrase.")).toBeVisible();
  await seesNoRecord(page);
  // A clinician who has forgotten the passphrase unlocks with the recovery key, and hands back with it.
  await handBack(page, recovery);
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
});

test("PHQ-9 item 9 answered above 0 is the first thing the clinician sees, after a reload too, and the client saw nothing of it", async ({ page }) => {
  await startWithSession(page);
  await handOver(page, ["PHQ-9"]);
  await page.getByRole("button", { name: "All questions on one page" }).click();
  const groups = page.getByRole("group");
  for (let i = 0; i < 9; i++) await groups.nth(i).getByLabel(i === 8 ? "More than half the days" : "Several days", { exact: true }).check();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await expect(page.getByText(/risk|review/i)).toHaveCount(0);

  await handBack(page, PIN);
  const notice = page.getByRole("alert");
  await expect(notice.getByRole("heading", { level: 1 })).toHaveText("Item 9 answered: 2 — review risk");
  await expect(notice).toContainText("Thoughts that you would be better off dead or of hurting yourself in some way");
  await expect(notice).toContainText("More than half the days");
  await expect(page.getByRole("heading", { name: /Session 1 of/ })).toHaveCount(0);
  // A reload before the clinician has seen it shows it again, and only it.
  await page.reload();
  await expect(notice.getByRole("heading", { level: 1 })).toHaveText("Item 9 answered: 2 — review risk");
  await expect(page.getByRole("heading", { name: /Session 1 of/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Open the session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await expect(page.getByText("Item 9 answered")).toHaveCount(0);
});

test("answers given in one tab are taken back in another, and the risk they raise waits in every tab until the clinician has seen it", async ({ page, context }) => {
  test.setTimeout(120_000);
  await startWithSession(page);
  // The installed app beside a browser tab: both turn into the questionnaire.
  const other = await context.newPage();
  await other.goto("/");
  await expect(other.getByRole("link", { name: "Alex" })).toBeVisible();
  await handOver(page, ["PHQ-9"]);
  await expect(other.getByRole("heading", { level: 1, name: "Questionnaire" })).toBeVisible();
  await page.getByRole("button", { name: "All questions on one page" }).click();
  const groups = page.getByRole("group");
  for (let i = 0; i < 9; i++) await groups.nth(i).getByLabel(i === 8 ? "More than half the days" : "Nearly every day", { exact: true }).check();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();

  // Taken back in the other tab: the answers and the risk are there, in both tabs.
  await handBack(other, PIN);
  for (const tab of [other, page]) {
    await expect(tab.getByRole("alert").getByRole("heading", { level: 1 })).toHaveText("Item 9 answered: 2 — review risk");
  }
  const [session] = await storedRecords(page, "/session/");
  expect(session.record.measures.map((m) => [m.measure, m.answered.by, m.answered.values.slice(0, 9)])).toEqual([
    ["phq9", "client", [3, 3, 3, 3, 3, 3, 3, 3, 2]],
  ]);

  // Seen in one tab, it is gone from both; the next client's questionnaire shows nothing of it, after a reload too.
  await other.getByRole("button", { name: "Open the session" }).click();
  await expect(page.getByText("Item 9 answered")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  await handOver(page, ["GAD-7"]);
  for (const tab of [page, other]) {
    await expect(tab.getByRole("heading", { level: 1, name: "Questionnaire" })).toBeVisible();
    await expect(tab.getByText("Item 9 answered")).toHaveCount(0);
  }
  await other.reload();
  await expect(other.getByRole("heading", { level: 1, name: "Questionnaire" })).toBeVisible();
  await expect(other.getByText("Item 9 answered")).toHaveCount(0);
});

test("a measure the session already holds is not offered to the client, whose answers would replace it", async ({ page }) => {
  await startWithSession(page);
  // Entered by the clinician from the paper form.
  await field(page, "GAD-7").fill("15");
  await field(page, "GAD-7").press("Tab");
  await page.getByRole("button", { name: "Hand to client" }).click();
  const dialog = page.getByRole("dialog", { name: "Hand to client" });
  if (await dialog.getByText("First set a PIN").count()) {
    await field(dialog, "New PIN").fill(PIN);
    await field(dialog, "PIN again").fill(PIN);
    await dialog.getByRole("button", { name: "Set PIN" }).click();
  }
  const gad7 = dialog.getByRole("checkbox", { name: /^GAD-7 —/ });
  await expect(gad7).toBeDisabled();
  await expect(dialog).toContainText("already in this session: remove it there first to have the client fill it in");
  await expect(dialog.getByRole("checkbox", { name: /^PHQ-9 —/ })).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(field(page, "GAD-7")).toHaveValue("15");
});

test("axe-core finds no violation in the client's questionnaire, light or dark", async ({ page }) => {
  await startWithSession(page);
  await handOver(page, ["PHQ-9", "AUDIT"]);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `choice of pace, ${colorScheme}`).toEqual([]);
  }
  await page.getByRole("button", { name: "One question at a time" }).click();
  await answer(page, PHQ9[0], "Several days");
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `one item, ${colorScheme}`).toEqual([]);
  }
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await page.getByRole("button", { name: "Back", exact: true }).click();
  await page.getByRole("button", { name: "All questions on one page" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/\(AUDIT\)$/);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `whole form, ${colorScheme}`).toEqual([]);
  }
  await page.getByRole("button", { name: "Finish" }).click();
  await page.getByRole("button", { name: "Hand back (clinician)" }).click();
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `thank-you and hand back, ${colorScheme}`).toEqual([]);
  }
});

test("a measure of the clinician's own is handed to the client like a published one", async ({ page }) => {
  await startEmpty(page);
  await page.locator("summary", { hasText: "Your details" }).click();
  const own = page.getByRole("region", { name: "Your measures" });
  await own.getByRole("textbox", { name: "Measure name" }).fill("Sleep check");
  await own.getByRole("textbox", { name: "Items, one per line" }).fill("I fell asleep easily\nI woke in the night");
  await own.getByRole("checkbox", { name: "1. I fell asleep easily" }).check();
  await own.getByRole("textbox", { name: /^Answers, one per line/ }).fill("0 Never\n1 Sometimes\n2 Often");
  await own.getByRole("textbox", { name: /^Bands, one per line/ }).fill("0–1 Good\n2–4 Poor");
  await own.getByRole("button", { name: "Add measure" }).click();
  await expect(own.getByRole("listitem")).toHaveText(["Sleep check (2 items)Change Sleep checkRetire Sleep check"]);
  await field(page, "Name or code").fill("Alex");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();

  await handOver(page, ["Sleep check"]);
  await page.getByRole("button", { name: "One question at a time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sleep check");
  await answer(page, "I fell asleep easily", "Often");
  await answer(page, "I woke in the night", "Often");
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await handBack(page, PIN);

  await expect(page.getByRole("heading", { level: 1, name: /^Session 1 of/ })).toBeVisible();
  const [session] = await storedRecords(page, "/session/");
  // Kept as given: item 1 is scored in reverse only when totalled.
  expect(session.record.measures.map((m) => [m.answered.by, m.answered.values])).toEqual([["client", [2, 2]]]);
  expect(session.record.measures[0].measure).not.toMatch(/^(phq9|gad7|pcl5|audit|anxiety|mood)$/);
});

test("a client completes the PCL-5 one item per screen, the passphrase takes the tablet back, and the session and chart show its total and clusters", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const passphrase = "cobalt lantern orchard mosaic";
  await lockedSession(page, passphrase);
  await handOver(page, ["PCL-5"], { pin: null });
  await page.getByRole("button", { name: "One question at a time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("PTSD Checklist for DSM-5 (PCL-5)");
  // Clusters B (items 1–5) Moderately, C (6–7) A little bit, D (8–14) Quite a bit, E (15–20) Not at all.
  const answerOf = (n) => (n <= 5 ? "Moderately" : n <= 7 ? "A little bit" : n <= 14 ? "Quite a bit" : "Not at all");
  for (let n = 1; n <= 20; n++) {
    await expect(page.getByText(`Question ${n} of 20`)).toBeVisible();
    if (n === 10) {
      // Halfway, the client tries the browser's Back and the search key: still the questionnaire.
      await page.goBack().catch(() => {});
      await page.keyboard.press("/");
      await seesNoRecord(page);
      await expect(page.getByText(`Question ${n} of 20`)).toBeVisible();
    }
    await page.getByRole("button", { name: answerOf(n), exact: true }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "Thank you" })).toBeVisible();
  await handBack(page, passphrase);

  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 24" })).toBeVisible();
  // 5·2 + 2·1 + 7·3 + 6·0 = 33, the cut-point.
  const pcl5 = page.locator(".measure").filter({ hasText: "PCL-5" });
  await expect(pcl5.locator(".measure-total")).toContainText("33 of 80");
  await expect(pcl5.locator(".subscales li")).toHaveText([
    "Intrusion (cluster B): 10",
    "Avoidance (cluster C): 2",
    "Negative alterations in cognitions and mood (cluster D): 21",
    "Alterations in arousal and reactivity (cluster E): 0",
  ]);
  await page.getByRole("link", { name: "Alex" }).first().click();
  await expect(page.getByRole("img", { name: /PCL-5/ })).toHaveAccessibleDescription(/33/);
});
