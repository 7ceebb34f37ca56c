#!/usr/bin/env bash
# Load benchmark of the web app: wrk against /api/v1/status and against a trivial endpoint (/api/v1/ping) of the same
# server, in the same run. Prints requests per second, p50 and p99 latency for both, and the ratio.
#   bench/web/run.sh [DURATION_SECONDS=10] [CONNECTIONS=8] [THREADS=1]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}; CONNECTIONS=${2:-8}; THREADS=${3:-1}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

OUT=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$OUT"' EXIT
dotnet publish src/Plenary.Cli -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
# A fresh registry: the curated data when the repository has it, else the web tests' small fixture.
if [ ! -f data/states.yaml ]; then export PLENARY_DATA="$PWD/tests/Plenary.Web.Tests/Fixtures/data"; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$OUT/app/plenary" serve --db "$OUT/registry.db" --urls "$BASE" >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "$BASE/api/v1/ping" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/api/v1/ping" >/dev/null || { cat "$OUT/server.log"; exit 1; }

STATUS="$BASE/api/v1/status?state=ARM&org=csto&on=2024-11-28"
curl -fs "$STATUS" | head -c 200; echo
run() { # warm up, then measure
  wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" >"$OUT/$2.txt"
}
run "$BASE/api/v1/ping" ping
run "$STATUS" status

python3 - "$OUT" "$DURATION" "$CONNECTIONS" "$THREADS" <<'PY'
import re, sys
out, duration, conns, threads = sys.argv[1:]
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def parse(name):
    t = open(f"{out}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    pct = {p: ms(v, u) for p, v, u in re.findall(r"\s(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\b", t)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    return rps, pct["50"], pct["99"], int(errors.group(1)) if errors else 0
ping, status = parse("ping"), parse("status")
print(f"wrk -t{threads} -c{conns} -d{duration}s, 2 cores shared by wrk and the server")
print(f"{'endpoint':<22}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
for name, (rps, p50, p99, err) in (("/api/v1/ping", ping), ("/api/v1/status", status)):
    print(f"{name:<22}{rps:>10.0f}{p50:>9.2f}{p99:>9.2f}{err:>9}")
ratio = status[0] / ping[0]
print(f"status / trivial throughput ratio: {ratio:.2f} (target >= 0.5); status p99 {status[2]:.2f} ms (target < 20 ms)")
sys.exit(0 if ratio >= 0.5 and status[2] < 20 and status[3] == 0 else 1)
PY
