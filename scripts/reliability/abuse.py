"""Abusive clients against a live release build on loopback.

Each scenario is bounded in connections and seconds; while it runs a fresh
client asks /healthz every 200 ms (latency and status are printed), and the
server's RSS and descriptors are read from /proc. Ends with "N passed, N failed".
"""
import os
import selectors
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import Checks, HealthProbe, Server, raise_nofile, read_response, recv_or_empty, request  # noqa: E402

MAX_CONNECTIONS = 512
HEADER_TIMEOUT = 4
WRITE_TIMEOUT = 5
NOFILE = 4096
HEALTHZ_P99_LIMIT_MS = 500
PEAK_RSS_LIMIT_MB = 400

c = Checks("abuse: hostile clients against corpus-api (release build, loopback)")
client_nofile = raise_nofile(NOFILE)
server = Server(
    "--max-connections", str(MAX_CONNECTIONS), "--header-timeout", str(HEADER_TIMEOUT),
    "--write-timeout", str(WRITE_TIMEOUT), "--idle-timeout", "5", "--log-level", "warning",
    nofile=NOFILE)
if not c.check(server.wait_ready(), "server starts", f"pid {server.pid}, port {server.port}"):
    print(server.log_text()[-2000:])
    c.finish()
print(f"  ulimit -n: server {server.nofile}, this client {client_nofile}; "
      f"max-connections {MAX_CONNECTIONS}, header-timeout {HEADER_TIMEOUT}s, write-timeout {WRITE_TIMEOUT}s")
base_fds = server.fds()
print(f"  baseline: RSS {server.rss_mb():.1f} MB, {base_fds} descriptors")
figures = {}


def scenario(name, body, expect_healthz=(200,)):
    print(f"-- {name}", flush=True)
    probe = HealthProbe(server.port)
    probe.start()
    started = time.monotonic()
    try:
        body()
    except Exception as e:  # noqa: BLE001 - a scenario that throws is a failure
        c.check(False, f"{name}: scenario ran", repr(e))
    probe.stop()
    s = probe.summary()
    figures[name] = s
    statuses = s.get("statuses", {})
    bad = {k: v for k, v in statuses.items() if k not in expect_healthz}
    c.check(server.alive(), f"{name}: server still running")
    c.check(s.get("n", 0) > 0 and not bad and s["p99_ms"] < HEALTHZ_P99_LIMIT_MS,
            f"{name}: fresh /healthz answered meanwhile",
            f"{s.get('n')} probes, p50 {s.get('p50_ms')} ms, p99 {s.get('p99_ms')} ms, max {s.get('max_ms')} ms, "
            f"statuses {statuses}")
    print(f"  took {time.monotonic() - started:.1f}s; RSS now {server.rss_mb():.1f} MB, "
          f"peak {server.peak_rss_mb():.1f} MB, {server.fds()} descriptors", flush=True)


