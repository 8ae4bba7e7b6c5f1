#!/usr/bin/env bash
# The long property-test run (not part of scripts/test.sh): every outside-input decoder
# (URL fragment, saved state, embed options, CLI answers JSON and bytes) with
# ${PROPTEST_CASES:-100000} cases per property, in release mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PROPTEST_CASES="${PROPTEST_CASES:-100000}"
echo "[fuzz] $PROPTEST_CASES cases per property" >&2
exec cargo test --release --test robustness -- --test-threads=2
