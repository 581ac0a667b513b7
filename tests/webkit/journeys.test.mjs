// The journeys a clinician takes on an iPad, in WebKit (WebKitGTK's
// MiniBrowser through WebKitWebDriver), against the release build.
// Run: xvfb-run -a -s "-screen 0 1280x1280x24" node --test --test-reporter=spec tests/webkit/journeys.test.mjs
// WEBKIT_DIST names the build folder (default: dist).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { startCouch } from "../e2e/couch.mjs";
import { decodeRecord, fillOriginStorage } from "../e2e/helpers.mjs";
import { Browser, css, label, nth, role, waitFor } from "./driver.mjs";
import { Site } from "./site.mjs";

const transcript = fileURLToPath(new URL("../fixtures/session-14-of-24.txt", import.meta.url));
const PASSPHRASE = "blue heron at dawn";
/** Words of the sample that must never be on the page while locked. */
const SECRETS = ["Alex", "Product Designer", "Harper Torres", "perfectionism"];

const device = css("details", "This device");
const saved = (page) => page.expectText(role("status", "Save status"), /^Saved$/);

/** A fresh browser at `site`, closed when the test ends. */
async function browserAt(t, site) {
  const page = await Browser.start();
  t.after(() => page.close());
  await page.goto(site.origin + "/");
  await page.find(role("heading", "Clients"));
  return page;
}

/** A fresh browser on a fresh server: an origin with no storage and no service worker. */
async function open(t) {
  const site = await Site.start();
  t.after(() => site.stop());
  return { site, page: await browserAt(t, site) };
}

/** Turns on "Lock with passphrase" under "This device", left open; returns the recovery key. */
async function turnOnLock(page) {
  await page.click(css("summary", "This device"));
  await page.type(role("textbox", "Passphrase", device), PASSPHRASE);
  await page.type(role("textbox", "Repeat passphrase", device), PASSPHRASE);
  await page.click(role("checkbox", /I understand Sessionpad cannot recover my notes/, device));
  await page.click(role("button", "Turn on lock", device));
  const dialog = role("dialog", "Your recovery key");
  const recovery = (await page.text(label("Recovery key", dialog))).trim();
  await page.click(role("button", "I have saved it", dialog));
  await page.gone(dialog);
  return recovery;
}

async function loadSample(page) {
  await page.click(role("button", "Load sample data"));
  await page.find(role("link", /Alex/));
}

/** A fresh browser with the sample loaded, on Alex's session 13 (its last, a draft). */
async function sampleSession(t) {
  const { page } = await open(t);
  await loadSample(page);
  await page.click(role("link", /Alex/));
  await page.click(role("link", /Session 13 of 24/));
  await page.find(role("heading", "Session 13 of 24"));
  return page;
}

/** Everything this origin keeps in localStorage, keys sorted. */
const storage = (page) => page.run(() => Object.entries(localStorage).sort(([a], [b]) => a.localeCompare(b)));

