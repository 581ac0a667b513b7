#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Sessionpad; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding $component"
    rustup component add "$component"
  fi
done

# The system's packages, then the npm packages: downloads and unpacking, mostly waiting on the network
# and the disk, so they run while cargo compiles the Rust tools below.
apt_packages=()
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_packages+=(nodejs npm)
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_packages+=(chromium chromium-driver)
fi
# WebKit, the engine of Safari on iPad, for the WebKit lane of the tests.
if [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v xvfb-run >/dev/null; then
  apt_packages+=(webkit2gtk-driver xvfb)
fi

# node_modules/.package-lock.json is npm's record of what is installed: the packages are current when it
# names every version package-lock.json asks for. Compared by content, not by date, because a fresh
# checkout's package-lock.json is always newer than an install it matches.
npm_current() {
  node -e '
    const fs = require("fs");
    const read = (file) => JSON.parse(fs.readFileSync(file, "utf8")).packages;
    const [wanted, installed] = [read("package-lock.json"), read("node_modules/.package-lock.json")];
    const stale = Object.entries(wanted).filter(([path, p]) => path && !p.optional && installed[path]?.version !== p.version);
    process.exit(stale.length ? 1 : 0);
  ' 2>/dev/null
}

install_packages() {
  if [ ${#apt_packages[@]} -gt 0 ]; then
    say "Installing ${apt_packages[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt_packages[@]}"
  fi
  if ! npm_current; then
    # npm ci empties node_modules first; through a link that would empty another checkout's packages.
    if [ -L node_modules ]; then
      echo "node_modules links to $(readlink node_modules), whose packages do not match package-lock.json:" >&2
      echo "run npm ci there, or remove the link to install here" >&2
      return 1
    fi
    say "Installing npm packages (wasm-opt, Playwright, PouchDB Server)"
    # No install scripts: of the two packages that have one, leveldown ships prebuilt binaries and
    # sqlite3 (PouchDB Server's --sqlite, never used here) would take two minutes to compile.
    npm ci --no-audit --no-fund --ignore-scripts
  fi
}

rust_tools=()
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  rust_tools+=(trunk)
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  rust_tools+=(wasm-bindgen)
fi

packages=
if [ ${#apt_packages[@]} -gt 0 ] || ! npm_current; then
  if [ ${#rust_tools[@]} -gt 0 ]; then
    # Asked now, while a password prompt can still be answered.
    if [ ${#apt_packages[@]} -gt 0 ] && [ "$(id -u)" != 0 ]; then sudo -v; fi
    packages_log=$(mktemp)
    install_packages >"$packages_log" 2>&1 &
    packages=$!
    say "Installing the system's and npm packages meanwhile (log: $packages_log)"
  else
    install_packages
  fi
fi

# Waits for the packages started above and shows what they printed; also on the way out after a
# failed cargo install, so that no apt-get is left holding its lock behind a finished run.
finish_packages() {
  [ -n "$packages" ] || return 0
  local started=$packages status=0
  packages=
  wait "$started" || status=$?
  cat "$packages_log"
  rm -f "$packages_log"
  return "$status"
}
trap finish_packages EXIT

for tool in "${rust_tools[@]}"; do
  case $tool in
    trunk)
      say "Installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
      # Without its TLS stack and update check: Trunk here never downloads, since Trunk.toml pins the
      # wasm-bindgen and wasm-opt this script puts on PATH, so rustls and ring need not be compiled.
      cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
      ;;
    wasm-bindgen)
      say "Installing wasm-bindgen CLI $WASM_BINDGEN_VERSION (about 3 minutes, once)"
      # Not --locked: the locked build wants a webpki-roots release the registry lacks.
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
      ;;
  esac
done

finish_packages

if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != 132 ]; then
  echo "wasm-opt 132 from npm binaryen is not on PATH" >&2
  exit 1
fi
