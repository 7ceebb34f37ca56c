#!/usr/bin/env python3
"""HTTP ingest load: N distinct articles posted to POST /api/v1/articles by 8 concurrent editors, spread round-robin
over one or more serve processes. Prints one line: articles/s, answers by status, and the slowest request.

Each article is a real dev article (when given a folder) with a distinct id and a distinct first line, so that every
post is a new article for the reader and the store (not a repeat the registry would recognise)."""
import argparse, concurrent.futures, json, os, time, urllib.error, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("--key", required=True)
ap.add_argument("--count", type=int, default=200)
ap.add_argument("--prefix", default="bench")
ap.add_argument("--articles", default="")
ap.add_argument("--workers", type=int, default=8)
ap.add_argument("bases", nargs="+")
a = ap.parse_args()

texts = []
if a.articles and os.path.isdir(a.articles):
    for name in sorted(os.listdir(a.articles)):
        path = os.path.join(a.articles, name)
        if name.endswith(".json"):
            texts.append(json.load(open(path, encoding="utf-8"))["text"])
        elif name.endswith(".txt"):
            texts.append(open(path, encoding="utf-8").read())
if not texts:
    texts = ["Armenia froze its participation in the Collective Security Treaty Organization, the prime minister said on Tuesday."]

def post(i):
    body = json.dumps({
        "id": f"{a.prefix}-{i}",
        "text": f"Bench copy {a.prefix} {i}.\n\n" + texts[i % len(texts)],
        "published": "2024-11-27",
        "title": f"Bench article {i}",
    }).encode()
    req = urllib.request.Request(a.bases[i % len(a.bases)] + "/api/v1/articles", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {a.key}"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            code = r.status
    except urllib.error.HTTPError as e:
        code = e.code
    except Exception:
        code = 0
    return code, time.perf_counter() - t

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(a.workers) as pool:
    results = list(pool.map(post, range(a.count)))
elapsed = time.perf_counter() - start
codes = {}
for c, _ in results:
    codes[c] = codes.get(c, 0) + 1
print(f"{a.count / elapsed:.1f} articles/s ({a.count} in {elapsed:.1f} s; answers {dict(sorted(codes.items()))}; slowest {max(d for _, d in results):.2f} s)")
