#!/usr/bin/env bash
# The time from a save in `mentorbook serve --edit` to the rebuilt page, as a browser sees it: the
# form's POST (a meeting logged on a pair's enabling page), checked, written, the site rebuilt, the
# 303 redirect followed and the page fetched, showing the new meeting in its meeting log.
#
# Usage: bench/edit-save.sh PROGRAM_DIR [SAVES]   (default 5 saves; prints each and the median)
# PROGRAM_DIR is copied first (book.toml and content/), so its files are never changed. Make a big
# one with `cargo run --release --example generate -- --pairs 1000 --out DIR`.
# PAIR=<id> chooses the pair (default: the first pair file); MENTORBOOK=<binary> the program
# (default target/release/mentorbook); PAUSE=<seconds> waits between saves (default 3, as a person
# does, which also lets the search index catch up after each save; 0: saves one after the other).
set -euo pipefail
program=${1:?program folder}
saves=${2:-5}
pause=${PAUSE:-3}
here=$(cd "$(dirname "$0")" && pwd)
bin=${MENTORBOOK:-$here/../target/release/mentorbook}
export MENTORBOOK_TODAY=${MENTORBOOK_TODAY:-2026-11-23}
export NO_COLOR=1

work=$(mktemp -d)
cp "$program/book.toml" "$work/"
cp -r "$program/content" "$work/content"
[ -f "$program/.gitignore" ] && cp "$program/.gitignore" "$work/"
pairs=("$work"/content/pairs/*.yaml)
pair=${PAIR:-$(basename "${pairs[0]}" .yaml)}

"$bin" serve "$work" --edit -p 0 2>"$work/serve.log" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do
    grep -q '^serving ' "$work/serve.log" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done
base=$(grep -m1 -o 'at http://[^/]*' "$work/serve.log")
base=${base#at }
[ -n "$base" ] || { echo "the server did not say where it serves" >&2; cat "$work/serve.log" >&2; exit 1; }
page=/pairs/$pair/enabling/
echo "$(grep -m1 '^built ' "$work/serve.log")"
echo "pair $pair, page $base$page"

# The value of the first hidden input called $1 in the page $2.
field() {
    local all first
    all=$(grep -o "name=\"$1\" value=\"[^\"]*\"" "$2")
    first=${all%%$'\n'*}
    first=${first#*value=\"}
    echo "${first%\"}"
}

times=()
for i in $(seq "$saves"); do
    sleep "$pause"
    curl -sf -o "$work/form.html" "$base$page"
    token=$(field token "$work/form.html")
    version=$(field version "$work/form.html")
    title="Bench save $i of $$"
    took=$(curl -s -L -o "$work/after.html" -w '%{time_total}' \
        -H "Origin: $base" \
        --data-urlencode "token=$token" --data-urlencode "version=$version" \
        --data-urlencode "back=$page" --data-urlencode "date=$MENTORBOOK_TODAY" \
        --data-urlencode "title=$title" --data-urlencode "agenda=What changed" \
        "$base/__mentorbook/edit/pair/$pair/meeting-add")
    # The meeting log of the rebuilt page, not the panel's diff, must show it.
    if ! grep -q "</time> · $title</h3>" "$work/after.html"; then
        echo "save $i: the page does not show the new meeting; the answer was:" >&2
        sed -e 's/<[^>]*>//g' "$work/after.html" | grep -v '^\s*$' | head -20 >&2 || true
        echo "the server said:" >&2
        tail -20 "$work/serve.log" >&2
        exit 1
    fi
    # The console says how the rebuild went just after the save is answered.
    rebuilt=
    for _ in $(seq 50); do
        rebuilt=$(grep 'changed: rebuilt' "$work/serve.log" | tail -1 || true)
        [ "$(grep -c 'changed: rebuilt' "$work/serve.log" || true)" -ge "$i" ] && break
        sleep 0.1
    done
    rebuilt=${rebuilt##*changed: }
    echo "save $i: $took s ($rebuilt)"
    times+=("$took")
done
get=$(curl -sf -o /dev/null -w '%{time_total}' "$base$page")
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median of $saves saves ($pause s apart): $median s from the POST to the rebuilt page (a GET of the page alone: $get s)"
[ -z "${SHOW_LOG:-}" ] || cat "$work/serve.log"
