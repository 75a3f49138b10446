#!/usr/bin/env bash
# Start-up: exec -> /readyz 200 for the embedded corpus (median of RUNS), then
# generated corpora of SIZES articles: ready time, load_ms, RSS, /v1/search
# latency if the endpoint exists. Prints Markdown and appends it to
# bench/results/<UTC date>.md.
#
# Then, with the extraction cache, for CACHE_SIZES: a cold start (empty
# cache), CACHE_RUNS warm starts alternated with cache-off starts, and three
# timed reloads (one article changed, added, removed).
#
#   bench/startup.sh
#   RUNS=5 SIZES=10,100,1000 LARGE_RUNS=3 bench/startup.sh
#   SIZES= CACHE_SIZES=1000,10000 CACHE_RUNS=3 bench/startup.sh   # cache figures only
#   (reloads are timed for sizes up to RELOAD_MAX, 1000 by default)
#   TIMEOUT=900 gives each start that many seconds (a cold start of 10,000 articles extracts them all)
#   CACHE_OFF=0 skips the cache-off starts between warm ones (minutes each at 10,000 articles);
#   bench/reload.sh is the reload and 10,000-article figures alone.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/lib.sh
RUNS=${RUNS:-5}
LARGE_RUNS=${LARGE_RUNS:-3}   # starts of the 1,000-article corpus
SIZES=${SIZES-10,100,1000}
CACHE_SIZES=${CACHE_SIZES-1000}
CACHE_RUNS=${CACHE_RUNS:-3}
CACHE_OFF=${CACHE_OFF:-1}
RESULTS=${RESULTS:-$ROOT/bench/results/$(date -u +%F).md}
WORK=$(mktemp -d /tmp/corpus-api-startup.XXXXXX)
trap '[[ ${KEEP_WORK:-0} == 1 ]] || rm -rf "$WORK"' EXIT

# The corpus generator: in the tree once merged, else from the `corpus` branch.
if [[ -f scripts/generate-corpus.py ]]; then
    GEN=scripts/generate-corpus.py; GEN_FROM="scripts/generate-corpus.py"
elif git cat-file -e corpus:scripts/generate-corpus.py 2>/dev/null; then
    git show corpus:scripts/generate-corpus.py >"$WORK/generate-corpus.py"
    GEN=$WORK/generate-corpus.py; GEN_FROM="corpus:scripts/generate-corpus.py @ $(git rev-parse --short corpus)"
else
    echo "no scripts/generate-corpus.py here or on branch corpus" >&2; exit 1
fi

UPTIME_START=$(uptime)
BIN=${CORPUS_API_BIN:-$(build_corpus_api)}   # CORPUS_API_BIN skips the build
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo "+dirty")
REPORT=$(python3 bench/startup.py "$BIN" "$GEN" "$ROOT/Sources/Corpus/Resources/DefaultCorpus" "$WORK" \
    --runs "$RUNS" --sizes "$SIZES" --large-runs "$LARGE_RUNS" --cache-sizes "$CACHE_SIZES" --cache-runs "$CACHE_RUNS" --timeout "${TIMEOUT:-300}" \
    $([[ $CACHE_OFF == 0 ]] && echo --no-cache-off))
UPTIME_END=$(uptime)
{
    echo "## Start-up $(date -u '+%F %H:%M UTC'), commit \`$COMMIT\`"
    echo
    echo "- load before: \`$UPTIME_START\`; after: \`$UPTIME_END\`"
    echo "- binary: \`$BIN\`"
    echo "- \`RUNS=$RUNS SIZES=$SIZES LARGE_RUNS=$LARGE_RUNS CACHE_SIZES=$CACHE_SIZES CACHE_RUNS=$CACHE_RUNS CACHE_OFF=$CACHE_OFF RELOAD_MAX=${RELOAD_MAX:-1000} bench/startup.sh\`; server: \`corpus-api --port P --log-level info --log-format json --cache-dir off|DIR [--corpus DIR]\` (release, not pinned; access log on, for the server-side search times)"
    echo "- exec → ready is timed by \`bench/startup.py\`: it waits for the \"listening\" log line, then polls \`/readyz\` every ~1 ms until 200; \`load_ms\` is from the \"model loaded\" log line; RSS is VmRSS right after ready"
    echo "- generator: \`$GEN_FROM N DIR --source Sources/Corpus/Resources/DefaultCorpus\` (seed 1)"
    echo
    echo "$REPORT"
    echo
} | tee "$WORK/report.md"
mkdir -p "$(dirname "$RESULTS")"
[[ -f $RESULTS ]] || printf '# Benchmark results %s\n\n' "$(date -u +%F)" >"$RESULTS"
cat "$WORK/report.md" >>"$RESULTS"
