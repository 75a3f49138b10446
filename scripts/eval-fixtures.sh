#!/usr/bin/env bash
# Scores a corpus-api build on the fixture articles (Tests/Fixtures/articles), one
# line each in the format of ../shared/eval/run-all.sh: each article is served alone,
# extraction only, and ../shared/eval/score.py compares the API with its gold file.
#
#   scripts/eval-fixtures.sh [BIN]     # BIN defaults to .build/debug/corpus-api
#
# Needs python3, curl and the shared scorer (SHARED_EVAL, default ../shared/eval);
# without the scorer it says so and exits 0. Starts one server at a time on a free
# loopback port and stops it by its PID. The scores are printed, never judged.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${1:-$ROOT/.build/debug/corpus-api}
EVAL=${SHARED_EVAL:-$ROOT/../shared/eval}
FIXTURES=$ROOT/Tests/Fixtures/articles
[ -f "$EVAL/score.py" ] || { echo "eval-fixtures: no scorer at $EVAL/score.py, skipped"; exit 0; }
[ -x "$BIN" ] || { echo "eval-fixtures: no executable at $BIN (swift build first)"; exit 2; }
WORK=$(mktemp -d)
PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

serve() {  # corpus-dir -> sets BASE
    local port
    port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
    "$BIN" --corpus "$1" --host 127.0.0.1 --port "$port" --access-log false --log-level warning >"$WORK/server.log" 2>&1 &
    PID=$!
    BASE=http://127.0.0.1:$port
    for _ in $(seq 1 600); do
        curl -sf "$BASE/readyz" >/dev/null 2>&1 && return 0
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "server did not become ready on $1:"; cat "$WORK/server.log"; return 1
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }

for gold in "$FIXTURES"/gold/*.gold.json; do
    id=$(basename "$gold" .gold.json)
    text=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["text"])' "$FIXTURES/$id.json")
    mkdir -p "$WORK/$id"
    cp "$FIXTURES/$id.json" "$FIXTURES/$text" "$WORK/$id/"
    if serve "$WORK/$id"; then
        out=$(python3 "$EVAL/score.py" "$BASE" --gold "$gold" --seeds "$FIXTURES" --show 0)
        printf '%-24s %s | in-text %s\n' "$id" "$(echo "$out" | tail -1)" \
            "$(echo "$out" | awk '$1=="in-text"{printf "R=%s P=%s", $6, $7}')"
    fi
    stop
done
