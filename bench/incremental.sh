#!/usr/bin/env bash
# A one-pair edit followed by `mentorbook build`, against a full build of the same program, in the
# same run. Usage: bench/incremental.sh PROGRAM_DIR [RUNS]
# (make PROGRAM_DIR with `cargo run --release --example generate -- --pairs 10000 --out DIR`).
# Prints, per run: the full build's seconds (from nothing: no site, no record, no cache of parsed
# pairs), the one-pair edit build's seconds, and what the latter said it did.
set -euo pipefail
program=${1:?program folder}
runs=${2:-3}
bin=${MENTORBOOK:-$(dirname "$0")/../target/release/mentorbook}
export MENTORBOOK_TODAY=${MENTORBOOK_TODAY:-2026-11-23}
cache=$(mktemp -d)
export XDG_CACHE_HOME=$cache
pairs=("$program"/content/pairs/*.yaml)
file=${pairs[0]}
cp "$file" "$cache/pair.yaml"
trap 'cp "$cache/pair.yaml" "$file"; rm -rf "$cache"' EXIT
# Runs a command, leaving its last line of standard error in $cache/said; prints "seconds peak-KiB
# cpu-seconds" (the processor time, user and system: on a shared machine it varies less than the
# time on the clock).
seconds() {
    /usr/bin/time -o "$cache/time" -f "%e %M %U %S" "$@" 2>"$cache/said" >/dev/null
    read -r wall peak user sys < "$cache/time"
    echo "$wall $peak $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}
for i in $(seq "$runs"); do
    # A full build from nothing: no site, no record, no cache of parsed pairs.
    rm -rf "$program/book" "$cache/mentorbook"
    read -r wall peak cpu < <(seconds "$bin" build "$program")
    # An edit that changes no page: a comment.
    printf '# bench edit %s\n' "$i" >> "$file"
    read -r ewall epeak ecpu < <(seconds "$bin" build "$program")
    wrote=$(tail -1 "$cache/said")
    echo "run $i: full build $wall s (cpu $cpu s, peak $peak KiB), one-pair edit $ewall s (cpu $ecpu s, peak $epeak KiB); then: $wrote"
    # The usual commit: a meeting logged, which the pair's pages, the lists, the calendars and the
    # search index show.
    awk -v i="$i" '/^meetings:$/ { print; print "  - date: 2026-11-2" i; print "    title: Bench meeting " i " on the quokka rota"; next } { print }' \
        "$cache/pair.yaml" > "$file"
    read -r mwall mpeak mcpu < <(seconds "$bin" build "$program")
    wrote=$(tail -1 "$cache/said")
    echo "run $i: a meeting logged $mwall s (cpu $mcpu s, peak $mpeak KiB); then: $wrote"
    cp "$cache/pair.yaml" "$file"
done
