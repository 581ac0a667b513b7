// `SYNC_DEMO=1 make run`: the built app on http://127.0.0.1:8080 with a
// PouchDB Server in memory behind /db/ on the same origin, set up as a
// deployment is (see README, "Sync between devices"). Its data goes when it stops.
// Usage: node scripts/sync-demo.mjs [dir] [port]
import { serve } from "./serve.mjs";
import { startCouch } from "../tests/e2e/couch.mjs";

const dir = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 8080);
const couch = await startCouch({ inMemory: true, password: "sessionpad-demo" });
const site = await serve({ dir, port, db: couch.url });

console.log(`
Sessionpad with sync: ${site.url}
PouchDB Server (in memory, gone when this stops) behind ${site.url}/db/

In "This device" → "Sync between devices" (or "Set up from server" on the second device):
  Database address  ${site.url}/db/${couch.database}
  User name         ${couch.user}
  Password          ${couch.password}

Try it with two windows, one normal and one private: each is a device of its own.
Ctrl-C stops both servers.`);

async function shutdown() {
  await site.close();
  await couch.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
