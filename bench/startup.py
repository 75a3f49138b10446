#!/usr/bin/env python3
"""Start-up figures for corpus-api: exec -> /readyz 200, load_ms, RSS, search latency;
then, with the extraction cache, cold vs warm starts and incremental reloads.

    startup.py BIN GENERATOR SOURCE_DIR WORKDIR [--runs 5] [--sizes 10,100,1000]
                   [--cache-sizes 1000] [--cache-runs 3]

The first table runs with `--cache-dir off` (every start extracts every article).
The cache table gives each size a fresh cache directory: one cold start (empty
cache: extract and write every entry), then warm starts, the cold and warm starts
alternated with a cache-off start so that a slow spell of the shared machine
shows in both; on the last warm start, three reloads (SIGHUP) timed from the
signal to the first `/readyz` with the next generation: one article changed,
one added, the added one removed.

Run through bench/startup.sh, which builds the binary and finds the generator.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

QUERIES = ["gas pipeline", "trade turnover", "Shanghai Cooperation Organisation", "energy", "border",
           "strategic partnership", "sanctions", "Central Asia", "oil", "NATO"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def get(port, path, timeout=1.0):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        return r.status
    finally:
        c.close()


def cpu_seconds(pid):
    """User + system CPU seconds of the process so far (all threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


class Output:
    """The server's stdout, read line by line on a thread: `listening` is set once it logs
    "listening", so the poll below starts then instead of spinning while the model loads."""

    def __init__(self, proc):
        self.lines = []
        self.listening = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(proc.stdout,), daemon=True)
        self.thread.start()

    def _read(self, stream):
        for line in stream:
            self.lines.append(line)
            if '"listening"' in line or "listening" in line.split(" ", 3)[-1][:40]:
                self.listening.set()
        self.listening.set()  # the process ended: stop waiting

    def text(self):
        self.thread.join(timeout=15)
        return "".join(self.lines)


def start_once(binary, corpus, timeout, cache_dir="off"):
    """Exec the server, wait for its "listening" line, then poll /readyz every ms;
    returns (ready_ms, rss_kib, proc, port, output).

    Polling from exec on (a connect per millisecond, refused until the socket
    listens) took CPU from a load that uses both cores; waiting on the log
    line costs none, and ready is still the first 200 of /readyz."""
    port = free_port()
    cmd = [binary, "--port", str(port), "--log-level", "info", "--log-format", "json", "--cache-dir", cache_dir]
    if corpus:
        cmd += ["--corpus", corpus]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = Output(proc)
    output.listening.wait(timeout)
    ready = None
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            break
        try:
            if get(port, "/readyz", timeout=0.5) == 200:
                ready = (time.perf_counter() - t0) * 1000
                break
        except OSError:
            time.sleep(0.001)
    rss = rss_kib(proc.pid) if ready is not None else 0
    proc.cpu_at_ready = cpu_seconds(proc.pid) if ready is not None else None
    return ready, rss, proc, port, output


def stop(proc, output):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    out = output.text()
    load_ms = None
    for line in out.splitlines():
        if "model loaded" in line:
            try:
                load_ms = int(json.loads(line).get("load_ms") or json.loads(line).get("metadata", {}).get("load_ms"))
            except (ValueError, TypeError, AttributeError):
                import re
                m = re.search(r'"?load_ms"?\s*[:=]\s*"?(\d+)', line)
                load_ms = int(m.group(1)) if m else None
    return load_ms, out


