#!/usr/bin/env bash
# Times `mentorbook build` and `mentorbook check` on the minimal test program with one guide chapter
# of N identical `## Question` headings, to show that heading anchors cost time in proportion to the
# chapter's length (they were once made by rescanning every earlier heading: cubic in N).
#
#   bench/anchors.sh                              # N = 250, 2500, 5000, 25000 with target/release
#   MB=/path/to/mentorbook NS="2500 5000" bench/anchors.sh
#
# Environment:
#   MB       the mentorbook binary (default $CARGO_TARGET_DIR or target, then release/mentorbook;
#            build it with `cargo build --release`)
#   NS       heading counts (default "250 2500 5000 25000")
#   OUT      scratch folder (default /dev/shm/mentorbook-anchors, or /tmp when there is no /dev/shm)
#   TIMEOUT  seconds before a single run is given up and reported as such (default 120)
# Prints a Markdown table: N, then wall seconds of build and of check.
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
MB=${MB:-$TARGET/release/mentorbook}
NS=${NS:-250 2500 5000 25000}
TIMEOUT=${TIMEOUT:-120}
if [ -d /dev/shm ]; then OUT=${OUT:-/dev/shm/mentorbook-anchors}; else OUT=${OUT:-/tmp/mentorbook-anchors}; fi

[ -x "$MB" ] || { echo "no binary at $MB: run cargo build --release, or set MB" >&2; exit 2; }

timed() {
  # timed DIR ARGS...: wall seconds of one run, or "> TIMEOUT s" when it was given up.
  local start end
  start=$(date +%s.%N)
  if ! (cd "$1" && shift && MENTORBOOK_TODAY=2025-06-01 XDG_CACHE_HOME="$OUT/cache" \
        timeout "$TIMEOUT" "$MB" "$@" >/dev/null 2>&1); then
    echo "> $TIMEOUT s (or failed)"
    return
  fi
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

echo "| headings | build (s) | check (s) |"
echo "| ---: | ---: | ---: |"
for n in $NS; do
  program=$OUT/program-$n
  rm -rf "$program"
  mkdir -p "$OUT"
  cp -r "$ROOT/tests/fixtures/minimal" "$program"
  {
    printf -- '---\ntitle: Questions\norder: 9\n---\n'
    for _ in $(seq "$n"); do printf '## Question\n\nWhat did you learn this week?\n\n'; done
  } >"$program/content/guide/questions.md"
  echo "| $n | $(timed "$program" build) | $(timed "$program" check) |"
done