/** The session open: the worker controls the page after one reload. */
async function serviceWorkerControls(page) {
  await page.run(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.find(role("heading", "Clients"));
  await waitFor("navigator.serviceWorker.controller after a reload", () =>
    page.run(() => navigator.serviceWorker.controller !== null),
  );
}

test("open the app and load the sample data", async (t) => {
  const { page } = await open(t);
  // Safari keeps script-written data only for a while unless the app is on the Home Screen.
  await page.expectText(role("region", "Keep your notes on this device"), "Add to Home Screen");
  await page.click(role("button", "Load sample data"));
  await page.find(role("link", /Alex/));
  await page.expectText(css("summary", "Your details"), "Dr. Harper Torres");
  await page.click(role("link", /Alex/));
  await page.find(role("heading", "Alex (Product Designer)"));
  await page.find(role("link", /Session 13 of 24/));
});

test("type into a session's note, reload: the words are still there", async (t) => {
  const page = await sampleSession(t);
  const notes = role("textbox", "Notes");
  const before = await page.value(notes);
  const words = " Zoë slept 6 hours — “better than last week”.";
  await page.type(notes, words);
  await page.expectValue(notes, before + words);
  await saved(page);
  await page.reload();
  await page.find(role("heading", "Session 13 of 24"));
  await page.expectValue(notes, before + words);
});

test("the service worker controls the app after a reload", async (t) => {
  const { page, site } = await open(t);
  await serviceWorkerControls(page);
  const script = await page.run(() => navigator.serviceWorker.controller.scriptURL);
  assert.equal(script, `${site.origin}/sw.js`);
  const caches = await page.run(() => globalThis.caches.keys());
  assert.ok(caches.some((k) => k.startsWith("sessionpad-")), `a sessionpad cache, got ${JSON.stringify(caches)}`);
});

test("turn on the lock, lock, unlock with the passphrase", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  assert.match(await turnOnLock(page), /^([0-9a-f]{4}-){7}[0-9a-f]{4}$/);
  for (const [key, value] of await storage(page)) {
    for (const secret of SECRETS) assert.ok(!`${key}${value}`.includes(secret), `"${secret}" stored in clear under ${key}`);
  }

  await page.click(role("button", "Lock"));
  await page.find(role("heading", "Sessionpad is locked"));
  const html = await page.source();
  for (const secret of SECRETS) assert.ok(!html.includes(secret), `"${secret}" on the locked page`);
  assert.equal(await page.title(), "Sessionpad");

  await page.type(role("textbox", "Passphrase"), "blue heron at dusk");
  await page.click(role("button", "Unlock"));
  await page.expectText(role("alert"), "That passphrase does not match.");
  await page.fill(role("textbox", "Passphrase"), PASSPHRASE);
  await page.click(role("button", "Unlock"));
  await page.click(role("link", /Alex/));
  await page.find(role("link", /Session 13 of 24/));
});

test("hand the tablet to the client: an AUDIT one item per screen, Back and a reload stay in it, the PIN hands it back", async (t) => {
  const page = await sampleSession(t);
  await page.click(role("button", "Hand to client"));
  const dialog = role("dialog", "Hand to client");
  await page.type(role("textbox", "New PIN", dialog), "2468");
  await page.type(role("textbox", "PIN again", dialog), "2468");
  await page.click(role("button", "Set PIN", dialog));
  // The sample's session already holds a PHQ-9 and a GAD-7, which are not offered again.
  await page.click(role("checkbox", /^AUDIT —/, dialog));
  await page.click(role("button", "Hand to client", dialog));
  await page.click(role("button", "One question at a time"));
  await page.click(role("button", "Monthly or less"));
  await page.find(css("p", "Question 2 of 10"));

  const private_ = async () => {
    assert.equal(await page.title(), "Questionnaire");
    const html = await page.source();
    for (const secret of SECRETS) assert.ok(!html.includes(secret), `"${secret}" shown to the client`);
    assert.ok(!(await page.url()).includes("#/"), await page.url());
  };
  await private_();
  await page.run(() => history.back());
  await page.find(css("p", "Question 2 of 10"));
  await private_();
  await page.reload();
  await page.find(css("p", "Question 2 of 10"));
  await private_();
  await page.click(role("button", "Back"));
  await page.find(css("p", "Question 1 of 10"));

  await page.click(role("button", "Hand back (clinician)"));
  await page.type(role("textbox", "PIN"), "1357");
  await page.click(role("button", "Hand back"));
  await page.expectText(role("alert"), "That is not the PIN.");
  await page.fill(role("textbox", "PIN"), "2468");
  await page.click(role("button", "Hand back"));
  await page.find(role("heading", "Session 13 of 24"));
  assert.equal(await page.title(), "Sessionpad");
});