def wait_fds(limit, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        n = server.fds()
        if n is not None and n <= limit:
            return n
        time.sleep(0.2)
    return server.fds()


def connect_many(n, rcvbuf=None):
    socks = []
    for _ in range(n):
        s = socket.socket()
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(5)
        s.connect(("127.0.0.1", server.port))
        socks.append(s)
    return socks


def slowloris():
    n = 300
    socks = connect_many(n)
    for s in socks:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        s.setblocking(False)
    sel = selectors.DefaultSelector()
    for s in socks:
        sel.register(s, selectors.EVENT_READ)
    start = time.monotonic()
    closed_at = {}
    got_408 = 0
    next_drip = start
    while len(closed_at) < n and time.monotonic() - start < HEADER_TIMEOUT + 4:
        if time.monotonic() >= next_drip:  # one header byte per connection every 500 ms
            for s in socks:
                if s.fileno() not in closed_at:
                    try:
                        s.send(b"X")
                    except OSError:
                        closed_at[s.fileno()] = time.monotonic() - start
            next_drip += 0.5
        for key, _ in sel.select(0.1):
            s = key.fileobj
            data = recv_or_empty(s)
            if b" 408 " in data[:16]:
                got_408 += 1
            if not data or b" 408 " in data[:16]:
                closed_at.setdefault(s.fileno(), time.monotonic() - start)
                sel.unregister(s)
    latest = max(closed_at.values()) if closed_at else None
    c.check(len(closed_at) == n and latest is not None and latest < HEADER_TIMEOUT + 2.5,
            f"slowloris: {n} connections dribbling header bytes are cut at the header timeout",
            f"{len(closed_at)}/{n} closed by the server, {got_408} with a 408, last after "
            f"{latest and round(latest, 1)}s (header timeout {HEADER_TIMEOUT}s)")
    for s in socks:
        s.close()


def slow_readers():
    n = 50
    rss_before = server.rss_mb()
    socks = connect_many(n, rcvbuf=4096)
    for s in socks:
        s.sendall(b"GET /v1/export HTTP/1.1\r\nHost: x\r\n\r\n")
    start = time.monotonic()
    read = 0
    while time.monotonic() - start < 3:  # read one byte a second from each
        for s in socks:
            try:
                read += len(s.recv(1))
            except OSError:
                pass
        time.sleep(1)
    rss_during = server.rss_mb()
    # Now stall completely: the server must drop them after its write timeout.
    left = wait_fds(base_fds + 2, WRITE_TIMEOUT + 6)
    c.check(left is not None and left <= base_fds + 2,
            f"slow readers: {n} clients reading /v1/export (~316 KB) at 1 byte/s are dropped after the write timeout",
            f"server descriptors {left} (baseline {base_fds}) {time.monotonic() - start:.1f}s after the requests")
    c.check(rss_during - rss_before < 100,
            "slow readers: memory stays bounded while responses are stuck",
            f"RSS {rss_before:.1f} → {rss_during:.1f} MB with {n} stuck responses")
    for s in socks:
        s.close()


def beyond_max_connections():
    n = 1000
    socks = connect_many(n)
    start = time.monotonic()
    for s in socks:
        s.setblocking(False)
    refused, refused_latency = 0, []
    sel = selectors.DefaultSelector()
    for s in socks:
        sel.register(s, selectors.EVENT_READ)
    pending = set(s.fileno() for s in socks)
    while time.monotonic() - start < 2 and pending:
        for key, _ in sel.select(0.1):
            s = key.fileobj
            data = recv_or_empty(s)
            if b" 503 " in data[:16]:
                refused += 1
                refused_latency.append(time.monotonic() - start)
            sel.unregister(s)
            pending.discard(s.fileno())
    held = len(pending)
    c.check(refused >= n - MAX_CONNECTIONS - 10 and held <= MAX_CONNECTIONS,
            f"idle flood: {n} idle connections against --max-connections {MAX_CONNECTIONS}: the excess get a fast 503",
            f"{held} held open, {refused} answered 503 (last within {max(refused_latency, default=0):.2f}s)")
    status, _, _ = request(server.port, "/healthz")
    c.check(status == 503, "idle flood: a newcomer at the limit gets a fast 503 rather than a hang", f"status {status}")
    for s in socks:
        s.close()
    deadline = time.monotonic() + 3
    status = None
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(server.port, "/healthz", timeout=2)
            if status == 200:
                break
        except OSError:
            pass
        time.sleep(0.1)
    c.check(status == 200, "idle flood: /healthz is 200 again once the idle clients leave",
            f"after {time.monotonic() - deadline + 3:.2f}s")


def vanishing_clients():
    n = 400
    for i in range(n):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(b"GET /v1/export HTTP/1.1\r\nHost: x\r\n\r\n")
        if i % 2:  # half of them reset instead of closing
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    left = wait_fds(base_fds + 2, 5)
    c.check(left is not None and left <= base_fds + 2,
            f"vanishing clients: {n} clients send a request for /v1/export and close or reset at once; no descriptor leaks",
            f"server descriptors {left} (baseline {base_fds})")


def keep_alive_10k():
    n = 10_000
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    start = time.monotonic()
    ok = 0
    buffer = b""
    last_headers = {}
    for i in range(n):
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        status, last_headers, _, buffer = read_response(s, buffer)
        ok += status == 200
    took = time.monotonic() - start
    c.check(ok == n, f"keep-alive: {n} requests on one connection all answered 200",
            f"{ok}/{n} in {took:.1f}s ({n / took:.0f} req/s)")
    c.check(last_headers.get("connection", "").lower() == "close",
            "keep-alive: the 10,000th response says Connection: close (max requests per connection)",
            f"Connection: {last_headers.get('connection')}")
    s.close()


def pipelined():
    conns, depth = 20, 100
    paths = ["/healthz", "/v1/documents?limit=1", "/v1/events?limit=2", "/readyz", "/v1/nope", "/v1/measures?limit=1"]
    socks = connect_many(conns)
    for ci, s in enumerate(socks):
        burst = b"".join(
            f"GET {paths[i % len(paths)]} HTTP/1.1\r\nHost: x\r\nX-Request-Id: c{ci}-r{i}\r\n\r\n".encode()
            for i in range(depth))
        s.sendall(burst)  # 100 requests in one write
    in_order = 0
    for ci, s in enumerate(socks):
        buffer, ids = b"", []
        try:
            for i in range(depth):
                status, h, _, buffer = read_response(s, buffer)
                ids.append(h.get("x-request-id"))
        except Exception:  # noqa: BLE001
            pass
        in_order += ids == [f"c{ci}-r{i}" for i in range(depth)]
        s.close()
    c.check(in_order == conns, f"pipelining: {conns} connections × {depth} requests in one write, answers in order",
            f"{in_order}/{conns} connections got all {depth} answers in request order")


scenario("slowloris", slowloris)
scenario("slow readers", slow_readers)
scenario("idle flood beyond max-connections", beyond_max_connections, expect_healthz=(200, 503))
scenario("request and vanish", vanishing_clients)
scenario("10,000 keep-alive requests", keep_alive_10k)
scenario("pipelined bursts", pipelined)

peak = server.peak_rss_mb()
c.check(peak is not None and peak < PEAK_RSS_LIMIT_MB, "memory bounded over the whole run",
        f"peak RSS (VmHWM) {peak:.1f} MB, limit {PEAK_RSS_LIMIT_MB} MB")
rc = server.stop()
c.check(rc == 0, "server exits 0 on SIGTERM after the abuse", f"exit {rc}")
print("figures:", figures)
c.finish()
