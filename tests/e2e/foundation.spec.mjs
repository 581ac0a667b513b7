import { test, expect } from "@playwright/test";
import { fillOriginStorage, startEmpty, storedRecords } from "./helpers.mjs";

test.beforeEach(async ({ page }) => startEmpty(page));

test("add a client and a session, write notes, reload: the text is there", async ({ page }) => {
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("AK-07");
  await page.getByRole("button", { name: "New client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "AK-07" })).toBeVisible();
  await expect(page).toHaveURL(/#\/client\//);

  await page.getByRole("spinbutton", { name: "Planned sessions", exact: true }).fill("12");
  await page.getByRole("spinbutton", { name: "Planned sessions", exact: true }).press("Tab");
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 12" })).toBeVisible();
  await expect(page).toHaveURL(/#\/session\//);

  const notes = page.getByRole("textbox", { name: "Notes", exact: true });
  const words = "Client arrived on time. Discussed sleep — “I slept 6 hours”. Zoë’s homework: done.";
  await notes.click();
  await page.keyboard.type(words);
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");

  await page.getByRole("textbox", { name: "Start", exact: true }).fill("10:00");
  await page.getByRole("textbox", { name: "End", exact: true }).fill("10:31");
  await page.getByRole("textbox", { name: "End", exact: true }).press("Tab");
  await expect(page.getByText("31 min")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Session 1 of 12" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Notes", exact: true })).toHaveValue(words);
  await expect(page.getByText("31 min")).toBeVisible();

  // The client page lists it, numbered and dated.
  await page.getByRole("link", { name: "AK-07" }).click();
  await expect(page.getByRole("link", { name: /Session 1 of 12/ })).toBeVisible();
});

test("an end time before the start is refused with a message", async ({ page }) => {
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Sam");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await page.getByRole("textbox", { name: "Start", exact: true }).fill("10:00");
  await page.getByRole("textbox", { name: "Start", exact: true }).press("Tab");
  await page.getByRole("textbox", { name: "End", exact: true }).fill("09:30");
  await page.getByRole("textbox", { name: "End", exact: true }).press("Tab");
  await expect(page.getByRole("alert")).toHaveText("The end time is before the start time.");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "End", exact: true })).toHaveValue("");
});

test("an empty name and a planned count of 0 are refused", async ({ page }) => {
  await page.getByRole("button", { name: "New client" }).click();
  await expect(page.getByRole("alert")).toHaveText("Enter a name or a client code.");
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Mira");
  await page.getByRole("button", { name: "New client" }).click();
  const planned = page.getByRole("spinbutton", { name: "Planned sessions", exact: true });
  await planned.fill("0");
  await planned.press("Tab");
  await expect(page.getByRole("alert")).toHaveText("Planned sessions must be at least 1.");
  await page.reload();
  await expect(planned).toHaveValue("12");
});

test("rename and archive a client on the roster", async ({ page }) => {
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Client A");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByRole("button", { name: "Rename Client A" }).click();
  await page.getByRole("textbox", { name: "New name or code", exact: true }).fill("Client B");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("link", { name: /Client B/ })).toBeVisible();
  await page.getByRole("button", { name: "Archive Client B" }).click();
  await expect(page.getByRole("link", { name: /Client B/ })).toBeHidden();
  await page.getByRole("checkbox", { name: /Show archived clients \(1\)/ }).check();
  await expect(page.getByRole("link", { name: /Client B.*Archived/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: /Client B/ })).toBeHidden();
});

test("first run offers the sample workspace, loaded without any network request", async ({ page }) => {
  const offOrigin = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1") && !r.url().startsWith("data:")) offOrigin.push(r.url());
  });
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.locator("summary", { hasText: "Your details" })).toContainText("Dr. Harper Torres");
  await page.getByRole("link", { name: /Alex/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex (Product Designer)" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Session 13 of 24/ })).toBeVisible();
  await page.getByRole("button", { name: "New session" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();
  await expect(page.getByText("Dr. Harper Torres, Licensed Clinical Psychologist")).toBeVisible();
  expect(offOrigin).toEqual([]);
});

test("a damaged session record is named, the rest works, and the raw value is kept", async ({ page }) => {
  await page.getByRole("button", { name: "Load sample data" }).click();
  // The sample's code is fetched with the click: wait until it is on the roster.
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
  // Damage session 3; session 13 is used below.
  const { key } = (await storedRecords(page, "/session/")).find(({ record }) => record.number === 3);
  const damaged = '{"number": 3, "notes": "half-written';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, damaged]);
  await page.reload();
  await page.getByRole("link", { name: /Alex/ }).click();

  const banner = page.getByRole("alert", { name: "Problems" });
  await expect(banner).toContainText(`The session record ${key.split("/").pop()} could not be read`);
  await expect(banner).toContainText("left untouched");
  await expect(page.getByText("1 session record(s) could not be read")).toBeVisible();
  await expect(page.getByRole("link", { name: /Session \d+ of 24/ })).toHaveCount(12);

  // The rest works: open another session and write in it.
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  await page.getByRole("textbox", { name: "Notes", exact: true }).fill("Still writing.");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Notes", exact: true })).toHaveValue("Still writing.");

  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(damaged);
});

test("a full store says so and keeps the edit on screen", async ({ page }) => {
  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Q");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await page.getByRole("textbox", { name: "Notes", exact: true }).fill("saved words");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
  // Fill the origin's quota with other keys, leaving no room for a bigger note.
  await page.evaluate(fillOriginStorage);
  // Records are stored compressed, so the new text must be one that does not compress.
  const big = "saved words " + Array.from({ length: 4000 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  await page.getByRole("textbox", { name: "Notes", exact: true }).fill(big);
  await expect(page.getByRole("status", { name: "Save status" })).toContainText("Not saved: Storage is full");
  await expect(page.getByRole("alert", { name: "Problems" })).toContainText("Storage is full");
  await expect(page.getByRole("alert", { name: "Problems" })).toContainText("empty them from Recently deleted");
  await expect(page.getByRole("textbox", { name: "Notes", exact: true })).toHaveValue(big);
  const [{ record }] = await storedRecords(page, "/session/");
  expect(record.note.sections.free).toBe("saved words");
});

test("with storage blocked, a lasting bar says nothing is saved and no edit is ever shown as saved", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // What a browser with site data blocked does: reading localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const statuses = [];
  await page.exposeFunction("__status", (text) => statuses.push(text));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const status = document.querySelector(".save-status");
      if (status) window.__status(status.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto("/");

  const bar = page.getByRole("alert", { name: "Not saving" });
  await expect(bar).toHaveText(
    "Not saving: this browser is not letting Sessionpad store anything (SecurityError: The operation is insecure.). What you type now is lost when this page closes.",
  );
  await expect(bar.getByRole("button")).toHaveCount(0);

  await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("AK-07");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await page.getByRole("textbox", { name: "Notes", exact: true }).fill("Words that cannot be kept.");
  const status = page.getByRole("status", { name: "Save status" });
  await expect(status).toContainText("Not saved: this browser is not letting Sessionpad store anything");
  await expect(page.getByRole("textbox", { name: "Notes", exact: true })).toHaveValue("Words that cannot be kept.");
  await expect(bar).toBeVisible();
  expect(statuses.filter((s) => s.trim() === "Saved")).toEqual([]);
  await context.close();
});