test("import the sample transcript and see the imported session", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  await page.click(role("button", "Import transcript"));
  await page.chooseFile(label("Transcript file"), transcript);
  const preview = role("region", "Preview");
  await page.expectText(preview, "Session 14 of 24");
  await page.expectText(preview, "31 Jul 2025");
  await page.expectText(preview, "10:00–10:31 (31 min)");
  await page.click(role("button", "Create session"));
  await page.find(role("heading", "Session 14 of 24"));
  await page.find(role("link", "Alex (Product Designer)"));
  // With both times set, the header opens folded to its one line.
  await page.expectText(css("details.session-header > summary"), "31 Jul 2025 · 10:00–10:31 (31 min)");
  await page.click(css("details.session-header > summary", "Details"));
  await page.expectValue(role("textbox", "Date"), "2025-07-31");
  await page.expectValue(role("textbox", "Start"), "10:00");
  await page.expectValue(role("textbox", "End"), "10:31");
  await page.reload();
  await page.find(role("heading", "Session 14 of 24"));
  await page.click(role("link", "Alex (Product Designer)"));
  await page.find(role("link", /Session 14 of 24.*31 Jul 2025 · 10:00–10:31/));
});

test("back up, clear the browser, restore from the file", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  const complete = (text) => {
    try {
      return JSON.parse(text).header !== undefined;
    } catch {
      return false;
    }
  };
  await page.click(role("button", "Back up", role("region", "Backup")));
  const backup = await page.download(/^sessionpad-backup-\d{4}-\d{2}-\d{2}\.json$/, complete);
  const { header } = JSON.parse(backup.text);
  assert.equal(header.format, "sessionpad-backup");
  assert.equal(header.clients, 1);
  assert.equal(header.sessions, 13);
  await page.expectText(role("region", "Backup"), "Last backup: today");
  // The notes as records, decoded by the Playwright suite's second reader of the storage codec; not this
  // device's settings or its own id, which a restore renews (never backed up).
  const notes = async () =>
    Object.fromEntries(
      (await storage(page))
        .filter(([k]) => !k.endsWith("/settings") && !k.endsWith("/device"))
        .map(([k, v]) => [k, JSON.parse(decodeRecord(v))]),
    );
  const before = await notes();

  await page.run(() => localStorage.clear());
  await page.reload();
  await page.find(role("button", "Load sample data"));
  await page.chooseFile(label("Restore from backup", css(".empty-state")), backup.path);
  const preview = role("region", "Backup preview");
  await page.expectText(preview, "This backup holds 1 client and 13 sessions, made on");
  await page.click(role("button", "Replace everything", preview));
  await page.download(/^sessionpad-backup-\d{4}-\d{2}-\d{2}-before-restore\.json$/, complete);
  await page.click(role("link", /Alex/));
  await page.find(role("link", /Session 13 of 24/));
  const after = await notes();
  assert.deepEqual(Object.keys(after), Object.keys(before));
  const changed = Object.keys(before).filter((k) => !isDeepStrictEqual(after[k], before[k]));
  assert.deepEqual(changed, [], "records that came back different from the backup");
});

test("offline: with the server stopped, a reload opens the app from the worker's cache with the data", async (t) => {
  const { page, site } = await open(t);
  await serviceWorkerControls(page);
  await loadSample(page);
  await page.click(role("link", /Alex/));
  await page.click(role("button", "New session"));
  await page.find(role("heading", "Session 14 of 24"));
  await page.type(role("textbox", "Notes"), "Written before the network went away.");
  await saved(page);

  await site.stop();
  await page.reload();
  await page.find(role("heading", "Session 14 of 24"));
  await page.expectValue(role("textbox", "Notes"), "Written before the network went away.");
  await page.goto(site.origin + "/");
  await page.click(role("link", /Alex/));
  await page.find(role("link", /Session 13 of 24/));
});

test("homework agreed in one session is reviewed in the next, and the review is kept", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  await page.click(role("link", /Alex/));
  await page.click(role("button", "New session"));
  await page.find(role("heading", "Session 14 of 24"));
  await page.click(role("button", "Add homework"));
  const agreed = role("list", "Homework agreed");
  await page.type(role("textbox", "Task", agreed), "Evening walk after work");
  await page.type(role("textbox", "Likelihood (0–100)", agreed), "60\uE004");
  await page.expectText(agreed, "Below 70: consider making it smaller.");
  await saved(page);

  await page.click(role("link", "Alex (Product Designer)"));
  await page.click(role("button", "New session"));
  await page.find(role("heading", "Session 15 of 24"));
  const walk = css("li.assignment", "Evening walk after work", role("list", "Homework to review"));
  await page.click(role("radio", "Done", walk));
  await page.type(role("textbox", "What was learned", walk), "Sleep came easier on walking days");
  await page.expectText(walk, "Closed after this session.");
  await saved(page);
  await page.reload();
  await page.find(role("heading", "Session 15 of 24"));
  assert.equal(await page.value(role("textbox", "What was learned", walk)), "Sleep came easier on walking days");
  assert.equal(await page.checked(role("radio", "Done", walk)), true);
});

