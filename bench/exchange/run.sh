#!/usr/bin/env sh
# Runs the exchange benchmark in Release. Usage: bench/exchange/run.sh [COW_DIR] [--runs N]
# The CLI is published (Release) first, for the whole-process comparison of `plenary export dyad-year` with DuckDB.
set -e
cd "$(dirname "$0")"
CLI_DIR=$(mktemp -d)
trap 'rm -rf "$CLI_DIR"' EXIT
dotnet publish ../../src/Plenary.Cli -c Release -o "$CLI_DIR" --nologo -v quiet >/dev/null
dotnet run -c Release --project Plenary.Exchange.Bench.csproj -- --cli "$CLI_DIR/plenary" "$@"
