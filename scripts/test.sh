#!/usr/bin/env bash
# Installs what is missing, then runs every check and test; ends with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
setup_took=$SECONDS
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

passed=0
failed=0
failures=()
timings=("$(printf '%5d s  %s' "$setup_took" "setup (installing what is missing)")")
log=$(mktemp)

# A check counts once; a test runner counts each test it reports.
step() {
  local name=$1
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local started=$SECONDS
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local took=$((SECONDS - started))
  # Each step says how long it took, so a slow one is plain to see.
  printf '\033[1m==> %s (%d s)\033[0m\n' "$name" "$took"
  timings+=("$(printf '%5d s  %s' "$took" "$name")")
  local p f
  # cargo: "test result: ok. 12 passed; 0 failed;"   Playwright: "  7 passed (3.1s)"
  # node --test: "ℹ pass 7" (spec reporter) or "# pass 7" (TAP)
  p=$( { grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{print $4}';
         grep -E '^ +[0-9]+ passed' "$log" | awk '{print $1}';
         grep -E '^(ℹ|#) pass [0-9]+$' "$log" | awk '{print $3}'; } | awk '{s+=$1} END {print s+0}')
  f=$( { grep -Eo '[0-9]+ failed;' "$log" | awk '{print $1}';
         grep -E '^ +[0-9]+ failed' "$log" | awk '{print $1}';
         grep -E '^(ℹ|#) fail [0-9]+$' "$log" | awk '{print $3}'; } | awk '{s+=$1} END {print s+0}')
  p=${p:-0}
  f=${f:-0}
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then
    if [ "$status" = 0 ]; then p=1; else f=1; fi
  elif [ "$status" != 0 ] && [ "$f" = 0 ]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$status" != 0 ]; then failures+=("$name"); fi
}

step "rustfmt" cargo fmt --all -- --check
step "structure (file size, model without web crates, storage keys, one-way layers)" bash scripts/check-structure.sh
step "clippy (host)" cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "native tests" cargo test
step "browser tests (headless Chromium)" cargo test --target wasm32-unknown-unknown --test browser
step "release build" trunk build --release
step "end-to-end tests (Playwright, Chromium)" npx playwright test --config tests/e2e/playwright.config.mjs

# WebKit, as on an iPad: the same build in WebKitGTK's MiniBrowser through WebKitWebDriver (tests/webkit/).
webkit=$(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null | cut -d- -f1)
step "WebKit lane (WebKitGTK ${webkit:-unknown})" \
  xvfb-run -a -s "-screen 0 1280x1280x24" node --test --test-reporter=spec tests/webkit/journeys.test.mjs

rm -f "$log"
echo
printf '%s\n' "${timings[@]}"
echo "$SECONDS s in all"
echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "Failed steps: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
