#!/usr/bin/env bash
# Installs (only what is missing) and puts on PATH every tool the build and the
# tests need, then exports the environment for them. Idempotent; about a
# second when everything is already there.
#
#   source scripts/tools.sh   # from another script: installs + exports
#   scripts/tools.sh          # standalone: installs and prints the versions
#
# Installs:
#   - rustup target wasm32-unknown-unknown
#   - trunk 0.21.14                          (cargo install, into ~/.cargo/bin)
#   - wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (cargo install)
#   - cargo-deny (pinned)                    (cargo install, into ~/.cargo/bin)
#   - chromium + chromium-driver             (apt-get, Debian)
#   - fonts-wqy-zenhei if no CJK font exists  (apt-get; for Chinese screenshots)
#   - node + npm, if missing                 (apt-get, Debian)
#   - npm packages pinned in tests/e2e/package-lock.json (binaryen = wasm-opt,
#     playwright-core, axe-core) into ${ICP_ADVISOR_CACHE:-~/.cache/icp-advisor}/npm
#   - crates for every target (`cargo fetch`), because Trunk builds offline
#
# Exports: PATH (cargo bin + npm .bin first), ICP_ADVISOR_ROOT,
# ICP_ADVISOR_CACHE, ICP_ADVISOR_NPM, NODE_PATH, CHROMEDRIVER, CHROMIUM_BIN,
# WASM_BINDGEN_VERSION, TRUNK_TOOLS_WASM_BINDGEN / TRUNK_TOOLS_WASM_OPT,
# CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS (strips the Cargo home from paths).

TRUNK_VERSION_PIN="0.21.14"
WASM_OPT_VERSION_PIN="version_132"
CARGO_DENY_VERSION_PIN="0.20.2"

_icp_say() { printf '[tools] %s\n' "$*" >&2; }
_icp_die() { printf '[tools] ERROR: %s\n' "$*" >&2; return 1; }

_icp_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else _icp_die "need root (or sudo) to run: $*"
  fi
}

