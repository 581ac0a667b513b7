#!/usr/bin/env bash
# Trunk post_build hook, on the finished build before Trunk moves it to dist/:
# seals index.html with its Content-Security-Policy, then writes sw.js.
#
# Release: sw.js is src/pwa/sw.js with the build's file list and a hash of
# those files filled in, so any changed file yields a new worker and cache;
# then every file gets its brotli form beside it (scripts/precompress.mjs),
# which hosts send instead and the worker never lists.
# Debug (`trunk serve`, `make dev`): sw.js caches nothing and removes whatever
# a release build left on this origin, so development never sees stale code.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
: "${TRUNK_PROFILE:?run by Trunk as a post_build hook}"
source_dir="${TRUNK_SOURCE_DIR:-$PWD}"
out="$TRUNK_STAGING_DIR/sw.js"

# Before anything is hashed: the policy is part of index.html.
node "$source_dir/scripts/csp.mjs" "$TRUNK_STAGING_DIR/index.html" "$TRUNK_PROFILE"

if [ "$TRUNK_PROFILE" != "release" ]; then
  cat >"$out" <<'JS'
// Development build: no caching. Removes the caches and worker a release build
// may have left here, and reloads the pages it controlled from the network.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("sessionpad-")).map((n) => caches.delete(n)));
      const pages = await self.clients.matchAll({ type: "window" });
      await self.registration.unregister();
      await Promise.allSettled(pages.map((page) => page.navigate(page.url)));
    })(),
  );
});
JS
  echo "seal-and-precache.sh: wrote development sw.js (no caching)"
  exit 0
fi

template="$source_dir/src/pwa/sw.js"
for placeholder in __VERSION__ __PRECACHE__; do
  grep -q "$placeholder" "$template" || { echo "seal-and-precache.sh: $template lacks $placeholder" >&2; exit 1; }
done

cd "$TRUNK_STAGING_DIR"

# Every file of the build, byte-sorted so the hash is the same on any machine.
files=()
while IFS= read -r -d '' path; do
  path="${path#./}"
  case "$path" in
    *[[:cntrl:]]*) echo "seal-and-precache.sh: control character in file name: $path" >&2; exit 1 ;;
  esac
  files+=("$path")
done < <(find . -type f ! -path ./sw.js ! -name '*.br' -print0 | LC_ALL=C sort -z)

# The worker takes the wasm, its JS and the CSS from the HTTP cache only when
# it knows them as named after their content: a name it misses is downloaded
# a second time on every first visit.
node -e '
  if (!process.argv[1]) {
    console.error("seal-and-precache.sh: sw.js has no NAMED_BY_CONTENT rule on a line of its own");
    process.exit(1);
  }
  const rule = new RegExp(process.argv[1]);
  const missed = process.argv.slice(2).filter((f) => /\.(wasm|js|css)$/.test(f) && !rule.test(f));
  if (missed.length) {
    console.error("seal-and-precache.sh: named after their content, but not by the rule in sw.js: " + missed.join(" "));
    process.exit(1);
  }
' -- "$(sed -n 's|^const NAMED_BY_CONTENT = /\(.*\)/;$|\1|p' "$template")" "${files[@]}"

version="$(
  for path in "${files[@]}"; do
    sum="$(sha256sum <"$path")"
    printf '%s %s\n' "$path" "${sum%% *}"
  done | sha256sum | cut -c1-16
)"

# Paths become relative URLs inside a JSON string: escape what either would misread.
# index.html is listed once: the worker answers every navigation with it.
json=''
for path in "${files[@]}"; do
  url="${path//\%/%25}"
  url="${url//\#/%23}"
  url="${url//\?/%3F}"
  url="${url//\\/%5C}"
  url="${url//\"/%22}"
  json+="${json:+, }\"$url\""
done

# Its comments stay in the source: whole-line ones are left out of the build.
sw="$(grep -v '^[[:space:]]*//' "$template")"
# Quoted replacements: bash 5.2 would otherwise treat "&" in them as the match.
sw="${sw//__VERSION__/"$version"}"
sw="${sw//__PRECACHE__/"[$json]"}"
printf '%s\n' "$sw" >"$out"

echo "seal-and-precache.sh: wrote sw.js for build $version (${#files[@]} files)"

node "$source_dir/scripts/precompress.mjs" .
