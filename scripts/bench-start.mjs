// Start-up time with n sessions stored, in the release build.
//
// start_ms: performance.now() (whose origin is the start of navigation) at the
// moment the roster has been painted, i.e. the first `a[href^="#/client/"]`
// exists in the document and the frame holding it has been rendered
// (requestAnimationFrame, then a task after it). Each data set gets its own
// browser context, so its own localStorage; after two warm-up loads (the
// service worker installs and caches the build, as on any visit after the
// first), the contexts are loaded in turn, ROUNDS times each, so a busy
// machine slows all of them alike (15 rounds by default: one module starts in
// about 100 ms, where a few ms of noise move the ratios). The median per data
// set is printed.
//
// Usage: node scripts/bench-start.mjs 10:data-10.json 1000:data-1000.json …
//   (after `trunk build --release`; the files come from examples/bench_data.rs)
// Prints `bench: start_ms n=N X` per data set.
import { launch, measuredBy, median, readData, seed, serve } from "./bench-lib.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const sets = process.argv.slice(2).map((arg) => {
  const [n, file] = arg.split(":");
  return { n: Number(n), file };
});
if (!sets.length) {
  console.error("usage: node scripts/bench-start.mjs N:data-N.json …");
  process.exit(2);
}

/**
 * Tells, on the console (see `measuredBy` in bench-lib.mjs), when the roster's
 * first client link is on screen; set up before the app runs.
 */
function watchRoster() {
  const seen = new MutationObserver(() => {
    if (document.querySelector('a[href^="#/client/"]')) {
      seen.disconnect();
      requestAnimationFrame(() => setTimeout(() => console.log(`measured ${performance.now()}`)));
    }
  });
  seen.observe(document, { childList: true, subtree: true });
}

const server = await serve();
const browser = await launch();
try {
  for (const set of sets) {
    set.context = await browser.newContext();
    await set.context.addInitScript(watchRoster);
    set.page = await set.context.newPage();
    const keys = await seed(set.page, server.origin, readData(set.file));
    set.times = [];
    console.log(`start: n=${set.n}, ${keys} keys in localStorage`);
  }
  const load = (set) =>
    measuredBy(set.page, `the roster, n=${set.n}`, () => set.page.goto(`${server.origin}/`, { waitUntil: "commit" }));
  for (let round = -2; round < ROUNDS; round++) {
    for (const set of sets) {
      const ms = await load(set);
      if (round >= 0) set.times.push(ms);
    }
  }
  for (const set of sets) {
    const sessions = await set.page.evaluate(
      () => Object.keys(localStorage).filter((k) => k.includes("/session/")).length,
    );
    if (sessions !== set.n) throw new Error(`n=${set.n}: ${sessions} sessions in storage after loading`);
    console.log(`start n=${set.n}: ${set.times.map((t) => t.toFixed(0)).join(", ")} ms`);
  }
  for (const set of sets) console.log(`bench: start_ms n=${set.n} ${median(set.times).toFixed(1)}`);
} finally {
  await browser.close();
  server.stop();
}
