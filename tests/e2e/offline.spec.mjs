import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { freePort } from "./free-port.mjs";
import { field } from "./helpers.mjs";

// A server of its own, over a copy of the build, so a "newer build" can be
// put in its place while the browser keeps its service worker.
const root = fileURLToPath(new URL("../..", import.meta.url));
const port = freePort();
const origin = `http://127.0.0.1:${port}`;
let site;
let server;

test.beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), "sessionpad-site-"));
  cpSync(join(root, "dist"), site, { recursive: true });
  server = spawn("node", [join(root, "scripts/serve.mjs"), site, String(port)], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(origin);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

test.afterAll(() => {
  server?.kill();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** What a newer build changes: its files, hence the worker's version. */
function publishNewerBuild() {
  const sw = join(site, "sw.js");
  const old = readFileSync(sw, "utf8");
  const version = old.match(/const CACHE = CACHE_PREFIX \+ "([0-9a-f]+)"/)[1];
  writeFileSync(sw, old.replaceAll(version, "feedfacecafebeef"));
  const index = join(site, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("</body>", "<!-- newer build --></body>"));
}


test("after one visit the app opens, edits and saves offline; a newer build is offered when back online", async ({ browser }) => {
  const context = await browser.newContext();
  const offOrigin = [];
  const policyErrors = [];
  context.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) offOrigin.push(r.url());
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) policyErrors.push(m.text());
  });

  // First visit, online: the worker installs and precaches the build.
  await page.goto(origin + "/");
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // Offline: reload, add a client and a session, write, reload.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await field(page, "Name or code").fill("Written offline");
  await page.getByRole("button", { name: "New client" }).click();
  await page.getByRole("button", { name: "New session" }).click();
  await field(page, "Notes").fill("Notes taken on the train, no network.");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");
  await page.reload();
  await expect(field(page, "Notes")).toHaveValue("Notes taken on the train, no network.");
  // A deep link works offline too: navigations fall back to the app shell.
  await page.goto(origin + "/index.html?from=home-screen#/");
  await expect(page.getByRole("link", { name: /Written offline/ })).toBeVisible();

  // Back online with a newer build: the update is offered, not forced.
  publishNewerBuild();
  await context.setOffline(false);
  await page.reload();
  const prompt = page.getByRole("status", { name: "Update" });
  await expect(prompt).toContainText("A new version is ready", { timeout: 15_000 });
  await expect(page.getByRole("link", { name: /Written offline/ })).toBeVisible();
  await prompt.getByRole("button", { name: "Reload" }).click();
  await expect(prompt).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: /Written offline/ })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 })
    .toEqual(["sessionpad-feedfacecafebeef"]);
  expect(await page.evaluate(() => document.documentElement.innerHTML.includes("newer build"))).toBe(true);

  expect(offOrigin).toEqual([]);
  expect(policyErrors).toEqual([]);
  await context.close();
});

test("the first save asks the browser to keep the data, and the device panel says whether it does", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__persistCalls = 0;
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      window.__persistCalls += 1;
      return original();
    };
  });
  await page.goto(origin + "/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  expect(await page.evaluate(() => window.__persistCalls)).toBe(0);
  await field(page, "Name or code").fill("Keep me");
  await page.getByRole("button", { name: "New client" }).click();
  await expect.poll(() => page.evaluate(() => window.__persistCalls)).toBe(1);
  await page.getByRole("button", { name: "New session" }).click();
  await page.getByRole("link", { name: "All clients" }).click();
  await page.getByText("This device", { exact: true }).click();
  // Headless Chromium grants persistence by engagement, so it answers "no" here.
  await expect(page.getByLabel("Storage persistence")).toContainText("Storage is not persistent yet");
  await expect(page.getByLabel("Room for notes")).toContainText(/^Notes take [\d,]+ characters, \d+% of the about 5,241,856 this browser keeps for Sessionpad; [\d,]+ are free\.$/);
  await expect(page.getByText(/^Room for about [\d,]+ more sessions like yours\.$/)).toBeVisible();
  await context.close();
});

