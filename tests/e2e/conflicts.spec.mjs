import { test, expect } from "@playwright/test";
import { field, saved, startWithSession, storedRecords } from "./helpers.mjs";

/** Collects uncaught errors in `page`, a panic included; the returned check fails on any. */
function failOnErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return () => expect(errors).toEqual([]);
}

/**
 * Lets a test make `page` stop hearing of other tabs' writes, as a tab that
 * is asleep or busy may: its storage listeners then get nothing.
 */
async function canGoDeaf(page) {
  await page.addInitScript(() => {
    const add = window.addEventListener.bind(window);
    window.addEventListener = (type, listener, options) =>
      add(type, type === "storage" ? (e) => window.deaf || listener(e) : listener, options);
  });
}

async function missStorageEvents(page) {
  await page.evaluate(() => { window.deaf = true; });
}

async function typeAtEnd(page, name, text) {
  await field(page, name).press("End");
  await field(page, name).pressSequentially(text);
}

test("two tabs typing in turn on one session keep both texts, merged side by side", async ({ context }) => {
  const one = await context.newPage();
  const noErrorsInOne = failOnErrors(one);
  await canGoDeaf(one);
  await startWithSession(one);
  await field(one, "Notes").fill("Slept better.");
  await saved(one);
  const two = await context.newPage();
  const noErrorsInTwo = failOnErrors(two);
  await two.goto(one.url());
  await expect(field(two, "Notes")).toHaveValue("Slept better.");

  await missStorageEvents(one);
  await typeAtEnd(two, "Notes", " Fewer nightmares.");
  await saved(two);
  await typeAtEnd(one, "Notes", " Walked daily.");
  const notice = one.getByRole("alert", { name: "Changed in another tab" });
  await expect(notice).toContainText("This session was also changed in another tab or window");
  // Nothing was overwritten: the other tab's words are stored, and this tab's are set aside.
  await expect(field(two, "Notes")).toHaveValue("Slept better. Fewer nightmares.");

  await two.getByRole("link", { name: "Alex" }).click();
  const unresolved = two.getByRole("region", { name: "Unresolved changes from another tab" });
  await expect(unresolved.getByRole("link", { name: "Session 1" })).toBeVisible();

  await notice.getByRole("button", { name: "Show both" }).click();
  await expect(field(one, "Yours: Notes")).toHaveValue("Slept better. Walked daily.");
  await expect(field(one, "Other tab: Notes")).toHaveValue("Slept better. Fewer nightmares.");
  await expect(field(one, "Other tab: Notes")).not.toBeEditable();
  await field(one, "Yours: Notes").fill("Slept better. Fewer nightmares. Walked daily.");
  await notice.getByRole("button", { name: "Keep this" }).click();
  await expect(notice).toBeHidden();
  await expect(field(one, "Notes")).toHaveValue("Slept better. Fewer nightmares. Walked daily.");
  await expect(unresolved).toBeHidden();

  await one.reload();
  await expect(field(one, "Notes")).toHaveValue("Slept better. Fewer nightmares. Walked daily.");
  noErrorsInOne();
  noErrorsInTwo();
});

test("keeping a merge of two tabs keeps the risk notes to merge and the timeline entries the other tab captured", async ({ context }) => {
  const one = await context.newPage();
  await canGoDeaf(one);
  await startWithSession(one);
  await field(one, "Notes").fill("Slept better.");
  await saved(one);
  const two = await context.newPage();
  await two.goto(one.url());
  await expect(field(two, "Notes")).toHaveValue("Slept better.");

  await missStorageEvents(one);
  await field(two, "Risk notes").fill("Passive ideation disclosed; safety plan made.");
  await field(two, "Capture").fill("Says she has stockpiled tablets");
  await field(two, "Capture").press("Enter");
  await saved(two);
  await field(one, "Risk notes").fill("Denies current plan.");
  const notice = one.getByRole("alert", { name: "Changed in another tab" });
  await notice.getByRole("button", { name: "Show both" }).click();
  // The risk notes are offered side by side like every other text.
  await expect(field(one, "Other tab: Risk notes")).toHaveValue("Passive ideation disclosed; safety plan made.");
  await field(one, "Yours: Risk notes").fill("Denies current plan. Passive ideation disclosed; safety plan made.");
  await notice.getByRole("button", { name: "Keep this" }).click();
  await expect(notice).toBeHidden();

  await one.reload();
  await expect(field(one, "Risk notes")).toHaveValue("Denies current plan. Passive ideation disclosed; safety plan made.");
  // What only the other tab captured is kept too.
  await expect(one.getByRole("list", { name: "Timeline entries" }).getByRole("textbox", { name: /^Entry at/ })).toHaveValue(
    "Says she has stockpiled tablets",
  );
});

test("goals, the clinician's details and the capture line are stored while typing, before the field is left", async ({ page }) => {
  await startWithSession(page);
  await field(page, "Capture").pressSequentially("Mentions a new job");
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(field(page, "Capture")).toHaveValue("Mentions a new job");

  await page.getByRole("link", { name: "Alex" }).click();
  await field(page, "Treatment goals").click();
  await field(page, "Treatment goals").pressSequentially("Sleep before midnight");
  await page.waitForTimeout(1000);
  await expect(field(page, "Treatment goals")).toBeFocused();
  const [client] = await storedRecords(page, "/client/");
  expect(client.record.course.goals).toBe("Sleep before midnight");

  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByText("Your details").click();
  await field(page, "Your name").pressSequentially("Dr. Lee");
  await page.waitForTimeout(1000);
  await expect(field(page, "Your name")).toBeFocused();
  const [clinician] = await storedRecords(page, "/clinician");
  expect(clinician.record.name).toBe("Dr. Lee");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
});

test("closing a second tab, typing in turn in two tabs and leaving the session never crashes", async ({ context }) => {
  const one = await context.newPage();
  const noErrorsInOne = failOnErrors(one);
  await startWithSession(one);
  await one.getByRole("link", { name: "Alex" }).click();
  await field(one, "Treatment goals").fill("Sleep before midnight");
  const other = await context.newPage();
  const noErrorsInOther = failOnErrors(other);
  await other.goto(one.url());
  await expect(field(other, "Treatment goals")).toHaveValue("Sleep before midnight");
  await other.close();
  noErrorsInOther();

  await one.getByRole("link", { name: /Session 1 of 24/ }).click();
  await field(one, "Notes").fill("Tab one.");
  await saved(one);
  const two = await context.newPage();
  const noErrorsInTwo = failOnErrors(two);
  await two.goto(one.url());
  await expect(field(two, "Notes")).toHaveValue("Tab one.");
  await typeAtEnd(two, "Notes", " Tab two.");
  await saved(two);
  await expect(field(one, "Notes")).toHaveValue("Tab one. Tab two.");
  await typeAtEnd(one, "Notes", " Again.");
  await saved(one);
  await expect(field(two, "Notes")).toHaveValue("Tab one. Tab two. Again.");

  // Left while a changed field still has focus (the Back button, a keyboard
  // shortcut): its `change` event fires as the page is taken down.
  await field(one, "Capture").fill("An entry");
  await field(one, "Capture").press("Enter");
  await one.getByRole("textbox", { name: /^Entry at/ }).fill("An entry, edited");
  await one.evaluate(() => { location.hash = "#/"; });
  await expect(one.getByRole("link", { name: /Alex/ })).toBeVisible();
  await one.waitForTimeout(300);
  noErrorsInOne();
  noErrorsInTwo();
});
