#!/usr/bin/env bash
# The same web load on each storage engine, in one run: SQLite (one serve), PostgreSQL (one serve) and PostgreSQL with two
# serve processes on the same database. For each: wrk on /api/v1/ping and /api/v1/status (req/s, p99, the status/ping
# ratio), then HTTP ingest rate (articles/s, 8 concurrent editors posting distinct articles through POST
# /api/v1/articles). Figures land in docs/scaling.md.
#   bench/web/engines.sh [DURATION_SECONDS=10] [ARTICLES=200]
# Needs wrk and PostgreSQL 15 from Debian (/usr/lib/postgresql/15/bin); starts a private cluster (as the `postgres`
# user when run as root), removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}; ARTICLES=${2:-200}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || { echo "needs PostgreSQL 15: apt-get install postgresql"; exit 1; }

OUT=$(mktemp -d)
PIDS=()
PGDIR=$(mktemp -d /tmp/plenary-bench-pg.XXXXXX)
PGUSER_OS=postgres; id "$PGUSER_OS" >/dev/null 2>&1 || PGUSER_OS=nobody
as_pg() { if [ "$(id -u)" -eq 0 ]; then su -s /bin/sh "$PGUSER_OS" -c "$1"; else sh -c "$1"; fi; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  as_pg "$PGBIN/pg_ctl -D $PGDIR/data -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$OUT" "$PGDIR"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown "$PGUSER_OS" "$PGDIR"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
as_pg "$PGBIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
# Durable settings (fsync on): the bench measures what a server would do, unlike the tests' throwaway cluster.
as_pg "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/pg.log -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c max_connections=200' -w start" >/dev/null

dotnet publish src/Plenary.Cli -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
APP="$OUT/app/plenary"
if [ ! -f data/states.yaml ]; then export PLENARY_DATA="$PWD/tests/Plenary.Web.Tests/Fixtures/data"; fi
ARTICLES_DIR=../shared/corpus/dev/articles
[ -d "$ARTICLES_DIR" ] || ARTICLES_DIR=""

serve() { # address port log -> pid
  "$APP" serve --db "$1" --urls "http://127.0.0.1:$2" >"$3" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$2/api/v1/ping" >/dev/null 2>&1 && return 0; sleep 0.5; done
  cat "$3"; exit 1
}
wrk_rps() { # url name -> writes $OUT/name.txt
  wrk -t1 -c8 -d2s "$1" >/dev/null
  wrk -t1 -c8 -d"${DURATION}s" --latency "$1" >"$OUT/$2.txt"
}
wrk_two() { # url1 url2 name: two wrk at once (one per server), 4 connections each
  # (wait for these two wrk only: a bare `wait` would also wait for the serve processes)
  local w; wrk -t1 -c4 -d2s "$1" >/dev/null & w=$!; wrk -t1 -c4 -d2s "$2" >/dev/null; wait "$w"
  wrk -t1 -c4 -d"${DURATION}s" --latency "$1" >"$OUT/$3.a.txt" & w=$!; wrk -t1 -c4 -d"${DURATION}s" --latency "$2" >"$OUT/$3.b.txt"; wait "$w"
}
ingest() { # key name base-urls...
  local key=$1 name=$2; shift 2
  python3 bench/web/ingest_load.py --key "$key" --count "$ARTICLES" --prefix "$name" --articles "$ARTICLES_DIR" "$@" >"$OUT/$name.ingest.txt"
}

Q="/api/v1/status?state=ARM&org=csto&on=2024-11-28"
run_engine() { # name address
  local name=$1 db=$2 port; port=$(free_port)
  "$APP" init --db "$db" >/dev/null 2>&1
  local key; key=$(echo "bench passphrase long enough" | "$APP" user add "bench-$name" --role editor --password-stdin --db "$db" 2>/dev/null | head -n1)
  serve "$db" "$port" "$OUT/$name.log"
  wrk_rps "http://127.0.0.1:$port/api/v1/ping" "$name.ping"
  wrk_rps "http://127.0.0.1:$port$Q" "$name.status"
  ingest "$key" "$name" "http://127.0.0.1:$port"
  echo "$key" >"$OUT/$name.key"
  echo "$port" >"$OUT/$name.port"
}

run_engine sqlite "$OUT/registry.db"
run_engine postgres "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
# A second serve on the same PostgreSQL database: both serve reads; ingest is spread over the two.
PORT2=$(free_port)
serve "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres" "$PORT2" "$OUT/postgres2.log"
P1=$(cat "$OUT/postgres.port")
wrk_two "http://127.0.0.1:$P1$Q" "http://127.0.0.1:$PORT2$Q" two.status
ingest "$(cat "$OUT/postgres.key")" two "http://127.0.0.1:$P1" "http://127.0.0.1:$PORT2"

python3 - "$OUT" "$DURATION" <<'PY'
import re, sys, os
out, duration = sys.argv[1:]
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def wrk(name):
    t = open(f"{out}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    pct = {p: ms(v, u) for p, v, u in re.findall(r"\s(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\b", t)}
    err = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    return rps, pct["99"], int(err.group(1)) if err else 0
def ingest(name):
    return open(f"{out}/{name}.ingest.txt").read().strip()
print(f"2 cores shared by wrk, the server(s), PostgreSQL and the load generator; wrk -t1 -c8 -d{duration}s")
print(f"{'setup':<28}{'ping req/s':>11}{'status req/s':>13}{'ratio':>7}{'status p99 ms':>14}{'non-2xx':>8}   ingest")
for name, label in (("sqlite", "SQLite, one serve"), ("postgres", "PostgreSQL, one serve")):
    p, s = wrk(f"{name}.ping"), wrk(f"{name}.status")
    print(f"{label:<28}{p[0]:>11.0f}{s[0]:>13.0f}{s[0]/p[0]:>7.2f}{s[1]:>14.2f}{s[2]:>8}   {ingest(name)}")
a, b = wrk("two.status.a"), wrk("two.status.b")
print(f"{'PostgreSQL, two serves':<28}{'':>11}{a[0]+b[0]:>13.0f}{'':>7}{max(a[1],b[1]):>14.2f}{a[2]+b[2]:>8}   {ingest('two')}")
PY
