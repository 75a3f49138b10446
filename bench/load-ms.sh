#!/usr/bin/env bash
# One start of a binary on a corpus, for alternated comparisons of load time:
# starts it on a free loopback port, waits for the "model loaded" log line,
# prints its load_ms and the process's CPU seconds so far, then stops it by PID.
#
#   bench/load-ms.sh BIN [CORPUS_DIR]      # no CORPUS_DIR: the embedded corpus
#   for i in 1 2 3; do bench/load-ms.sh OLD DIR; bench/load-ms.sh NEW DIR; done
#   CACHE_DIR=DIR bench/load-ms.sh BIN CORPUS_DIR   # --cache-dir DIR (or off); unset: the binary's default
# CPU seconds are the fairer figure on a shared machine: a start waiting for a
# core adds wall time, not CPU.
set -euo pipefail
BIN=$1; CORPUS=${2:-}
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
LOG=$(mktemp)
args=(--host 127.0.0.1 --port "$PORT" --access-log false --log-format json)
[[ -n $CORPUS ]] && args+=(--corpus "$CORPUS")
[[ -n ${CACHE_DIR:-} ]] && args+=(--cache-dir "$CACHE_DIR")
"$BIN" "${args[@]}" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do grep -q '"model loaded"' "$LOG" && break; sleep 0.1; done
CPU=$(awk '{printf "%.2f", ($14+$15)/100}' "/proc/$PID/stat")
echo "$(grep -o '"load_ms":[0-9]*' "$LOG" | head -1) cpu_s=$CPU"
kill -INT "$PID"; wait "$PID" 2>/dev/null || true
rm -f "$LOG"
