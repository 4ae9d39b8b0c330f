#!/usr/bin/env bash
# Measures the growth figures of docs/performance.md ("Growth under
# abuse") in one run: inputs that once made dcsc quadratic or worse,
# each against its plain equivalent, as CPU time (perf stat's task-clock,
# the mean of several runs), output size and peak resident memory (GNU
# time's maximum RSS) of the release binary.
#
#   benches/growth.sh [DCSC_BINARY]     (default: build target/release/dcsc)
#
# - a reporting loop of 1,000 posts, as one line of minified JSON (every
#   label of its diagnostic on one line) and as .dcs (one label a line);
# - a post whose title is 2 MiB with no space in it, and the same length
#   of words, drawn as an SVG chart.
# Needs perf (linux-perf) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ge 1 ]; then
  dcsc=$(realpath "$1")
else
  cargo build --release --quiet
  dcsc=$PWD/target/release/dcsc
fi
runs=${DCSC_MEASURE_RUNS:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

# The loop: post i reports to post i+1, the last to the first.
awk -v n=1000 'BEGIN {
  printf "{\"arrangements\":\"loop\",\"council\":\"Loop Council\",\"kind\":\"unitary\",\"upper_tier\":true,\"answers_to\":[\"dfe_2013\"],\"posts\":["
  for (i = 0; i < n; i++) printf "%s{\"id\":\"p%d\",\"title\":\"P%d\",\"report_to\":\"p%d\"}", (i ? "," : ""), i, i, (i + 1) % n
  printf "]}"
}' > loop.json
awk -v n=1000 'BEGIN {
  printf "arrangements loop {\n  council \"Loop Council\"\n  kind unitary\n  upper_tier yes\n  answers_to dfe_2013\n}\n"
  for (i = 0; i < n; i++) printf "post p%d {\n  title \"P%d\"\n  report_to p%d\n}\n", i, i, (i + 1) % n
}' > loop.dcs

# title FILE WORD: a council whose director's title is 2 MiB of WORD.
title() {
  awk -v word="$2" 'BEGIN {
    n = 2 * 1024 * 1024
    printf "arrangements small {\n  council \"Small Council\"\n  answers_to dfe_2013\n}\n\npost director {\n  title \""
    line = ""
    while (length(line) < 65536) line = line word
    for (written = 0; written + length(line) <= n; written += length(line)) printf "%s", line
    printf "%s", substr(line, 1, n - written)
    printf "\"\n  holds DCS\n  politically_restricted yes\n  report_to chief_executive\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n"
  }' > "$1"
}
title unbroken.dcs xxxxxxxx
title spaced.dcs "abcdefg "

cpu() {
  local n=$1
  shift
  perf stat -x, -e task-clock -r "$n" -o cpu.txt -- "$@" >/dev/null 2>&1 || true
  awk -F, '/task-clock/ { printf "%.1f", $1 }' cpu.txt
}
rss() {
  /usr/bin/time -f %M -o rss.txt "$@" >/dev/null 2>&1 || true
  tail -n 1 rss.txt | awk '{ printf "%.1f", $1 / 1024 }'
}
bytes() { "$@" 2>&1 | wc -c; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $($dcsc --version | head -1)"
echo
echo "| input | command | CPU ms | output bytes | peak MiB |"
echo "|---|---|---|---|---|"
for input in loop.json loop.dcs; do
  echo "| 1,000-post loop, $input | check | $(cpu "$runs" "$dcsc" check "$input") | $(bytes "$dcsc" check "$input") | $(rss "$dcsc" check "$input") |"
done
for input in unbroken.dcs spaced.dcs; do
  echo "| 2 MiB title, $input | graph --format svg | $(cpu "$runs" "$dcsc" graph "$input" --format svg --as-at 2020-01-01) | $(bytes "$dcsc" graph "$input" --format svg --as-at 2020-01-01) | $(rss "$dcsc" graph "$input" --format svg --as-at 2020-01-01) |"
done
echo
loop_json=$(cpu "$runs" "$dcsc" check loop.json)
loop_dcs=$(cpu "$runs" "$dcsc" check loop.dcs)
unbroken=$(cpu "$runs" "$dcsc" graph unbroken.dcs --format svg --as-at 2020-01-01)
spaced=$(cpu "$runs" "$dcsc" graph spaced.dcs --format svg --as-at 2020-01-01)
echo "loop, one-line JSON / .dcs (target ≤ 2): $(ratio "$loop_json" "$loop_dcs")"
echo "2 MiB title, unbroken / spaced (target ≤ 2): $(ratio "$unbroken" "$spaced")"
