#!/usr/bin/env bash
# Scores a release build's reference parsing on the tenth of the training set that
# train.py holds back (every tenth entry of ../shared/eval/references-train.jsonl),
# with the shared scorer: the check that a rule written while reading the dev set's
# misses carries to entries nobody looked at. Prints refscore.py's summary line.
#
#   scripts/crf/heldout-refs.sh [BIN] [DETAILS.jsonl]    # BIN defaults to .build/release/corpus-api
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/corpus-api}
EVAL=${SHARED_EVAL:-../shared/eval}
[ -f "$EVAL/refscore.py" ] || { echo "heldout-refs: no scorer at $EVAL, skipped"; exit 0; }
WORK=$(mktemp -d)
PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
python3 -c 'import sys; lines = open(sys.argv[1], encoding="utf-8").readlines(); sys.stdout.writelines(lines[::10])' \
    "$EVAL/references-train.jsonl" > "$WORK/held.jsonl"
python3 "$EVAL/make_corpus.py" "$WORK/held.jsonl" "$WORK/refs" --prefix held --per-doc 100 >/dev/null 2>&1
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
CORPUS_API_CACHE_DIR=off "$BIN" --corpus "$WORK/refs" --host 127.0.0.1 --port "$port" --access-log false --log-level warning >"$WORK/log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
python3 "$EVAL/refscore.py" "http://127.0.0.1:$port" "$WORK/refs/key.jsonl" ${2:+--details "$2"} | tail -1
