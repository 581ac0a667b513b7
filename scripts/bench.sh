#!/usr/bin/env bash
# `make bench`: every performance figure in one run, then bench/RESULTS.md.
# Builds the release, generates storage of 10, 1,000 and 4,000 sessions with
# the app's own store (examples/bench_data.rs), measures in headless Chromium
# (sync against PouchDB Server on loopback; the tablet figures with the CPU
# slowed and a throttled link in front of the server) and natively, and prints one
# `bench: …` line per figure. The whole output is kept in
# $CARGO_TARGET_DIR/bench/output.txt (target/ by default), from which
# scripts/bench-report.mjs writes the table of figures and budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
out="$target/bench"
mkdir -p "$out"
started=$(date +%s)

measure() {
  trunk build --release
  cargo build --release --example bench_data
  for n in 10 1000 4000; do
    "$target/release/examples/bench_data" "$n" >"$out/data-$n.json"
  done
  node scripts/bench-size.mjs
  node scripts/bench-start.mjs 10:"$out/data-10.json" 1000:"$out/data-1000.json" 4000:"$out/data-4000.json"
  node scripts/bench-typing.mjs 10:"$out/data-10.json" 4000:"$out/data-4000.json"
  node scripts/bench-tablet.mjs 1000:"$out/data-1000.json"
  node scripts/bench-unlock.mjs
  node scripts/bench-rotate.mjs 1000:"$out/data-1000.json"
  node scripts/bench-sync.mjs 1000:"$out/data-1000.json"
  cargo bench --bench transcript
  cargo bench --bench storage
  cargo bench --bench search
  cargo bench --bench suggest
}

measure 2>&1 | tee "$out/output.txt"
node scripts/bench-report.mjs "$out/output.txt" bench/RESULTS.md
echo "make bench took $(($(date +%s) - started)) s"
