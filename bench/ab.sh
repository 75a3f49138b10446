#!/usr/bin/env bash
# A/B(/C...) of corpus-api builds on one URL, interleaved round by round, for
# the before/after figure of an optimisation commit.
#
#   bench/ab.sh '/v1/events' /tmp/before/corpus-api /tmp/after/corpus-api
#   ROUNDS=5 DURATION=4 CONNECTIONS=64 GZIP=1 bench/ab.sh '/v1/events' A B
#
# Copy a build with its bundles to keep it: cp -r .build/release/corpus-api
# .build/release/corpus-api_*.resources /tmp/before/
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
URL_PATH=$1; shift
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-4}; CONNECTIONS=${CONNECTIONS:-64}; GZIP=${GZIP:-0}
PIDS=(); PORTS=()
trap 'for p in "${PIDS[@]}"; do stop_pid "$p"; done' EXIT
for bin in "$@"; do
    port=$(free_port)
    taskset -c 0 "$bin" --port "$port" --access-log false --log-level warning >/dev/null 2>&1 &
    PIDS+=("$!"); PORTS+=("$port")
done
for port in "${PORTS[@]}"; do wait_http_200 "$port" /readyz 120; done
hdr=(); [[ $GZIP == 1 ]] && hdr=(-H 'Accept-Encoding: gzip')
for port in "${PORTS[@]}"; do taskset -c 1 wrk -t1 -c16 -d1s "${hdr[@]}" "http://127.0.0.1:$port$URL_PATH" >/dev/null; done
echo "load: $(uptime)"
declare -A RPS P99 CPU
for round in $(seq 1 "$ROUNDS"); do
    for i in "${!PORTS[@]}"; do
        t0=$(cpu_ticks "${PIDS[$i]}")
        out=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${hdr[@]}" "http://127.0.0.1:${PORTS[$i]}$URL_PATH")
        t1=$(cpu_ticks "${PIDS[$i]}")
        rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
        reqs=$(awk '/requests in/ {print $1}' <<<"$out")
        us=$(awk -v t=$((t1 - t0)) -v n="$reqs" -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
        CPU[$i]="${CPU[$i]:-} $us"
        p99=$(awk '$1=="99%" {print $2}' <<<"$out")
        errs=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
        echo "round $round  build $((i + 1)) ($(basename "$(dirname "${@:i+1:1}")"))  $rps req/s  p99 $p99  server CPU $us us/req $errs"
        RPS[$i]="${RPS[$i]:-} $rps"
    done
done
echo "load: $(uptime)"
for i in "${!PORTS[@]}"; do
    mean=$(tr ' ' '\n' <<<"${RPS[$i]}" | awk 'NF {s += $1; n++} END {printf "%.0f", s / n}')
    cpu=$(tr ' ' '\n' <<<"${CPU[$i]}" | awk 'NF {s += $1; n++} END {printf "%.2f", s / n}')
    [[ $i == 0 ]] && base=$mean && basecpu=$cpu
    echo "build $((i + 1)) ${@:i+1:1}: mean $mean req/s ($(awk -v a="$mean" -v b="$base" 'BEGIN {printf "%.3f", a / b}')x build 1), server CPU $cpu us/req ($(awk -v a="$cpu" -v b="$basecpu" 'BEGIN {printf "%.3f", a / b}')x build 1), $ROUNDS rounds"
done
