"""Security checks that need the real server and its wire format (the rest
are in-process tests: Tests/CorpusAPITests/SecurityTests.swift): raw request
targets that try to leave the asset folder, CR/LF in X-Request-Id and in
query values, request smuggling through Content-Length / Transfer-Encoding /
chunk framing and invalid Host values (smuggling.py), the hardening headers,
the admin token kept out of the logs (JSON and text formats), and the
container's USER. Ends with "N passed, N failed"."""
import os
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import ROOT, Checks, Server, read_response, request  # noqa: E402
import smuggling  # noqa: E402

TOKEN = "sec-" + os.urandom(16).hex()
c = Checks("security: traversal, header injection, token hygiene, container user (live)")


def raw(port, data, timeout=5):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        try:
            status, h, body, _ = read_response(s)
        except ConnectionError:
            return None, {}, b"", b""
        s.settimeout(0.5)
        return status, h, body, b""


for fmt in ("json", "text"):
    server = Server("--admin-token", TOKEN, "--log-format", fmt, "--log-level", "trace", "--access-log", "true")
    if not c.check(server.wait_ready(), f"server starts (--log-format {fmt}, log level trace)"):
        print(server.log_text()[-2000:])
        c.finish()
    port = server.port
    if fmt == "json":
        smuggling.run(c, port)
        for target in ["/assets/..%2f..%2fetc%2fpasswd", "/assets/%2e%2e/Package.swift", "/assets/%2e%2e%2fPackage.swift",
                       "/assets//etc/passwd", "/assets/%2fetc%2fpasswd", "/assets/index.html%00", "/assets/%00",
                       "/..%2f..%2fetc/passwd", "/../../etc/passwd", "/assets/../../../etc/passwd",
                       "/assets/..%5c..%5cPackage.swift", "//etc/passwd", "/assets/%c0%ae%c0%ae/Package.swift"]:
            status, h, body, _ = raw(port, f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            text = body.decode("utf-8", "replace")
            c.check(status in (400, 404) and "root:" not in text and "PackageDescription" not in text,
                    f"GET {target} stays inside the asset folder", f"{status}")
        for target in ["GET http://evil/../etc/passwd HTTP/1.1", "GET /assets/a\x00b HTTP/1.1"]:
            status, _, body, _ = raw(port, (target + "\r\nHost: x\r\nConnection: close\r\n\r\n").encode("latin-1"))
            c.check(status in (None, 400, 404) and b"root:" not in body, f"{target!r} is refused", f"{status}")
        # CR/LF smuggled into X-Request-Id: a bare CR or an obs-fold must not split our response.
        for rid in [b"abc\rSet-Cookie: x=1", b"abc\r\n Set-Cookie: x=1", b"abc%0d%0aSet-Cookie:%20x=1", b"a" * 500,
                    b"\xff\xfe<script>"]:
            status, h, _, _ = raw(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Request-Id: " + rid + b"\r\n\r\n")
            echoed = h.get("x-request-id", "")
            c.check("set-cookie" not in h and "\r" not in echoed and "\n" not in echoed and len(echoed) <= 200,
                    f"X-Request-Id {rid[:30]!r} cannot inject a header", f"{status}, echoed {echoed[:40]!r}")
        # A search term the Link carries on, with CR LF in it; and a cache
        # buster (`_`), which the Link leaves out altogether.
        status, h, _, _ = raw(port, b"GET /v1/search?limit=1&q=china%0d%0a&_=%0d%0aSet-Cookie:%20x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        link = h.get("link", "")
        c.check(status == 200 and "set-cookie" not in h and "q=china%0D%0A&" in link and "Set-Cookie" not in link,
                "%0d%0a in a query value is percent-encoded in the Link header; a cache buster is left out",
                f"{status}: {link[:110]}")
        # Wrong tokens over the wire.
        for auth in ["", "Bearer ", "Bearer " + TOKEN[:-1], "Bearer " + TOKEN + "x", "Bearer " + TOKEN[:-1] + "0"]:
            status, _, _ = request(port, "/admin/reload", method="POST", headers={"Authorization": auth} if auth else {})
            c.check(status == 401, f"admin reload with a wrong token ({len(auth)} bytes of header) → 401", f"{status}")
    status, _, _ = request(port, "/admin/reload", method="POST", headers={"Authorization": "Bearer " + TOKEN}, timeout=60)
    c.check(status == 200, f"admin reload with the token works ({fmt} logs)", f"{status}")
    rc = server.stop()
    log = server.log_text()
    c.check(TOKEN not in log and TOKEN[:12] not in log, f"the admin token is never logged ({fmt} format, trace level)",
            f"{len(log.splitlines())} lines scanned, exit {rc}")

# Environment variable instead of the flag: still never logged.
server = Server("--log-level", "trace", env={"CORPUS_API_ADMIN_TOKEN": TOKEN})
if c.check(server.wait_ready(), "server starts with CORPUS_API_ADMIN_TOKEN"):
    status, _, _ = request(server.port, "/admin/reload", method="POST", headers={"Authorization": "Bearer " + TOKEN}, timeout=60)
    c.check(status == 200, "the token from the environment enables reload", f"{status}")
    server.stop()
    c.check(TOKEN not in server.log_text(), "the environment token is never logged")

# The container: the Dockerfile belongs to the container engineer; check it if it is here.
dockerfile = os.path.join(ROOT, "Dockerfile")
if os.path.exists(dockerfile):
    users = [ln.split()[1] for ln in open(dockerfile) if ln.strip().upper().startswith("USER ")]
    c.check(bool(users) and users[-1] not in ("root", "0", "0:0"), "the container image runs as a non-root USER",
            f"USER {users[-1] if users else '(none)'}")
else:
    print("  (no Dockerfile on this branch; the container branch's is checked in docs/reliability.md)")
c.finish()
