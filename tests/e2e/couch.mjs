// A CouchDB-compatible server for the sync tests, the benchmarks and the demo:
// PouchDB Server on a free loopback port, its files in a fresh temp folder,
// set up as a deployment would be (see README, "Sync between devices"): a
// server admin, the database `sessionpad`, one user in `_users` who is the
// database's only member, so anonymous requests get 401.
//
//   const couch = await startCouch();
//   couch.url              "http://127.0.0.1:PORT", the server's own address
//   couch.database         "sessionpad"
//   couch.user, couch.password        the member the app signs in as
//   couch.admin            { name, password }
//   await couch.allDocs()  every document, as `_all_docs?include_docs=true` answers
//   await couch.freshDatabase()       deletes and recreates the database and its members
//   await couch.request(path, init, as)   fetch with Basic auth ("admin", "user" or null)
//   await couch.halt() / couch.resume()   server really down and back, data kept (on disk only)
//   await couch.stop()     ends the server and removes its folder
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { freePort } from "./free-port.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const bin = join(root, "node_modules/pouchdb-server/bin/pouchdb-server");
const preload = join(here, "couch-longpoll-timeout.cjs");

/** `Authorization` header value for HTTP Basic auth. */
export function basicAuth(name, password) {
  return `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;
}

/**
 * Starts and sets up PouchDB Server. Options (all optional):
 * - inMemory: keep the data in memory only (default false: LevelDB files in the temp folder,
 *   so halt() / resume() keep it)
 * - port: the port to listen on (default: one the system says is free)
 * - database, user, password, admin: names and secrets (passwords default to random ones)
 * - log: pass the server's output through to this process's stdout (default false)
 */
export async function startCouch(options = {}) {
  const {
    inMemory = false,
    port = freePort(),
    database = "sessionpad",
    user = "clinician",
    password = randomBytes(9).toString("base64url"),
    admin = { name: "admin", password: randomBytes(12).toString("base64url") },
    log = false,
  } = options;
  const dir = mkdtempSync(join(tmpdir(), "sessionpad-couch-"));
  const url = `http://127.0.0.1:${port}`;
  let child = null;

  async function launch() {
    const args = ["--require", preload, bin, "--port", String(port), "--host", "127.0.0.1", "--dir", dir];
    args.push("--config", join(dir, "config.json"));
    if (inMemory) args.push("--in-memory");
    if (!log) args.push("--no-stdout-logs");
    // The server also writes log.txt and its own databases into its working directory.
    const started = spawn(process.execPath, args, {
      cwd: dir,
      stdio: ["ignore", log ? "inherit" : "ignore", "pipe"],
    });
    let stderr = "";
    started.stderr.on("data", (chunk) => {
      stderr += chunk;
      if (log) process.stderr.write(chunk);
    });
    const exited = once(started, "exit").then(([code]) => {
      throw new Error(`PouchDB Server exited (${code}) before answering: ${stderr.slice(-2000)}`);
    });
    exited.catch(() => {});
    child = started;
    await Promise.race([waitUntilAnswering(url, 20_000), exited]);
  }

  async function request(path, init = {}, as = "admin") {
    const headers = { accept: "application/json", ...init.headers };
    if (as === "admin") headers.authorization = basicAuth(admin.name, admin.password);
    if (as === "user") headers.authorization = basicAuth(user, password);
    if (init.body !== undefined && typeof init.body !== "string") {
      init = { ...init, body: JSON.stringify(init.body) };
      headers["content-type"] = "application/json";
    }
    return fetch(`${url}${path}`, { ...init, headers });
  }

  async function expectOk(path, init, as) {
    const response = await request(path, init, as);
    const body = await response.text();
    if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status} ${body}`);
    return body ? JSON.parse(body) : null;
  }

  async function createDatabase() {
    // Just after a DELETE, the server may still be closing the old file (a
    // device's longpoll held it open) and answers 412 file_exists: a moment later it creates.
    for (let tries = 1; ; tries++) {
      const response = await request(`/${database}`, { method: "PUT" });
      if (response.ok) break;
      const body = await response.text();
      if (response.status !== 412 || tries === 20) throw new Error(`PUT /${database}: ${response.status} ${body}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expectOk(`/${database}/_security`, {
      method: "PUT",
      body: { admins: { names: [], roles: [] }, members: { names: [user], roles: [] } },
    });
  }

  await launch();
  try {
    // A new server has no admin: anyone may create the first, as on a fresh CouchDB.
    await expectOk(
      `/_config/admins/${encodeURIComponent(admin.name)}`,
      { method: "PUT", body: JSON.stringify(admin.password), headers: { "content-type": "application/json" } },
      null,
    );
    await expectOk(`/_users/org.couchdb.user:${encodeURIComponent(user)}`, {
      method: "PUT",
      body: { _id: `org.couchdb.user:${user}`, name: user, password, roles: [], type: "user" },
    });
    await createDatabase();
  } catch (error) {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  async function halt() {
    if (inMemory) throw new Error("halt() would lose an in-memory server's data: start it without inMemory");
    if (!child) return;
    const stopping = child;
    child = null;
    if (stopping.exitCode === null && stopping.signalCode === null) {
      stopping.kill();
      await once(stopping, "exit");
    }
  }

  const stopOnExit = () => child?.kill();
  process.on("exit", stopOnExit);

  return {
    url,
    port,
    database,
    user,
    password,
    admin: { ...admin },
    dir,
    request,
    /** Every document with its body, as `_all_docs?include_docs=true` answers (read as admin). */
    allDocs: () => expectOk(`/${database}/_all_docs?include_docs=true`),
    /** Deletes the database if it is there and creates it again, with the user as its only member. */
    async freshDatabase() {
      const response = await request(`/${database}`, { method: "DELETE" });
      if (!response.ok && response.status !== 404) {
        throw new Error(`DELETE /${database}: ${response.status} ${await response.text()}`);
      }
      await createDatabase();
    },
    /** Stops the server process; its port refuses connections until resume(). Data is kept. */
    halt,
    /** Starts the server again on the same port and folder after halt(). */
    async resume() {
      if (!child) await launch();
    },
    /** Ends the server and removes its folder. */
    async stop() {
      process.off("exit", stopOnExit);
      if (child) {
        const stopping = child;
        child = null;
        if (stopping.exitCode === null && stopping.signalCode === null) {
          stopping.kill();
          await once(stopping, "exit");
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilAnswering(url, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`PouchDB Server did not answer on ${url} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * For a spec: before its tests, PouchDB Server and the built app served with
 * `/db/` proxied to it on one origin (as a deployment serves them); after
 * them, both stopped. The returned object's `couch` and `site` are set once
 * the spec's tests run (`site` is what scripts/serve.mjs's `serve` returns).
 */
export function useSyncSite(test) {
  const env = { couch: null, site: null };
  test.beforeAll(async () => {
    const { serve } = await import("../../scripts/serve.mjs");
    env.couch = await startCouch();
    env.site = await serve({ dir: join(root, "dist"), port: 0, db: env.couch.url });
  });
  test.afterAll(async () => {
    await env.site?.close();
    await env.couch?.stop();
  });
  return env;
}
