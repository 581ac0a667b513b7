#!/usr/bin/env bash
# Holds the code to the shape it promises: small files, a model free of the
# browser, one module that touches localStorage, views that never name keys
# and meet storage only through the services of src/state, and layers that
# run one way: no cycle between the top-level modules of src/, nor between
# the modules of src/storage.
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

# Views ask the services of src/state for what they show and change: none
# names storage, reads the store through a closure, or is offered the store.
if grep -rnE '\bstorage::' src/components | grep -vE '^[^:]+:[0-9]+: *//'; then
  fail "views must not use src/storage (above): ask a service in src/state"
fi
if grep -rnE '\.(read|peek)\(\s*(\||[A-Za-z_][A-Za-z0-9_]*::)' src/components |
  grep -vE '^[^:]+:[0-9]+: *//'; then
  fail "views must not read the raw store (above): ask a service in src/state"
fi
if grep -rnE 'pub fn .*Fn(Once|Mut)?\(&(mut )?Store\)' src/state; then
  fail "services must not hand out the store (above): return what the view shows"
fi

# The modules directly under folder $1: its .rs files (but mod.rs, lib.rs,
# main.rs and tests.rs) and its subfolders that hold Rust, by name.
modules_of() {
  local path
  for path in "$1"/*; do
    if [ -d "$path" ]; then
      [ -n "$(find "$path" -name '*.rs' -print -quit)" ] && basename "$path"
    elif [[ $path == *.rs ]]; then
      basename "$path" .rs
    fi
  done | grep -vxE 'mod|lib|main|tests' | sort -u
}

# Prints "FROM TO" for every path from a module under folder $1 to another,
# where $2 is how code names that folder (crate, crate::storage). Every file
# counts, tests too, unless $3 is "code": then only what comes before a
# file's tests, and a `super::` chain that climbs to the folder counts as
# well. Comments are not dependencies: a doc may point to a higher layer.
# A grouped path (`$2::{…}`) hides which modules it names, so it fails;
# under "code", so does a name the folder only re-exports.
layer_edges() {
  local dir=$1 root=$2 scope=$3 mods m f rel depth climb text name
  mods=" $(modules_of "$dir" | tr '\n' ' ')"
  for m in $mods; do
    while IFS= read -r f; do
      if [ "$scope" = code ]; then
        [ "${f##*/}" = tests.rs ] && continue
        text=$(awk '/^#\[cfg\((all\()?test/ { exit } { print }' "$f" | sed 's|//.*||')
        rel=${f#"$dir"/}
        depth=$(($(tr -cd / <<<"$rel" | wc -c) + 1))
        [ "${f##*/}" = mod.rs ] && depth=$((depth - 1))
        climb=$(printf 'super::%.0s' $(seq "$depth"))
      else
        text=$(sed 's|//.*||' "$f")
        climb=
      fi
      for name in $(
        {
          grep -oE "\b${root}::(\{|[A-Za-z_][A-Za-z0-9_]*)" <<<"$text"
          [ -n "$climb" ] && grep -oE "(^|[^:A-Za-z0-9_])${climb}(\{|[A-Za-z_][A-Za-z0-9_]*)" <<<"$text"
        } | sed 's/.*:://'
      ); do
        if [ "$name" = "{" ]; then
          fail "$f: a grouped path from $root hides which modules it uses: name each one"
        elif [ "$name" = "$m" ]; then
          continue
        elif [[ $mods == *" $name "* ]]; then
          echo "$m $name"
        elif [ "$scope" = code ]; then
          fail "$f: $name is not a module of $dir: import it from the module that defines it"
        fi
      done
    done < <(find "$dir/$m.rs" "$dir/$m" -name '*.rs' 2>/dev/null | sort)
  done
}

# Fails, printing each cycle as "a → b → a", when modules import each other
# round a loop; reads "FROM TO" lines from file $2, about folder $1.
no_cycles() {
  local cycle
  while IFS= read -r cycle; do
    fail "modules of $1 import each other in a cycle: $cycle"
  done < <(
    # tsort names the members of each loop it breaks, after a line of its own.
    tsort "$2" 2>&1 >/dev/null | awk '
      /input contains a loop/ { if (cycle != "") print cycle " → " first; cycle = ""; next }
      { sub(/^tsort: /, ""); if (cycle == "") first = $0; cycle = cycle (cycle == "" ? "" : " → ") $0 }
      END { if (cycle != "") print cycle " → " first }' | sort -u
  )
}

edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

layer_edges src crate all >"$edges"
no_cycles src/ "$edges"

if grep -rnE '\bcrate::storage\b' src/sync | grep -vE '^[^:]+:[0-9]+: *//'; then
  fail "src/sync must not use src/storage (above): what both need is in src/layout.rs"
fi

# Storage's tests may drive a lower layer through the Store; its code may not.
layer_edges src/storage crate::storage code >"$edges"
no_cycles src/storage "$edges"

[ "$status" = 0 ] && echo "structure: ok"
exit "$status"
