#!/usr/bin/env bash
# Measures how dcsc's cost grows with the number of councils and with the
# size of one file (docs/performance.md, "Many councils and large files"),
# in one run, as ratios, for the release binary:
#
# - `verify`, `check` and `report` of N councils (copies of
#   examples/coventry.dcs, each its own council), named on the command
#   line and as a folder, for each N: CPU time (user + system) and peak
#   resident memory (GNU time); `report` is of one council, so it refuses
#   them (E0303), and what is measured is what the refusal costs;
# - `test` of N test files (each one test of Coventry, which they all
#   start from), as a folder and named: CPU time and peak memory;
# - peak resident memory of `check`, `verify`, `fmt --check`, `report
#   --format html` and `graph --format svg` on one file of valid posts of
#   each size, against the file's size (each post is a box of the chart).
#
#   benches/scale.sh [DCSC_BINARY]          (default: build target/release/dcsc)
#   DCSC_SCALE_COUNCILS="1000 5000" DCSC_SCALE_MIB="10 60" benches/scale.sh
#
# With DCSC_SCALE_BOUNDS=1 (as .ci/run runs it, on small sizes) it exits 1
# if a ratio passes its bound (issue 22): peak memory of many councils,
# and of many test files, under 20 MiB; a folder no dearer than its files
# named, and the cost per council of the larger count no more than that
# of the smaller, each within 1.6×. The full-size runs recorded in
# docs/performance.md measure these at 0.98 to 1.04; the bound is wide
# because CI's runs take tenths of a second, and on the 2-core virtual
# machine the same `verify` of 100 councils, run six times over on an
# idle machine, took 0.44 to 0.65 s, in spells of seconds: wide enough
# for that, and still failing on a folder read twice (measured at 1.75×
# before issue 22). The CPU
# ratios of `report` (a refusal) and of `test` are printed, not enforced:
# at CI's sizes they take hundredths of a second, which GNU time counts
# in hundredths. The bound on memory against one
# large file (about 10×) is printed, not enforced: it is not met yet.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=$PWD/examples

