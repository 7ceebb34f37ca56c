#!/usr/bin/env sh
# Runs the exchange benchmark in Release. Usage: bench/exchange/run.sh [COW_DIR] [--runs N]
set -e
cd "$(dirname "$0")"
dotnet run -c Release --project Plenary.Exchange.Bench.csproj -- "$@"
