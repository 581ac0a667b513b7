// cargo's runner for wasm32 test binaries (.cargo/config.toml): wasm-bindgen-test-runner, given
// the binary without its DWARF sections. The runner parses all of a debug build's DWARF (about
// 160 MB of the browser tests' 183 MB) only to drop it, which took 25-30 s of every run; the
// name section stays, so stack traces still name functions.
// Usage (as cargo calls it): node scripts/wasm-test-runner.mjs <test.wasm> [runner arguments…]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** An unsigned LEB128 number at `at`: its value and the offset after it. */
function leb128(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** The module with every custom section named `.debug_…` left out. */
function withoutDwarf(wasm) {
  const kept = [wasm.subarray(0, 8)];
  for (let at = 8; at < wasm.length; ) {
    const start = at;
    const id = wasm[at];
    const [size, body] = leb128(wasm, at + 1);
    at = body + size;
    if (id === 0) {
      const [length, name] = leb128(wasm, body);
      if (wasm.toString("utf8", name, name + length).startsWith(".debug_")) continue;
    }
    kept.push(wasm.subarray(start, at));
  }
  return Buffer.concat(kept);
}

const [binary, ...args] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "sessionpad-wasm-test-"));
let run;
try {
  const stripped = join(dir, basename(binary));
  writeFileSync(stripped, withoutDwarf(readFileSync(binary)));
  run = spawnSync("wasm-bindgen-test-runner", [stripped, ...args], { stdio: "inherit" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (run.error) throw run.error;
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status);
