#!/usr/bin/env bash
# Puts the lazy screens into a build: copies the loader and chunks that
# scripts/wasm-split/wasm-bindgen cut (and left in Cargo's target folder) into
# Trunk's staging folder, and points the loader at the main JS by the name
# Trunk gave it. Run by scripts/seal-and-precache.sh (the post_build hook)
# before anything is hashed or listed for the service worker.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run from Trunk's post_build hook}"
: "${TRUNK_PROFILE:?run from Trunk's post_build hook}"
source_dir="${TRUNK_SOURCE_DIR:-$PWD}"
cd "$TRUNK_STAGING_DIR"

if grep -qaF __wasm_split_placeholder__ ./*.js ./*.wasm; then
  echo "wasm-split/place.sh: the build has lazy screens but was not cut; put scripts/wasm-split" \
    "first on PATH (make run, make dev and scripts/*.sh do) so Trunk uses its wasm-bindgen" >&2
  exit 1
fi

loader="$(grep -ohE '__wasm_split\.[0-9a-f]{16}\.js' ./*.js | sort -u)"
if [ -z "$loader" ]; then
  echo "wasm-split/place.sh: no lazy screens in this build"
  exit 0
fi
if [ "$(wc -l <<<"$loader")" != 1 ]; then
  echo "wasm-split/place.sh: more than one loader named: $loader" >&2
  exit 1
fi
main_js="$(grep -lF "$loader" ./*.js)"
main_js="${main_js#./}"

target_dir="$(cd "$source_dir" && cargo metadata --format-version 1 --no-deps --offline |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
mode=debug
[ "$TRUNK_PROFILE" = release ] && mode=release
split_dir="$target_dir/wasm-bindgen/$mode/wasm-split"
if [ ! -f "$split_dir/$loader" ]; then
  echo "wasm-split/place.sh: $split_dir/$loader is missing" >&2
  exit 1
fi

first="$(head -n1 "$split_dir/$loader")"
if ! [[ "$first" =~ ^import\ \{\ initSync\ \}\ from\ \"\./[^\"]+\.js\"\;$ ]]; then
  echo "wasm-split/place.sh: unexpected first line in $loader: $first" >&2
  exit 1
fi
{
  printf 'import { initSync } from "./%s";\n' "$main_js"
  tail -n +2 "$split_dir/$loader"
} >"$loader"
cp "$split_dir"/*.wasm .
echo "wasm-split/place.sh: $loader and $(find "$split_dir" -name '*.wasm' | wc -l) chunks, loader bound to $main_js"
