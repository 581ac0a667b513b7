#!/usr/bin/env bash
# Holds the code to the shape it promises: small files, a model free of the
# browser, one module that touches localStorage, views that never name keys.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
fail() {
  echo "structure: $*" >&2
  status=1
}

# Lines of code before a file's tests (or the whole file when it has none);
# a sibling tests.rs holds tests only.
while IFS= read -r file; do
  lines=$(awk '/^#\[cfg\((all\()?test/ { exit } { n++ } END { print n + 0 }' "$file")
  if [ "$lines" -gt 600 ]; then
    fail "$file has $lines lines before its tests (at most 600)"
  fi
done < <(find src -name '*.rs' ! -name tests.rs | sort)

if grep -rnE '\b(web_sys|js_sys|wasm_bindgen|gloo_storage|leptos)\b' src/model; then
  fail "src/model must not use web crates (above)"
fi

if grep -rnE 'local_storage\(|gloo_storage|LocalStorage::' src --include='*.rs' | grep -v '^src/storage/'; then
  fail "only src/storage may touch localStorage (above)"
fi

if grep -rnE '\bPREFIX\b|\b(session|client|index|schema|clinician|settings|quarantine)_key\b|sessionpad/v[0-9]' src/components; then
  fail "views must not name storage keys (above)"
fi

[ "$status" = 0 ] && echo "structure: ok"
exit "$status"
