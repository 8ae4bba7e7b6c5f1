#!/usr/bin/env bash
# Release archives: builds the site (trunk build --release) and writes, into target/artifacts/,
#   icp-advisor-<version>.zip and .tar.gz   the dist/ site (with the single-file edition and the
#                                           examples) in a folder icp-advisor-<version>/
#   icp-advisor-<version>.tgz               an npm package (npm pack): `npm install` it and
#                                           import icp-advisor/icp-advisor.js (or use <icp-advisor>)
#   SHA256SUMS                              the checksums of the three
# The version is Cargo.toml's. Archives are reproducible: their dates are the last commit's.
#
#   scripts/release.sh            build, then package
#   scripts/release.sh --no-build package the dist/ already built
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/tools.sh
source scripts/tools.sh
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release
fi
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
epoch="$(git log -1 --format=%ct 2>/dev/null || date +%s)"
SOURCE_DATE_EPOCH="$epoch" python3 scripts/package.py "$version" dist target/artifacts
(cd target/artifacts && sha256sum "icp-advisor-$version.zip" "icp-advisor-$version.tar.gz" "icp-advisor-$version.tgz" > SHA256SUMS)
echo "release: target/artifacts/"
ls -l target/artifacts/
