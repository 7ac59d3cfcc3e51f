#!/usr/bin/env bash
# A one-pair edit followed by `mentorbook build`, against a full build of the same program, in the
# same run. Usage: bench/incremental.sh PROGRAM_DIR [RUNS]
# (make PROGRAM_DIR with `cargo run --release --example generate -- --pairs 10000 --out DIR`).
# Prints, per run: the full build's seconds, the one-pair edit build's seconds and the files it wrote.
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
# Runs a command, leaving its last line of standard error in $cache/said; prints "seconds peak-KiB".
seconds() {
    /usr/bin/time -o "$cache/time" -f "%e %M" "$@" 2>"$cache/said" >/dev/null
    cat "$cache/time"
}
for i in $(seq "$runs"); do
    rm -rf "$program/book"
    full=$(seconds "$bin" build "$program")
    printf '# bench edit %s\n' "$i" >> "$file"
    edit=$(seconds "$bin" build "$program")
    wrote=$(tail -1 "$cache/said")
    echo "run $i: full build ${full% *} s (peak ${full#* } KiB), one-pair edit ${edit% *} s (peak ${edit#* } KiB); then: $wrote"
done
