// A slow network link in front of scripts/serve.mjs, for the tablet figures
// (scripts/bench-tablet.mjs): a TCP proxy on loopback that gives every
// connection the same round-trip time and makes all of them share one
// downlink and one uplink of fixed throughput.
//
// Why here and not in the browser: Chromium's network emulation
// (Network.emulateNetworkConditions) applies to the page it is set on, and a
// service worker's own fetches (the precache on a first visit, the check for
// a newer sw.js on later ones, and every request the worker passes on to the
// network) are not throttled by it. A link outside the browser slows every
// byte alike, whoever asked for it, and lets the bytes that crossed it be
// counted with the time they arrived.
//
// The model: each direction is one link of `down` / `up` bytes a second;
// data is cut into pieces of at most PIECE bytes, each piece leaves when the
// link is free and has taken size / rate to send, and arrives rtt / 2 later.
// A new connection costs one round trip (the TCP handshake) before its first
// request can leave. There is no loss, slow start or TLS, so this is an
// optimistic network of that speed and latency, not a pessimistic one. The
// browser speaks HTTP/1.1 to it over up to six connections, where a real
// host would likely use HTTP/2 over one; they share the same link.
// On a busy machine the proxy's own timers run late by a few milliseconds.
import { createServer, connect } from "node:net";
import { performance } from "node:perf_hooks";

const PIECE = 8 * 1024;

/** Wall-clock milliseconds, comparable with a page's performance.timeOrigin + performance.now(). */
const epoch = () => performance.timeOrigin + performance.now();

/** One direction of the link, shared by every connection. */
function link(rate, oneWay) {
  let free = 0;
  return {
    /** When a piece of `size` bytes handed over at `now` arrives. */
    schedule(now, size) {
      free = Math.max(now, free) + (size / rate) * 1000;
      return free + oneWay;
    },
    /** When the last piece handed over so far arrives. */
    get idleAt() {
      return free + oneWay;
    },
  };
}

/**
 * Delivers what `from` sends to `to`, over `way`, in order. Nothing arrives
 * before `notBefore` (ms, performance.now: the handshake), which does not
 * hold up other connections on the link; `count(bytes)` sees each piece as
 * it arrives.
 */
function pipe(from, to, way, notBefore, count) {
  const queue = [];
  let timer = null;
  const pump = () => {
    timer = null;
    const now = performance.now();
    while (queue.length && queue[0].at <= now) {
      const { data, end } = queue.shift();
      if (end) {
        to.end();
        return;
      }
      if (to.destroyed) return;
      to.write(data);
      count?.(data.length);
    }
    if (queue.length) timer = setTimeout(pump, queue[0].at - now);
  };
  const push = (item) => {
    queue.push(item);
    if (!timer) timer = setTimeout(pump, Math.max(0, queue[0].at - performance.now()));
  };
  from.on("data", (chunk) => {
    const now = performance.now();
    for (let i = 0; i < chunk.length; i += PIECE) {
      const data = chunk.subarray(i, i + PIECE);
      push({ data, at: Math.max(way.schedule(now, data.length), notBefore) });
    }
  });
  // The far side hears of the end once the last byte has arrived.
  from.on("end", () => push({ end: true, at: queue.at(-1)?.at ?? performance.now() }));
  return () => timer && clearTimeout(timer);
}

/**
 * Starts the link in front of `target` (`{ host, port }`). Options: down and up
 * in bytes a second, rtt in milliseconds. Resolves to { origin, received,
 * reset(), settled(), bytesUntil(epochMs), close() }: `received` lists every piece sent
 * to the browser as { at: epoch ms, bytes }.
 */
export async function throttle(target, { down, up, rtt }) {
  const downlink = link(down, rtt / 2);
  const uplink = link(up, rtt / 2);
  let received = [];
  const sockets = new Set();
  const server = createServer((client) => {
    const opened = performance.now();
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // The handshake: a SYN out and its answer back before the first request
    // leaves, which then takes half a round trip to arrive.
    const stopUp = pipe(client, upstream, uplink, opened + rtt * 1.5, null);
    const stopDown = pipe(upstream, client, downlink, 0, (bytes) => received.push({ at: epoch(), bytes }));
    const gone = () => {
      stopUp();
      stopDown();
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", gone).on("close", gone);
    upstream.on("error", gone).on("close", () => {
      // Let bytes still on the way arrive; the client side closes after them.
      sockets.delete(upstream);
    });
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    get received() {
      return received;
    },
    reset() {
      received = [];
    },
    /** Resolves once nothing handed to the link is still on its way. */
    settled() {
      const wait = Math.max(downlink.idleAt, uplink.idleAt) - performance.now();
      return new Promise((done) => setTimeout(done, Math.max(0, wait) + 10));
    },
    /** Bytes that reached the browser at or before `at` (epoch ms). */
    bytesUntil(at) {
      return received.filter((r) => r.at <= at).reduce((sum, r) => sum + r.bytes, 0);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
