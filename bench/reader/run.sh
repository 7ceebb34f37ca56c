#!/usr/bin/env bash
# The reader's benchmark: Plenary's reader (the whole pipeline, claims included) and wink-nlp (tokens, sentences,
# entities) read the same ≥ 5 MB text — the dev articles repeated — each on one core, one after the other.
# Prints both throughputs, their ratio and Plenary's peak memory.
#   bench/reader/run.sh [ARTICLES_DIR]     (default: ../shared/corpus/dev/articles next to the repository)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
articles="${1:-$root/../shared/corpus/dev/articles}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -d "$articles" ] || { echo "run.sh: no articles folder at $articles" >&2; exit 1; }
dotnet build -c Release "$here/Plenary.Reader.Bench" -v q -nologo >/dev/null
(cd "$here/wink" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
node "$here/make-text.js" "$articles" "$work/text.txt"

one_core() { if command -v taskset >/dev/null; then taskset -c 0 "$@"; else "$@"; fi; }
plenary="$(one_core "$here/Plenary.Reader.Bench/bin/Release/net10.0/Plenary.Reader.Bench" throughput "$root/data" "$work/text.txt")"
wink="$(one_core node "$here/wink/bench.js" "$work/text.txt")"
echo "$plenary"
echo "$wink"
p=$(sed -n 's/^plenary .*bytes_per_second=\([0-9]*\).*/\1/p' <<<"$plenary")
w=$(sed -n 's/^wink .*bytes_per_second=\([0-9]*\).*/\1/p' <<<"$wink")
mem=$(sed -n 's/^plenary .*peak_working_set_mb=\([0-9.]*\).*/\1/p' <<<"$plenary")
awk -v p="$p" -v w="$w" -v m="$mem" 'BEGIN { printf "plenary %.2f MB/s, wink-nlp %.2f MB/s, ratio %.2f, plenary peak memory %s MB\n", p/1e6, w/1e6, p/w, m }'
