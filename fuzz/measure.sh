#!/usr/bin/env bash
# Measures each fuzz target's executions per second: a fresh copy of the
# seed corpus (./seed.sh), SECONDS of fuzzing with the dictionary, and
# libFuzzer's own average. Usage:
#   fuzz/measure.sh [SECONDS] [SANITIZER] [MAX_LEN] [TARGET...]
# e.g. `fuzz/measure.sh 60 none 4096` (the figures in README.md) or
# `fuzz/measure.sh 60 address 0 dcs_front_end` (0: libFuzzer's default,
# the largest seed). Builds go to target/<SANITIZER>, so the two builds do
# not replace each other.
#
# To compare two commits on a shared machine, copy each one's built
# targets (target/none/x86_64-unknown-linux-gnu/release/<target>) aside and
# run them in turn, one target at a time, with DCSC_FUZZ_BIN=<that folder,
# as an absolute path> (the targets are run as built, not through cargo)
# and DCSC_FUZZ_SEED=1 (libFuzzer's random seed, so both start from the
# same mutations).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
sanitizer=${2:-none}
max_len=${3:-4096}
shift $(($# < 3 ? $# : 3))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dcs_front_end json_arrangements verify_render fmt_round_trip)

[ -d corpus ] || ./seed.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  case $target in
    json_arrangements) dict=json.dict ;;
    *) dict=dcs.dict ;;
  esac
  mkdir -p "$work/$target"
  # The seeds only (`seed.sh` into a scratch tree), not a corpus grown by
  # earlier runs, so that figures are comparable.
  find ../examples ../policies ../tests/fixtures -type f \( -name '*.dcs' -o -name '*.json' \) |
    while read -r file; do
      case $target:$file in
        json_arrangements:*.dcs | dcs_front_end:*.json | fmt_round_trip:*.json) ;;
        *) cp "$file" "$work/$target/$(sha1sum <"$file" | cut -d' ' -f1)" ;;
      esac
    done
  # As CI runs them (.ci/run): libFuzzer's plainer schedule, unless
  # DCSC_FUZZ_ENTROPIC=1 asks for its default.
  options=(-dict="$dict" -max_len="$max_len" -max_total_time="$seconds" -print_final_stats=1 -close_fd_mask=3)
  [ -n "${DCSC_FUZZ_ENTROPIC:-}" ] || options+=(-entropic=0)
  [ -z "${DCSC_FUZZ_SEED:-}" ] || options+=(-seed="$DCSC_FUZZ_SEED")
  if [ -n "${DCSC_FUZZ_BIN:-}" ]; then
    run=("$DCSC_FUZZ_BIN/$target" "$work/$target" "${options[@]}")
  else
    run=(cargo +nightly fuzz run --sanitizer "$sanitizer" --target-dir "target/$sanitizer" "$target" "$work/$target" -- "${options[@]}")
  fi
  stats=$("${run[@]}" 2>&1 |
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' | awk '{print $2}' | paste -sd' ')
  read -r runs per_second <<<"$stats"
  echo "$target: $per_second exec/s ($runs runs in ${seconds}s, sanitizer $sanitizer, max_len $max_len)"
done