test("Safari without a Home Screen install gets a one-time hint on keeping the data", async ({ browser }) => {
  const context = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  const page = await context.newPage();
  await page.goto(origin + "/");
  const hint = page.getByRole("region", { name: "Keep your notes on this device" });
  await expect(hint).toContainText("Add to Home Screen");
  await expect(hint).toContainText("first press “Back up” here, then choose “Restore from backup” in the app");
  await hint.getByRole("button", { name: "Got it" }).click();
  await expect(hint).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(hint).toHaveCount(0);
  await context.close();

  // Chromium is not told anything.
  const chromium = await browser.newContext();
  const other = await chromium.newPage();
  await other.goto(origin + "/");
  await expect(other.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(other.getByRole("region", { name: "Keep your notes on this device" })).toHaveCount(0);
  await chromium.close();
});

test("the manifest makes the app installable with its own icons", async ({ request }) => {
  const manifest = await (await request.get(origin + "/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ short_name: "Sessionpad", display: "standalone", start_url: "./" });
  const purposes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? "any"}`);
  expect(purposes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const response = await request.get(`${origin}/${icon.src}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
});

test("another site cannot frame the app, and the README's host setups forbid it too", async ({ page, request }) => {
  const response = await request.get(origin + "/");
  expect(response.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  // A page of another origin (here about:blank's opaque one) embedding the app gets nothing of it.
  await page.setContent(`<iframe src="${origin}/" width="600" height="400"></iframe>`);
  await page.waitForTimeout(1_000);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(await framed.evaluate(() => document.querySelector("main, #app, .screen") === null).catch(() => true)).toBe(true);

  // The README's Caddy and nginx examples send the same headers, and HSTS.
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  for (const host of ["caddyfile", "nginx"]) {
    const setup = readme.match(new RegExp("```" + host + "\\n([\\s\\S]*?)```"))[1];
    for (const header of ["Strict-Transport-Security", "X-Content-Type-Options nosniff", `Content-Security-Policy "frame-ancestors 'none'"`]) {
      expect(setup, `${host} sets ${header}`).toContain(header);
    }
  }
});

/** A GET of `path` sending `accept-encoding` as given: its content-encoding and body exactly as sent. */
function fetchRaw(path, acceptEncoding) {
  return new Promise((done, fail) => {
    httpRequest(origin + path, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => done({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
    })
      .on("error", fail)
      .end();
  });
}

test("the build is sent brotli-compressed to browsers that take it, gzip to others, and never as a file's old bytes", async () => {
  const wasm = readdirSync(site).find((name) => name.endsWith(".wasm"));
  const raw = readFileSync(join(site, wasm));
  const brotli = await fetchRaw(`/${wasm}`, "gzip, deflate, br, zstd");
  expect(brotli.encoding).toBe("br");
  expect(brotli.body.equals(readFileSync(join(site, `${wasm}.br`)))).toBe(true);
  expect(brotliDecompressSync(brotli.body).equals(raw)).toBe(true);
  expect(brotli.body.length).toBeLessThan(raw.length * 0.35);
  const gzip = await fetchRaw(`/${wasm}`, "gzip, deflate");
  expect(gzip.encoding).toBe("gzip");
  expect(gunzipSync(gzip.body).equals(raw)).toBe(true);

  // A file edited after the build (a host's own notice, say) beside a brotli form of its old text.
  writeFileSync(join(site, "notice.txt.br"), brotliCompressSync("Old notice. ".repeat(20)));
  writeFileSync(join(site, "notice.txt"), "Today's notice. ".repeat(20));
  const edited = await fetchRaw("/notice.txt", "gzip, deflate, br");
  expect(edited.encoding).toBe("gzip");
  expect(gunzipSync(edited.body).toString()).toBe("Today's notice. ".repeat(20));

  // The worker caches the files themselves, never their compressed forms.
  expect(readFileSync(join(site, "sw.js"), "utf8")).not.toContain(".br");
});
