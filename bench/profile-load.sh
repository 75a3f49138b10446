#!/usr/bin/env bash
# Where a corpus load spends its CPU: runs the release server under
# `perf record -e cpu-clock -g` until "model loaded", then prints the load's
# phase timings and the Corpus functions by inclusive share of samples
# (demangled). Sample shares count CPU time, so they hold even when other
# work shares the machine; wall times do not.
#
#   bench/profile-load.sh [CORPUS_DIR] [PERCENT_LIMIT]
#   CORPUS_API_BIN=path/to/corpus-api bench/profile-load.sh /tmp/c1000 1
#   CACHE_DIR=DIR bench/profile-load.sh /tmp/c1000   # a start from that cache
# The cache is off unless CACHE_DIR is given: the profile is of extraction,
# and a warm default cache would skip it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/lib.sh
CORPUS=${1:-$ROOT/Sources/Corpus/Resources/DefaultCorpus}
LIMIT=${2:-1}
BIN=${CORPUS_API_BIN:-$(build_corpus_api)}
WORK=$(mktemp -d /tmp/corpus-api-profile.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PORT=$(free_port)
perf record -q -e cpu-clock -g -o "$WORK/perf.data" -- \
    "$BIN" --port "$PORT" --access-log false --log-format json --corpus "$CORPUS" --cache-dir "${CACHE_DIR:-off}" >"$WORK/log" 2>&1 &
PID=$!
for _ in $(seq 1 1200); do grep -q '"model loaded"' "$WORK/log" && break; sleep 0.1; done
grep -o '"load_ms":[0-9]*\|"phases_ms":"[^"]*"' "$WORK/log" | tr '\n' ' '; echo
kill -INT "$PID"; wait "$PID" 2>/dev/null || true
echo "children% self% function"
perf report -i "$WORK/perf.data" --children --sort symbol --percent-limit "$LIMIT" --stdio -g none 2>/dev/null |
    awk '/^ +[0-9]/ && $4 ~ /Corpus/ {print $1, $2, $4}' | swift demangle --simplified | cut -c1-220
