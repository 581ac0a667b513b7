// The app on an emulated tablet: the release build in headless Chromium with
// its main thread slowed 4× (Emulation.setCPUThrottlingRate) and every byte
// crossing a link of 20 Mbit/s down, 10 Mbit/s up and 40 ms round trip.
//
// The link is scripts/bench-throttle.mjs, a proxy in front of scripts/serve.mjs
// (which sends the build's brotli files, or gzip, as a real static host does), not Chromium's
// Network.emulateNetworkConditions: that throttles only the page it is set
// on, while on a first visit the service worker fetches the whole build for
// its cache, and on later visits it answers the page and checks for a newer
// sw.js. Through the proxy the worker's traffic is as slow as the page's,
// and the bytes that reached the browser can be counted up to any moment.
// The worker's own thread is not slowed 4×: only the page's main thread is.
//
// Figures (each a median over ROUNDS runs; performance.now() of the page,
// whose origin is the start of its navigation):
//  tablet_first_visit_ms: a new browser context each run (no service worker,
//    empty HTTP cache, empty storage), from navigation to the roster
//    answering a click: the empty roster's "Load sample data" button exists
//    and is enabled, a click is dispatched on it in a task of its own (so it
//    waits, as a tap would, for whatever the main thread is still doing) and
//    the app has answered: the sample client's link is in the roster and the
//    frame holding it has been rendered (requestAnimationFrame, then a task).
//    The log shows each step per run: enabled, clicked, handled, painted.
//  first_visit_wire_kb: the bytes that reached the browser over the link
//    until that moment, response headers and (gzip-compressed) bodies, the
//    service worker's precaching included as far as it had got.
//  tablet_start_ms n=N: a repeat visit, files from the service worker's cache
//    (it installed and controls the page), with N sessions stored: to the
//    roster's first client link painted, as scripts/bench-start.mjs measures.
//  tablet_session_cold_ms n=N: a fresh page load straight at a session's
//    address (#/session/<id>, a session the script added to a client of the
//    data, with a note of usual length), files from the worker's cache, to
//    the note field taking a keystroke: the "Notes" textarea exists, is
//    enabled and holds the session's note; then, in a task of its own, a
//    character is typed into it (document.execCommand("insertText"), which
//    edits and fires input as typing does) and the frame after it is rendered.
//  tablet_import_preview_ms n=N: on a fresh load of the app (as at a day's
//    first import), "Import transcript" tapped and, a second later (the
//    least a person takes in the system's file picker), the sample
//    transcript (session 14 of 24) chosen: from the file input's event to
//    the frame after the preview's suggestions ("Accept all") rendered.
//  tablet_keystroke_ms n=N: real key presses (Playwright's keyboard, i.e.
//    Input.dispatchKeyEvent) at the end of a "Notes" box holding a note of
//    20,000 characters written as notes are, in paragraphs (about 480
//    characters each, a blank line between them), one key every KEY_GAP ms,
//    a brisk typist's pace; each from the keydown's timeStamp (when the
//    browser took the key, so time spent queued behind other work counts) to
//    the frame after its input rendered, with the character in the box.
//    Median and p95 of KEYS keys, each the median over KEY_RUNS runs (the
//    note filled anew before each). Whether and when the record is stored
//    is not part of it. For reading it:
//  tablet_keystroke_one_paragraph_ms n=N: the same, the 20,000 characters
//    one paragraph without a break, which the browser lays out anew whole
//    at every key (a note in paragraphs has only the paragraph typed into
//    laid out again);
//  tablet_keystroke_bare_ms, _bare_one_paragraph_ms, _empty_ms: the same
//    typing into a bare textarea with no app, holding each text and empty:
//    what the browser alone takes on this machine.
// The screen is touched, never hovered by a mouse, as on a tablet: the
// buttons on the way are tapped, so no pointer rests over the page, which
// the browser would hit-test again at every frame whose layout changed.
//
// Usage: node scripts/bench-tablet.mjs N:data-N.json
//   (after `trunk build --release`; the file comes from examples/bench_data.rs)
import { launch, measuredBy, median, quantile, readData, seed, serve, TIMEOUT, within } from "./bench-lib.mjs";
import { throttle } from "./bench-throttle.mjs";

