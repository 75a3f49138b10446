#!/usr/bin/env bash
# Load-tests one URL of an already-running server with wrk and prints
# requests/s and p99 latency. Bounded: one wrk run of a few seconds.
#
#   bench/healthz.sh http://127.0.0.1:8080/healthz
#
# Environment (all optional):
#   CONNECTIONS  concurrent keep-alive connections   (default 64)
#   THREADS      wrk threads                          (default 1: the machine has 2 cores,
#                                                      leave one for the server)
#   DURATION     length of the measured run           (default 6s)
#   WARMUP       length of an unmeasured warm-up run  (default 2s; 0 to skip)
#
# To bench the HTTPServer module alone before the app executable exists, host
# the test responder (build in release for meaningful numbers):
#   swift build -c release --build-tests -Xswiftc -enable-testing
#   HTTPSERVER_DEMO_PORT=8089 HTTPSERVER_DEMO_SECONDS=20 \
#     swift test -c release --skip-build --filter DemoServer &
#   bench/healthz.sh http://127.0.0.1:8089/healthz
#
# Compare with other servers by pointing it at them with the same settings.
set -euo pipefail

URL="${1:-}"
if [[ -z "$URL" ]]; then
    echo "usage: $0 URL   (e.g. http://127.0.0.1:8080/healthz)" >&2
    exit 2
fi
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-1}"
DURATION="${DURATION:-6s}"
WARMUP="${WARMUP:-2s}"

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk not found; installing it (Debian package 'wrk')" >&2
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

# Fail fast with a clear message if nothing answers.
if ! curl -fsS -o /dev/null --max-time 5 "$URL"; then
    echo "no successful answer from $URL; is the server running?" >&2
    exit 1
fi

if [[ "$WARMUP" != "0" ]]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$URL" >/dev/null
fi

OUT="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL")"
echo "$OUT" >&2

RPS="$(awk '/^Requests\/sec:/ {print $2}' <<<"$OUT")"
P99="$(awk '$1 == "99%" {print $2}' <<<"$OUT")"
ERRORS="$(awk '/Non-2xx or 3xx responses:/ {print $NF} /Socket errors:/ {print}' <<<"$OUT")"

echo "url=$URL connections=$CONNECTIONS threads=$THREADS duration=$DURATION"
echo "requests_per_sec=$RPS"
echo "p99_latency=$P99"
if [[ -n "$ERRORS" ]]; then
    echo "errors=$ERRORS"
fi