if [ $# -ge 1 ]; then
  dcsc=$(realpath "$1")
else
  cargo build --release --quiet
  dcsc=$PWD/target/release/dcsc
fi
counts=${DCSC_SCALE_COUNCILS:-1000 5000}
sizes=${DCSC_SCALE_MIB:-10 60}
bounds=${DCSC_SCALE_BOUNDS:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

# measure NAME COMMAND...: CPU seconds (user + system) and peak MiB of one
# run, into the variables cpu_NAME and rss_NAME; with `fold` set, folded
# into what they hold: the least CPU and the greatest peak.
measure() {
  local name=$1 user system kib cpu rss
  shift
  /usr/bin/time -f '%U %S %M' -o time.txt "$@" >/dev/null 2>&1 || true
  read -r user system kib < <(tail -n 1 time.txt)
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')
  rss=$(awk -v k="$kib" 'BEGIN { print k / 1024 }')
  local cpu_held="cpu_$name" rss_held="rss_$name"
  if [ -n "${fold:-}" ] && [ -n "${!cpu_held:-}" ]; then
    cpu=$(awk -v a="$cpu" -v b="${!cpu_held}" 'BEGIN { print (a < b) ? a : b }')
    rss=$(awk -v a="$rss" -v b="${!rss_held}" 'BEGIN { print (a > b) ? a : b }')
  fi
  printf -v "cpu_$name" '%.2f' "$cpu"
  printf -v "rss_$name" '%.1f' "$rss"
}
# With bounds enforced, a folder and its files named are each run three
# times, taken in turn, and the least CPU of each compared (see the bounds
# above for the machine's noise).
runs=1
[ -n "$bounds" ] && runs=3
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
failed=""
bound() { # WHAT VALUE LIMIT
  local verdict=ok
  if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v > l) }'; then
    verdict="OVER"
    failed=yes
  fi
  echo "$1: $2 (bound $3) $verdict"
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $($dcsc --version | head -1)"
echo
echo "| councils | command | named CPU s | folder CPU s | folder / named | named peak MiB | folder peak MiB |"
echo "|---|---|---|---|---|---|---|"
declare -A per_council
for n in $counts; do
  mkdir -p "councils-$n"
  for ((i = 0; i < n; i++)); do
    cp "$examples/coventry.dcs" "$(printf 'councils-%d/council_%05d.dcs' "$n" "$i")"
  done
  for command in verify check report; do
    extra=()
    [ "$command" = verify ] && extra=(--as-at 2017-06-01)
    [ "$command" = report ] && extra=(--as-at 2017-06-01 --format markdown)
    unset cpu_named cpu_folder rss_named rss_folder
    fold=yes
    for ((run = 0; run < runs; run++)); do
      measure named "$dcsc" "$command" "councils-$n"/*.dcs "${extra[@]}"
      measure folder "$dcsc" "$command" "councils-$n" "${extra[@]}"
    done
    fold=""
    # shellcheck disable=SC2154 # set by measure
    echo "| $n | $command | $cpu_named | $cpu_folder | $(ratio "$cpu_folder" "$cpu_named") | $rss_named | $rss_folder |"
    per_council[$command-$n]=$(awk -v a="$cpu_named" -v b="$cpu_folder" -v n="$n" 'BEGIN { printf "%.6f", (a + b) / 2 / n }')
    if [ -n "$bounds" ]; then
      [ "$command" = report ] ||
        bound "$command of $n councils, folder / named CPU" "$(ratio "$cpu_folder" "$cpu_named")" 1.6 >>bounds.txt
      bound "$command of $n councils named, peak MiB" "$rss_named" 20 >>bounds.txt
      bound "$command of $n councils as a folder, peak MiB" "$rss_folder" 20 >>bounds.txt
    fi
  done
  rm -rf "councils-$n"
done
read -r smallest largest < <(echo "$counts" | tr ' ' '\n' | sort -n | sed -n '1p;$p' | paste -sd' ')
if [ "$smallest" != "$largest" ]; then
  echo
  for command in verify check; do
    growth=$(ratio "${per_council[$command-$largest]}" "${per_council[$command-$smallest]}")
    echo "$command, CPU per council at $largest / at $smallest: $growth"
    [ -n "$bounds" ] && bound "$command, CPU per council at $largest / at $smallest" "$growth" 1.6 >>bounds.txt
  done
fi

# Test files: N files in one folder, each one test starting from the
# Coventry beside them, run as the folder and named.
echo
echo "| test files | folder CPU s | named CPU s | named / folder | folder peak MiB | named peak MiB |"
echo "|---|---|---|---|---|---|"
declare -A per_test_file
for n in $counts; do
  mkdir -p "tests-$n"
  cp "$examples/coventry.dcs" "tests-$n/coventry.dcs"
  for ((i = 0; i < n; i++)); do
    printf 'test coventry_%05d {\n  given "coventry.dcs"\n  as_at 2017-06-01\n  expect dcs.appointed pass because met\n  expect lmcs.designated pass because met\n}\n' "$i" \
      >"$(printf 'tests-%d/test_%05d.dcs' "$n" "$i")"
  done
  measure folder "$dcsc" test "tests-$n"
  measure named "$dcsc" test "tests-$n"/test_*.dcs
  echo "| $n | $cpu_folder | $cpu_named | $(ratio "$cpu_named" "$cpu_folder") | $rss_folder | $rss_named |"
  per_test_file[$n]=$(awk -v a="$cpu_named" -v b="$cpu_folder" -v n="$n" 'BEGIN { printf "%.6f", (a + b) / 2 / n }')
  if [ -n "$bounds" ]; then
    bound "test of $n files as a folder, peak MiB" "$rss_folder" 20 >>bounds.txt
    bound "test of $n files named, peak MiB" "$rss_named" 20 >>bounds.txt
  fi
  rm -rf "tests-$n"
done
if [ "$smallest" != "$largest" ]; then
  growth=$(ratio "${per_test_file[$largest]}" "${per_test_file[$smallest]}")
  echo
  echo "test, CPU per file at $largest / at $smallest: $growth"
fi

# big FILE MIB: one council of MIB mebibytes of posts, each reporting to
# its chief executive.
big() {
  awk -v n=$(($2 * 1024 * 1024)) 'BEGIN {
    printf "arrangements big {\n  council \"Big Council\"\n  kind unitary\n  upper_tier yes\n  answers_to dfe_2013\n}\n\npost chief_executive {\n  title \"Chief Executive\"\n  holds ChiefExecutive\n}\n"
    for (i = 0; written < n; i++) {
      post = sprintf("\npost p%d {\n  title \"Post %d\"\n  report_to chief_executive\n}\n", i, i)
      printf "%s", post
      written += length(post)
    }
  }' >"$1"
}
echo
echo "| input | command | CPU s | peak MiB | peak / input |"
echo "|---|---|---|---|---|"
for mib in $sizes; do
  big "big-$mib.dcs" "$mib"
  input=$(awk -v b="$(stat -c %s "big-$mib.dcs")" 'BEGIN { printf "%.1f", b / 1048576 }')
  for command in check verify fmt report graph; do
    case $command in
      check) measure big "$dcsc" check "big-$mib.dcs" ;;
      verify) measure big "$dcsc" verify "big-$mib.dcs" --as-at 2017-06-01 ;;
      fmt) measure big "$dcsc" fmt --check "big-$mib.dcs" ;;
      report) measure big "$dcsc" report "big-$mib.dcs" --as-at 2017-06-01 --format html ;;
      graph) measure big "$dcsc" graph "big-$mib.dcs" --format svg ;;
    esac
    # shellcheck disable=SC2154 # set by measure
    echo "| $input MiB of posts | $command | $cpu_big | $rss_big | $(ratio "$rss_big" "$input") |"
    [ -n "$bounds" ] && echo "$command of $input MiB, peak / input: $(ratio "$rss_big" "$input") (about 10 wanted; not enforced)" >>bounds.txt
  done
  rm -f "big-$mib.dcs"
done

if [ -n "$bounds" ]; then
  echo
  cat bounds.txt
  if [ -n "$failed" ]; then
    echo "a ratio passed its bound" >&2
    exit 1
  fi
fi