const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 7));
const KEYS = Math.max(100, Number(process.env.BENCH_KEYS ?? 120));
const BARE_KEYS = 60;
// Each keystroke figure is the median of this many runs' medians (and p95s).
const KEY_RUNS = 5;
const KEY_GAP = 200;
const CPU_SLOWDOWN = 4;
const LINK = { down: 20e6 / 8, up: 10e6 / 8, rtt: 40 };
// A tablet held upright: 820 × 1180 CSS pixels at twice the density, touch.
const TABLET = { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, hasTouch: true };
const SAMPLE_TRANSCRIPT = "tests/fixtures/session-14-of-24.txt";
// How long choosing a file takes a person at the least: the app may use it.
const FILE_PICKER_MS = 1000;

const [arg] = process.argv.slice(2);
if (!arg?.includes(":")) {
  console.error("usage: node scripts/bench-tablet.mjs N:data-N.json");
  process.exit(2);
}
const [n, file] = [Number(arg.split(":")[0]), arg.slice(arg.indexOf(":") + 1)];

/** Init script of a first visit: clicks "Load sample data" once it can be, and times the answer. */
function watchFirstVisit() {
  if (!location.protocol.startsWith("http")) return;
  // Told on the console (see `measuredBy` in bench-lib.mjs).
  const answer = (result) => console.log(`measured ${JSON.stringify(result)}`);
  const w = {};
  const sampleButton = () =>
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Load sample data");
  const seen = new MutationObserver(() => {
    if (w.clickedMs === undefined) {
      const button = sampleButton();
      if (!button || button.disabled || w.enabledMs !== undefined) return;
      w.enabledMs = performance.now();
      setTimeout(() => {
        w.clickedMs = performance.now();
        // Found again: the one seen may have been rendered anew meanwhile.
        sampleButton().click();
        // The click's handlers have run (dispatch is synchronous); the answer still has to be painted.
        w.handledMs = performance.now();
      });
    } else if (document.querySelector('a[href^="#/client/"]')) {
      seen.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          w.answeredMs = performance.now();
          // What the page itself had received by then (the rest is the worker's).
          const own = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
          w.pageBytes = own.filter((e) => e.responseEnd <= w.answeredMs).reduce((sum, e) => sum + e.transferSize, 0);
          answer({ ...w, origin: performance.timeOrigin });
        }),
      );
    }
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
}

/**
 * Init script of the visits with data: on the roster, times its first client
 * link painted; on a session, times the note field taking a keystroke.
 */
function watchVisit() {
  if (!location.protocol.startsWith("http")) return;
  // Told on the console (see `measuredBy` in bench-lib.mjs).
  const finish = (result) => console.log(`measured ${JSON.stringify(result)}`);
  const w = {};
  const notes = () =>
    [...document.querySelectorAll("label")]
      .find((l) => l.querySelector("span")?.textContent === "Notes")
      ?.querySelector("textarea");
  const onSession = location.hash.startsWith("#/session/");
  let again = false;
  const check = () => {
    if (!onSession) {
      if (!document.querySelector('a[href^="#/client/"]')) return;
      seen.disconnect();
      requestAnimationFrame(() => setTimeout(() => finish({ shownMs: performance.now() })));
      return;
    }
    const area = notes();
    if (!area || area.disabled || area.readOnly || !area.value.length) {
      // A value set as a property is no mutation: look again next frame.
      if (area && !again) {
        again = true;
        requestAnimationFrame(() => {
          again = false;
          check();
        });
      }
      return;
    }
    if (w.readyMs !== undefined) return;
    seen.disconnect();
    w.readyMs = performance.now();
    setTimeout(() => {
      w.typedMs = performance.now();
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      document.execCommand("insertText", false, "x");
      requestAnimationFrame(() =>
        setTimeout(() => finish({ ...w, shownMs: performance.now(), took: area.value.endsWith("x") })),
      );
    });
  };
  const seen = new MutationObserver(check);
  seen.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
}

