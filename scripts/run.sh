#!/usr/bin/env bash
# Builds the release (with wasm-opt) and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# scripts/wasm-split first: Trunk then runs its wasm-bindgen, which cuts out the lazy screens.
export PATH="$PWD/scripts/wasm-split:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
exec node scripts/serve.mjs dist "${PORT:-8080}"
