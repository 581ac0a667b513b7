// Typing latency with a long note, with n sessions stored, in the release build.
//
// keystroke_ms: from dispatching an input event in a "Notes" box holding
// 20,000 characters to the next frame painted with it (a requestAnimationFrame,
// then a task after it), keys a tenth of a second apart. The app writes the record once typing pauses, off
// this path; after each block of edits the script waits for "Saved" and checks
// that the stored record did change. Each data set gets its own
// browser context (its own localStorage), a new client and a new session;
// the sets take turns, BLOCK edits at a time, so a busy machine slows all of
// them alike.
//
// Usage: node scripts/bench-typing.mjs 10:data-10.json 4000:data-4000.json
//   (after `trunk build --release`; the files come from examples/bench_data.rs)
// Prints `bench: keystroke_ms n=N median X p95 Y` per data set.
import { launch, quantile, readData, seed, serve } from "./bench-lib.mjs";

const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const BLOCK = 25;
const sets = process.argv.slice(2).map((arg) => {
  const [n, file] = arg.split(":");
  return { n: Number(n), file };
});
if (!sets.length) {
  console.error("usage: node scripts/bench-typing.mjs N:data-N.json …");
  process.exit(2);
}

/** Types `runs` characters, one input event each; the time of each to its painted frame. */
function type({ runs, key }) {
  return (async () => {
    const area = [...document.querySelectorAll("label")]
      .find((l) => l.querySelector("span")?.textContent === "Notes")
      .querySelector("textarea");
    const status = document.querySelector(".save-status");
    const before = localStorage.getItem(key);
    const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const out = [];
    for (let i = 0; i < runs; i++) {
      // Keys a tenth of a second apart, as typed: each lands anywhere in a frame.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const start = performance.now();
      area.value += "x";
      area.dispatchEvent(new Event("input", { bubbles: true }));
      await painted();
      out.push(performance.now() - start);
    }
    // The record is written once the typing pauses.
    const deadline = performance.now() + 10_000;
    while (status.textContent !== "Saved" || localStorage.getItem(key) === before) {
      if (performance.now() > deadline) throw new Error("typed edits never stored");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return out;
  })();
}

const server = await serve();
const browser = await launch();
try {
  for (const set of sets) {
    const context = await browser.newContext();
    const page = (set.page = await context.newPage());
    await seed(page, server.origin, readData(set.file));
    await page.goto(`${server.origin}/`);
    await page.getByRole("textbox", { name: "Name or code", exact: true }).fill("Bench");
    await page.getByRole("button", { name: "New client" }).click();
    await page.getByRole("button", { name: "New session" }).click();
    await page.waitForURL(/#\/session\//);
    const id = decodeURIComponent(page.url().split("#/session/")[1]);
    set.key = Object.keys(await page.evaluate(() => ({ ...localStorage }))).find((k) =>
      k.endsWith(`/session/${id}`),
    );
    const long = "Client described the week in detail. ".repeat(541).slice(0, 20_000);
    await page.getByRole("textbox", { name: "Notes", exact: true }).fill(long);
    await page.getByRole("status", { name: "Save status" }).filter({ hasText: "Saved" }).waitFor();
    set.times = [];
  }
  for (let done = 0; done < EDITS; done += BLOCK) {
    for (const set of sets) {
      set.times.push(...(await set.page.evaluate(type, { runs: BLOCK, key: set.key })));
    }
  }
  for (const set of sets) {
    const stored = await set.page.evaluate((key) => localStorage.getItem(key).length, set.key);
    const sessions = await set.page.evaluate(
      () => Object.keys(localStorage).filter((k) => k.includes("/session/")).length,
    );
    const t = set.times.sort((a, b) => a - b);
    const f = (q) => quantile(t, q).toFixed(1);
    console.log(
      `keystroke n=${set.n} (${sessions} sessions stored, the typed one included; record ${stored} chars, ` +
        `${t.length} edits): median ${f(0.5)} ms, p95 ${f(0.95)} ms, max ${t[t.length - 1].toFixed(1)} ms`,
    );
  }
  for (const set of sets) {
    const t = set.times;
    console.log(
      `bench: keystroke_ms n=${set.n} median ${quantile(t, 0.5).toFixed(1)} p95 ${quantile(t, 0.95).toFixed(1)}`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
