#!/usr/bin/env bash
# Records what dcsc writes for every shipped council and fixture, under
# every command and format, into one folder, so that two builds can be
# compared byte for byte: run it before and after a change that must not
# change behaviour, then `diff -r BEFORE AFTER`.
#
#   .ci/outputs.sh DCSC_BINARY OUT_DIR
#
# Each output file holds the command's standard output, then its standard
# error, then its exit status, so a change in any of the three shows.
set -uo pipefail
bin=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"; mkdir -p "$out"
export NO_COLOR=1

n=0
record() { # record NAME ARGS...
  local name=$1; shift
  n=$((n + 1))
  {
    "$bin" "$@" 2>"$out/.stderr"; local status=$?
    echo "--- stderr"; cat "$out/.stderr"; echo "--- exit $status"
  } >"$out/$name" 2>&1 </dev/null
}

record_stdin() { # record_stdin NAME FILE ARGS...
  local name=$1 file=$2; shift 2
  n=$((n + 1))
  {
    "$bin" "$@" <"$file" 2>"$out/.stderr"; local status=$?
    echo "--- stderr"; cat "$out/.stderr"; echo "--- exit $status"
  } >"$out/$name" 2>&1
}

declare -A councils=(
  [coventry]="examples/coventry.dcs"
  [barnet]="examples/barnet/framework.dcs examples/barnet/arrangements.dcs"
  [northumberland]="examples/northumberland/local_policy.dcs examples/northumberland/arrangements.dcs"
)
dates="2013-06-01 2017-06-01 2020-03-01 2024-01-01"

for council in coventry barnet northumberland; do
  files=${councils[$council]}
  for date in $dates; do
    for format in human json sarif junit; do
      record "verify.$council.$date.$format" verify $files --as-at "$date" --format "$format"
    done
    record "verify.$council.$date.summary" verify $files --as-at "$date" --summary
    for format in markdown html csv; do
      record "report.$council.$date.$format" report $files --as-at "$date" --format "$format"
    done
    for format in dot mermaid svg; do
      record "graph.$council.$date.$format" graph $files --as-at "$date" --format "$format"
    done
  done
  for format in human markdown json; do
    record "diff.$council.dates.$format" diff $files --from 2013-06-01 --to 2020-03-01 --format "$format"
    record "diff.$council.policies.$format" diff $files --as-at 2020-03-01 \
      --from-policy policies/dfe_2013.dcs --to-policy policies/dfe_2013.dcs --to-policy policies/csw_2017.dcs --format "$format"
  done
  record "check.$council" check $files
done
record "verify.folder.human" verify examples --as-at 2017-06-01
record "verify.folder.json" verify examples --as-at 2017-06-01 --format json
record "verify.folder.summary" verify examples --as-at 2017-06-01 --summary
record "verify.folder.summary.json" verify examples --as-at 2017-06-01 --summary --format json

for dir in tests/fixtures/faults tests/fixtures/time tests/fixtures/joint tests/fixtures/revisions; do
  for file in "$dir"/*; do
    base=$(basename "$file")
    record "verify.fixture.$(basename "$dir").$base.human" verify "$file" --as-at 2020-03-01
    record "verify.fixture.$(basename "$dir").$base.json" verify "$file" --as-at 2020-03-01 --format json
  done
done
for file in tests/fixtures/diagnostics/* tests/fixtures/messages/*; do
  base=$(basename "$file")
  record "check.$(basename "$(dirname "$file")").$base.human" check "$file"
  record "check.$(basename "$(dirname "$file")").$base.json" check "$file" --format json
  record "check.$(basename "$(dirname "$file")").$base.sarif" check "$file" --format sarif
done

record "test.policies" test policies/tests
record "test.policies.junit" test policies/tests --format junit
record "test.examples" test examples
record "fmt.check" fmt --check examples policies
for file in examples/coventry.dcs examples/barnet/framework.dcs policies/dfe_2013.dcs; do
  record_stdin "fmt.stdin.$(basename "$file")" "$file" fmt -
done
record "coverage" coverage
record "coverage.json" coverage --format json
record "vocabulary" vocabulary
record "vocabulary.json" vocabulary --format json
record "version" --version
record "help" --help
for command in check verify report graph diff coverage vocabulary fmt test explain lsp man completions; do
  record "help.$command" "$command" --help
  record "man.$command" man "$command"
done
record "man" man
record "completions.bash" completions bash
codes=$(grep -o '^    [EW][0-9]\{4\} =>' src/diagnostics/codes.rs | tr -d ' =>')
names=$("$bin" vocabulary --format json | python3 -c 'import json,sys
for kind in json.load(sys.stdin)["kinds"]:
    for name in kind["names"]: print(name["key"])')
keys=$("$bin" coverage --format json | python3 -c 'import json,sys
d=json.load(sys.stdin)
for p in d["paragraphs"]:
    print(p["paragraph"])
    for k in ("duties", "questions", "laws"): print("\n".join(p[k]))' | sort -u)
for name in $codes $names $keys; do
  record "explain.$name" explain "$name"
done
python3 .ci/lsp_session.py "$bin" >"$out/lsp.session" 2>&1
rm -f "$out/.stderr"
echo "recorded $n outputs and a language-server session in $out"
