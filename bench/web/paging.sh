#!/usr/bin/env bash
# The claim list on a COW-sized registry (COW IGO v3 imported: about 270,000 claims), on SQLite and on PostgreSQL:
# latency of page 1, of a deep page by offset and of the same depth by cursor (keyset), and 8 parallel first pages.
#   bench/web/paging.sh [RUNS=7]
# Needs ../shared/data/cow/igo_year_format3.csv (skips with a message when absent). PostgreSQL: the server named by
# $PLENARY_BENCH_POSTGRES (an Npgsql connection string to a database where databases may be created), else
# $PLENARY_TEST_POSTGRES; without either, SQLite only.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
IGO=../shared/data/cow/igo_year_format3.csv
[ -f "$IGO" ] || { echo "skipped: $IGO is absent (COW IGO v3 lives in ../shared/data)"; exit 0; }
OUT=$(mktemp -d)
PID=""
PG=${PLENARY_BENCH_POSTGRES:-${PLENARY_TEST_POSTGRES:-}}
DBNAME=plenary_bench_paging_$$
cleanup() {
  [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  [ -n "$PG" ] && psql_do "DROP DATABASE IF EXISTS $DBNAME" >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
psql_do() { python3 - "$PG" "$1" <<'PY'
import sys, subprocess
kv = dict(p.split('=', 1) for p in sys.argv[1].split(';') if p)
subprocess.run(["psql", "-h", kv.get("Host", "127.0.0.1"), "-p", kv.get("Port", "5432"), "-U", kv.get("Username", "postgres"),
                "-d", kv.get("Database", "postgres"), "-qc", sys.argv[2]], check=True)
PY
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dotnet publish src/Plenary.Cli -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
APP="$OUT/app/plenary"

run() { # label address
  local label=$1 db=$2 port
  local t0=$SECONDS
  "$APP" init --empty --db "$db" >/dev/null
  "$APP" import cow --igo-year "$IGO" --db "$db" >/dev/null
  echo "$label: registry made in $((SECONDS - t0)) s" >&2
  port=$(free_port)
  "$APP" serve --db "$db" --urls "http://127.0.0.1:$port" >"$OUT/$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/api/v1/ping" >/dev/null 2>&1 && break; sleep 0.5; done
  python3 bench/web/paging.py "http://127.0.0.1:$port" --runs "$RUNS" --label "$label"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run sqlite "$OUT/registry.db"
if [ -n "$PG" ]; then
  psql_do "CREATE DATABASE $DBNAME"
  run postgres "$(python3 -c "import sys; kv=dict(p.split('=',1) for p in sys.argv[1].split(';') if p); kv['Database']='$DBNAME'; print(';'.join(f'{k}={v}' for k,v in kv.items()))" "$PG")"
else
  echo "postgres: skipped (set PLENARY_BENCH_POSTGRES or PLENARY_TEST_POSTGRES)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
