#!/usr/bin/env bash
# Load time, memory and search latency of the corpus model on synthetic
# corpora of 10, 100 and 1000 articles, in release mode.
#
#   bench/corpus/run.sh [sizes...]      (default: 10 100 1000)
#
# Generates the corpora with scripts/generate-corpus.py (seed 1) under
# $BENCH_WORK (default /tmp/corpus-bench), builds the tests in release mode
# and runs Tests/CorpusTests/LoadBenchmark.swift once per corpus, which only
# measures when CORPUS_BENCH_DIR is set. Prints a table; asserts nothing.
# search_cpu_* is the searching thread's CPU time: on a shared machine it
# leaves out time spent waiting for a core, which the wall-clock figures include.
# CORPUS_BENCH_VERBOSE=1 also prints per-query figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-10 100 1000}")
read -r -a sizes <<<"${sizes[*]}"
work="${BENCH_WORK:-/tmp/corpus-bench}"
mkdir -p "$work"

for n in "${sizes[@]}"; do
  if [ ! -f "$work/$n/synthetic-$(printf "%0${#n}d" "$n").json" ]; then
    rm -rf "${work:?}/$n"
    python3 scripts/generate-corpus.py "$n" "$work/$n" --seed 1 >/dev/null
  fi
done

# @testable imports elsewhere in the test target need -enable-testing in release.
swift build -c release --build-tests -Xswiftc -enable-testing >"$work/build.log" 2>&1 || {
  tail -30 "$work/build.log"; exit 1; }

printf "%-9s %-9s %-9s %-10s %-9s %-8s %-14s %-14s %-14s %-18s %-18s\n" articles passages indexed load_ms index_ms rss_mb rss_growth_mb search_p50_us search_p99_us search_cpu_p50_us search_cpu_p99_us
for n in "${sizes[@]}"; do
  line=$(CORPUS_BENCH_DIR="$work/$n" swift test -c release --skip-build --filter LoadBenchmark 2>&1 | grep '^BENCH' || true)
  if [ -z "$line" ]; then echo "$n: no BENCH line (see swift test output)"; continue; fi
  get() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
  printf "%-9s %-9s %-9s %-10s %-9s %-8s %-14s %-14s %-14s %-18s %-18s\n" "$(get documents)" "$(get passages)" "$(get indexed)" \
    "$(get load_ms)" "$(get index_ms)" "$(get rss_mb)" "$(get rss_growth_mb)" "$(get search_p50_us)" "$(get search_p99_us)" \
    "$(get search_cpu_p50_us)" "$(get search_cpu_p99_us)"
done
