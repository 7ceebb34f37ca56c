#!/usr/bin/env python3
"""Claim list latency on a large registry: page 1, a deep page by offset, the same depth by cursor (keyset), and 8
parallel first pages (the probe's case). Median of N runs each, in milliseconds, against a running `plenary serve`.
   paging.py BASE_URL [--runs 7] [--label NAME]"""
import argparse, json, statistics, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

def get(url):
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as r:
        body = json.load(r)
    return (time.perf_counter() - t) * 1000, body

def median(url, runs):
    get(url)  # warm
    return statistics.median(get(url)[0] for _ in range(runs))

def main():
    a = argparse.ArgumentParser()
    a.add_argument("base"); a.add_argument("--runs", type=int, default=7); a.add_argument("--label", default="")
    o = a.parse_args()
    rows = []
    for name, q in [("all claims", ""), ("review=accepted", "&review=accepted")]:
        base = f"{o.base}/api/v1/claims?limit=50{q}"
        _, first = get(base)
        total = first["page"]["total"]
        deep = max(0, total - 100)
        _, at_deep = get(f"{base}&offset={deep - 50}")
        cursor = at_deep["page"].get("next_cursor")
        rows.append((name, total, "page 1 (offset 0)", median(base, o.runs)))
        rows.append((name, total, f"offset {deep}", median(f"{base}&offset={deep}", o.runs)))
        if cursor:
            rows.append((name, total, f"cursor at {deep}", median(f"{base}&cursor={urllib.parse.quote(cursor)}", o.runs)))
    with ThreadPoolExecutor(8) as ex:
        t = time.perf_counter()
        list(ex.map(lambda _: get(f"{o.base}/api/v1/claims?limit=1"), range(8)))
        rows.append(("all claims", total, "8 parallel limit=1 (wall)", (time.perf_counter() - t) * 1000))
    for name, total, what, ms in rows:
        print(f"{o.label}\t{name}\t{total}\t{what}\t{ms:.1f} ms")

main()
