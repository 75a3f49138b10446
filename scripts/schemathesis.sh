#!/usr/bin/env bash
# Runs schemathesis (PyPI) against a live corpus-api with the spec it serves:
# every operation, every check, a fixed seed and example count so a run is
# reproducible.   usage: scripts/schemathesis.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-$(swift build --show-bin-path)/corpus-api}"
SEED="${SCHEMATHESIS_SEED:-20261122}"
EXAMPLES="${SCHEMATHESIS_EXAMPLES:-40}"

command -v schemathesis >/dev/null 2>&1 || pip install -q "schemathesis>=4,<5"

LOG="$(mktemp)"
"$BIN" --port 0 --log-format json --access-log false --admin-token "schemathesis-token-0123456789" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 200); do
    PORT="$(grep -o '"msg":"listening".*' "$LOG" | grep -o '"port":"\?[0-9]\+' | head -1 | grep -o '[0-9]\+' || true)"
    [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
    sleep 0.1
done
[ -n "$PORT" ] || { cat "$LOG"; echo "server did not start"; exit 1; }

schemathesis --config-file .ci/schemathesis.toml run "http://127.0.0.1:$PORT/openapi.json" \
    --checks all --seed "$SEED" --max-examples "$EXAMPLES" --workers 1 \
    -H "Authorization: Bearer schemathesis-token-0123456789"
