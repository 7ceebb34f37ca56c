#!/usr/bin/env bash
# The reader's whole-process benchmark: `plenary read FOLDER` (the published Release build, startup and the registry's
# names included) against `node` running wink-nlp (tokens, sentences, entities; model loading included) over the same
# folder — the dev articles copied until the files hold at least 5,000,000 bytes (2,520 files from the 21 dev articles)
# — each on one core (`taskset -c 0`), one after the other, RUNS times (default 3) after one warm-up of each.
# Prints, per run, both throughputs (UTF-8 bytes of the articles' texts per second of wall time), their ratio and the
# peak resident memory of both processes; then the median ratio.
#   bench/reader/process.sh [ARTICLES_DIR]     (default: ../shared/corpus/dev/articles next to the repository)
#   PUBLISH=composite bench/reader/process.sh  publishes plenary self-contained, the runtime and the program compiled
#                                              ahead of time as one composite image (a few minutes to build; see README.md)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
articles="${1:-$root/../shared/corpus/dev/articles}"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -d "$articles" ] || { echo "process.sh: no articles folder at $articles" >&2; exit 1; }
# Published for batch reading: ReadyToRun (precompiled, so the process does not spend its first second in the JIT) and
# without tiered PGO (its instrumented tier costs a short process more than it returns); both measured in README.md.
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
case "${PUBLISH:-framework}" in
  framework) publish=(--self-contained false) ;;
  # the generic code the framework's and the program's assemblies share is then compiled ahead of time too
  # (built in a folder of its own: its intermediate files would otherwise spoil the next framework-dependent publish)
  composite) publish=(--self-contained true -p:PublishReadyToRunComposite=true --artifacts-path "$work/build") ;;
  *) echo "process.sh: PUBLISH is framework (default) or composite" >&2; exit 2 ;;
esac
dotnet publish "$root/src/Plenary.Cli" -c Release -r "${rid:-linux-x64}" "${publish[@]}" \
  -p:PublishReadyToRun=true -p:TieredPGO=false -o "$work/plenary" -v q -nologo >/dev/null
echo "plenary published: ${PUBLISH:-framework}-dependent ReadyToRun, tiered PGO off" | sed 's/composite-dependent/self-contained composite/'
(cd "$here/wink" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })

# the folder: every dev article once per copy, until the files hold at least 5,000,000 bytes
mkdir "$work/articles"
per_copy=$(cat "$articles"/*.json | wc -c)
copies=$(( (5000000 + per_copy - 1) / per_copy ))
for ((c = 0; c < copies; c++)); do
  for f in "$articles"/*.json; do cp "$f" "$work/articles/$(printf %03d "$c")-$(basename "$f")"; done
done
echo "folder: $(ls "$work/articles" | wc -l) files, $(cat "$work/articles"/*.json | wc -c) bytes ($copies copies of $articles)"

one_core=(); command -v taskset >/dev/null && one_core=(taskset -c 0)
# run a command; print "SECONDS PEAK_RSS_KB" (peak from /usr/bin/time, else the highest VmHWM seen in /proc)
measure() {
  local out="$1"; shift
  local start end peak
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >"$out" 2>"$work/stderr"
    peak=$(tail -1 "$work/rss")
  else
    "$@" >"$out" 2>"$work/stderr" & local pid=$! ; peak=0
    while kill -0 "$pid" 2>/dev/null; do
      local hwm; hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
      sleep 0.02
    done
    wait "$pid"
  fi
  end=$(date +%s.%N)
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }') $peak"
}

export PLENARY_DATA="$root/data" PLENARY_DB="$work/none.db"
plenary_read=("${one_core[@]}" "$work/plenary/plenary" read "$work/articles" --out "$work/claims.jsonl")
wink_read=("${one_core[@]}" node "$here/wink/read-folder.js" "$work/articles")

"${plenary_read[@]}" 2>/dev/null   # warm-up: the files, the runtimes and the model in the page cache
bytes=$("${wink_read[@]}" | sed -n 's/.* bytes=\([0-9]*\).*/\1/p')
ratios=()
for ((r = 1; r <= runs; r++)); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r ps pm < <(measure /dev/null "${plenary_read[@]}")
  claims=$(wc -l < "$work/claims.jsonl")
  read -r ws wm < <(measure "$work/wink.out" "${wink_read[@]}")
  ratio=$(awk -v p="$ps" -v w="$ws" 'BEGIN { printf "%.2f", w / p }')
  ratios+=("$ratio")
  awk -v b="$bytes" -v ps="$ps" -v pm="$pm" -v ws="$ws" -v wm="$wm" -v r="$ratio" -v n="$r" -v c="$claims" -v l="$load" -v w="$(cat "$work/wink.out")" 'BEGIN {
    printf "run %d (load %s): plenary %.2f MB/s (%.2f s, %d claims, peak %.1f MB), wink-nlp %.2f MB/s (%.2f s, peak %.1f MB), ratio %s\n",
      n, l, b / ps / 1e6, ps, c, pm / 1024, b / ws / 1e6, ws, wm / 1024, r
    print "  " w }'
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
echo "whole processes, $bytes bytes of text: median ratio $median over $runs runs (plenary bytes/s ÷ wink-nlp bytes/s)"
