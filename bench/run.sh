#!/usr/bin/env bash
# Side-by-side load benchmark: corpus-api vs the Hummingbird peer vs nginx,
# serving the same bytes, interleaved cell by cell. Prints a Markdown table and
# appends it to bench/results/<UTC date>.md. See bench/README.md.
#
#   bench/run.sh                 # QUICK (default): 64 connections only, 2 rounds per cell, ~6 min
#   FULL=1 bench/run.sh          # connections 1 16 64 256, 1 round per cell, ~12 min
#   DURATION=4 CONNECTIONS="16 64" bench/run.sh
#   ACCESS_LOG_ONLY=1 bench/run.sh   # only the access-log cell (corpus-api, off/on interleaved), ~1 min
#   ACCESS_LOG_ROUNDS=5 bench/run.sh # rounds of that cell (default 3); each round's on/off ratio is printed
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source bench/lib.sh

DURATION=${DURATION:-5}
if [[ ${FULL:-0} == 1 ]]; then CONNECTIONS=${CONNECTIONS:-"1 16 64 256"}; MODE=FULL; else CONNECTIONS=${CONNECTIONS:-64}; MODE=QUICK; fi
REPEAT=${REPEAT:-$([[ ${FULL:-0} == 1 ]] && echo 1 || echo 2)}   # rounds per cell; the table shows medians
PIN=${PIN:-1}                       # 1: server on CPU 0, wrk on CPU 1 (taskset)
SERVER_CPU=${SERVER_CPU:-0}
WRK_CPU=${WRK_CPU:-1}
PEER_DIR=${PEER_DIR:-$(cd "$ROOT/../shared/peers/hummingbird-peer" 2>/dev/null && pwd || echo /work/shared/peers/hummingbird-peer)}
PEER_SCRATCH=${PEER_SCRATCH:-/tmp/corpus-api-bench-peer-build}   # outside the project
RESULTS=${RESULTS:-$ROOT/bench/results/$(date -u +%F).md}
ACCESS_LOG_CELL=${ACCESS_LOG_CELL:-1}
ACCESS_LOG_ONLY=${ACCESS_LOG_ONLY:-0}   # 1: skip the peer, nginx and the matrix
ACCESS_LOG_ROUNDS=${ACCESS_LOG_ROUNDS:-3}
[[ $ACCESS_LOG_ONLY == 1 ]] && ACCESS_LOG_CELL=1

