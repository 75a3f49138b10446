# Shared helpers for bench/run.sh and bench/startup.sh (sourced, not run).

# A free loopback TCP port: the kernel picks it, or, with BENCH_PORTS=LOW-HIGH
# (a range an engineer was given on a shared machine), the first one in that
# range nothing listens on. Each server is started before the next port is
# picked. Tiny race, fine for a bench.
free_port() {
    local port
    port=$(python3 - "${BENCH_PORTS:-}" <<'PY'
import socket, sys
low, _, high = sys.argv[1].partition("-")
candidates = range(int(low), int(high) + 1) if low else [0]
for port in candidates:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    print(s.getsockname()[1])
    s.close()
    break
PY
)
    [[ -n $port ]] || { echo "no free port in BENCH_PORTS=$BENCH_PORTS" >&2; return 1; }
    echo "$port"
}

# Waits until GET http://127.0.0.1:PORT/PATH answers 200, at most SECONDS.
wait_http_200() {
    local port=$1 path=$2 seconds=${3:-30} i=0
    while (( i < seconds * 20 )); do
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null) == 200 ]]; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# Peak and current resident set of a process, in KiB: "HWM RSS".
rss_kib() {
    awk '/^VmHWM/ {h=$2} /^VmRSS/ {r=$2} END {print (h?h:0), (r?r:0)}' "/proc/$1/status" 2>/dev/null || echo "0 0"
}

# Stops a process we started, by its PID only.
stop_pid() {
    local pid=$1
    [[ -n $pid ]] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
}

# The corpus-api release binary, built if needed.
build_corpus_api() {
    (cd "$ROOT" && swift build -c release --product corpus-api >&2)
    echo "$(cd "$ROOT" && swift build -c release --show-bin-path)/corpus-api"
}

# CPU time (user + system, all threads) a process has used, in clock ticks.
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
CLK_TCK=$(getconf CLK_TCK)
