#!/usr/bin/env bash
# Two mentorbook binaries side by side on the same programs: for "no speed lost" across a change.
#
#   bench/versus.sh OLD_BINARY NEW_BINARY                # 1,000 and 10,000 pairs, 5 runs each
#   SIZES=1000 RUNS=9 bench/versus.sh /tmp/mb-before target/release/mentorbook
#
# For each size, generates the program once (seed 7, into $OUT/program-N unless it is there), then
# alternates a full build by each binary (output folder removed before each run, so nothing is
# skipped as unchanged), then a build with nothing changed by each. Wall time and peak memory come
# from /usr/bin/time. Prints a Markdown table of medians. Settings: SIZES, RUNS, OUT (default
# /dev/shm/mentorbook-versus), GENERATE (default target/release/examples/generate).
set -euo pipefail

old=${1:?usage: bench/versus.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: bench/versus.sh OLD_BINARY NEW_BINARY}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
OUT=${OUT:-/dev/shm/mentorbook-versus}
root=$(cd "$(dirname "$0")/.." && pwd)
GENERATE=${GENERATE:-$root/target/release/examples/generate}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -x "$GENERATE" ] || (cd "$root" && cargo build --release --example generate)
mkdir -p "$OUT"
export MENTORBOOK_TODAY=2026-11-23

# Runs one build; prints "seconds max-rss-KiB".
timed() {
  local bin=$1 program=$2 dest=$3 log
  log=$(mktemp)
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$log" "$bin" build "$program" -d "$dest" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') $(tail -1 "$log")"
  rm -f "$log"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "| pairs | binary | full build (s) | peak (MiB) | nothing changed (s) |"
echo "| ---: | --- | ---: | ---: | ---: |"
for n in $SIZES; do
  program=$OUT/program-$n
  [ -f "$program/book.toml" ] || "$GENERATE" --pairs "$n" --out "$program" >/dev/null
  declare -A full=() mem=() same=()
  for run in $(seq "$RUNS"); do
    for which in old new; do
      bin=${!which}
      dest=$OUT/site-$which
      rm -rf "$dest"
      read -r s kib < <(timed "$bin" "$program" "$dest")
      full[$which]+="$s "
      mem[$which]+="$((kib / 1024)) "
      read -r s _ < <(timed "$bin" "$program" "$dest")
      same[$which]+="$s "
    done
  done
  for which in old new; do
    f=$(tr ' ' '\n' <<<"${full[$which]}" | grep . | median)
    m=$(tr ' ' '\n' <<<"${mem[$which]}" | grep . | median)
    u=$(tr ' ' '\n' <<<"${same[$which]}" | grep . | median)
    printf '| %s | %s | %.2f | %s | %.3f |\n' "$n" "$which" "$f" "$m" "$u"
  done
  rm -rf "$OUT/site-old" "$OUT/site-new"
done