/**
 * Presses the keys of `text` one by one into `box` (a locator of `page`, its
 * caret put at the end), one every KEY_GAP ms with the CPU slowed; resolves to
 * each key's time from keydown to the frame after its input, sorted.
 */
async function typeInto(page, cdp, box, text) {
  await box.evaluate((area) => {
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    const w = (window.__keys = { times: [], notify: null });
    let down;
    window.addEventListener("keydown", (e) => (down = e.timeStamp), true);
    area.addEventListener("input", () => {
      const from = down;
      const length = area.value.length;
      requestAnimationFrame(() =>
        setTimeout(() => {
          w.times.push({ ms: performance.now() - from, shown: area.value.length >= length });
          w.notify?.();
        }),
      );
    });
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  for (let i = 0; i < text.length; i++) {
    const at = Date.now();
    await page.keyboard.press(text[i]);
    await within(
      page.evaluate(
        (count) => new Promise((resolve) => (window.__keys.times.length >= count ? resolve() : (window.__keys.notify = resolve))),
        i + 1,
      ),
      `key ${i + 1} shown`,
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at + KEY_GAP - Date.now())));
  }
  const typed = await page.evaluate(() => window.__keys.times);
  if (typed.length !== text.length || !typed.every((t) => t.shown)) {
    throw new Error(`typing: ${typed.length} of ${text.length} keys timed and shown`);
  }
  return typed.map((t) => t.ms).sort((a, b) => a - b);
}

/**
 * Taps "Import transcript" on the roster of `page` and chooses the sample
 * transcript; resolves to the time from the file input's event to the frame
 * after the preview's suggestions rendered.
 */
async function timeImport(page) {
  await page.getByRole("button", { name: "Import transcript" }).tap();
  await page.evaluate(() => {
    window.__import = new Promise((resolve) => {
      let from;
      const chosen = () => (from ??= performance.now());
      window.addEventListener("input", chosen, true);
      window.addEventListener("change", chosen, true);
      const seen = new MutationObserver(() => {
        const accept = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Accept all");
        if (from === undefined || !accept) return;
        seen.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from)));
      });
      seen.observe(document, { childList: true, subtree: true });
    });
  });
  await page.waitForTimeout(FILE_PICKER_MS);
  await page.getByLabel("Transcript file").setInputFiles(SAMPLE_TRANSCRIPT);
  return within(page.evaluate(() => window.__import), "the import preview");
}

/** A page of `context` whose main thread runs 4× slower. */
async function slowPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

/** A new document at `url` in `page`; resolves to what its init script measured. */
async function visit(page, url) {
  await page.goto("about:blank");
  return measuredBy(page, url, () => page.goto(url, { timeout: TIMEOUT }));
}

const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(", ");

