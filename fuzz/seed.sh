#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the seed corpus: every .dcs and .json
# file the project ships or tests with (examples/, policies/,
# tests/fixtures/, the crash regressions in tests/fixtures/fuzz/ among
# them), plus the JSON example of docs/json-arrangements.md. The corpus is
# not committed: run this before a first `cargo fuzz run`; running it again
# only adds files (libFuzzer names corpus entries by their SHA-1, and so
# does this script, so nothing is copied twice).
set -euo pipefail
cd "$(dirname "$0")/.."

seed() { # seed <target> <file>...
  local target=$1
  shift
  mkdir -p "fuzz/corpus/$target"
  for file in "$@"; do
    cp "$file" "fuzz/corpus/$target/$(sha1sum <"$file" | cut -d' ' -f1)"
  done
}

mapfile -t dcs < <(find examples policies tests/fixtures -name '*.dcs' -type f | sort)
mapfile -t json < <(find examples tests/fixtures -name '*.json' -type f | sort)

# The JSON example in the documentation of the format.
docs_json=$(mktemp)
trap 'rm -f "$docs_json"' EXIT
awk '/^```json$/ { inside = 1; next } /^```$/ { inside = 0 } inside' docs/json-arrangements.md >"$docs_json"
json+=("$docs_json")

seed dcs_front_end "${dcs[@]}"
seed fmt_round_trip "${dcs[@]}"
seed json_arrangements "${json[@]}"
seed verify_render "${dcs[@]}" "${json[@]}"

for target in dcs_front_end fmt_round_trip json_arrangements verify_render; do
  echo "fuzz/corpus/$target: $(find "fuzz/corpus/$target" -type f | wc -l) files"
done
