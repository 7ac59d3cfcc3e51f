#!/usr/bin/env bash
# Benchmarks `mentorbook build` against Hugo on generated programs of several sizes.
#
#   bench/run.sh                          # 100, 1,000 and 10,000 pairs, 3 runs each
#   SIZES="100 1000" RUNS=5 bench/run.sh
#
# For each size: generates the program and the equivalent Hugo site once (cached by size, seed and
# generator source), then alternates a mentorbook build, a Hugo build and a `cp -r` of mentorbook's
# output (the floor: what just writing that many files costs) RUNS times, writing to /dev/shm.
# Wall time is measured by the shell around `/usr/bin/time`, which reports the peak memory (max RSS).
# Prints a Markdown table per size; raw timings go to $OUT/runs.tsv.
#
# Environment:
#   SIZES    pair counts (default "100 1000 10000")
#   RUNS     runs of each tool per size (default 3)
#   SEED     generator seed (default 7)
#   OUT      where outputs go, ideally tmpfs (default /dev/shm/mentorbook-bench)
#   WORK     where generated inputs are kept (default $OUT/inputs: on tmpfs too, so that neither
#            tool waits for a disk)
#   TIMEOUT  seconds before a single build is given up (default 900)
#   HUGO     the hugo command (default hugo; Debian: apt-get install hugo)
#   WAIT_IDLE  on a shared machine, wait up to this many seconds before each run until the CPUs
#            are idle (under 15% busy over 2 s); the wait is not measured (default 0: no wait)
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-100 1000 10000}
RUNS=${RUNS:-3}
SEED=${SEED:-7}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-/dev/shm/mentorbook-bench}
WORK=${WORK:-$OUT/inputs}
TIMEOUT=${TIMEOUT:-900}
WAIT_IDLE=${WAIT_IDLE:-0}
HUGO=${HUGO:-hugo}

need() {
  # need COMMAND DEBIAN-PACKAGE: installs the package when missing and we may, else explains.
  if [ -x "$1" ] || command -v "$1" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $2 for $1 ..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
  else
    echo "bench/run.sh needs $1: install the $2 package (Debian: apt-get install $2)" >&2
    exit 2
  fi
}
need /usr/bin/time time
need "$HUGO" hugo

echo "building mentorbook and the generator (release) ..." >&2
(cd "$ROOT" && cargo build --release --quiet --bin mentorbook --example generate)
MB=$TARGET/release/mentorbook
GEN=$TARGET/release/examples/generate

mkdir -p "$WORK" "$OUT"
RAW=$OUT/runs.tsv
printf 'pairs\ttool\trun\twall_s\tmax_rss_kb\tload1\n' >"$RAW"

# What the generated files depend on: a change regenerates the cached inputs.
STAMP="seed=$SEED $(cat "$ROOT"/bench/generator/*.rs "$ROOT"/content/phases/*.yaml \
  "$ROOT"/content/guide/*.md "$ROOT"/themes/default/static/style.css | sha256sum | cut -c1-16)"

generate() {
  local n=$1 dir=$WORK/$1
  if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$STAMP" ]; then
    return
  fi
  echo "generating $n pairs ..." >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  "$GEN" --pairs "$n" --seed "$SEED" --out "$dir/program" --hugo "$dir/hugo" >&2
  echo "$STAMP" >"$dir/stamp"
}

# The percentage of CPU time spent busy over the next 2 seconds, from /proc/stat.
busy() {
  local a b
  a=$(head -1 /proc/stat)
  sleep 2
  b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {
    n = split(a, x); split(b, y); t = 0
    for (i = 2; i <= n; i++) t += y[i] - x[i]
    idle = (y[5] - x[5]) + (y[6] - x[6])
    printf "%d", t ? 100 * (t - idle) / t : 0 }'
}

wait_idle() {
  [ "$WAIT_IDLE" -gt 0 ] || return 0
  local start=$SECONDS
  while [ "$(busy)" -ge 15 ]; do
    if [ $((SECONDS - start)) -ge "$WAIT_IDLE" ]; then
      echo "the machine is still busy after ${WAIT_IDLE}s; measuring anyway" >&2
      return 0
    fi
  done
}

