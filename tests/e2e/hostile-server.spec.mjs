import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import { useSyncSite } from "./couch.mjs";
import { saved } from "./helpers.mjs";
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
    const more = () => {
      while (left > 0) {
        left--;
        sent++;
        if (!res.write(megabyte)) return res.once("drain", more);
      }
      res.end();
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
