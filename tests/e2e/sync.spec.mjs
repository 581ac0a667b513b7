import { test, expect } from "@playwright/test";
import { useSyncSite } from "./couch.mjs";
import { field, turnOnLock } from "./helpers.mjs";
import { syncDevices } from "./sync-devices.mjs";

// Two browser contexts are two devices. They sync through PouchDB Server,
// reached as a deployment reaches CouchDB: on the app's own origin under
// /db/, through scripts/serve.mjs.
const PASSPHRASE = "blue heron at dawn";
/** Words of the sample that the server must never be able to read. */
const SECRETS = ["Alex", "Product Designer", "Harper Torres", "perfectionism", "counter-evidence"];

test.describe.configure({ mode: "serial" });

const env = useSyncSite(test);

test.beforeEach(async () => {
  await env.couch.freshDatabase();
  env.site.setDbReachable(true);
});

const { address, syncStatus, device, fillAccount, firstDevice, secondDevice, openSession, timeline, expectInTimeline, capture } =
  syncDevices(env, PASSPHRASE);

test("a device set up from the server gets the first one's clients, edits cross within 5 s, and the server reads nothing", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);

  // B is unlocked like A: the lock is on, with the same passphrase.
  await b.page.getByText("This device", { exact: true }).click();
  await expect(b.page.getByRole("button", { name: "Turn off sync" })).toBeVisible();
  await expect(b.page.getByRole("button", { name: "Lock", exact: true })).toBeVisible();

  await openSession(b.page);
  await openSession(a.page);
  await capture(a.page, "Slept through the night twice this week");
  await expectInTimeline(b.page, "Slept through the night twice this week");

  const stored = JSON.stringify(await env.couch.allDocs());
  expect(stored).toContain('"_id":"vault"');
  for (const secret of [...SECRETS, "Slept through the night"]) expect(stored).not.toContain(secret);
  await a.context.close();
  await b.context.close();
});

test("a wrong password or passphrase is said plainly and changes nothing", async ({ browser }) => {
  const a = await device(browser);
  await a.page.getByRole("button", { name: "Load sample data" }).click();
  await expect(a.page.getByRole("link", { name: /Alex/ })).toBeVisible();
  await turnOnLock(a.page, PASSPHRASE);
  const panel = a.page.locator("details", { hasText: "This device" });
  const before = await a.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await fillAccount(panel, { password: "not the password" });
  await panel.getByRole("button", { name: "Turn on sync" }).click();
  await expect(panel.getByRole("alert")).toHaveText("The server did not accept this user name and password.");
  expect(await a.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await expect(syncStatus(a.page)).toHaveCount(0);

  // With the right one, sync starts; a new device with the wrong passphrase stays empty.
  await fillAccount(panel);
  await panel.getByRole("button", { name: "Turn on sync" }).click();
  await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 30_000 });
  const b = await device(browser);
  await b.page.getByRole("button", { name: "Set up from server" }).click();
  const form = b.page.getByRole("form", { name: "Set up from server" });
  await fillAccount(form);
  await field(form, "Passphrase").fill("blue heron at dusk");
  await form.getByRole("button", { name: "Connect" }).click();
  await expect(form.getByRole("alert")).toHaveText("That passphrase does not match.");
  expect(await b.page.evaluate(() => Object.keys(localStorage).filter((k) => k !== "sessionpad/v1/schema"))).toEqual([]);
  await a.context.close();
  await b.context.close();
});

test("a session edited on both devices while offline offers both versions after reconnecting", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  await openSession(a.page);
  await openSession(b.page);

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await capture(a.page, "Written on the tablet while offline");
  await capture(b.page, "Written on the laptop while offline");
  await expect(syncStatus(a.page)).toHaveText("Offline — will sync when connected", { timeout: 15_000 });

  await a.context.setOffline(false);
  await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 15_000 });
  await b.context.setOffline(false);
  await expect(syncStatus(b.page)).toHaveText(/^Synced/, { timeout: 15_000 });
  await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 15_000 });

  // B pulled A's version over its own: both are there to choose from.
  await openSession(b.page);
  const notice = b.page.getByRole("alert", { name: "Changed on another device" });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const texts = ["Written on the tablet while offline", "Written on the laptop while offline"];
  const shown = (await timeline(b.page)).includes(texts[0]) ? 0 : 1;
  await expectInTimeline(b.page, texts[1 - shown], { present: false });
  await notice.getByRole("button", { name: "Keep the other version" }).click();
  await expect(notice).toHaveCount(0);
  await expectInTimeline(b.page, texts[1 - shown]);
  await expectInTimeline(b.page, texts[shown], { present: false });
  await a.context.close();
  await b.context.close();
});

test("with the server stopped the app says it is offline, and sync resumes when the server is back", async ({ browser }) => {
  const a = await firstDevice(browser);
  const b = await secondDevice(browser);
  await openSession(b.page);
  await openSession(a.page);

  await env.couch.halt();
  await capture(a.page, "Noted while the server was down");
  await expect(syncStatus(a.page)).toHaveText("Offline — will sync when connected", { timeout: 15_000 });
  await expectInTimeline(a.page, "Noted while the server was down");

  await env.couch.resume();
  await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 40_000 });
  await expectInTimeline(b.page, "Noted while the server was down", { timeout: 40_000 });
  await a.context.close();
  await b.context.close();
});