# timed TOOL N RUN CMD...: runs CMD, appends "N TOOL RUN wall rss" to $RAW.
timed() {
  local tool=$1 n=$2 run=$3
  shift 3
  local t0 t1 rss load
  wait_idle
  # The 1-minute load average before the run: a busy machine shows here.
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -f '%M' -o "$OUT/time.txt" timeout "$TIMEOUT" "$@" >"$OUT/log.txt" 2>&1; then
    echo "$tool failed or timed out (${TIMEOUT}s) at $n pairs, run $run:" >&2
    tail -5 "$OUT/log.txt" >&2
    return 1
  fi
  t1=$EPOCHREALTIME
  rss=$(tail -1 "$OUT/time.txt")
  awk -v n="$n" -v t="$tool" -v r="$run" -v a="$t0" -v b="$t1" -v m="$rss" -v l="$load" \
    'BEGIN { printf "%s\t%s\t%s\t%.4f\t%s\t%s\n", n, t, r, b - a, m, l }' >>"$RAW"
}

pages() { find "$1" -name '*.html' | wc -l; }
mbytes() { du -sb "$1" | awk '{printf "%.1f", $1 / 1048576}'; }

# median of the column "wall_s" or "max_rss_kb" for one size and tool.
median() {
  awk -F'\t' -v n="$1" -v t="$2" -v c="$3" 'NR > 1 && $1 == n && $2 == t { print $c }' "$RAW" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

TABLE=$OUT/table.md
{
  echo "| pairs | tool | pages | median wall (s) | ms/page | per page vs Hugo | peak RSS (MiB) | output (MB) |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} >"$TABLE"

for n in $SIZES; do
  generate "$n"
  program=$WORK/$n/program
  hugo_src=$WORK/$n/hugo
  mb_out=$OUT/mentorbook-$n
  hugo_out=$OUT/hugo-$n
  cp_out=$OUT/cp-$n
  for run in $(seq 1 "$RUNS"); do
    echo "$n pairs, run $run/$RUNS: mentorbook, hugo, cp -r" >&2
    rm -rf "$mb_out" "$hugo_out" "$cp_out"
    timed mentorbook "$n" "$run" "$MB" build "$program" -d "$mb_out"
    rm -rf "$hugo_src/resources" "$hugo_src/.hugo_build.lock"
    timed hugo "$n" "$run" "$HUGO" --quiet --source "$hugo_src" --destination "$hugo_out"
    timed "cp -r" "$n" "$run" cp -r "$mb_out" "$cp_out"
  done
  mb_pages=$(pages "$mb_out")
  hugo_pages=$(pages "$hugo_out")
  if [ "$mb_pages" != "$hugo_pages" ]; then
    echo "warning: mentorbook built $mb_pages pages and Hugo $hugo_pages at $n pairs" >&2
  fi
  hugo_ms=$(awk -v w="$(median "$n" hugo 4)" -v p="$hugo_pages" 'BEGIN { print w * 1000 / p }')
  for tool in mentorbook hugo "cp -r"; do
    case $tool in
      mentorbook) p=$mb_pages; dir=$mb_out ;;
      hugo) p=$hugo_pages; dir=$hugo_out ;;
      *) p=$mb_pages; dir=$cp_out ;;
    esac
    wall=$(median "$n" "$tool" 4)
    rss=$(median "$n" "$tool" 5)
    awk -v n="$n" -v t="$tool" -v p="$p" -v w="$wall" -v r="$rss" -v h="$hugo_ms" -v o="$(mbytes "$dir")" \
      'BEGIN { ms = w * 1000 / p; printf "| %d | %s | %d | %.3f | %.3f | %.2f | %.0f | %s |\n", n, t, p, w, ms, ms / h, r / 1024, o }' \
      >>"$TABLE"
  done
  rm -rf "$cp_out"
done

echo >&2
echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)," \
  "$("$HUGO" version | cut -d' ' -f1-2), $(rustc --version | cut -d' ' -f1-2), median of $RUNS runs"
cat "$TABLE"
awk -F'\t' 'NR > 1 { if (min == "" || $6 < min) min = $6; if ($6 > max) max = $6 }
  END { printf "1-minute load average before the runs: %s to %s\n", min, max }' "$RAW"
echo >&2
echo "raw timings: $RAW; outputs left in $OUT" >&2