test("a signed note is read-only and changes only by an addendum, which a reload keeps", async (t) => {
  const page = await sampleSession(t);
  const signature = role("region", "Signature");
  await page.expectText(signature, "A draft.");
  await page.click(role("button", "Sign note", signature));
  await page.click(role("button", "Sign", role("dialog")));
  await saved(page);
  await page.expectText(signature, "Tamper evidence: the note, its timeline, goals addressed, transcript and addenda match");
  assert.equal(await page.enabled(role("textbox", "Capture")), false);

  await page.choose(role("combobox", "Kind", signature), "Correction");
  await page.type(role("textbox", "Addendum", signature), "GAD-7 was taken after the session, not before.");
  await page.click(role("button", "Save addendum", signature));
  await saved(page);
  await page.reload();
  await page.expectText(signature, "GAD-7 was taken after the session, not before.");
  await page.expectText(signature, "Correction");
  await page.expectText(signature, "match");
});

test("a full store says so, keeps the edit on screen and the saved note as it was", async (t) => {
  const page = await sampleSession(t);
  const notes = role("textbox", "Notes");
  const before = await page.value(notes);
  await page.run(fillOriginStorage);
  // Records are stored compressed: words that do not compress need room.
  const words = " " + Array.from({ length: 800 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
  await page.type(notes, words);
  await page.expectText(role("status", "Save status"), "Not saved: Storage is full");
  await page.expectText(role("alert", "Problems"), "Storage is full");
  assert.equal(await page.value(notes), before + words);
  const sessions = (await storage(page)).filter(([k]) => k.includes("/session/")).map(([, v]) => JSON.parse(decodeRecord(v)));
  assert.equal(sessions.length, 13);
  assert.equal(sessions.find((s) => s.number === 13).note.sections.free, before);
});

test("two tabs: an edit saved in one shows in the other at once", async (t) => {
  const page = await sampleSession(t);
  const notes = role("textbox", "Notes");
  const before = await page.value(notes);
  await page.type(notes, " Written in tab one.");
  await saved(page);
  const session = await page.url();
  const one = await page.tab();
  const two = await page.newTab();
  await page.toTab(two);
  await page.goto(session);
  await page.expectValue(notes, before + " Written in tab one.");

  await page.toTab(one);
  await page.type(notes, " Then more.");
  await saved(page);
  await page.toTab(two);
  // Nothing waits to be written in tab two, so it simply follows.
  await page.expectValue(notes, before + " Written in tab one. Then more.");
  assert.equal((await page.all(role("alert", "Changed in another tab"))).length, 0);
});

test("the course charts GAD-7: a tapped session says its score, and the numbers show as a table", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  await page.click(role("link", /Alex/));
  const gad7 = role("figure", "GAD-7");
  await page.find(gad7);
  const hit = css("rect.hit", undefined, gad7);
  assert.equal((await page.all(hit)).length, 13);
  await page.click(nth(hit, 6));
  await page.expectText(css(".chart-pick", undefined, gad7), "Session 7, 12 Jun 2025: GAD-7 12");
  await page.click(role("button", "Show as table", gad7));
  const table = role("region", "GAD-7 as a table", gad7);
  await page.expectText(table, "24 Jul 2025");
  await page.click(role("button", "Show as chart", gad7));
  await page.gone(table);
});

test("a deleted session waits in Recently deleted and comes back with its text", async (t) => {
  const page = await sampleSession(t);
  const before = await page.value(role("textbox", "Notes"));
  await page.click(role("button", "Delete session"));
  await page.click(role("button", "Delete", role("dialog")));
  await page.find(role("heading", "Alex (Product Designer)"));
  await page.gone(role("link", /Session 13 of 24/));
  await page.reload();
  await page.gone(role("link", /Session 13 of 24/));

  await page.click(role("link", "All clients"));
  await page.click(css("summary", "Recently deleted (1)"));
  await page.click(role("button", /^Restore Session 13 of 24 with Alex/));
  await page.gone(css("summary", "Recently deleted"));
  await page.click(role("link", /Alex/));
  await page.click(role("link", /Session 13 of 24/));
  await page.expectValue(role("textbox", "Notes"), before);
});

test("a session exports as a Markdown file named by the client's initials", async (t) => {
  const page = await sampleSession(t);
  await page.click(role("button", "Export Markdown"));
  const file = await page.download(/^a-session-13\.md$/, (text) => text.includes("Signed:"));
  assert.match(file.text, /^# Session 13 of 24 — Alex\n\n- \*\*Client:\*\* Alex \(Product Designer\)/);
  assert.ok(file.text.includes("## Notes\n\n"), file.text.slice(0, 400));
});

test("search finds a word in every note and opens the session at it", async (t) => {
  const { page } = await open(t);
  await loadSample(page);
  const results = css(".search-results");
  await page.type(role("searchbox", "Search"), "HYGIENE sleep");
  await page.find(role("link", /Session 5 of 24/, results));
  await waitFor("the words marked in the results", async () => (await page.all(css("mark", undefined, results))).length > 0);
  await page.click(role("link", /Session 5 of 24/, results));
  await page.find(role("heading", "Session 5 of 24"));
  // The field holding the hit is focused with the hit selected, as in Chromium.
  await waitFor("the hit selected in the focused field", async () => {
    const selected = await page.run(() => {
      const el = document.activeElement;
      return el?.value?.slice(el.selectionStart, el.selectionEnd) ?? null;
    });
    return selected === "hygiene";
  });
});

test("sync: a second tablet set up from the server gets the notes, an edit crosses, and the server reads nothing", async (t) => {
  const couch = await startCouch();
  t.after(() => couch.stop());
  const site = await Site.start({ db: couch.url });
  t.after(() => site.stop());
  const syncStatus = role("status", "Sync status");
  const account = async (page, scope) => {
    await page.type(role("textbox", "Database address", scope), `${site.origin}/db/${couch.database}`);
    await page.type(role("textbox", "User name", scope), couch.user);
    await page.type(role("textbox", "Password", scope), couch.password);
  };

  const a = await browserAt(t, site);
  await loadSample(a);
  await turnOnLock(a);
  await account(a, device);
  await a.click(role("button", "Turn on sync", device));
  await a.expectText(syncStatus, /^Synced/, 60_000);

  const b = await browserAt(t, site);
  await b.click(role("button", "Set up from server"));
  const form = role("form", "Set up from server");
  await account(b, form);
  await b.type(role("textbox", "Passphrase", form), PASSPHRASE);
  await b.click(role("button", "Connect", form));
  await b.find(role("link", /Alex/), 60_000);
  await b.expectText(syncStatus, /^Synced/, 60_000);

  for (const page of [a, b]) {
    await page.goto(site.origin + "/#/");
    await page.click(role("link", /Alex/));
    await page.click(role("link", /Session 12 of 24/));
    await page.find(role("textbox", "Capture"));
  }
  const line = "Slept through the night twice this week";
  await a.type(role("textbox", "Capture"), line);
  await a.click(role("button", "Add to timeline"));
  await saved(a);
  const entries = role("textbox", undefined, role("list", "Timeline entries"));
  await waitFor(`"${line}" in the second tablet's timeline`, async () => (await b.values(entries)).includes(line));

  const stored = JSON.stringify(await couch.allDocs());
  assert.ok(stored.includes('"_id":"vault"'), "the server holds the vault header");
  for (const secret of [...SECRETS, line]) assert.ok(!stored.includes(secret), `"${secret}" readable on the server`);
});
