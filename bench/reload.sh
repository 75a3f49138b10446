#!/usr/bin/env bash
# The figures of issue 22 alone: with a fresh extraction cache, for 1,000 and
# 10,000 generated articles, one cold start (fills the cache), warm starts
# (exec -> /readyz 200, the server's CPU seconds at ready, RSS and RSS over
# the raw text), and three reloads by SIGHUP (one article changed, one added,
# the added one removed), each timed from the signal to the first /readyz of
# the next generation, with the server's CPU seconds over that span and the
# number of articles extracted. No cache-off starts (minutes each at 10,000).
# Prints Markdown and appends it to bench/results/<UTC date>.md, with uptime.
#
#   bench/reload.sh
#   CACHE_SIZES=1000 CACHE_RUNS=5 bench/reload.sh
#   CORPUS_API_BIN=/tmp/old/corpus-api bench/reload.sh     # a binary built elsewhere
# Targets: reload <= 0.5 s at 1,000 articles; warm start <= 1 s at 1,000 and
# <= 10 s at 10,000, with RSS <= 10x the text. On a shared machine read the
# CPU seconds beside the wall times, and the uptime lines.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUNS=${RUNS:-1} SIZES= CACHE_SIZES=${CACHE_SIZES:-1000,10000} CACHE_RUNS=${CACHE_RUNS:-3} CACHE_OFF=0
export RELOAD_MAX=${RELOAD_MAX:-10000} TIMEOUT=${TIMEOUT:-1200}
exec bench/startup.sh
