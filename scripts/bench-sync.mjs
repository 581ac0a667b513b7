// Sync between two devices on loopback, in the release build, against a real
// PouchDB Server reached through scripts/serve.mjs's same-origin `/db/` proxy
// (as a deployment reaches CouchDB). Device A holds n generated sessions,
// turns on the lock and then sync, and pushes everything; not measured, its
// time is printed as information.
//
// sync_pull_ms: an empty device B is "Set up from server" with the
// passphrase. From the click on "Connect" (the click event, recorded in B's
// page) to the moment the pull is complete: the status bar says "Synced",
// the roster shows as many clients as A's, and B's localStorage holds as
// many session records as A's. The unlock (Argon2id) is part of it. Each
// round uses a fresh context B, since only an empty device can be set up;
// the median of ROUNDS is printed.
//
// sync_edit_ms: A and the last B synced and idle, the same session open on
// both. From the click on "Add to timeline" on A (the save is immediate, see
// src/state/autosave.rs: the write is queued for the next task) to the
// moment B's stored record of that session changes, watched by a tight
// timer in B's page. Both pages run in one browser on one machine, so their
// Date.now() readings compare. The median of EDITS is printed.
//
// Usage: node scripts/bench-sync.mjs 1000:data-1000.json
//   (after `trunk build --release`; BENCH_DIST serves another build folder)
// Prints `bench: sync_pull_ms n=N X` and `bench: sync_edit_ms X`.
import { startCouch } from "../tests/e2e/couch.mjs";
import { askForLock } from "../tests/e2e/helpers.mjs";
import { serve } from "./serve.mjs";
import { launch, median, readData, seed } from "./bench-lib.mjs";

const ROUNDS = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 9);
const PASSPHRASE = "blue heron at dawn";
const SESSION_PREFIX = "sessionpad/v1/session/";
/** Generous: pushing or pulling a thousand sealed sessions is not quick. */
const LONG = 300_000;

const [arg, ...rest] = process.argv.slice(2);
if (!arg || rest.length || !arg.includes(":")) {
  console.error("usage: node scripts/bench-sync.mjs N:data-N.json");
  process.exit(2);
}
const [nText, file] = arg.split(":");
const n = Number(nText);

const field = (scope, name) => scope.getByRole("textbox", { name, exact: true });
const syncStatus = (page) => page.getByRole("status", { name: "Sync status" });

/** Counts in a page: session records stored and clients on the roster. */
function counts(prefix) {
  let sessions = 0;
  for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith(prefix)) sessions++;
  return { sessions, clients: document.querySelectorAll('a[href^="#/client/"]').length };
}

async function fillAccount(scope, account) {
  await field(scope, "Database address").fill(account.address);
  await field(scope, "User name").fill(account.user);
  await field(scope, "Password").fill(account.password);
}

/** As tests/e2e/helpers.mjs's turnOnLock, without its assertions. */
async function turnOnLock(page) {
  const panel = await askForLock(page, PASSPHRASE);
  const dialog = page.getByRole("dialog", { name: "Your recovery key" });
  await dialog.getByRole("button", { name: "I have saved it" }).click({ timeout: LONG });
  await dialog.waitFor({ state: "detached" });
  return panel;
}

/** Session documents on the server, as its `_all_docs` lists them. */
async function serverSessions(couch) {
  const range = `startkey=${encodeURIComponent('"session:"')}&endkey=${encodeURIComponent('"session:\ufff0"')}`;
  const response = await couch.request(`/${couch.database}/_all_docs?${range}`);
  if (!response.ok) throw new Error(`_all_docs: ${response.status} ${await response.text()}`);
  return (await response.json()).rows.length;
}

async function waitFor(what, check, ms) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * In B's page: notes when "Connect" is clicked, then, every few milliseconds,
 * whether the pull is complete; resolves to the milliseconds between.
 */
