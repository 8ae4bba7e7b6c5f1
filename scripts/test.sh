#!/usr/bin/env bash
# Full test suite, stopping at the first failing stage:
#   0. hygiene: cargo fmt --check, the page's scripts in web/ as JavaScript
#               (scripts/lint-js.mjs), clippy (native + wasm32), cargo deny licences/bans
#   1. native:  cargo test --workspace --all-targets --all-features
#   2. wasm:    cargo test --target wasm32-unknown-unknown for tests/*.rs that
#               say wasm_bindgen_test_configure!(run_in_browser), in headless
#               Chromium through chromedriver + wasm-bindgen-test-runner
#   3. build:   trunk build --release  -> dist/ (and a previous release for the update
#               test, and the release archives: scripts/release.sh --no-build)
#   4. e2e:     node --test tests/e2e/  (playwright-core + Chromium on dist/)
#
#   scripts/test.sh             all stages
#   scripts/test.sh --quick     the native tests only
#   scripts/test.sh --only e2e  one stage (hygiene, native, wasm, build or e2e), e.g. to
#                               rerun the end-to-end tests after a change to them
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=0
only=""
while [ $# -gt 0 ]; do
  arg="$1"
  shift
  case "$arg" in
    --quick) quick=1 ;;
    --only) only="${1:-}"; shift || true ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done
case "$only" in
  "" | hygiene | native | wasm | build | e2e) ;;
  *) echo "unknown stage: $only (hygiene, native, wasm, build or e2e)" >&2; exit 2 ;;
esac
# Whether a stage runs (all of them, or the one --only names).
runs() { [ -z "$only" ] || [ "$only" = "$1" ]; }

# shellcheck source=scripts/tools.sh
source scripts/tools.sh

t_all=$SECONDS
stage_no=0
stage_name=""
stage_start=0
stage() {
  stage_no=$((stage_no + 1))
  stage_name="$1"
  stage_start=$SECONDS
  printf '\n==================== [%s] %s ====================\n' "$stage_no" "$stage_name"
}
stage_ok() { printf -- '---- [%s] %s: OK (%ss)\n' "$stage_no" "$stage_name" "$((SECONDS - stage_start))"; }
wasm_tmp=""
on_exit() {
  local rc=$?
  [ -z "$wasm_tmp" ] || rm -rf "$wasm_tmp"
  if [ "$rc" -ne 0 ] && [ -n "$stage_name" ]; then
    printf '\n!!!!!!!!!!!!!!!!!!!! [%s] %s: FAILED (exit %s, %ss) !!!!!!!!!!!!!!!!!!!!\n' \
      "$stage_no" "$stage_name" "$rc" "$((SECONDS - stage_start))" >&2
  fi
}
trap on_exit EXIT

# ---------------------------------------------------------------------------
if runs hygiene; then
stage "hygiene: cargo fmt --check, web/ as JavaScript, clippy (native and wasm32), cargo deny (licences, bans)"
cargo fmt --all --check
node scripts/lint-js.mjs
cargo clippy --workspace --all-targets --all-features --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings
# The first visit's module (a release page's first Wasm) is the same crate with `first-visit`,
# in a release build: `src/first/page.rs` without the Yew app (build.rs sets `cfg(first_visit)`).
# (A debug build with the feature is the whole app, which the line above lints.)
cargo clippy --release --bin icp-advisor-web --features first-visit --quiet --target wasm32-unknown-unknown -- -D warnings
# The advisory database cannot be fetched here; licences and bans are checked offline.
cargo deny --offline check licenses bans
stage_ok
fi

# ---------------------------------------------------------------------------
if runs native; then
stage "native tests: cargo test --workspace --all-targets --all-features"
cargo test --workspace --all-targets --all-features
stage_ok
fi
if [ "$quick" = 1 ]; then
  printf '\n(--quick: skipped wasm, trunk build and e2e stages) total %ss\n' "$((SECONDS - t_all))"
  exit 0
fi

# ---------------------------------------------------------------------------
if runs wasm; then
stage "wasm tests in headless Chromium: cargo test --target wasm32-unknown-unknown"
wasm_tests=()
for f in tests/*.rs; do
  [ -e "$f" ] || continue
  if grep -Eq 'wasm_bindgen_test_configure!\s*\(\s*run_in_browser\s*\)' "$f"; then
    wasm_tests+=(--test "$(basename "$f" .rs)")
  fi
done
if [ "${#wasm_tests[@]}" -eq 0 ]; then
  echo "SKIPPED: no tests/*.rs contains wasm_bindgen_test_configure!(run_in_browser)"
else
  echo "test files: ${wasm_tests[*]}"
  # Capabilities for chromedriver: the runner itself adds headless,
  # no-sandbox and disable-dev-shm-usage; a fresh profile per run.
  wasm_tmp="$(mktemp -d "${TMPDIR:-/tmp}/icp-advisor-wasm-test.XXXXXX")"
  cat >"$wasm_tmp/webdriver.json" <<JSON
{
  "goog:chromeOptions": {
    "binary": "$CHROMIUM_BIN",
    "args": [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--user-data-dir=$wasm_tmp/profile"
    ]
  }
}
JSON
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$wasm_tmp/webdriver.json" \
    WASM_BINDGEN_TEST_ONLY_WEB=1 \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    CHROMEDRIVER="$CHROMEDRIVER" \
    cargo test --target wasm32-unknown-unknown "${wasm_tests[@]}"
fi
stage_ok
fi

# ---------------------------------------------------------------------------
if runs build; then
stage "release builds: a previous release (target/update/previous, for the update test), then dist/ and the release archives"
# The same app with an older rulebook in which one option has another id: the update test
# visits it, then this release, in one browser profile.
python3 tests/e2e/fixtures/previous-rules.py rules target/update/rules
ICP_ADVISOR_RULES="$PWD/target/update/rules" trunk build --release --dist target/update/previous
trunk build --release
scripts/release.sh --no-build
stage_ok
fi

# ---------------------------------------------------------------------------
if runs e2e; then
stage "end-to-end: node --test tests/e2e/"
node --test tests/e2e/
stage_ok
fi

printf '\nALL STAGES PASSED in %ss\n' "$((SECONDS - t_all))"
