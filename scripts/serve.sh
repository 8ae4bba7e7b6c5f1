#!/usr/bin/env bash
# Development server: installs missing tools, then `trunk serve` with live
# reload on http://127.0.0.1:${PORT:-8080}/ . Extra arguments go to trunk
# (e.g. `scripts/serve.sh --release`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/tools.sh
source scripts/tools.sh
port="${PORT:-8080}"
# Dev builds (with Trunk's live-reload script) go to target/serve-dist, so
# dist/ only ever holds what `trunk build --release` made.
echo "[serve] trunk serve on http://127.0.0.1:$port/ (Ctrl-C to stop)" >&2
exec trunk serve --address 127.0.0.1 --port "$port" --dist target/serve-dist "$@"
