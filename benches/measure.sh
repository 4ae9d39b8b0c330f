#!/usr/bin/env bash
# Measures the whole-process targets of docs/performance.md in one run and
# prints them as the table there: CPU time (perf stat's task-clock, the mean
# of several runs) and peak resident memory (GNU time's maximum RSS) of the
# release binary on the generated corpus (benches/corpus/mod.rs).
#
#   benches/measure.sh [CORPUS_DIR]     (default /tmp/dcsc-corpus)
#
# Needs perf (linux-perf) and GNU time (/usr/bin/time). Ratios are what
# the targets are: on a shared machine absolute times move with the load,
# ratios measured in the same run much less.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-/tmp/dcsc-corpus}
as_at=2026-11-01
runs=${DCSC_MEASURE_RUNS:-5}

cargo build --release --quiet
DCSC_CORPUS_OUT=$dir cargo test --release --quiet --test integration -- --ignored corpus::write_the_corpus_to_disk >/dev/null
root=$PWD
dcsc=$root/target/release/dcsc
cd "$dir"

# cpu N CMD…: the mean task-clock of N runs, in milliseconds. The
# command's own output goes to /dev/null; its exit status (1: verdicts need
# action, 2: the check found errors) is not a failure here.
cpu() {
  local n=$1
  shift
  perf stat -x, -e task-clock -r "$n" -o /tmp/dcsc-measure.$$ -- "$@" >/dev/null 2>&1 || true
  awk -F, '/task-clock/ { printf "%.1f", $1 }' /tmp/dcsc-measure.$$
  rm -f /tmp/dcsc-measure.$$
}

# rss CMD…: the peak resident set of one run, in MB.
rss() {
  /usr/bin/time -f %M -o /tmp/dcsc-measure-rss.$$ "$@" >/dev/null 2>&1 || true
  # GNU time writes "Command exited with non-zero status 1" first.
  tail -n 1 /tmp/dcsc-measure-rss.$$ | awk '{ printf "%.1f", $1 / 1024 }'
  rm -f /tmp/dcsc-measure-rss.$$
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version), $($dcsc --version | head -1)"
echo

h100=$(cpu "$runs" "$dcsc" verify councils-100 --as-at $as_at)
h1000=$(cpu "$runs" "$dcsc" verify councils-1000 --as-at $as_at)
j100=$(cpu "$runs" "$dcsc" verify councils-100 --as-at $as_at --format json)
j1000=$(cpu "$runs" "$dcsc" verify councils-1000 --as-at $as_at --format json)
hrss=$(rss "$dcsc" verify councils-1000 --as-at $as_at)
jrss=$(rss "$dcsc" verify councils-1000 --as-at $as_at --format json)

one_runs=$((runs * 4))
dcs_one=$(cpu "$one_runs" "$dcsc" verify one/council_0000.dcs --as-at $as_at)
json_one=$(cpu "$one_runs" "$dcsc" verify one/council_0000.json --as-at $as_at)
jq_one=$(cpu "$one_runs" jq . one/council_0000.json)
# The fixed cost of each: dcsc on the smallest council there is (start-up
# and the embedded guidance), jq on an empty object.
tiny=$root/tests/fixtures/faults/two_posts_hold_dcs.dcs
echo '{}' >empty.json
dcsc_fixed=$(cpu "$one_runs" "$dcsc" check "$tiny")
jq_fixed=$(cpu "$one_runs" jq . empty.json)

chain1000=$(cpu "$runs" "$dcsc" check chain-1000.dcs)
chain8000=$(cpu "$runs" "$dcsc" check chain-8000.dcs)
unknown=$(cpu "$runs" "$dcsc" check unknown-10000.dcs)

echo "| target | measured | ratio or figure |"
echo "|---|---|---|"
echo "| (a) 1,000 councils vs 100, human | $h1000 ms vs $h100 ms CPU | $(ratio "$h1000" "$h100")× (target ≤ 12×) |"
echo "| (a) 1,000 councils vs 100, JSON | $j1000 ms vs $j100 ms CPU | $(ratio "$j1000" "$j100")× (target ≤ 12×) |"
echo "| (a) peak RSS, 1,000 councils | human $hrss MB, JSON $jrss MB | target < 100 MB |"
echo "| (b) one council (JSON form) vs jq . | $json_one ms vs $jq_one ms CPU | $(ratio "$json_one" "$jq_one")× (target ≤ 0.35×) |"
echo "| (b) one council (.dcs form) vs jq . | $dcs_one ms vs $jq_one ms CPU | $(ratio "$dcs_one" "$jq_one")× |"
echo "| (b) fixed cost: \`dcsc check\` of a 30-line council; \`jq .\` of \`{}\` | $dcsc_fixed ms; $jq_fixed ms CPU | |"
echo "| (c) check, chain of 8,000 vs 1,000 | $chain8000 ms vs $chain1000 ms CPU | $(ratio "$chain8000" "$chain1000")× (target ≤ 12×) |"
echo "| (d) check, 10,000 unknown names | $unknown ms CPU | target < 1,000 ms |"
