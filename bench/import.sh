#!/usr/bin/env bash
# `mentorbook import people` at size: ROWS new people into a copy of the test suite's minimal
# program (everyone in content/people.yaml, so they are appended there), then the same people
# again with --update and a changed title each (ROWS edits of one file), then the same file once
# more (nothing to change). Prints the time and peak memory of each.
#
#   bench/import.sh [ROWS] [MENTORBOOK]      # defaults: 1000, target/release/mentorbook
set -euo pipefail
rows=${1:-1000}
bin=${2:-target/release/mentorbook}
bin=$(realpath "$bin")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/tests/fixtures/minimal" "$work/program"
cd "$work/program"
{
    echo "name,roles,title,contact.email"
    for i in $(seq 1 "$rows"); do echo "Person $i Example,mentee,Vet $i,p$i@example.org"; done
} > "$work/new.csv"
sed 's/,Vet /,Senior vet /' "$work/new.csv" > "$work/update.csv"
export MENTORBOOK_TODAY=2025-06-01
run() {
    /usr/bin/time -f "%e s, %M KiB" "$bin" import people "$@" 2> "$work/err" > /dev/null || { cat "$work/err"; exit 1; }
    tail -1 "$work/err"
}
echo "$rows new people (appended to people.yaml): $(run "$work/new.csv")"
echo "$rows updates of people.yaml: $(run "$work/update.csv" --update)"
echo "the same again (nothing to change): $(run "$work/update.csv" --update)"
# The same people again into a fresh program that keeps a file a person.
rm -rf content/people.yaml content/people
mkdir content/people
printf 'name: Ana López\nroles: [mentor, coordinator]\n' > content/people/ana-lopez.yaml
printf 'name: Ben Okafor\nroles: [mentee]\n' > content/people/ben-okafor.yaml
echo "$rows new people (a file each): $(run "$work/new.csv")"
