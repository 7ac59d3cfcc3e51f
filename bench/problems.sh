#!/usr/bin/env bash
# How the time of `mentorbook check` grows with the number of problems in one file.
#
# Each program is the `minimal` fixture whose pair file gets N meetings dated before the pair
# started (4 lines each, so N = 50,000 is a 200,000-line file with 50,000 problems). The time
# should grow in proportion to N: at 1,000 times the problems, about 1,000 times the time, not a
# million. Run from the repository root:
#
#   cargo build --release && bench/problems.sh
#   SIZES="4000" BIN=/path/to/other/mentorbook bench/problems.sh
#
# Prints one line per size: meetings, lines of the pair file, problems reported, seconds.
set -euo pipefail

BIN=$(realpath "${BIN:-target/release/mentorbook}")
OUT=${OUT:-${TMPDIR:-/tmp}/mentorbook-problems}
SIZES=${SIZES:-"50 500 5000 50000"}
LIMIT=${LIMIT:-300}

program() {
    local n=$1 dir=$OUT/$1
    rm -rf "$dir"
    mkdir -p "$OUT"
    cp -r tests/fixtures/minimal "$dir"
    local pair=$dir/content/pairs/ana-lopez-ben-okafor.yaml
    awk -v n="$n" '
        { print }
        /^meetings:$/ && !done {
            for (i = 0; i < n; i++) {
                printf "  - date: 2024-%02d-%02d\n", i % 12 + 1, i % 28 + 1
                print "    agenda: [Catch up]"
                print "    follow_ups: [Book the next one]"
                print "    notes: Held before the pair started."
            }
            done = 1
        }' "$pair" > "$pair.new"
    mv "$pair.new" "$pair"
}

printf '%10s %10s %10s %10s\n' meetings lines problems seconds
for n in $SIZES; do
    program "$n"
    dir=$OUT/$n
    lines=$(wc -l < "$dir/content/pairs/ana-lopez-ben-okafor.yaml")
    start=$(date +%s.%N)
    status=0
    (cd "$dir" && MENTORBOOK_TODAY=2025-06-01 NO_COLOR=1 timeout "$LIMIT" "$BIN" check \
        > /dev/null 2> stderr.txt) || status=$?
    end=$(date +%s.%N)
    if [ "$status" = 124 ]; then
        seconds=">$LIMIT"
    else
        seconds=$(echo "$end - $start" | bc)
    fi
    problems=$(grep -c 'MB0303' "$dir/stderr.txt" || true)
    printf '%10s %10s %10s %10s\n' "$n" "$lines" "$problems" "$seconds"
done
