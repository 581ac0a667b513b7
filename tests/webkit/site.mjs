// The release build served on loopback by scripts/serve.mjs, on a port the
// system reports free: each journey gets its own, hence its own empty origin
// (no storage, no service worker), and can stop it to go offline.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../e2e/free-port.mjs";
import { waitFor } from "./driver.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The build under test: WEBKIT_DIST, or the repository's own `dist` from `trunk build --release`. */
export const dist = resolve(root, process.env.WEBKIT_DIST ?? "dist");

export class Site {
  /** A fresh server; with `db` (a CouchDB address) it also forwards `/db/` there, as a deployment does. */
  static async start({ db } = {}) {
    for (const file of ["index.html", "sw.js"]) {
      if (!existsSync(resolve(dist, file))) {
        throw new Error(`${dist} holds no release build (${file} is missing): run trunk build --release, or set WEBKIT_DIST`);
      }
    }
    const port = freePort();
    const args = [resolve(root, "scripts/serve.mjs"), dist, String(port), ...(db ? [`--db=${db}`] : [])];
    const server = spawn(process.execPath, args, {
      stdio: "ignore",
    });
    const site = new Site(server, `http://127.0.0.1:${port}`);
    await waitFor(`the static server on port ${port}`, async () => {
      if (server.exitCode !== null) throw Object.assign(new Error("serve.mjs exited"), { fatal: true });
      return (await fetch(site.origin + "/", { signal: AbortSignal.timeout(1000) })).ok;
    }, 10_000);
    return site;
  }

  constructor(server, origin) {
    this.server = server;
    this.origin = origin;
  }

  /** Stops the server and waits until its port refuses connections. */
  async stop() {
    if (this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise((r) => this.server.once("exit", r));
      this.server.kill();
      await exited;
    }
    await waitFor(`${this.origin} to refuse connections`, () =>
      fetch(this.origin + "/", { signal: AbortSignal.timeout(1000) }).then(
        () => false,
        () => true,
      ),
    5_000);
  }
}
