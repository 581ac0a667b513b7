import { test, expect } from "@playwright/test";
import { askForLock, field, saved, startEmpty } from "./helpers.mjs";

const sizes = [
  { name: "tablet-portrait", width: 768, height: 1024 },
  { name: "tablet-landscape", width: 1024, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

/** Every control a finger must hit, with its size, where it is under 44×44. */
const tooSmall = (page) =>
  page.evaluate(() => {
    const selector = [
      "button",
      "select",
      "textarea",
      "input:not([type=checkbox]):not([type=radio])",
      ".crumbs a",
      "a.card-main",
      "a.brand",
      "a.button-link",
      "label.chip-radio",
      "label.suggestion",
      "label.check",
      "details > summary",
    ].join(", ");
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter((el) => !el.closest(".chip-radio") || el.matches("label.chip-radio"))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { el: el.outerHTML.slice(0, 80), w: Math.round(r.width), h: Math.round(r.height) };
      })
      .filter(({ w, h }) => w < 44 || h < 43.5);
  });

const sideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function workspace(page) {
  await startEmpty(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.getByRole("link", { name: /Alex/ }).click();
  const client = page.url();
  await page.getByRole("link", { name: /Session 13 of 24/ }).click();
  return { client, session: page.url() };
}

for (const size of sizes) {
  test(`touch-sized controls, no sideways scroll, stable layout at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const { client, session } = await workspace(page);
    // A homework assignment and a review make every kind of control appear.
    await page.getByRole("button", { name: "Add homework" }).click();
    await page.getByRole("textbox", { name: "Task", exact: true }).last().fill("Evening walk");
    await page.goto(client);
    await page.getByRole("button", { name: "New session" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();

    for (const url of ["/#/", client, session, page.url(), client.replace(/#.*/, "") + "#/import"]) {
      await page.goto(url);
      await page.reload();
      await expect(page.locator("main h1")).toBeVisible();
      for (const d of await page.locator("details").all()) await d.evaluate((el) => (el.open = true));
      expect(await tooSmall(page), url).toEqual([]);
      expect(await sideways(page), url).toBe(0);
    }
    await page.goto(client + "/homework");
    await expect(page.locator("main h1")).toHaveText("Homework — Alex");
    expect(await tooSmall(page)).toEqual([]);
    expect(await sideways(page)).toBe(0);

    // Baselines: the client page and a finished session from the sample.
    await page.goto(client);
    await page.reload();
    await expect(page.getByRole("link", { name: /Session 13 of 24/ })).toBeVisible();
    await expect(page).toHaveScreenshot(`${size.name}-client.png`, { fullPage: true });
    await page.goto(session);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Session 13 of 24" })).toBeVisible();
    await expect(page).toHaveScreenshot(`${size.name}-session.png`, { fullPage: true });
  });
}

test("no sideways scroll at 360 px on any screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const { client, session } = await workspace(page);
  for (const url of ["/#/", client, session, client + "/homework", "/#/import"]) {
    await page.goto(url);
    await expect(page.locator("main h1")).toBeVisible();
    expect(await sideways(page), url).toBe(0);
  }
});

test("with the on-screen keyboard up, the capture line and the review checklist stay reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { client } = await workspace(page);
  await page.getByRole("button", { name: "Add homework" }).click();
  await page.getByRole("textbox", { name: "Task", exact: true }).last().fill("Evening walk");
  await page.goto(client);
  await page.getByRole("button", { name: "New session" }).click();
  // A phone keyboard leaves about half the screen.
  await page.setViewportSize({ width: 390, height: 420 });
  const barBottom = await page.locator(".app-bar").evaluate((el) => el.getBoundingClientRect().bottom);
  const inView = async (locator) => {
    await locator.focus();
    const box = await locator.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(barBottom);
    expect(box.y + box.height).toBeLessThanOrEqual(420);
  };
  await inView(page.getByRole("textbox", { name: "Capture", exact: true }));
  await page.keyboard.type("Typed with the keyboard up");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Entry at", { exact: false })).toHaveValue("Typed with the keyboard up");
  const review = page.getByRole("list", { name: "Homework to review" });
  await inView(review.getByRole("radio", { name: "Done", exact: true }).first());
  await page.keyboard.press("Space");
  await expect(review.getByText("Closed after this session.").first()).toBeVisible();
});

/** Points of the screen, 60 px apart, where a tap would not meet the open dialog's backdrop. */
const uncovered = (page) =>
  page.evaluate(() => {
    const misses = [];
    for (let x = 5; x < innerWidth; x += 60) {
      for (let y = 5; y < innerHeight; y += 60) {
        if (!document.elementFromPoint(x, y)?.closest(".dialog-backdrop")) misses.push([x, y]);
      }
    }
    return misses;
  });

test("a dialog covers the whole screen, though each panel is painted on its own", async ({ page }) => {
  await page.setViewportSize({ width: 1180, height: 820 });
  await workspace(page);
  await page.getByRole("button", { name: "Delete session" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  expect(await uncovered(page)).toEqual([]);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();

  // The recovery key opens inside "This device", with more of the roster's panels after it.
  await page.getByRole("link", { name: "All clients" }).click();
  await askForLock(page, "correct horse battery");
  await expect(page.getByRole("dialog", { name: "Your recovery key" })).toBeVisible();
  expect(await uncovered(page)).toEqual([]);
});

// Landscape tablets, where the note and its timeline sit side by side.
const landscapes = [
  { width: 1180, height: 820 },
  { width: 1366, height: 1024 },
];

/** At most this share of the screen's height goes to the session's header. */
const HEADER_SHARE = 0.2;

/** Adds a timeline entry stamped `at` through the capture line, as typed in a session. */
async function capture(page, text, at) {
  await field(page, "At").fill(at);
  await field(page, "Capture").fill(text);
  await field(page, "Capture").press("Enter");
}

/**
 * Time fields narrower than their value. Chromium clips a time field's text
 * inside the control, where scrollWidth does not see it, so the field is
 * also measured against the width its value needs (its max-content width).
 */
const clippedTimes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("main input[type=time]")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const width = el.getBoundingClientRect().width;
        const set = el.style.width;
        el.style.width = "max-content";
        const needed = el.getBoundingClientRect().width;
        el.style.width = set;
        return { label: el.labels[0]?.textContent ?? el.ariaLabel, value: el.value, width, needed, sw: el.scrollWidth, cw: el.clientWidth };
      })
      .filter(({ width, needed, sw, cw }) => sw > cw || width + 0.5 < needed),
  );

/** Whether `locator` shows wholly between the bar and the bottom of the screen, uncovered, without scrolling to it. */
const reachable = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const bar = document.querySelector(".app-bar").getBoundingClientRect().bottom;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= bar && r.bottom <= window.innerHeight && (top === el || el.contains(top));
  });

for (const size of landscapes) {
  test.describe(`landscape tablet ${size.width}×${size.height}`, () => {
    // The 12-hour clock is the wider one: "10:02 AM".
    test.use({ locale: "en-US", viewport: size });

    test("the session header takes at most a fifth of the screen and opens its details with one tap", async ({ page }) => {
      await workspace(page);
      const header = page.locator(".session-top");
      const height = await header.evaluate((el) => el.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(size.height * HEADER_SHARE);
      // Folded, it still says when and how.
      const details = page.getByRole("group", { name: "Session details" });
      await expect(details).toContainText(/\d+ \w{3} \d{4} · \d\d:\d\d–\d\d:\d\d \(\d+ min\) · In person/);
      await expect(field(page, "Start")).toBeHidden();

      await details.getByText("Details", { exact: true }).click();
      for (const name of ["Date", "Start", "End"]) await expect(field(page, name)).toBeVisible();
      await expect(page.getByRole("combobox", { name: "Delivery" })).toBeVisible();
      await expect(details).toContainText("Dr. Harper Torres");
      expect(await tooSmall(page)).toEqual([]);
      expect(await clippedTimes(page)).toEqual([]);
      // And by keyboard: the fold is a button that Enter toggles.
      await details.locator("summary").focus();
      await page.keyboard.press("Enter");
      await expect(field(page, "Start")).toBeHidden();

      // A new session opens with its times to fill in showing.
      await page.getByRole("link", { name: "Alex (Product Designer)" }).click();
      await page.getByRole("button", { name: "New session" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Session 14 of 24" })).toBeVisible();
      await expect(field(page, "Start")).toBeVisible();
      await field(page, "Start").fill("10:00");
      await field(page, "End").fill("10:50");
      await field(page, "End").press("Tab");
      // Filling them in folds nothing away under the finger.
      await expect(field(page, "End")).toBeVisible();
      await expect(details).toContainText("10:00–10:50 (50 min)");
    });

    test("every time in the timeline shows in full", async ({ page }) => {
      await workspace(page);
      for (const [text, at] of [
        ["Slept badly before the review", "10:02"],
        ["“It has to be perfect”", "12:47"],
        ["Thought record, worked through", "23:59"],
        ["Breathing practice", "00:00"],
      ]) {
        await capture(page, text, at);
      }
      await field(page, "At").fill("11:11");
      await expect(page.getByRole("list", { name: "Timeline entries" }).locator("input[type=time]")).toHaveCount(4);
      expect(await clippedTimes(page)).toEqual([]);
    });

    test("the capture line stays in reach at the end of a long note and timeline, keyboard up or not", async ({ page }) => {
      await workspace(page);
      for (let i = 0; i < 30; i++) {
        await capture(page, `Point ${i + 1} raised`, `11:${String(i).padStart(2, "0")}`);
      }
      const long = Array.from({ length: 80 }, (_, i) => `Line ${i + 1} of what the client reported.`).join("\n");
      await field(page, "Notes").fill(long);
      await saved(page);

      const line = field(page, "Capture");
      const side = page.locator(".editor-side");
      for (const height of [size.height, Math.round(size.height / 2)]) {
        // Half the height: the on-screen keyboard is up and the page is resized for it.
        await page.setViewportSize({ width: size.width, height });
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await side.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await expect.poll(() => reachable(line), `height ${height}`).toBe(true);
        const scrolled = await page.evaluate(() => window.scrollY);
        const box = await line.boundingBox();
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await expect(line).toBeFocused();
        await page.keyboard.type(`Typed at ${height}`);
        await page.keyboard.press("Enter");
        await expect(page.getByLabel(`Time of “Typed at ${height}”`)).toBeAttached();
        await expect(line).toHaveValue("");
        expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      }
      await expect(page.getByRole("list", { name: "Timeline entries" }).getByRole("listitem")).toHaveCount(32);
    });
  });
}
