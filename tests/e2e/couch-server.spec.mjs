import { test, expect } from "@playwright/test";
import { basicAuth, useSyncSite } from "./couch.mjs";

// The server the sync journeys replicate with, reached as the app reaches it:
// on the app's own origin under /db/, through scripts/serve.mjs.

// In order, in one worker: the tests share the server, and the last reads what the second wrote.
test.describe.configure({ mode: "serial" });

const env = useSyncSite(test);

function get(path, { auth = true, ...init } = {}) {
  const headers = { accept: "application/json" };
  if (auth) headers.authorization = basicAuth(env.couch.user, env.couch.password);
  return fetch(`${env.site.url}/db/${env.couch.database}${path}`, { ...init, headers: { ...headers, ...init.headers } });
}

test("the database answers its member through the proxy and refuses anyone else", async () => {
  const member = await get("");
  expect(member.status).toBe(200);
  expect((await member.json()).db_name).toBe("sessionpad");
  expect((await get("", { auth: false })).status).toBe(401);
  expect((await get("/_changes", { auth: false })).status).toBe(401);

  const put = await get("/_local/checkpoint", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ last_seq: 0 }),
  });
  expect(put.status).toBe(201);
  expect((await (await get("/_local/checkpoint")).json()).last_seq).toBe(0);
});

test("a longpoll changes feed waits for its timeout, or ends at the next change", async () => {
  let started = Date.now();
  const quiet = await get("/_changes?feed=longpoll&style=all_docs&since=now&timeout=2000");
  const body = await quiet.json();
  const waited = Date.now() - started;
  expect(quiet.status).toBe(200);
  expect(body.results).toEqual([]);
  expect(waited).toBeGreaterThanOrEqual(1900);
  expect(waited).toBeLessThan(6000);

  started = Date.now();
  const woken = get(`/_changes?feed=longpoll&style=all_docs&since=${body.last_seq}&timeout=20000`);
  await new Promise((r) => setTimeout(r, 300));
  await env.couch.request(`/${env.couch.database}/note-1`, { method: "PUT", body: { sealed: "x" } });
  const change = await (await woken).json();
  expect(change.results.map((r) => r.id)).toEqual(["note-1"]);
  expect(Date.now() - started).toBeLessThan(5000);
  const all = await env.couch.allDocs();
  expect(all.rows.map((r) => r.id)).toContain("note-1");
});

test("switched unreachable, /db/ answers 502 and cuts a waiting feed; switched back, it answers again", async () => {
  const waiting = get("/_changes?feed=longpoll&since=now&timeout=30000")
    .then((r) => r.text())
    .catch((error) => error);
  await new Promise((r) => setTimeout(r, 300));
  env.site.setDbReachable(false);
  expect(await waiting).toBeInstanceOf(Error);
  expect((await get("")).status).toBe(502);

  env.site.setDbReachable(true);
  expect((await get("")).status).toBe(200);
});

test("with the server itself stopped, /db/ answers 502 until it is back, data kept", async () => {
  await env.couch.halt();
  expect((await get("")).status).toBe(502);
  await env.couch.resume();
  expect((await get("")).status).toBe(200);
  expect((await env.couch.allDocs()).rows.map((r) => r.id)).toContain("note-1");
});
