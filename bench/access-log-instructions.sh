#!/usr/bin/env bash
# User-space instructions per request with the access log off and on, counted
# by callgrind (all the server's threads), which other load on the machine
# does not change the way it changes req/s or CPU time:
#
#   bench/access-log-instructions.sh BIN [BIN...]     # e.g. an old and a new build
#
# Per binary: a copy without DWARF (valgrind 3.19 cannot read Swift's DWARF 5)
# is started under callgrind with instrumentation off; after /readyz and a
# 2 s warm-up, instrumentation is switched on for SECONDS (default 10) of
# `wrk -t1 -c8` on /v1/events, then the total is divided by wrk's count.
# Kernel work (the log's write(2) calls, TCP) is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SECONDS_ON=${SECONDS_ON:-10}
WORK=$(mktemp -d /tmp/corpus-api-callgrind.XXXXXX)
PID=""
trap '[[ -n $PID ]] && stop_pid "$PID"; rm -rf "$WORK"' EXIT
for bin in "$@"; do
    stripped=$WORK/$(basename "$bin")
    strip --strip-debug -o "$stripped" "$bin"
    cp -r "$(dirname "$bin")"/*.resources "$WORK/" 2>/dev/null || true
    for mode in off on; do
        if [[ $mode == on ]]; then args="--access-log true --log-level info"; else args="--access-log false --log-level warning"; fi
        port=$(free_port)
        valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$WORK/cg.%p" \
            "$stripped" --port "$port" $args >"$WORK/server.log" 2>&1 &
        PID=$!
        wait_http_200 "$port" /readyz 120
        wrk -t1 -c8 -d2s "http://127.0.0.1:$port/v1/events" >/dev/null
        callgrind_control -i on "$PID" >/dev/null 2>&1
        out=$(wrk -t1 -c8 -d"${SECONDS_ON}s" "http://127.0.0.1:$port/v1/events")
        callgrind_control -i off "$PID" >/dev/null 2>&1
        callgrind_control -d "$PID" >/dev/null 2>&1
        sleep 1  # the dump is written when the server next runs
        stop_pid "$PID"; PID=""
        requests=$(grep -o '[0-9]* requests in' <<<"$out" | awk '{print $1}')
        total=$(cat "$WORK"/cg.* | awk '/^totals:/ {t += $2} END {print t}')  # the dump's part holds the counts
        rm -f "$WORK"/cg.*
        printf '%s access log %-3s %6s requests  %6.0f instructions/request\n' "$bin" "$mode" "$requests" \
            "$(awk -v t="$total" -v n="$requests" 'BEGIN {print t / n}')"
    done
done
