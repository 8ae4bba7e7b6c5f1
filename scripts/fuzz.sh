#!/usr/bin/env bash
# The long robustness run (not part of scripts/test.sh: it takes several minutes), which
# re-measures the figures of issue 21 and prints them:
#
#   1. props    every outside-input decoder's property test (URL fragment, saved state, embed
#               options, CLI answers JSON and bytes, the JSON reader, the link corpus) with
#               ${PROPTEST_CASES:-100000} cases per property, in release mode;
#   2. corpora  scripts/fuzz/corpora.mjs: fuzzed answers through the CLI binary and the built
#               JS API (same message for the same input), fuzzed links and saved values against
#               the built site in Chromium, mutated copies of rules/ through `check`; counts;
#   3. limits   a rulebook at every documented limit (scripts/fuzz/limits_rulebook.py): the
#               time `check`, `diff`, `paths` and `evaluate --rules` take on it, with the debug
#               binary (`cargo run`, as the README has it) and the release one.
#
# usage: scripts/fuzz.sh [props|corpora|limits]...   (all three when none is named)
# Sizes: PROPTEST_CASES, FUZZ_CLI, FUZZ_LINKS, FUZZ_STORAGE, FUZZ_RULEBOOKS; FUZZ_SEED.
# The corpora need a release build in dist/ (scripts/test.sh --only build); it is made if
# missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
steps=("$@")
[ "${#steps[@]}" -gt 0 ] || steps=(props corpora limits)
wants() { [[ " ${steps[*]} " == *" $1 "* ]]; }
# shellcheck source=/dev/null
source scripts/tools.sh >/dev/null

if wants props; then
  export PROPTEST_CASES="${PROPTEST_CASES:-100000}"
  echo "[fuzz] props: $PROPTEST_CASES cases per property (release build of tests/robustness.rs)" >&2
  out="$(mktemp)"
  if ! cargo test --release --test robustness -- --test-threads=2 >"$out" 2>&1; then
    cat "$out"
    exit 1
  fi
  grep -E '^test |test result' "$out"
  rm -f "$out"
fi

if wants corpora; then
  echo "[fuzz] corpora: the CLI (release), the built site and library in Chromium, rulebook copies" >&2
  cargo build --quiet --release --bin icp-advisor
  [ -f dist/index.html ] || trunk build --release
  node scripts/fuzz/corpora.mjs target/release/icp-advisor "${FUZZ_SEED:-11400714819323198485}"
fi

if wants limits; then
  echo "[fuzz] limits: check, diff, paths and evaluate --rules on a rulebook at every limit" >&2
  cargo build --quiet --bin icp-advisor
  cargo build --quiet --release --bin icp-advisor
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/icp-limits.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  python3 scripts/fuzz/limits_rulebook.py "$tmp/book"
  python3 scripts/fuzz/limits_rulebook.py "$tmp/changed" --variant >/dev/null
  # The rulebook must be valid (within every limit), or the timings measure a refusal.
  for book in book changed; do
    if ! target/debug/icp-advisor questions --rules "$tmp/$book" >/dev/null; then
      echo "FAIL: the rulebook at the limits is refused: scripts/fuzz/limits_rulebook.py needs updating" >&2
      exit 1
    fi
  done
  for build in debug release; do
    bin="target/$build/icp-advisor"
    for cmd in "check $tmp/book" "diff $tmp/book $tmp/changed" "paths --rules $tmp/book" \
      "paths --rules $tmp/book --format json" "evaluate --rules $tmp/book"; do
      # The bound is on the CPU time the command takes (user + system): the wall-clock time
      # is printed too, but on a busy machine it measures the other work as well.
      set +e
      echo '{"flow":"big"}' | /usr/bin/time -f '%e %U %S' -o "$tmp/time" $bin $cmd >"$tmp/out" 2>"$tmp/err"
      code=$?
      set -e
      read -r wall user sys < <(tail -n 1 "$tmp/time")
      cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
      printf 'limits: %-7s %-40s exit %d, %5s s CPU (%5s s wall, load %s), %d bytes out\n' "$build" "${cmd//$tmp\//}" "$code" "$cpu" "$wall" "$(cut -d' ' -f1 /proc/loadavg)" "$(wc -c <"$tmp/out")"
      if [ "$code" -gt 2 ] || awk -v c="$cpu" 'BEGIN { exit !(c > 10) }'; then
        echo "FAIL: $cmd took ${cpu} s of CPU or ended with $code (the bound is 10 s, exit 0-2)" >&2
        exit 1
      fi
    done
  done
fi