def server_search_times(out):
    """Server-side durations (ms) of the measured /v1/search requests, from the access log."""
    times = []
    for line in out.splitlines():
        if '"/v1/search"' not in line:
            continue
        try:
            d = json.loads(line)
            times.append(float(d.get("duration_ms")))
        except (ValueError, TypeError):
            continue
    # The log's path has no query: skip the probe and the warm-up round, as the client does.
    times = sorted(times[1 + len(QUERIES):])
    if not times:
        return None
    return times[len(times) // 2], times[int(len(times) * 0.99) - 1]


# Rounds of the query list for search latency: 100 rounds give 1,000 samples,
# so p99 is the 10th slowest, not the 2nd of 200 (one scheduler hiccup on a
# 2-core machine moved a 200-sample p99 from 0.5 to 2.3 ms between runs).
SEARCH_ROUNDS = int(os.environ.get("SEARCH_ROUNDS", "100"))


def search_latency(port):
    """p50/p99 (ms) of /v1/search over QUERIES, SEARCH_ROUNDS rounds, one keep-alive connection; None if absent."""
    from urllib.parse import quote_plus
    if get(port, "/v1/search?q=gas+pipeline", timeout=5) != 200:
        return None
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    times = []
    for round_ in range(SEARCH_ROUNDS + 1):
        for q in QUERIES:
            t = time.perf_counter()
            c.request("GET", f"/v1/search?q={quote_plus(q)}&_r={round_}")  # `_` params bypass nothing but the cache key
            c.getresponse().read()
            if round_ > 0:  # round 0 warms up
                times.append((time.perf_counter() - t) * 1000)
    c.close()
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99) - 1], len(times)


def dir_text_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            if f.endswith(".txt"):
                total += os.path.getsize(os.path.join(root, f))
    return total


def measure(binary, corpus, runs, timeout):
    readies, rsss, loads = [], [], []
    search = None
    for i in range(runs):
        ready, rss, proc, port, output = start_once(binary, corpus, timeout)
        if ready is not None and i == runs - 1:
            search = search_latency(port)
        load_ms, out = stop(proc, output)
        if search is not None and i == runs - 1:
            search = search + (server_search_times(out),)
        if ready is None:
            print(f"  did not become ready within {timeout}s:\n{out[-2000:]}", file=sys.stderr)
            return None
        readies.append(ready)
        rsss.append(rss)
        if load_ms is not None:
            loads.append(load_ms)
        print(f"  run {i + 1}: ready {ready:.1f} ms, load_ms {load_ms}, RSS {rss / 1024:.1f} MiB", file=sys.stderr)
    return dict(ready=statistics.median(readies), ready_all=readies, rss=statistics.median(rsss),
                load=statistics.median(loads) if loads else None, search=search)


