import { test, expect } from "@playwright/test";
import { field, saved, startEmpty, startWithSession, storedRecords, decodeRecord } from "./helpers.mjs";

const dialog = (page) => page.getByRole("alertdialog");

/** Every stored key of the app that contains `part`. */
const keysWith = (page, part) =>
  page.evaluate((part) => Object.keys(localStorage).filter((k) => k.startsWith("sessionpad/") && k.includes(part)), part);

async function openRecentlyDeleted(page) {
  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByText(/^Recently deleted \(\d+\)$/).click();
}

test("a deleted session waits in Recently deleted and comes back with its text", async ({ page }) => {
  await startWithSession(page, "Alex", 12);
  const words = "Talked through the week — “better than I feared”.";
  await field(page, "Notes").fill(words);
  await saved(page);

  await page.getByRole("button", { name: "Delete session" }).click();
  await expect(dialog(page)).toContainText(/^Delete Session 1 of 12 with Alex \(\d+ \w+ \d{4}\)\? It moves to Recently deleted/);
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toBeHidden();
  await page.getByRole("button", { name: "Delete session" }).click();
  await dialog(page).getByRole("button", { name: "Delete", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Alex" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Session 1 of 12/ })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("link", { name: /Session 1 of 12/ })).toBeHidden();
  // Back to the deleted session: it does not open for typing.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "This session is in Recently deleted" })).toBeVisible();
  await expect(field(page, "Notes")).toBeHidden();

  await openRecentlyDeleted(page);
  await expect(page.getByText(/Session 1 of 12 with Alex .* · Deleted \d+ \w+ \d{4}, \d\d:\d\d/)).toBeVisible();
  await page.getByRole("button", { name: /^Restore Session 1 of 12 with Alex/ }).click();
  await expect(page.getByText(/^Recently deleted/)).toBeHidden();

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 1 of 12/ }).click();
  await expect(field(page, "Notes")).toHaveValue(words);
});

test("a deleted client goes with their sessions and comes back with them", async ({ page }) => {
  await startWithSession(page, "Alex", 12);
  await field(page, "Notes").fill("Kept through deletion.");
  await saved(page);
  await page.getByRole("link", { name: "Alex" }).click();

  await page.getByRole("button", { name: "Delete client" }).click();
  await expect(dialog(page)).toContainText("Delete Alex and their 1 session? They move to Recently deleted");
  await dialog(page).getByRole("button", { name: "Delete", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeHidden();
  await page.getByText("Recently deleted (1)").click();
  await page.getByRole("button", { name: "Restore Alex and their 1 session" }).click();

  await page.getByRole("link", { name: /Alex/ }).click();
  await page.getByRole("link", { name: /Session 1 of 12/ }).click();
  await expect(field(page, "Notes")).toHaveValue("Kept through deletion.");
});

test("deleting for good removes the records from this device", async ({ page }) => {
  await startWithSession(page, "Alex", 12);
  const sessionId = page.url().split("/").pop();
  await page.getByRole("link", { name: "Alex" }).click();
  const clientId = page.url().split("/").pop();
  expect(await keysWith(page, sessionId)).toHaveLength(1);
  expect(await keysWith(page, clientId)).toHaveLength(1);

  await page.getByRole("button", { name: "Delete client" }).click();
  await dialog(page).getByRole("button", { name: "Delete", exact: true }).click();
  // Deleted, not yet for good: the records are still stored.
  expect(await keysWith(page, sessionId)).toHaveLength(1);

  await page.getByText("Recently deleted (1)").click();
  const purge = page.getByRole("button", { name: "Delete Alex and their 1 session for good" });
  await purge.click();
  await expect(dialog(page)).toContainText(
    "Delete Alex and their 1 session for good? This cannot be undone; the room they took is freed.",
  );
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toBeHidden();
  expect(await keysWith(page, sessionId)).toHaveLength(1);
  expect(await keysWith(page, clientId)).toHaveLength(1);

  await purge.click();
  await dialog(page).getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByText(/^Recently deleted/)).toBeHidden();

  expect(await keysWith(page, sessionId)).toEqual([]);
  expect(await keysWith(page, clientId)).toEqual([]);
  const [{ record: index }] = await storedRecords(page, "/index");
  expect(index).toEqual({ clients: [], sessions: [], deleted: [] });
});

test("a session deleted for good in one tab is not written back by another still open on it, which says so", async ({ page, context }) => {
  await startWithSession(page, "Alex", 12);
  const sessionId = page.url().split("/").pop();
  await field(page, "Notes").fill("Old text.");
  await saved(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(field(other, "Notes")).toHaveValue("Old text.");

  await page.getByRole("button", { name: "Delete session" }).click();
  await dialog(page).getByRole("button", { name: "Delete", exact: true }).click();
  await openRecentlyDeleted(page);
  await page.getByRole("button", { name: /^Delete Session 1 of 12 with Alex.* for good$/ }).click();
  await dialog(page).getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByText(/^Recently deleted/)).toBeHidden();

  // The other tab still shows it; what is typed there is not saved, and it says why.
  await field(other, "Notes").press("End");
  await field(other, "Notes").pressSequentially(" New words.");
  await expect(other.getByRole("status", { name: "Save status" })).toContainText("deleted for good");
  expect(await keysWith(other, sessionId)).toEqual([]);
  await page.reload();
  await page.getByRole("link", { name: "Alex" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Session 1 of 12/ })).toHaveCount(0);
});

/** The sample workspace with Alex's client record replaced by garbage. */
async function damagedSampleClient(page) {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  const [{ key }] = await storedRecords(page, "/client/");
  await page.evaluate((k) => localStorage.setItem(k, "{garbage"), key);
  await page.reload();
  return key;
}

test("a damaged client record still shows its sessions, and they open and save", async ({ page }) => {
  const key = await damagedSampleClient(page);
  const id = key.split("/").pop();

  // The roster is not empty: the damaged client is on it.
  await expect(page.getByText(/^No clients yet/)).toBeHidden();
  await page.getByRole("link", { name: `Client record damaged ${id}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Client record damaged" })).toBeVisible();
  await page.getByRole("link", { name: /^Session 13 / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Session 13 of/ })).toBeVisible();
  await field(page, "Notes").fill("Written while the client record was damaged.");
  await saved(page);
  await page.reload();
  await expect(field(page, "Notes")).toHaveValue("Written while the client record was damaged.");

  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe("{garbage");
});

test("the Problems panel lists a damaged record, downloads it raw and removes it", async ({ page }) => {
  const key = await damagedSampleClient(page);
  const what = `Client record ${key.split("/").pop()}`;

  await page.getByText("This device", { exact: true }).click();
  const problems = page.getByRole("region", { name: "Problems" });
  await expect(problems.getByText(what)).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    problems.getByRole("button", { name: `Download raw: ${what}` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`sessionpad-client-${key.split("/").pop()}.txt`);
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(await download.path(), "utf8")).toBe("{garbage");

  await problems.getByRole("button", { name: `Remove ${what}` }).click();
  await expect(dialog(page)).toContainText("Its 13 sessions stay, under a blank client you can rename.");
  await dialog(page).getByRole("button", { name: "Remove", exact: true }).click();
  await expect(problems.getByText("Every record on this device can be read.")).toBeVisible();

  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  expect(JSON.parse(decodeRecord(stored)).name).toBe("Unnamed client");
  await page.getByRole("link", { name: /Unnamed client/ }).click();
  await expect(page.getByRole("link", { name: /Session 13 of/ })).toBeVisible();
});