function watchPull({ prefix, sessions, clients, limit }) {
  return new Promise((resolve, reject) => {
    const form = document.querySelector('form[aria-label="Set up from server"]');
    const button = [...form.querySelectorAll("button")].find((b) => b.textContent.trim() === "Connect");
    const status = () => document.querySelector('[role="status"][aria-label="Sync status"]')?.textContent ?? "";
    let start;
    button.addEventListener("click", () => (start ??= Date.now()), { capture: true, once: true });
    const begun = Date.now();
    const timer = setInterval(() => {
      if (start === undefined) return;
      if (Date.now() - begun > limit) {
        clearInterval(timer);
        reject(new Error(`pull not complete after ${limit} ms: status "${status()}"`));
        return;
      }
      const alert = form.isConnected && form.querySelector('[role="alert"]');
      if (alert) {
        clearInterval(timer);
        reject(new Error(`set-up refused: ${alert.textContent}`));
        return;
      }
      if (!status().startsWith("Synced")) return;
      if (document.querySelectorAll('a[href^="#/client/"]').length < clients) return;
      let stored = 0;
      for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith(prefix)) stored++;
      if (stored < sessions) return;
      clearInterval(timer);
      resolve(Date.now() - start);
    }, 5);
  });
}

/** In B's page: resolves to Date.now() when the stored value at `key` changes. */
function watchRecord({ key, limit }) {
  return new Promise((resolve, reject) => {
    const before = localStorage.getItem(key);
    const begun = Date.now();
    const timer = setInterval(() => {
      if (localStorage.getItem(key) !== before) {
        clearInterval(timer);
        resolve(Date.now());
      } else if (Date.now() - begun > limit) {
        clearInterval(timer);
        reject(new Error(`${key} unchanged after ${limit} ms`));
      }
    }, 1);
  });
}

/** In A's page: records Date.now() at the next click on "Add to timeline". */
function markClick() {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Add to timeline");
  window.__clickedAt = undefined;
  button.addEventListener("click", () => (window.__clickedAt = Date.now()), { capture: true, once: true });
}

