#!/usr/bin/env bash
# Benchmark (on demand; not part of scripts/test.sh, asserts nothing):
#   1. native engine timings (cargo bench --bench engine);
#   2. a release build of dist/, then sizes, page-load timings against a plain static page,
#      in-browser evaluation time and memory (scripts/bench.mjs; JSON in target/bench.json).
# BENCH_RUNS sets the number of page loads per page (default 9).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/tools.sh
source scripts/tools.sh
echo "== native engine =="
cargo bench --bench engine
echo "== release build =="
trunk build --release
echo "== site =="
node scripts/bench.mjs
