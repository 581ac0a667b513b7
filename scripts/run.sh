#!/usr/bin/env bash
# Builds the release (with wasm-opt) and serves it on http://127.0.0.1:8080.
# SYNC_DEMO=1: also runs PouchDB Server in memory behind /db/ on that origin, to try sync.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
if [ "${SYNC_DEMO:-}" = 1 ]; then
  exec node scripts/sync-demo.mjs dist "${PORT:-8080}"
fi
exec node scripts/serve.mjs dist "${PORT:-8080}"