const couch = await startCouch();
let site;
let browser;
let failed = false;
try {
  site = await serve({ dir: process.env.BENCH_DIST ?? "dist", port: 0, db: couch.url });
  const account = { address: `${site.url}/db/${couch.database}`, user: couch.user, password: couch.password };
  browser = await launch();

  // Device A: the data, the lock, sync; everything pushed.
  const a = { context: await browser.newContext() };
  a.page = await a.context.newPage();
  const keys = await seed(a.page, site.url, readData(file));
  await a.page.goto(`${site.url}/`);
  await a.page.locator('a[href^="#/client/"]').first().waitFor({ timeout: 60_000 });
  let started = Date.now();
  const panel = await turnOnLock(a.page);
  console.log(`sync: n=${n}, ${keys} keys in localStorage; lock turned on in ${Date.now() - started} ms`);
  const onA = await a.page.evaluate(counts, SESSION_PREFIX);
  if (onA.sessions !== n) throw new Error(`device A holds ${onA.sessions} sessions, expected ${n}`);
  await fillAccount(panel, account);
  started = Date.now();
  await panel.getByRole("button", { name: "Turn on sync" }).click();
  // "Synced" follows whichever way finishes first: the server's count tells the push is done.
  await waitFor(`${n} sessions on the server`, async () => (await serverSessions(couch)) >= n, LONG);
  await syncStatus(a.page).filter({ hasText: /^Synced/ }).waitFor({ timeout: LONG });
  await a.page.evaluate(() => (location.hash = "#/"));
  await a.page.locator('a[href^="#/client/"]').first().waitFor();
  onA.clients = (await a.page.evaluate(counts, SESSION_PREFIX)).clients;
  console.log(`sync: device A pushed ${n} sessions (${onA.clients} clients on its roster) in ${Date.now() - started} ms`);

  // sync_pull_ms: fresh devices B set up from the server.
  const pulls = [];
  let b;
  for (let round = 0; round < ROUNDS; round++) {
    if (b) await b.context.close();
    b = { context: await browser.newContext() };
    b.page = await b.context.newPage();
    // What the pull spends its time on: a _bulk_get per batch of the feed.
    const requests = { fetch: 0, changes: 0, other: 0, answers: [] };
    b.page.on("requestfinished", (request) => {
      const url = request.url();
      if (!url.includes("/db/")) return;
      if (url.includes("/_bulk_get") || url.includes("open_revs=")) {
        requests.fetch++;
        requests.answers.push(request.timing().responseEnd);
      } else if (url.includes("/_changes")) requests.changes++;
      else requests.other++;
    });
    await b.page.goto(`${site.url}/`);
    await b.page.getByRole("button", { name: "Set up from server" }).click();
    const form = b.page.getByRole("form", { name: "Set up from server" });
    await fillAccount(form, account);
    await field(form, "Passphrase").fill(PASSPHRASE);
    const pulled = b.page.evaluate(watchPull, {
      prefix: SESSION_PREFIX,
      sessions: onA.sessions,
      clients: onA.clients,
      limit: LONG,
    });
    await form.getByRole("button", { name: "Connect" }).click();
    const ms = await pulled;
    pulls.push(ms);
    const onB = await b.page.evaluate(counts, SESSION_PREFIX);
    console.log(
      `sync pull round ${round + 1}: ${ms} ms; ${onB.sessions} sessions, ${onB.clients} clients; ` +
        `${requests.fetch} fetches of documents (each answered in ${median(requests.answers).toFixed(1)} ms ` +
        `median, ${(requests.answers.reduce((sum, t) => sum + t, 0) / 1000).toFixed(1)} s in all), ` +
        `${requests.changes} changes feeds, ${requests.other} other requests`,
    );
  }

  // sync_edit_ms: one session open on A and on the last B.
  const key = await a.page.evaluate(
    (prefix) => Object.keys(localStorage).find((k) => k.startsWith(prefix)),
    SESSION_PREFIX,
  );
  const id = key.slice(SESSION_PREFIX.length);
  for (const device of [a, b]) {
    await device.page.evaluate((id) => (location.hash = `#/session/${id}`), id);
    await field(device.page, "Capture").waitFor();
  }
  // Idle: B's pull is waiting on the changes feed and A has nothing left to push.
  await syncStatus(b.page).filter({ hasText: /^Synced/ }).waitFor({ timeout: LONG });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const edits = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const arrived = b.page.evaluate(watchRecord, { key, limit: 30_000 });
    await field(a.page, "Capture").fill(`Benchmark entry ${edit + 1}: slept better this week`);
    await a.page.evaluate(markClick);
    await a.page.getByRole("button", { name: "Add to timeline" }).click();
    const t1 = await arrived;
    const t0 = await a.page.evaluate(() => window.__clickedAt);
    if (t0 === undefined) throw new Error("the click on Add to timeline was not seen");
    edits.push(t1 - t0);
    await a.page.getByRole("status", { name: "Save status" }).filter({ hasText: /^Saved$/ }).waitFor();
    // Settled: B has taken the edit in and A's push has finished before the next.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.log(`sync edit A → B, ${EDITS} edits: ${edits.join(", ")} ms`);
  console.log(`sync pull n=${n}, ${ROUNDS} rounds: ${pulls.join(", ")} ms`);
  console.log(`bench: sync_pull_ms n=${n} ${median(pulls).toFixed(0)}`);
  console.log(`bench: sync_edit_ms ${median(edits).toFixed(0)}`);
} catch (error) {
  failed = true;
  console.error(`bench-sync failed: ${error.stack ?? error}`);
} finally {
  await browser?.close();
  await site?.close();
  await couch.stop();
}
if (failed) process.exit(1);
