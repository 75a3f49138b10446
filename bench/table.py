#!/usr/bin/env python3
"""Markdown tables from bench/run.sh cell rows.

    table.py CELLS.tsv MAPPING.tsv [ACCESSLOG.tsv]

CELLS rows: conns id enc server rps p50_us p99_us socket_errors status_errors hwm_kib rss_kib cpu_us_per_request
MAPPING rows: id enc our_url peer_url bytes content_encoding
"""
import sys
from collections import defaultdict
from statistics import median


def read(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def ms(us):
    return f"{int(us) / 1000:.2f}"


def main():
    if sys.argv[1] == "--access-log-only":
        access_log_summary(read(sys.argv[2]))
        return
    cells = read(sys.argv[1])
    mapping = read(sys.argv[2])
    by = {}
    order = []
    rounds = defaultdict(list)
    for conns, id_, enc, server, rps, p50, p99, sock, status, hwm, rss, *_ in cells:
        key = (int(conns), id_, enc)
        if key not in by:
            by[key] = {}
            order.append(key)
        rounds[(key, server)].append((int(rps), int(p50), int(p99), int(sock) + int(status), int(hwm)))
    for (key, server), rs in rounds.items():
        # Medians over the rounds of a cell; errors summed; peak RSS is the max.
        by[key][server] = dict(rps=int(median([r[0] for r in rs])), p50=median([r[1] for r in rs]),
                               p99=median([r[2] for r in rs]), err=sum(r[3] for r in rs), hwm=max(r[4] for r in rs))

    print("| conns | path | enc | ours req/s | peer req/s | nginx req/s | ours/peer | ours/nginx "
          "| p50 ms o/p/n | p99 ms o/p/n | errors o/p/n | peak RSS MiB o/p/n |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---|---|---|---|")
    urls = {(m[0], m[1]): m[2] for m in mapping}
    slower = []
    for key in sorted(order, key=lambda k: (k[0], order.index(k))):
        conns, id_, enc = key
        row = by[key]
        o, p, n = row.get("ours"), row.get("peer"), row.get("nginx")
        if not (o and p and n):
            continue
        rp = o["rps"] / p["rps"] if p["rps"] else float("nan")
        rn = o["rps"] / n["rps"] if n["rps"] else float("nan")
        if rp < 1:
            slower.append(f"{urls.get((id_, enc), id_)} {enc} c={conns}: {rp:.2f}x")
        print(f"| {conns} | `{urls.get((id_, enc), id_)}` | {enc} | {o['rps']} | {p['rps']} | {n['rps']} "
              f"| **{rp:.2f}** | **{rn:.2f}** "
              f"| {ms(o['p50'])} / {ms(p['p50'])} / {ms(n['p50'])} "
              f"| {ms(o['p99'])} / {ms(p['p99'])} / {ms(n['p99'])} "
              f"| {o['err']} / {p['err']} / {n['err']} "
              f"| {o['hwm'] / 1024:.1f} / {p['hwm'] / 1024:.1f} / {n['hwm'] / 1024:.1f} |")
    print()
    print("Cells where corpus-api is slower than the peer: " + ("; ".join(slower) if slower else "none") + ".")
    print()
    print("Same bytes served by all three (captured from corpus-api, `cmp`-checked on the peer and nginx):")
    print()
    print("| corpus-api URL | enc | peer & nginx URL | bytes | Content-Encoding from corpus-api |")
    print("|---|---|---|---:|---|")
    for id_, enc, url, peer, size, ce in mapping:
        print(f"| `{url}` | {enc} | `{peer}` | {size} | {ce} |")

    if len(sys.argv) > 3:
        access_log_summary(read(sys.argv[3]))


def access_log_summary(rows):
    """The access log's cost: each round's on/off throughput ratio (rounds
    ran off and on back to back), then the ratio of the means, the figure
    the issue's target (>= 0.9x) is about; and the server's CPU time per
    request, which other load on the machine disturbs far less."""
    off = [(int(r[4]), int(r[6]), float(r[11]) if len(r) > 11 else 0.0) for r in rows if r[3] == "ours"]
    on = [(int(r[4]), int(r[6]), float(r[11]) if len(r) > 11 else 0.0) for r in rows if r[3] == "ours-accesslog"]
    if not off or not on:
        return
    rounds = [b[0] / a[0] for a, b in zip(off, on) if a[0] > 0]
    mean_off = sum(r[0] for r in off) / len(off)
    mean_on = sum(r[0] for r in on) / len(on)
    print()
    print(f"Access log cost (`/v1/events`, identity, 64 connections, off/on interleaved x{len(off)}): "
          f"off {mean_off:.0f} req/s (p99 {ms(max(r[1] for r in off))} ms), "
          f"on {mean_on:.0f} req/s (p99 {ms(max(r[1] for r in on))} ms): "
          f"**{mean_on / mean_off:.2f}x** with the access log on.")
    print()
    print("Per round, on/off: " + ", ".join(f"{r:.2f}x" for r in rounds)
          + f" (spread {min(rounds):.2f}-{max(rounds):.2f}; off alone ranged "
          + f"{min(r[0] for r in off)}-{max(r[0] for r in off)} req/s).")
    cpu_off = median([r[2] for r in off])
    cpu_on = median([r[2] for r in on])
    if cpu_off > 0 and cpu_on > 0:
        print()
        print(f"Server CPU per request (all threads, user + system, median of rounds): off {cpu_off:.2f} us, "
              f"on {cpu_on:.2f} us: the log costs {(cpu_on / cpu_off - 1) * 100:.0f}% more CPU per request "
              f"(throughput at equal CPU: {cpu_off / cpu_on:.2f}x).")


if __name__ == "__main__":
    main()