const server = await serve();
const link = await throttle({ host: "127.0.0.1", port: Number(new URL(server.origin).port) }, LINK);
const origin = link.origin;
const browser = await launch();
try {
  // First visits, each in a browser context of its own.
  const first = { ms: [], kb: [], pageKb: [], allKb: [], enabled: [], clicked: [], handled: [] };
  for (let round = -1; round < ROUNDS; round++) {
    await link.settled();
    link.reset();
    const context = await browser.newContext(TABLET);
    await context.addInitScript(watchFirstVisit);
    const { page } = await slowPage(context);
    const w = await measuredBy(page, "first visit", () => page.goto(`${origin}/`, { timeout: TIMEOUT }));
    const bytes = link.bytesUntil(w.origin + w.answeredMs);
    // And once the worker has cached the build: the whole of a first visit.
    await within(page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), "the worker's install");
    await link.settled();
    const later = link.bytesUntil(Infinity);
    await context.close();
    if (round < 0) continue;
    first.ms.push(w.answeredMs);
    first.kb.push(bytes / 1024);
    first.pageKb.push(w.pageBytes / 1024);
    first.allKb.push(later / 1024);
    first.enabled.push(w.enabledMs);
    first.clicked.push(w.clickedMs);
    first.handled.push(w.handledMs);
  }
  console.log(`tablet first visit, button enabled: ${fmt(first.enabled)} ms`);
  console.log(`tablet first visit, click dispatched: ${fmt(first.clicked)} ms`);
  console.log(`tablet first visit, click handled: ${fmt(first.handled)} ms`);
  console.log(`tablet first visit, answer painted: ${fmt(first.ms)} ms`);
  console.log(`tablet first visit, over the wire by then: ${fmt(first.kb)} KB`);
  console.log(`  of which the page's own requests (transferSize): ${fmt(first.pageKb)} KB`);
  console.log(`tablet first visit, over the wire once the worker has cached the build: ${fmt(first.allKb)} KB`);

  // Repeat visits, with the data, the build in the service worker's cache.
  await link.settled();
  const context = await browser.newContext(TABLET);
  await context.addInitScript(watchVisit);
  const { page, cdp } = await slowPage(context);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const keys = await seed(page, origin, readData(file));
  await page.goto(`${origin}/`);
  await page.locator('a[href^="#/client/"]').first().tap();
  await page.getByRole("button", { name: "New session" }).tap();
  await page.waitForURL(/#\/session\//);
  const url = page.url();
  const notes = page.getByRole("textbox", { name: "Notes", exact: true });
  // About as long as a generated free-text note (eight sentences).
  await notes.fill("Client described the week in detail, sleep and work both steadier. ".repeat(10).trim());
  await page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();
  await within(page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), "the worker's install");
  await visit(page, `${origin}/`);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    throw new Error("the service worker does not control the page after installing");
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  console.log(`tablet: n=${n}, ${keys} keys in localStorage, session ${url.split("#")[1]}`);

  const start = [];
  const cold = [];
  const coldReady = [];
  const coldTyped = [];
  for (let round = -2; round < ROUNDS; round++) {
    const roster = await visit(page, `${origin}/`);
    const session = await visit(page, url);
    if (!session.took) throw new Error("the character typed into Notes is not in the field a frame later");
    if (round < 0) continue;
    start.push(roster.shownMs);
    cold.push(session.shownMs);
    coldReady.push(session.readyMs);
    coldTyped.push(session.typedMs);
  }
  // Each visit above typed an "x"; the app took them all if a fresh load shows them (and types one more).
  await page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();
  await visit(page, url);
  const xs = (await notes.inputValue()).match(/x*$/)[0].length;
  if (xs !== ROUNDS + 3) throw new Error(`${ROUNDS + 3} characters typed on opening the session, ${xs} kept`);
  console.log(`tablet start n=${n}: ${fmt(start)} ms`);
  console.log(`tablet session cold n=${n}, Notes ready: ${fmt(coldReady)} ms`);
  console.log(`tablet session cold n=${n}, keystroke typed: ${fmt(coldTyped)} ms`);
  console.log(`tablet session cold n=${n}, keystroke shown: ${fmt(cold)} ms`);

  const imports = [];
  for (let round = -1; round < ROUNDS; round++) {
    await visit(page, `${origin}/`);
    const ms = await timeImport(page);
    if (round >= 0) imports.push(ms);
  }
  console.log(`tablet import preview n=${n}: ${fmt(imports)} ms`);
  // Back to the session, left without importing, for the typing below.
  await visit(page, url);

  // Typing into a long note: filled at full speed, typed into slowed down.
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const sentence = "Client described the week in detail. ";
  const inParagraphs = `${sentence.repeat(13).trim()}\n\n`.repeat(42).slice(0, 20_000);
  const oneParagraph = sentence.repeat(541).slice(0, 20_000);
  const text = "Reported sleeping better, fewer late shifts this week. ".repeat(Math.ceil(KEYS / 55)).slice(0, KEYS);
  const typeIntoNote = async (note, what) => {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await notes.fill(note);
    await page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();
    const ms = await typeInto(page, cdp, notes, text);
    if ((await notes.inputValue()) !== note + text) throw new Error("typing: the box does not hold what was typed");
    console.log(
      `tablet keystroke n=${n} (${KEYS} keys, 20,000 characters ${what} before them): median ${quantile(ms, 0.5).toFixed(1)} ms, ` +
        `p95 ${quantile(ms, 0.95).toFixed(1)} ms, max ${ms.at(-1).toFixed(1)} ms`,
    );
    return ms;
  };
  /** KEY_RUNS runs of `run`, each a list of key times: the median of their medians and of their p95s. */
  const runs = async (run) => {
    const each = [];
    for (let i = 0; i < KEY_RUNS; i++) each.push(await run());
    return { median: median(each.map((ms) => quantile(ms, 0.5))), p95: median(each.map((ms) => quantile(ms, 0.95))) };
  };
  const keyMs = await runs(() => typeIntoNote(inParagraphs, "in paragraphs"));
  const oneParagraphMs = await runs(() => typeIntoNote(oneParagraph, "as one paragraph"));
  await context.close();

  // For reading the figure: the same typing into a bare textarea, no app at all, first holding the
  // same text, then empty (the least this browser takes for a key on this machine).
  const typeIntoBare = async (value) => {
    const bare = await browser.newContext(TABLET);
    const { page: plain, cdp: plainCdp } = await slowPage(bare);
    await plainCdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await plain.setContent('<meta name="viewport" content="width=device-width"><textarea rows="6" style="width: 90%"></textarea>');
    const area = plain.locator("textarea");
    await area.fill(value);
    const ms = await typeInto(plain, plainCdp, area, text.slice(0, BARE_KEYS));
    await bare.close();
    return ms;
  };
  const bareMs = await runs(() => typeIntoBare(inParagraphs));
  const bareOneParagraphMs = await runs(() => typeIntoBare(oneParagraph));
  const emptyMs = await runs(() => typeIntoBare(""));
  const bare = [
    ["of 20,000 characters in paragraphs", bareMs],
    ["of 20,000 characters as one paragraph", bareOneParagraphMs],
    ["left empty", emptyMs],
  ];
  for (const [what, ms] of bare) {
    console.log(
      `tablet keystroke, a bare textarea ${what}, no app (${KEY_RUNS} runs of ${BARE_KEYS} keys): ` +
        `median ${ms.median.toFixed(1)} ms, p95 ${ms.p95.toFixed(1)} ms`,
    );
  }

  console.log(`bench: tablet_first_visit_ms ${median(first.ms).toFixed(0)}`);
  console.log(`bench: first_visit_wire_kb ${median(first.kb).toFixed(1)}`);
  console.log(`bench: tablet_start_ms n=${n} ${median(start).toFixed(0)}`);
  console.log(`bench: tablet_session_cold_ms n=${n} ${median(cold).toFixed(0)}`);
  console.log(`bench: tablet_import_preview_ms n=${n} ${median(imports).toFixed(0)}`);
  const figure = (name, ms) => console.log(`bench: ${name} median ${ms.median.toFixed(1)} p95 ${ms.p95.toFixed(1)}`);
  figure(`tablet_keystroke_ms n=${n}`, keyMs);
  // Not budgets: the same note as one paragraph, and what this machine's browser takes with no app
  // at all, for reading the figure above.
  figure(`tablet_keystroke_one_paragraph_ms n=${n}`, oneParagraphMs);
  figure("tablet_keystroke_bare_ms", bareMs);
  figure("tablet_keystroke_bare_one_paragraph_ms", bareOneParagraphMs);
  figure("tablet_keystroke_empty_ms", emptyMs);
} finally {
  await browser.close();
  await link.close();
  server.stop();
}