def readyz(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.request("GET", "/readyz")
        r = c.getresponse()
        return json.loads(r.read())
    finally:
        c.close()


def timed_reload(proc, port, edit, timeout):
    """Applies `edit` to the corpus, sends SIGHUP, and returns (ms from signal to a
    /readyz showing the next generation, that load's extraction block, the server's
    CPU seconds over the same span)."""
    before = readyz(port)["model"]["generation"]
    edit()
    cpu0 = cpu_seconds(proc.pid)
    t0 = time.perf_counter()
    proc.send_signal(signal.SIGHUP)
    while time.perf_counter() - t0 < timeout:
        body = readyz(port)
        if body["model"]["generation"] > before:
            ms = (time.perf_counter() - t0) * 1000
            ext = dict(body.get("extraction", {}))
            ext["cpu_s"] = round(cpu_seconds(proc.pid) - cpu0, 2)
            return ms, ext
        time.sleep(0.002)
    return None, {}


# Reloads are timed only up to this corpus size (each is a whole load).
RELOAD_MAX = int(os.environ.get("RELOAD_MAX", "1000"))


def cache_measure(binary, corpus, cache_dir, runs, timeout, reloads=True, cache_off=True):
    """Cold start, warm starts and three reloads with a fresh cache; cache-off starts alternated
    (unless `cache_off` is false: at 10,000 articles each takes minutes of both cores)."""
    import shutil
    shutil.rmtree(cache_dir, ignore_errors=True)
    res = dict(cold=None, warm=[], off=[], rss_warm=[], cpu_warm=[], reloads={})

    def one(cache, label):
        ready, rss, proc, port, output = start_once(binary, corpus, timeout, cache_dir=cache)
        if ready is None:
            stop(proc, output)
            return None, None, None, None
        ext = readyz(port).get("extraction", {})
        print(f"  {label}: ready {ready:.0f} ms, CPU {proc.cpu_at_ready:.2f} s, RSS {rss / 1024:.1f} MiB, "
              f"extraction {ext}", file=sys.stderr)
        return ready, rss, proc, (port, output, ext)

    ready, rss, proc, extra = one(cache_dir, "cold")
    if ready is None:
        return None
    stop(proc, extra[1])
    res["cold"] = (ready, rss, extra[2])
    for i in range(runs):
        if cache_off:
            r, rss_off, p, e = one("off", "cache off")
            if r is not None:
                stop(p, e[1])
                res["off"].append(r)
        ready, rss, proc, extra = one(cache_dir, f"warm {i + 1}")
        if ready is None:
            return None
        res["warm"].append(ready)
        res["rss_warm"].append(rss)
        res["cpu_warm"].append(proc.cpu_at_ready)
        if i < runs - 1:
            stop(proc, extra[1])
    # Reloads on the last warm server.
    port = extra[0]
    if not reloads:
        stop(proc, extra[1])
        return res
    texts = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    victim = os.path.join(corpus, texts[len(texts) // 2])
    with open(victim, "rb") as f:
        original = f.read()
    meta = next(f for f in sorted(os.listdir(corpus)) if f.endswith(".json"))
    with open(os.path.join(corpus, meta)) as f:
        added_meta = json.load(f)
    source_text = os.path.join(corpus, added_meta["text"])
    added_meta.update(id="zz-bench-added", text="zz-bench-added.txt")

    def change():
        with open(victim, "ab") as f:
            f.write(b"\n\nIn May 2031 a bench sentence was added to this article.\n")

    def add():
        shutil.copyfile(source_text, os.path.join(corpus, "zz-bench-added.txt"))
        with open(os.path.join(corpus, "zz-bench-added.json"), "w") as f:
            json.dump(added_meta, f)

    def remove():
        os.remove(os.path.join(corpus, "zz-bench-added.txt"))
        os.remove(os.path.join(corpus, "zz-bench-added.json"))

    try:
        for name, edit in [("change one", change), ("add one", add), ("remove one", remove)]:
            ms, ext = timed_reload(proc, port, edit, timeout)
            res["reloads"][name] = (ms, ext)
            print(f"  reload, {name}: {ms:.0f} ms, CPU {ext.get('cpu_s')} s, extraction {ext}", file=sys.stderr)
    finally:
        with open(victim, "wb") as f:
            f.write(original)
        for name in ["zz-bench-added.txt", "zz-bench-added.json"]:
            if os.path.exists(os.path.join(corpus, name)):
                os.remove(os.path.join(corpus, name))
        stop(proc, extra[1])
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("generator")
    ap.add_argument("source")
    ap.add_argument("workdir")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--large-runs", type=int, default=3, help="starts of corpora of 1,000 articles or more")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--cache-sizes", default="1000", help="corpus sizes measured with the extraction cache")
    ap.add_argument("--cache-runs", type=int, default=3, help="warm starts (each alternated with a cache-off start)")
    ap.add_argument("--no-cache-off", action="store_true", help="no cache-off starts between the warm ones")
    a = ap.parse_args()

    print("default corpus:", file=sys.stderr)
    d = measure(a.binary, None, a.runs, a.timeout)
    src_bytes = dir_text_bytes(a.source)
    lines = []
    lines.append(f"Default (embedded) corpus, {a.runs} starts: exec → `/readyz` 200 median **{d['ready']:.1f} ms** "
                 f"(all: {', '.join(f'{x:.1f}' for x in d['ready_all'])}); `load_ms` median {d['load']}; "
                 f"RSS after ready {d['rss'] / 1024:.1f} MiB; raw text {src_bytes / 1024:.0f} KiB.")
    lines.append("")
    lines.append("| articles | raw text MiB | exec→ready ms (median) | load_ms | RSS after ready MiB | RSS / raw text "
                 "| search p50 ms | search p99 ms | server p50 ms | server p99 ms | exec→ready ms (all) |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    no_search = d["search"] is None
    for n in [int(x) for x in a.sizes.split(",") if x]:
        out = os.path.join(a.workdir, f"corpus-{n}")
        if not os.path.isdir(out):
            subprocess.run([sys.executable, a.generator, str(n), out, "--source", a.source], check=True,
                           stdout=subprocess.DEVNULL)
        raw = dir_text_bytes(out)
        runs = a.runs if n < 1000 else a.large_runs  # a big corpus takes seconds a start
        print(f"{n} articles ({raw / 1048576:.1f} MiB of text), {runs} starts:", file=sys.stderr)
        m = measure(a.binary, out, runs, a.timeout)
        if m is None:
            lines.append(f"| {n} | {raw / 1048576:.2f} | did not load within {a.timeout:.0f} s | | | | | | | | |")
            continue
        s = m["search"]
        no_search = no_search or s is None
        lines.append(f"| {n} | {raw / 1048576:.2f} | {m['ready']:.0f} | {m['load']} | {m['rss'] / 1024:.1f} "
                     f"| {m['rss'] * 1024 / raw:.1f}x "
                     f"| {f'{s[0]:.2f}' if s else 'n/a'} | {f'{s[1]:.2f}' if s else 'n/a'} "
                     f"| {f'{s[3][0]:.2f}' if s and s[3] else 'n/a'} | {f'{s[3][1]:.2f}' if s and s[3] else 'n/a'} "
                     f"| {', '.join(f'{x:.0f}' for x in m['ready_all'])} |")
    lines.append("")
    if no_search:
        lines.append("`/v1/search` answers 404 on this commit: search latency not measured.")
    else:
        lines.append(f"Search: {len(QUERIES)} fixed queries x {SEARCH_ROUNDS} rounds on one keep-alive connection "
                     f"(after one warm-up round). `search p50/p99` are Python http.client timings, so they include the client's "
                     f"overhead and its scheduling; `server p50/p99` are the same requests' `duration_ms` from the "
                     f"server's access log (request parsed to response queued for writing).")
    cache_sizes = [int(x) for x in a.cache_sizes.split(",") if x]
    if cache_sizes:
        lines.append("")
        between = "" if a.no_cache_off else ", each after a `--cache-dir off` start"
        lines.append(f"Extraction cache (`--cache-dir` a fresh directory per size; {a.cache_runs} warm starts{between}; "
                     f"reloads by SIGHUP on the last warm server, timed from the signal "
                     f"to the first `/readyz` with the next generation; CPU seconds are the server's, at ready "
                     f"and over each reload):")
        lines.append("")
        lines.append("| articles | raw text MiB | cold start ms (cache empty) | warm start ms (median) | warm start CPU s (median) "
                     "| cache off ms (median) "
                     "| warm RSS MiB | warm RSS / raw text | reload, 1 changed ms | reload, 1 added ms | reload, 1 removed ms "
                     "| warm ms (all) | cache off ms (all) |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for n in cache_sizes:
        out = os.path.join(a.workdir, f"corpus-{n}")
        if not os.path.isdir(out):
            subprocess.run([sys.executable, a.generator, str(n), out, "--source", a.source], check=True,
                           stdout=subprocess.DEVNULL)
        raw = dir_text_bytes(out)
        print(f"{n} articles with the extraction cache:", file=sys.stderr)
        m = cache_measure(a.binary, out, os.path.join(a.workdir, f"cache-{n}"), a.cache_runs, a.timeout,
                          reloads=n <= RELOAD_MAX, cache_off=not a.no_cache_off)
        if m is None:
            lines.append(f"| {n} | {raw / 1048576:.2f} | did not load within {a.timeout:.0f} s | | | | | | | | | |")
            continue
        rss = statistics.median(m["rss_warm"])
        off_cell = f"{statistics.median(m['off']):.0f}" if m["off"] else "n/a"

        def reload_cell(name):
            ms, ext = m["reloads"].get(name, (None, {}))
            return "n/a" if ms is None else f"{ms:.0f} ({ext.get('cpu_s', '?')} s CPU, {ext.get('extracted', '?')} extracted)"
        lines.append(f"| {n} | {raw / 1048576:.2f} | {m['cold'][0]:.0f} | {statistics.median(m['warm']):.0f} "
                     f"| {statistics.median(m['cpu_warm']):.2f} "
                     f"| {off_cell} | {rss / 1024:.1f} "
                     f"| {rss * 1024 / raw:.1f}x | {reload_cell('change one')} | {reload_cell('add one')} "
                     f"| {reload_cell('remove one')} | {', '.join(f'{x:.0f}' for x in m['warm'])} "
                     f"| {', '.join(f'{x:.0f}' for x in m['off'])} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