WORK=$(mktemp -d /tmp/corpus-api-bench.XXXXXX)
chmod 755 "$WORK"                    # nginx workers run as nobody
PAYLOAD=$WORK/peer-payload           # DIR/v1_events.json is served by the peer at /v1/events
NGINX_ROOT=$WORK/nginx-root
mkdir -p "$PAYLOAD" "$NGINX_ROOT"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    [[ ${KEEP_WORK:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

pin() { if [[ $PIN == 1 ]]; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }
# Starts a server in the background so that $! is the server itself (taskset
# execs it); a backgrounded shell function would give the subshell's PID.
spawn() {  # cpu logfile command...
    if [[ $PIN == 1 ]]; then taskset -c "$1" "${@:3}" >"$2" 2>&1 & else "${@:3}" >"$2" 2>&1 & fi
}
log() { echo "[bench $(date -u +%T)] $*" >&2; }

UPTIME_START=$(uptime)
log "load: $UPTIME_START"

# --- 1. builds: the peer in the background (cold ~4 min), ours in the foreground
if [[ $ACCESS_LOG_ONLY != 1 ]]; then
    log "building the peer in $PEER_SCRATCH (background)"
    (cd "$PEER_DIR" && swift build -c release --scratch-path "$PEER_SCRATCH" >"$WORK/peer-build.log" 2>&1) &
    PEER_BUILD=$!
fi
log "building corpus-api (release)"
BIN=${CORPUS_API_BIN:-$(build_corpus_api)}   # CORPUS_API_BIN skips the build
command -v wrk >/dev/null && { [[ $ACCESS_LOG_ONLY == 1 ]] || command -v nginx >/dev/null; } || {
    log "installing nginx and wrk"; apt-get install -y nginx wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y nginx wrk >/dev/null; }
}

# --- 2. corpus-api, quiet: no access log, warnings only
OUR_PORT=$(free_port)
OUR_CMD="$BIN --port $OUR_PORT --access-log false --log-level warning"
spawn "$SERVER_CPU" "$WORK/ours.log" $OUR_CMD
OUR_PID=$!; PIDS+=("$OUR_PID")
wait_http_200 "$OUR_PORT" /readyz 60 || { log "corpus-api did not become ready"; cat "$WORK/ours.log" >&2; exit 1; }

# --- 3. capture the exact bytes for every benchmarked URL, with and without gzip
# id | URL on corpus-api. The peer/nginx URL is derived: "/" -> "_" in the file
# name, the query folded into the last segment ("?a=b&c=d" -> "-a-b-c-d"),
# and a "gz_" prefix (peer path /gz/...) for the gzip variant.
CASES=(
    "healthz|/healthz"
    "events|/v1/events"
    "events-filtered|/v1/events?from=2001&to=2019&category=diplomacy"
    "series|/v1/measures/bilateral-trade-turnover/series"
    "citations-bibtex|/v1/citations?format=bibtex"
    "search|/v1/search?q=gas+pipeline"
)
peer_stem() {  # URL -> peer stem, e.g. v1_events-from-2001-to-2019-category-diplomacy
    local url=$1 path=${1%%\?*} query=""
    [[ $url == *\?* ]] && query=${url#*\?}
    local stem=${path#/}; stem=${stem//\//_}
    if [[ -n $query ]]; then query=${query//[=&+]/-}; stem="$stem-$query"; fi
    echo "$stem"
}
ACTIVE=()
NOTES=()
: >"$WORK/mapping.tsv"
for c in "${CASES[@]}"; do
    id=${c%%|*}; url=${c#*|}
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$OUR_PORT$url")
    if [[ $code != 200 ]]; then
        NOTES+=("skipped \`$url\`: corpus-api answers $code on this commit")
        log "skip $url ($code)"; continue
    fi
    stem=$(peer_stem "$url")
    for enc in identity gzip; do
        name=$stem; hdr=()
        if [[ $enc == gzip ]]; then name="gz_$stem"; hdr=(-H 'Accept-Encoding: gzip'); fi
        curl -s "${hdr[@]}" -D "$WORK/$name.headers" -o "$PAYLOAD/$name.json" "http://127.0.0.1:$OUR_PORT$url"
        peer_path="/${name//_//}"
        mkdir -p "$NGINX_ROOT$(dirname "$peer_path")"
        cp "$PAYLOAD/$name.json" "$NGINX_ROOT$peer_path"
        ce=$(awk 'tolower($1)=="content-encoding:" {gsub("\r",""); print $2}' "$WORK/$name.headers")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$enc" "$url" "$peer_path" "$(stat -c %s "$PAYLOAD/$name.json")" "${ce:-identity}" >>"$WORK/mapping.tsv"
    done
    ACTIVE+=("$c")
done
chmod -R a+rX "$NGINX_ROOT"
: >"$WORK/cells.tsv"
if [[ $ACCESS_LOG_ONLY != 1 ]]; then

# --- 4. nginx, one worker, static files from a temp root
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx-tmp"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    types { }
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGINX_ROOT;
        location / { }
    }
}
EOF
spawn "$SERVER_CPU" "$WORK/nginx.out" nginx -c "$WORK/nginx.conf"
NGINX_PID=$!; PIDS+=("$NGINX_PID")

# --- 5. the peer, once its build is done
log "waiting for the peer build"
wait "$PEER_BUILD" || { log "peer build failed"; tail -20 "$WORK/peer-build.log" >&2; exit 1; }
PEER_BIN=$PEER_SCRATCH/release/hummingbird-peer
PEER_PORT=$(free_port)
spawn "$SERVER_CPU" "$WORK/peer.log" "$PEER_BIN" "$PAYLOAD" "$PEER_PORT"
PEER_PID=$!; PIDS+=("$PEER_PID")
first_peer_path=$(awk -F'\t' 'NR==1 {print $4}' "$WORK/mapping.tsv")
wait_http_200 "$PEER_PORT" "$first_peer_path" 60 || { log "peer did not start"; cat "$WORK/peer.log" >&2; exit 1; }
wait_http_200 "$NGINX_PORT" "$first_peer_path" 10 || { log "nginx did not start"; cat "$WORK/nginx-error.log" >&2; exit 1; }
NGINX_WORKER=$(ps -o pid= --ppid "$NGINX_PID" | head -1 | tr -d ' ')

# Same bytes everywhere, or the comparison means nothing.
while IFS=$'\t' read -r id enc url peer_path size ce; do
    name=${peer_path#/}; name=${name//\//_}
    for port in "$PEER_PORT" "$NGINX_PORT"; do
        curl -s -o "$WORK/check" "http://127.0.0.1:$port$peer_path"
        cmp -s "$WORK/check" "$PAYLOAD/$name.json" || { log "bytes differ for $peer_path on port $port"; exit 1; }
    done
done <"$WORK/mapping.tsv"

fi  # ACCESS_LOG_ONLY: no peer, no nginx

# --- 6. the interleaved matrix
cat >"$WORK/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.6f %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
EOF
server_url() {  # server id enc -> base URL + path
    local server=$1 id=$2 enc=$3
    local line; line=$(awk -F'\t' -v i="$id" -v e="$enc" '$1==i && $2==e' "$WORK/mapping.tsv")
    local url peer_path; url=$(cut -f3 <<<"$line"); peer_path=$(cut -f4 <<<"$line")
    case $server in
        ours) echo "http://127.0.0.1:$OUR_PORT$url" ;;
        ours-accesslog) echo "http://127.0.0.1:$OUR_LOG_PORT$url" ;;
        peer) echo "http://127.0.0.1:$PEER_PORT$peer_path" ;;
        nginx) echo "http://127.0.0.1:$NGINX_PORT$peer_path" ;;
    esac
}
server_pid() {
    case $1 in ours) echo "$OUR_PID" ;; ours-accesslog) echo "$OUR_LOG_PID" ;; peer) echo "$PEER_PID" ;; nginx) echo "$NGINX_WORKER" ;; esac
}
WRK_EXAMPLE=""
run_cell() {  # server id enc conns -> a TSV row
    local server=$1 id=$2 enc=$3 conns=$4 url hdr=()
    url=$(server_url "$server" "$id" "$enc")
    [[ $enc == gzip ]] && hdr=(-H 'Accept-Encoding: gzip')
    local out pid t0 t1
    pid=$(server_pid "$server"); t0=$(cpu_ticks "$pid")
    out=$(pin "$WRK_CPU" wrk -t1 -c"$conns" -d"${DURATION}s" --timeout 5s "${hdr[@]}" -s "$WORK/report.lua" "$url" 2>&1 || true)
    [[ -n $WRK_EXAMPLE ]] || WRK_EXAMPLE="taskset -c $WRK_CPU wrk -t1 -c$conns -d${DURATION}s --timeout 5s ${hdr[*]:+-H 'Accept-Encoding: gzip'} -s report.lua $url"
    t1=$(cpu_ticks "$pid")
    local r; r=$(grep '^RESULT' <<<"$out" || echo "RESULT 0 1 0 0 -1 -1")
    read -r _ reqs secs p50 p99 sockerr status <<<"$r"
    local rps; rps=$(awk -v n="$reqs" -v s="$secs" 'BEGIN {printf "%.0f", n / s}')
    # Server CPU (all its threads, user + system) per request: what a request
    # costs whatever else the machine runs, unlike req/s.
    local cpu; cpu=$(awk -v t=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$reqs" 'BEGIN {printf "%.2f", (n > 0 ? t * 1e6 / hz / n : 0)}')
    local mem; mem=$(rss_kib "$pid")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$conns" "$id" "$enc" "$server" "$rps" "$p50" "$p99" "$sockerr" "$status" "${mem// /	}" "$cpu" >>"$WORK/cells.tsv"
    log "$(printf '%-5s %-17s %-8s %-6s %8s req/s p50 %6sus p99 %7sus err %s/%s' "$conns" "$id" "$enc" "$server" "$rps" "$p50" "$p99" "$sockerr" "$status")"
}

if [[ $ACCESS_LOG_ONLY != 1 ]]; then
log "warm-up"
for c in "${ACTIVE[@]}"; do
    id=${c%%|*}
    for enc in identity gzip; do for s in ours peer nginx; do
        hdr=(); [[ $enc == gzip ]] && hdr=(-H 'Accept-Encoding: gzip')
        pin "$WRK_CPU" wrk -t1 -c16 -d1s "${hdr[@]}" "$(server_url $s "$id" "$enc")" >/dev/null 2>&1 || true
    done; done
done

SERVERS=(ours peer nginx)
cell=0
for conns in $CONNECTIONS; do
    for c in "${ACTIVE[@]}"; do
        id=${c%%|*}
        for enc in identity gzip; do
            for rep in $(seq 1 "$REPEAT"); do
                # Rotate who goes first so no server always follows the same one.
                for k in 0 1 2; do
                    run_cell "${SERVERS[$(((cell + k) % 3))]}" "$id" "$enc" "$conns"
                done
                cell=$((cell + 1))
            done
        done
    done
done
fi  # ACCESS_LOG_ONLY

# --- 7. what the access log costs: /v1/events, 64 connections, off/on interleaved
# ACCESS_LOG_ROUNDS times, the lines going to a file as a service's stdout would.
if [[ $ACCESS_LOG_CELL == 1 ]]; then
    OUR_LOG_PORT=$(free_port)
    OUR_LOG_CMD="$BIN --port $OUR_LOG_PORT --access-log true --log-level info"
    spawn "$SERVER_CPU" "$WORK/access.log" $OUR_LOG_CMD
    OUR_LOG_PID=$!; PIDS+=("$OUR_LOG_PID")
    wait_http_200 "$OUR_LOG_PORT" /readyz 60
    : >"$WORK/cells-accesslog.tsv"
    mv "$WORK/cells.tsv" "$WORK/cells-main.tsv"
    for round in $(seq 1 "$ACCESS_LOG_ROUNDS"); do
        # Alternate who goes first, so a slow spell of the VM does not always land on one side.
        if ((round % 2)); then
            run_cell ours events identity 64
            run_cell ours-accesslog events identity 64
        else
            run_cell ours-accesslog events identity 64
            run_cell ours events identity 64
        fi
    done
    mv "$WORK/cells.tsv" "$WORK/cells-accesslog.tsv"
    mv "$WORK/cells-main.tsv" "$WORK/cells.tsv"
    ACCESS_LOG_LINES=$(wc -l <"$WORK/access.log")
fi

UPTIME_END=$(uptime)
log "load: $UPTIME_END"

# --- 8. the table
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo "+dirty")
{
    echo "## Run $(date -u '+%F %H:%M UTC') — $MODE, commit \`$COMMIT\`"
    echo
    echo "- load before: \`$UPTIME_START\`"
    echo "- load after:  \`$UPTIME_END\`"
    if [[ $ACCESS_LOG_ONLY == 1 ]]; then
        echo "- $(nproc) cores; $( [[ $PIN == 1 ]] && echo "servers pinned to CPU $SERVER_CPU and wrk to CPU $WRK_CPU with \`taskset\`" || echo "no pinning" ); wrk \`-t1\`, ${DURATION}s per cell; access-log cell only (ACCESS_LOG_ONLY=1), $ACCESS_LOG_ROUNDS rounds, off and on alternating who goes first"
    else
        echo "- $(nproc) cores; $( [[ $PIN == 1 ]] && echo "servers pinned to CPU $SERVER_CPU and wrk to CPU $WRK_CPU with \`taskset\`" || echo "no pinning" ); wrk \`-t1\`, ${DURATION}s per cell, connections: $CONNECTIONS; cells interleaved (ours, peer, nginx, order rotating), $REPEAT round(s) per cell: req/s, p50 and p99 are medians over rounds, errors summed"
    fi
    echo "- corpus-api: \`$OUR_CMD\` (release; access log off, warnings only)"
    [[ $ACCESS_LOG_ONLY == 1 ]] || echo "- peer: \`$PEER_BIN PAYLOAD_DIR PORT\` (Hummingbird, built \`swift build -c release --scratch-path $PEER_SCRATCH\` in $PEER_DIR)"
    [[ $ACCESS_LOG_ONLY == 1 ]] || echo "- nginx $(nginx -v 2>&1 | sed 's/.*\///'): 1 worker, \`access_log off\`, \`sendfile on\`, \`keepalive_requests 1000000\`, static files"
    [[ $ACCESS_LOG_ONLY == 1 ]] || echo "- wrk, e.g.: \`$WRK_EXAMPLE\`"
    for n in "${NOTES[@]}"; do echo "- $n"; done
    echo
    ACC=(); [[ $ACCESS_LOG_CELL == 1 ]] && ACC=("$WORK/cells-accesslog.tsv")
    if [[ $ACCESS_LOG_ONLY == 1 ]]; then
        python3 "$ROOT/bench/table.py" --access-log-only "$WORK/cells-accesslog.tsv"
    else
        python3 "$ROOT/bench/table.py" "$WORK/cells.tsv" "$WORK/mapping.tsv" "${ACC[@]}"
    fi
    [[ $ACCESS_LOG_CELL == 1 ]] && echo && echo "Access log off: \`$OUR_CMD\`; on: \`$OUR_LOG_CMD >file\`, which wrote $ACCESS_LOG_LINES lines."
    echo
} >"$WORK/report.md"
cat "$WORK/report.md"
mkdir -p "$(dirname "$RESULTS")"
if [[ ! -f $RESULTS ]]; then
    printf '# Benchmark results %s\n\nProduced by `bench/run.sh` (see bench/README.md); newest run last.\n\n' "$(date -u +%F)" >"$RESULTS"
fi
cat "$WORK/report.md" >>"$RESULTS"
log "appended to $RESULTS"
