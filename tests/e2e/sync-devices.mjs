// Two browser contexts are two devices that sync through PouchDB Server on
// the app's own origin under /db/ (scripts/serve.mjs), as a deployment
// reaches CouchDB. Shared by the sync specs; `env` is useSyncSite's.
import { expect } from "@playwright/test";
import { field, saved, startEmpty, turnOnLock } from "./helpers.mjs";

export function syncDevices(env, passphrase) {
  const address = () => `${env.site.url}/db/${env.couch.database}`;
  const syncStatus = (page) => page.getByRole("status", { name: "Sync status" });

  async function device(browser) {
    const context = await browser.newContext({ baseURL: env.site.url });
    const page = await context.newPage();
    await startEmpty(page);
    return { context, page };
  }

  async function fillAccount(scope, { password = env.couch.password } = {}) {
    await field(scope, "Database address").fill(address());
    await field(scope, "User name").fill(env.couch.user);
    await field(scope, "Password").fill(password);
  }

  /** A: the sample, the lock, then sync turned on; waits until it has synced. */
  async function firstDevice(browser) {
    const a = await device(browser);
    await a.page.getByRole("button", { name: "Load sample data" }).click();
    await expect(a.page.getByRole("link", { name: /Alex/ })).toBeVisible();
    await turnOnLock(a.page, passphrase);
    const panel = a.page.locator("details", { hasText: "This device" });
    await fillAccount(panel);
    await panel.getByRole("button", { name: "Turn on sync" }).click();
    await expect(panel.getByText(/^Syncing with .* as clinician\./)).toBeVisible();
    await expect(syncStatus(a.page)).toHaveText(/^Synced/, { timeout: 30_000 });
    return a;
  }

  /** B: an empty device set up from the server. */
  async function secondDevice(browser) {
    const b = await device(browser);
    await b.page.getByRole("button", { name: "Set up from server" }).click();
    const form = b.page.getByRole("form", { name: "Set up from server" });
    await fillAccount(form);
    await field(form, "Passphrase").fill(passphrase);
    await form.getByRole("button", { name: "Connect" }).click();
    await expect(b.page.getByRole("link", { name: /Alex/ })).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(b.page)).toHaveText(/^Synced/, { timeout: 30_000 });
    return b;
  }

  async function openSession(page, title = /Session 12 of 24/) {
    await page.goto("/#/");
    await page.getByRole("link", { name: /Alex/ }).click();
    await page.getByRole("link", { name: title }).click();
    await expect(field(page, "Capture")).toBeVisible();
  }

  /** The texts of the open session's timeline entries. */
  const timeline = (page) =>
    page
      .getByRole("list", { name: "Timeline entries" })
      .getByRole("textbox")
      .evaluateAll((fields) => fields.map((f) => f.value));

  /** Waits until the open session's timeline holds `text`, or lacks it. */
  async function expectInTimeline(page, text, { timeout = 5_000, present = true } = {}) {
    const poll = expect.poll(() => timeline(page), { timeout });
    await (present ? poll.toContain(text) : poll.not.toContain(text));
  }

  async function capture(page, text) {
    await field(page, "Capture").fill(text);
    await page.getByRole("button", { name: "Add to timeline" }).click();
    await saved(page);
  }

  return { address, syncStatus, device, fillAccount, firstDevice, secondDevice, openSession, timeline, expectInTimeline, capture };
}