_icp_apt_updated=""
_icp_apt_install() {
  command -v apt-get >/dev/null 2>&1 || { _icp_die "apt-get not found; install manually: $*"; return 1; }
  if [ -z "$_icp_apt_updated" ]; then
    _icp_say "apt-get update"
    _icp_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    _icp_apt_updated=1
  fi
  _icp_say "apt-get install $*"
  _icp_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

_icp_sha() { sha256sum "$@" | awk '{print $1}' | sha256sum | awk '{print $1}'; }

_icp_tools_main() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  export ICP_ADVISOR_ROOT="$root"
  export ICP_ADVISOR_CACHE="${ICP_ADVISOR_CACHE:-$HOME/.cache/icp-advisor}"
  export ICP_ADVISOR_NPM="$ICP_ADVISOR_CACHE/npm"
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"

  # npm's binaryen must win over any Debian binaryen (108 cannot read today's wasm).
  case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
  PATH="$ICP_ADVISOR_NPM/node_modules/.bin:$PATH"
  export PATH

  # --- Rust toolchain + wasm target -------------------------------------
  command -v cargo >/dev/null 2>&1 || { _icp_die "cargo not found (install Rust with rustup first)"; return 1; }
  if command -v rustup >/dev/null 2>&1; then
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      _icp_say "rustup target add wasm32-unknown-unknown"
      rustup target add wasm32-unknown-unknown || return 1
    fi
  else
    _icp_say "rustup not found: assuming the wasm32-unknown-unknown std is installed"
  fi

  # --- Crates (Cargo.lock + downloads; Trunk runs cargo --offline) -------
  # `cargo fetch` creates Cargo.lock if missing and downloads the crates of
  # all targets (wasm32 ones included). It needs no network when done.
  if ! (cd "$root" && cargo fetch --quiet 2>/dev/null); then
    _icp_say "cargo fetch"
    (cd "$root" && cargo fetch) || return 1
  fi
  # The Wasm names the source file of every place that may panic; a crate's file is under
  # the builder's Cargo home. Strip that prefix, so that the shipped files do not carry the
  # builder's home directory and are the same size on every machine (size.test.mjs).
  local reg remap="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-}"
  for reg in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$reg" ] || continue
    case " $remap " in *" --remap-path-prefix=$reg= "*) ;; *) remap="${remap:+$remap }--remap-path-prefix=$reg=" ;; esac
  done
  [ -z "$remap" ] || export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
  local wb_version
  wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
  [ -n "$wb_version" ] || { _icp_die "no wasm-bindgen package in Cargo.lock"; return 1; }
  export WASM_BINDGEN_VERSION="$wb_version"

  # --- trunk ---------------------------------------------------------------
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION_PIN" ]; then
    _icp_say "cargo install trunk@$TRUNK_VERSION_PIN (a few minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION_PIN" || return 1
  fi

  # --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner) ----------
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ] \
    || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    _icp_say "cargo install wasm-bindgen-cli@$wb_version (a few minutes)"
    # --locked first; its lock can name a crate version the registry no longer
    # serves (0.2.130 locks webpki-roots 1.0.11), then resolve afresh.
    cargo install --locked --force wasm-bindgen-cli --version "$wb_version" \
      || { _icp_say "retrying without --locked"; cargo install --force wasm-bindgen-cli --version "$wb_version"; } \
      || return 1
  fi
  # Trunk.toml pins the same version; if Cargo.lock moved on, follow the lock.
  local trunk_pin
  trunk_pin="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' "$root/Trunk.toml" 2>/dev/null)"
  if [ -n "$trunk_pin" ] && [ "$trunk_pin" != "$wb_version" ]; then
    _icp_say "WARNING: Trunk.toml pins wasm_bindgen=$trunk_pin but Cargo.lock has $wb_version; using $wb_version (update Trunk.toml)"
  fi
  export TRUNK_TOOLS_WASM_BINDGEN="$wb_version"
  export TRUNK_TOOLS_WASM_OPT="$WASM_OPT_VERSION_PIN"
  # Trunk.toml's offline=true does not stop trunk's own update check.
  export TRUNK_SKIP_VERSION_CHECK=true

  # --- cargo-deny (licence and ban checks) ---------------------------------
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION_PIN" ]; then
    _icp_say "cargo install cargo-deny@$CARGO_DENY_VERSION_PIN (a few minutes)"
    cargo install --locked "cargo-deny@$CARGO_DENY_VERSION_PIN" || return 1
  fi

  # --- Chromium + chromedriver ---------------------------------------------
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    _icp_apt_install chromium chromium-driver || return 1
  fi
  # A CJK font, so that screenshots of the Chinese pages show characters, not boxes.
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
    _icp_apt_install fonts-wqy-zenhei || _icp_say "WARNING: no CJK font installed; Chinese screenshots will show boxes"
  fi
  export CHROMIUM_BIN="${CHROMIUM_BIN:-$(command -v chromium)}"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

  # --- Node + pinned npm packages -------------------------------------------
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    _icp_apt_install nodejs npm || return 1
  fi
  local lock_src="$root/tests/e2e/package-lock.json" stamp want
  want="$(_icp_sha "$root/tests/e2e/package.json" "$lock_src")" || return 1
  stamp="$ICP_ADVISOR_NPM/.installed-lock.sha256"
  if [ ! -d "$ICP_ADVISOR_NPM/node_modules" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    _icp_say "npm ci (binaryen, playwright-core, axe-core) -> $ICP_ADVISOR_NPM"
    mkdir -p "$ICP_ADVISOR_NPM" || return 1
    rm -f "$stamp"
    cp "$root/tests/e2e/package.json" "$lock_src" "$ICP_ADVISOR_NPM/" || return 1
    (cd "$ICP_ADVISOR_NPM" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    local got
    got="$(wasm-opt --version 2>/dev/null)"
    case "$got" in *"($WASM_OPT_VERSION_PIN)"*) ;; *) _icp_die "wasm-opt from npm reports '$got', want $WASM_OPT_VERSION_PIN"; return 1 ;; esac
    printf '%s\n' "$want" >"$stamp"
  fi
  export NODE_PATH="$ICP_ADVISOR_NPM/node_modules${NODE_PATH:+:$NODE_PATH}"

  local wo
  wo="$(command -v wasm-opt)"
  [ "$wo" = "$ICP_ADVISOR_NPM/node_modules/.bin/wasm-opt" ] || { _icp_die "wasm-opt on PATH is $wo, expected the npm one"; return 1; }
  _icp_say "ok: trunk $TRUNK_VERSION_PIN, wasm-bindgen $wb_version, wasm-opt $WASM_OPT_VERSION_PIN (npm), $(node --version 2>/dev/null) node, chromedriver $CHROMEDRIVER"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed: install/check, then show what is in use.
  set -uo pipefail
  _icp_tools_main || exit 1
  trunk --version
  wasm-bindgen --version
  wasm-bindgen-test-runner --version
  wasm-opt --version
  chromium --version 2>/dev/null
  chromedriver --version
else
  # Sourced: install/check and keep the exports in the caller.
  _icp_tools_main || return 1
fi
