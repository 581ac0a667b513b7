import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import { useSyncSite } from "./couch.mjs";
import { field, saved } from "./helpers.mjs";
import { syncDevices } from "./sync-devices.mjs";

// The sync server is untrusted storage. Here it is played as an attacker
// would: the proxy in front of PouchDB Server (scripts/serve.mjs) answers in
// its place, and the devices must stay locked-down, say what happened and
// lose nothing.
const PASSPHRASE = "blue heron at dawn";

test.describe.configure({ mode: "serial" });

const env = useSyncSite(test);
const { syncStatus, firstDevice, openSession, timeline, capture } = syncDevices(env, PASSPHRASE);

test.beforeEach(async () => {
  await env.couch.freshDatabase();
  env.site.setDbReachable(true);
  env.site.interceptDb(null);
});

test.afterEach(() => env.site.interceptDb(null));

/** Everything in the page's localStorage, sorted, as one string. */
const everything = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test("a redirect from the server is refused and named, and nothing goes to the other address", async ({ browser }) => {
  const elsewhere = [];
  const thief = createServer((req, res) => {
    elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    res.end("{}");
  });
  await new Promise((done) => thief.listen(0, "127.0.0.1", done));
  try {
    const a = await firstDevice(browser);
    await openSession(a.page);
    env.site.interceptDb((req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${thief.address().port}${req.url}` });
      res.end();
      return true;
    });
    await capture(a.page, "Written while the server misbehaves");
    await expect(syncStatus(a.page)).toHaveText("Sync failed: the server redirected elsewhere; refused", {
      timeout: 30_000,
    });
    expect(elsewhere).toEqual([]);

    // The edit is kept, and goes once the server behaves (sync tries again by itself).
    env.site.interceptDb(null);
    await expect.poll(() => timeline(a.page)).toContain("Written while the server misbehaves");
    await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 60_000 });
    expect(JSON.stringify(await env.couch.allDocs())).not.toContain("Written while the server misbehaves");
    await a.context.close();
  } finally {
    thief.close();
  }
});

test("a 50 MB answer is not read: the device says so, keeps working and keeps every record", async ({ browser }) => {
  const a = await firstDevice(browser);
  await openSession(a.page);
  // Streamed without a length, so only reading can tell how long it is.
  const megabyte = Buffer.alloc(1 << 20, "x");
  let sent = 0;
  env.site.interceptDb((req, res) => {
    if (req.method !== "GET") return false;
    res.writeHead(200, { "content-type": "application/json" });
    let left = 50;
    // A megabyte every few milliseconds: what was sent then tells when the device stopped reading,
    // not how much the sockets between the two could buffer.
    const more = () => {
      if (left <= 0) return res.end();
      left--;
      sent++;
      if (res.write(megabyte)) setTimeout(more, 5);
      else res.once("drain", () => setTimeout(more, 5));
    };
    res.on("close", () => (left = 0));
    more();
    return true;
  });
  // The edit is pushed, and the push's first read gets the flood.
  await capture(a.page, "Written while the server floods");
  await expect(syncStatus(a.page)).toHaveText("Sync failed: the server's answer was too large; refused", {
    timeout: 30_000,
  });
  // Reading stopped near the limit, not at the end of the 50 MB.
  expect(sent).toBeLessThan(50);
  // Nothing the flood carried was kept, however often sync tries again.
  const before = await everything(a.page);
  await a.page.waitForTimeout(3_000);
  expect(await everything(a.page)).toBe(before);

  // The page still answers: a note is typed and saved.
  await a.page.getByRole("textbox", { name: "Capture", exact: true }).fill("Still writing");
  await a.page.getByRole("button", { name: "Add to timeline" }).click();
  await saved(a.page);
  await expect.poll(() => timeline(a.page)).toContain("Still writing");
  await a.context.close();
});

// The server rewrites documents with the database's admin account, as a new
// revision of each: what any holder of the database password can do.
const { secondDevice, expectInTimeline } = syncDevices(env, PASSPHRASE);
const docPath = (id) => `/${env.couch.database}/${encodeURIComponent(id)}`;
const notices = (page) => page.getByRole("alert", { name: "Sync notices" });
const refusedHeader = "Sync failed: the server's lock settings were refused; stopped";

/** The server's winning revision of `id`, with its body, read as admin. */
async function onServer(id) {
  const response = await env.couch.request(docPath(id));
  expect(response.status).toBe(200);
  return response.json();
}

/** Writes `doc` over the server's current revision of it, as admin. */
async function putAsAdmin(doc) {
  const { _rev } = await onServer(doc._id);
  const response = await env.couch.request(docPath(doc._id), { method: "PUT", body: { ...doc, _rev } });
  expect(response.status, await response.text()).toBe(201);
}

/** The ids and revisions of the server's live documents. */
async function revisions() {
  const { rows } = await env.couch.allDocs();
  return Object.fromEntries(rows.map((r) => [r.id, r.value.rev]));
}

/** The document a capture on `page` changed on the server: the open session's. */
async function sessionDocChangedBy(page, text) {
  const before = await revisions();
  await capture(page, text);
  let changed;
  await expect
    .poll(async () => {
      const after = await revisions();
      changed = Object.keys(after).find((id) => id.startsWith("session:") && after[id] !== before[id]);
      return changed;
    }, { timeout: 30_000 })
    .toBeTruthy();
  return changed;
}

/** Locks by reloading, and unlocks with the passphrase: the device's own header still works. */
async function reloadAndUnlock(page) {
  await page.reload();
  await field(page, "Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("link", { name: /Alex/ })).toBeVisible();
}

const headerRewrites = {
  "a stage that turns the lock off": (h) => ({ ...h, stage: "turning_off" }),
  "wrapped keys of its own": (h) => ({ ...h, by_passphrase: "00".repeat(72), by_recovery: "11".repeat(72) }),
  "a key derivation of 4 GiB": (h) => ({ ...h, kdf: { ...h.kdf, memory_kib: 4 * 1024 * 1024, iterations: 10 } }),
  "another vault's id": (h) => ({ ...h, id: "0123456789abcdef" }),
};

for (const [what, rewrite] of Object.entries(headerRewrites)) {
  test(`a vault header rewritten with ${what} is refused on both devices, which stay encrypted and lose nothing`, async ({ browser }) => {
    const a = await firstDevice(browser);
    const b = await secondDevice(browser);
    await openSession(a.page);
    await capture(a.page, "Written before the server turned");
    await openSession(b.page);
    await expectInTimeline(b.page, "Written before the server turned", { timeout: 15_000 });
    const headers = await Promise.all([a, b].map((d) => d.page.evaluate(() => localStorage.getItem("sessionpad/v1/vault"))));

    const vault = await onServer("vault");
    await putAsAdmin({ ...vault, c: JSON.stringify(rewrite(JSON.parse(vault.c))) });

    for (const [i, d] of [a, b].entries()) {
      await expect(syncStatus(d.page)).toHaveText(refusedHeader, { timeout: 30_000 });
      // Nothing of it was applied: the device's header is as it was, every note sealed.
      expect(await d.page.evaluate(() => localStorage.getItem("sessionpad/v1/vault"))).toBe(headers[i]);
      const stored = await everything(d.page);
      for (const phrase of ["Alex", "Written before the server turned", "turning_off"]) expect(stored).not.toContain(phrase);
      // "This device" says what happened and what to do.
      await d.page.goto("/#/");
      await d.page.getByText("This device", { exact: true }).click();
      const panel = d.page.locator("details", { hasText: "This device" });
      await expect(panel.getByText(/^Sync has stopped: the lock settings the server holds/)).toBeVisible();
      await expect(panel.getByText(/turn sync off and on again here/)).toBeVisible();
    }

    // The push side has stopped: an edit stays on the device and the server takes nothing.
    const seq = async () => (await (await env.couch.request(`/${env.couch.database}`)).json()).update_seq;
    const before = await seq();
    await openSession(a.page);
    await capture(a.page, "Written after the refusal");
    await a.page.waitForTimeout(3_000);
    expect(await seq()).toEqual(before);

    // After a reload the devices still unlock with their passphrase, and still refuse to sync.
    for (const d of [a, b]) {
      await reloadAndUnlock(d.page);
      await expect(syncStatus(d.page)).toHaveText(refusedHeader, { timeout: 15_000 });
    }
    await openSession(a.page);
    await expectInTimeline(a.page, "Written after the refusal");
    await expectInTimeline(a.page, "Written before the server turned");
    await a.context.close();
    await b.context.close();
  });
}

test("an older version of a session put back by the server is kept aside and shown, not applied", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  await openSession(a.page);
  const id = await sessionDocChangedBy(a.page, "The first version");
  await openSession(b.page);
  await expectInTimeline(b.page, "The first version", { timeout: 15_000 });
  const first = await onServer(id);
  await capture(a.page, "The second version");
  await expectInTimeline(b.page, "The second version", { timeout: 15_000 });

  await putAsAdmin({ ...first, _id: id });

  for (const d of [a, b]) {
    await expect(notices(d.page)).toContainText("older version of a session than this device holds", { timeout: 30_000 });
    // Kept aside, as a version changed elsewhere: the page shows it to compare, the newer one stays stored.
    await openSession(d.page);
    const conflict = d.page.getByRole("alert", { name: "Changed on another device" });
    await expect(conflict).toBeVisible({ timeout: 10_000 });
    await expectInTimeline(d.page, "The second version", { present: false });
    await conflict.getByRole("button", { name: "Keep the other version" }).click();
    await expect(conflict).toHaveCount(0);
    await expectInTimeline(d.page, "The second version");
  }
  await a.context.close();
  await b.context.close();
});

test("a value that does not open is reported under Problems and the rest still syncs", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  await openSession(a.page);
  const id = await sessionDocChangedBy(a.page, "Before the server broke it");
  await openSession(b.page);
  await expectInTimeline(b.page, "Before the server broke it", { timeout: 15_000 });

  // Another record's ciphertext under this session's document: sealed, but not for this key.
  const { rows } = await env.couch.allDocs();
  const client = rows.find((r) => r.id.startsWith("client:")).doc;
  await putAsAdmin({ _id: id, v: client.v, c: client.c });

  await expect(notices(b.page)).toContainText("that this vault's key does not open", { timeout: 30_000 });
  await expectInTimeline(b.page, "Before the server broke it");
  await b.page.goto("/#/");
  await b.page.getByText("This device", { exact: true }).click();
  const problems = b.page.getByRole("region", { name: "Problems" });
  await expect(problems.getByText(/^Copy of the session record .*, set aside$/)).toBeVisible();

  // Sync goes on past it: the next edit arrives.
  await capture(a.page, "After the server broke it");
  await openSession(b.page);
  await expectInTimeline(b.page, "After the server broke it", { timeout: 30_000 });
  await expect(syncStatus(b.page)).toHaveText(/^Synced/);
  await a.context.close();
  await b.context.close();
});

test("a client deleted on the server goes to Recently deleted on both devices and restores", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  const { rows } = await env.couch.allDocs();
  const client = rows.find((r) => r.id.startsWith("client:"));
  const response = await env.couch.request(`${docPath(client.id)}?rev=${client.value.rev}`, { method: "DELETE" });
  expect(response.status).toBe(200);

  for (const d of [a, b]) {
    await expect(notices(d.page)).toContainText("A client was deleted on another device", { timeout: 30_000 });
    await d.page.goto("/#/");
    await expect(d.page.getByRole("link", { name: /Alex/ })).toHaveCount(0);
    await d.page.getByText(/^Recently deleted \(1\)$/).click();
  }
  await b.page.getByRole("button", { name: /^Restore Alex and their \d+ sessions/ }).click();
  await expect(b.page.getByRole("link", { name: /Alex/ })).toBeVisible();
  await openSession(b.page);

  // Restored on one device, it is back on the server and on the other.
  await expect.poll(async () => Object.keys(await revisions()), { timeout: 30_000 }).toContain(client.id);
  await a.page.reload();
  await field(a.page, "Passphrase").fill(PASSPHRASE);
  await a.page.getByRole("button", { name: "Unlock" }).click();
  await expect(a.page.getByRole("link", { name: /Alex/ })).toBeVisible({ timeout: 30_000 });
  await a.context.close();
  await b.context.close();
});
