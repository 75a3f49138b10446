"""Shared helpers for the reliability scripts: start a corpus-api release
binary on loopback, probe /healthz from a fresh connection, read the
process's memory and descriptors from /proc, and count checks.

Everything is bounded: every socket has a timeout, every wait a deadline.
Only processes started here are ever signalled, by their own PID.
"""
import json
import os
import pwd
import resource
import signal
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("CORPUS_API_BIN", os.path.join(ROOT, ".build", "release", "corpus-api"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raise_nofile(n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(max(soft, n), hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    return want


class Checks:
    def __init__(self, title):
        self.title = title
        self.passed = 0
        self.failed = 0
        print(f"### {title}", flush=True)

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"  {'PASS' if ok else 'FAIL'} {what}" + (f" — {detail}" if detail else ""), flush=True)
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        sys.exit(1 if self.failed else 0)


class Server:
    """A corpus-api process on 127.0.0.1:<free port>."""

    def __init__(self, *args, nofile=None, env=None, user=None, log_path=None):
        if not os.path.exists(BINARY):
            sys.exit(f"missing {BINARY}: run `swift build -c release --product corpus-api` first")
        self.port = free_port()
        self.log_path = log_path or f"/tmp/corpus-api-reliability-{os.getpid()}-{self.port}.log"
        self.log = open(self.log_path, "wb")
        cmd = [BINARY, "--port", str(self.port), *args]
        if user:
            cmd = ["setpriv", f"--reuid={pwd.getpwnam(user).pw_uid}", f"--regid={pwd.getpwnam(user).pw_gid}", "--clear-groups", *cmd]

        def limits():
            if nofile:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.nofile = nofile or resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        self.proc = subprocess.Popen(
            cmd, stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=limits,
            env={**os.environ, **(env or {})})
        self.pid = self.proc.pid

    def wait_ready(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                status, _, _ = request(self.port, "/healthz", timeout=1)
                if status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    def status(self, key):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith(key + ":"):
                        return int(line.split()[1])
        except OSError:
            return None

    def peak_rss_mb(self):
        v = self.status("VmHWM")
        return None if v is None else v / 1024

    def rss_mb(self):
        v = self.status("VmRSS")
        return None if v is None else v / 1024

    def fds(self):
        try:
            return len(os.listdir(f"/proc/{self.pid}/fd"))
        except OSError:
            return None

    def alive(self):
        return self.proc.poll() is None

    def signal(self, sig):
        if self.alive():
            os.kill(self.pid, sig)

    def stop(self, timeout=15):
        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.kill(self.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
        return self.proc.returncode

    def log_text(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")


def recv_or_empty(sock, size=4096):
    """What a readable socket holds: up to `size` bytes, or b"" when the
    server closed or reset it (both mean the connection is over)."""
    try:
        return sock.recv(size)
    except OSError:
        return b""


def read_response(sock, buffer=b""):
    """Reads one HTTP/1.1 response (Content-Length framed). Returns
    (status, headers dict lower-cased, body, leftover bytes)."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a full head")
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        rest += chunk
    return status, headers, rest[:length], rest[length:]


def request(port, target, method="GET", headers=None, timeout=5, body=b""):
    """One request on a fresh connection. Returns (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        if body:
            extra += f"Content-Length: {len(body)}\r\n"
        s.sendall(f"{method} {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{extra}\r\n".encode() + body)
        status, h, b, _ = read_response(s)
        return status, h, b


def readyz(port):
    status, _, body = request(port, "/readyz")
    return status, json.loads(body)


class HealthProbe(threading.Thread):
    """Asks /healthz on a fresh connection every `interval` seconds and keeps
    each latency and status, so a scenario can say how a newcomer fared."""

    def __init__(self, port, interval=0.2, timeout=5):
        super().__init__(daemon=True)
        self.port, self.interval, self.timeout = port, interval, timeout
        self.samples = []  # (seconds, status or error string)
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            start = time.monotonic()
            try:
                status, _, _ = request(self.port, "/healthz", timeout=self.timeout)
            except Exception as e:  # noqa: BLE001 - any failure is a sample
                status = type(e).__name__
            self.samples.append((time.monotonic() - start, status))
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
        self.join(10)
        return self

    def summary(self):
        lat = sorted(s for s, _ in self.samples)
        if not lat:
            return {"n": 0}
        statuses = {}
        for _, st in self.samples:
            statuses[st] = statuses.get(st, 0) + 1
        pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
        return {"n": len(lat), "p50_ms": round(pick(0.5), 1), "p99_ms": round(pick(0.99), 1),
                "max_ms": round(lat[-1] * 1000, 1), "statuses": statuses}
