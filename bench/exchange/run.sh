#!/usr/bin/env sh
# Runs the exchange benchmark in Release. Usage: bench/exchange/run.sh [COW_DIR] [--runs N]
# The CLI is published first, for the whole-process comparison of `plenary export dyad-year` with DuckDB: Release,
# ReadyToRun (precompiled, so the process does not spend its first second in the JIT) and without tiered PGO (its
# instrumented tier costs a short process more than it returns) — as bench/reader/process.sh publishes it.
set -e
cd "$(dirname "$0")"
CLI_DIR=$(mktemp -d)
trap 'rm -rf "$CLI_DIR"' EXIT
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
dotnet publish ../../src/Plenary.Cli -c Release -r "${rid:-linux-x64}" --self-contained false \
  -p:PublishReadyToRun=true -p:TieredPGO=false -o "$CLI_DIR" --nologo -v quiet >/dev/null
dotnet run -c Release --project Plenary.Exchange.Bench.csproj -- --cli "$CLI_DIR/plenary" "$@"
