"""Request smuggling and framing checks on the live server (imported by
security.py): every way a proxy and we could disagree on where a request
ends, sent as raw bytes. For each, what we must do: answer only the
requests the framing really holds, and close the connection after any
framing we refuse, so a request hidden in a body is never served.
Also: invalid Host values, and the hardening headers as sent on the wire."""
import re
import socket

from common import recv_or_empty

SMUGGLED = b"GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n"


def exchange(port, data, timeout=3):
    """Sends `data`, reads until the server closes (or goes quiet); returns
    (list of statuses, whether the server closed, raw reply)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        reply = b""
        closed = False
        try:
            while True:
                chunk = recv_or_empty(s, 65536)
                if not chunk:
                    closed = True
                    break
                reply += chunk
        except socket.timeout:
            pass
    # A status line follows the previous body directly, so search, don't split on CRLF.
    statuses = [int(code) for code in re.findall(rb"HTTP/1\.1 (\d{3}) ", reply)]
    return statuses, closed, reply


def head(te_lines, body, method=b"POST", target=b"/v1/events"):
    return method + b" " + target + b" HTTP/1.1\r\nHost: x\r\n" + te_lines + b"\r\n" + body


# (name, bytes, the statuses we must answer with, in order). After a refused
# framing the connection must close with nothing more served.
REFUSED = [
    ("CL.TE: Content-Length and chunked",
     head(b"Content-Length: 6\r\nTransfer-Encoding: chunked\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("TE.CL: chunked then Content-Length",
     head(b"Transfer-Encoding: chunked\r\nContent-Length: 3\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("TE.TE: chunked, then a second Transfer-Encoding: identity",
     head(b"Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("obfuscated coding: xchunked", head(b"Transfer-Encoding: xchunked\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("obfuscated coding: chunked;x", head(b"Transfer-Encoding: chunked;x\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("whitespace before the colon", head(b"Transfer-Encoding : chunked\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("obs-fold hiding chunked", head(b"X-A: 1\r\n Transfer-Encoding: chunked\r\n", b"0\r\n\r\n" + SMUGGLED), [400]),
    ("chunked on HTTP/1.0",
     b"POST /v1/events HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED, [400]),
    ("gzip before chunked (framed, but a coding we do not decode)",
     head(b"Transfer-Encoding: gzip, chunked\r\n", b"0\r\n\r\n" + SMUGGLED), [501]),
    ("chunk size that overflows 64 bits",
     head(b"Transfer-Encoding: chunked\r\n", b"10000000000000005\r\nhello\r\n0\r\n\r\n" + SMUGGLED), [413]),
    ("negative chunk size", head(b"Transfer-Encoding: chunked\r\n", b"-5\r\nhello\r\n0\r\n\r\n" + SMUGGLED), [400]),
    ("chunk size shorter than its data",
     head(b"Transfer-Encoding: chunked\r\n", b"3\r\nabc" + SMUGGLED + b"\r\n0\r\n\r\n"), [400]),
    ("bare LF after the chunk size", head(b"Transfer-Encoding: chunked\r\n", b"5\nhello\r\n0\r\n\r\n" + SMUGGLED), [400]),
    ("bare LF ending the last chunk", head(b"Transfer-Encoding: chunked\r\n", b"0\n\n" + SMUGGLED), [400]),
    ("chunk extension hiding a CR", head(b"Transfer-Encoding: chunked\r\n", b"5;a=\rb\r\nhello\r\n0\r\n\r\n" + SMUGGLED), [400]),
    ("body over max_body_bytes in chunks",
     head(b"Transfer-Encoding: chunked\r\n", b"100000\r\n" + b"a" * 0x100000 + b"\r\n1\r\na\r\n0\r\n\r\n" + SMUGGLED), [413]),
    ("Host with a space", b"GET /healthz HTTP/1.1\r\nHost: bad host\r\n\r\n" + SMUGGLED, [400]),
    ("Host with a port that is not digits", b"GET /healthz HTTP/1.1\r\nHost: x:8o\r\n\r\n" + SMUGGLED, [400]),
    ("two Host fields", b"GET /healthz HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n" + SMUGGLED, [400]),
    ("no Host on HTTP/1.1", b"GET /healthz HTTP/1.1\r\n\r\n" + SMUGGLED, [400]),
]

# Framing we accept: the body is read to its end and the next request served.
ACCEPTED = [
    ("chunked POST to a read-only route: 405, then the next request",
     head(b"Transfer-Encoding: chunked\r\n", b"4;note=\"a b\"\r\nabcd\r\n0\r\nX-Trailer: 1\r\n\r\n")
     + b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [405, 200]),
    ("a request-shaped chunk is body, not a request",
     head(b"Transfer-Encoding: chunked\r\n", b"%x\r\n" % len(SMUGGLED) + SMUGGLED + b"\r\n0\r\n\r\n")
     + b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [405, 200]),
    ("tab before chunked, upper-case coding, empty list element",
     head(b"Transfer-Encoding:\t, CHUNKED\r\n", b"0\r\n\r\n")
     + b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", [405, 200]),
]


def run(c, port):
    for name, data, expected in REFUSED:
        statuses, closed, reply = exchange(port, data)
        c.check(statuses == expected and closed and b"/smuggled" not in reply,
                f"smuggling: {name} → {expected[0]} and close, nothing else served",
                f"answered {statuses}, closed={closed}")
    for name, data, expected in ACCEPTED:
        statuses, closed, _ = exchange(port, data)
        c.check(statuses == expected, f"framing: {name} → {expected}", f"answered {statuses}")
    # Not /v1/events?limit=1: security.py checks that URL's Link header later,
    # and the response cache (keyed without `_` parameters) would answer it
    # with the Link built for this request.
    for target in ["/healthz", "/v1/documents", "/nowhere"]:
        _, _, reply = exchange(port, b"GET " + target.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        text = reply.decode("latin-1").lower()
        c.check("x-content-type-options: nosniff" in text and "referrer-policy: no-referrer" in text,
                f"GET {target} carries nosniff and no-referrer")
    for target in ["/", "/docs"]:
        _, _, reply = exchange(port, b"GET " + target.encode() + b" HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
        c.check(b"Content-Security-Policy: default-src 'self'" in reply, f"GET {target} (a page) carries a CSP of default-src 'self'")
