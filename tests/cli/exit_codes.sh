#!/usr/bin/env bash
# One case of each exit code per command (docs/cli.md): 0 ok; 1 a check failed (test); 2 bad input or usage,
# CLI11's own errors included. Usage: exit_codes.sh QGOV SOURCE_DIR COMMAND
set -u
qgov=$1 src=$2 cmd=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect CODE DESCRIPTION -- ARGS...
  local want=$1 what=$2
  shift 3
  local got=0
  "$qgov" "$@" >"$work/out" 2>"$work/err" </dev/null || got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL [$cmd] $what: expected exit $want, got $got: qgov $*" >&2
    head -c 600 "$work/err" >&2
    failures=$((failures + 1))
  else
    echo "ok   [$cmd] $what: exit $got"
  fi
}
records=$src/tests/records/sample.csv
sup=$src/examples/supervision
case $cmd in
  plan)
    expect 0 "the embedded plan" -- plan --format json
    expect 2 "a plan file that is not JSON" -- plan --plan "$src/data/sources/dongli-2024.txt"
    expect 2 "an unknown option (CLI11)" -- plan --no-such-option ;;
  matrix)
    expect 0 "csv" -- matrix --format csv
    expect 2 "a format outside the set (CLI11)" -- matrix --format xml
    expect 2 "a missing plan file (CLI11)" -- matrix --plan "$work/none.json" ;;
  unit)
    expect 0 "json" -- unit 区市场监管局 --format json
    expect 2 "an unknown unit" -- unit 不存在局
    expect 2 "no unit given (CLI11)" -- unit ;;
  evaluate)
    expect 0 "json" -- evaluate --as-of 2025-12-31 --format json
    expect 2 "a day that does not exist" -- evaluate --as-of 2025-02-30
    expect 2 "--as-of missing (CLI11)" -- evaluate ;;
  explain)
    expect 0 "json" -- explain food_sampling_pass_rate --as-of 2025-12-31 --format json
    expect 2 "an unknown goal" -- explain no_such_goal --as-of 2025-12-31
    expect 2 "no goal given (CLI11)" -- explain --as-of 2025-12-31 ;;
  report)
    expect 0 "json" -- report --as-of 2025-12-31 --format json
    expect 2 "observations with an unsupported extension" -- report --as-of 2025-12-31 --observations "$src/README.md"
    expect 2 "--as-of missing (CLI11)" -- report ;;
  progress)
    expect 0 "a batch" -- progress --batch "$src/tests/data/progress-batch.json"
    printf '[{"points": [[2020, 1], [2022, 2]], "config": {"target": 3}}]' >"$work/nodir.json"
    expect 2 "a target without a direction" -- progress --batch "$work/nodir.json"
    expect 2 "--batch missing (CLI11)" -- progress ;;
  extract)
    expect 0 "the Dongli text" -- extract "$src/data/sources/dongli-2024.txt" --format json
    expect 2 "a text that is not UTF-8" -- extract "$src/tests/fuzz/extract_corpus/gbk-bytes"
    expect 2 "a file that does not exist (CLI11)" -- extract "$work/none.txt" ;;
  rates)
    expect 0 "json" -- rates "$records" --by programme,year --format json
    expect 2 "a bad record file" -- rates "$src/tests/records/bad.csv"
    expect 2 "--as-observations grouped by programme" -- rates "$records" --by programme,year --as-observations food_sampling_pass_rate --reported-on 2026-01-20
    expect 2 "no file (CLI11)" -- rates ;;
  rectification)
    expect 0 "json" -- rectification "$records" --as-of 2025-06-30 --format json
    expect 2 "a day that does not exist" -- rectification "$records" --as-of 2025-06-31
    expect 2 "--as-of missing (CLI11)" -- rectification "$records" ;;
  weighted-rate)
    expect 0 "json" -- weighted-rate "$records" --output "$src/tests/records/sample-output.csv" --format json
    expect 2 "an output file that is a record file" -- weighted-rate "$records" --output "$records"
    expect 2 "--output missing (CLI11)" -- weighted-rate "$records" ;;
  gen-records)
    expect 0 "three rows" -- gen-records --rows 3 --seed 1
    expect 2 "years outside the range (CLI11)" -- gen-records --rows 3 --years 99
    expect 2 "--rows missing (CLI11)" -- gen-records ;;
  test)
    expect 0 "the example scenarios" -- test "$src/examples/scenarios" -q
    printf '{"qgov_scenario": 1, "scenarios": [{"name": "wrong", "as_of": "2026-06-30", "expect": {"goals": {"rd_expenditure_share": "missed"}}}]}' >"$work/wrong.json"
    expect 1 "a scenario whose expectation fails" -- test "$work/wrong.json"
    printf '{"qgov_scenario": 1, "scenarios": [{"name": "x", "as_of": "2025-13-01", "expect": {"goals": {}}}]}' >"$work/bad.json"
    expect 2 "a scenario file that does not load" -- test "$work/bad.json"
    expect 2 "no path (CLI11)" -- test ;;
  classify)
    expect 0 "json" -- classify "$sup/enterprises.csv" --format json
    expect 2 "an unknown class" -- classify "$src/tests/supervision/data/unknown-class.csv"
    expect 2 "a format outside the set (CLI11)" -- classify "$sup/enterprises.csv" --format xml ;;
  draw)
    expect 0 "json" -- draw --enterprises "$sup/enterprises.csv" --inspectors "$sup/inspectors.csv" --calendar "$sup/calendar-2025.csv" --seed 20250102 --quarter 2025-Q1
    expect 2 "a bad seed" -- draw --enterprises "$sup/enterprises.csv" --inspectors "$sup/inspectors.csv" --seed -5 --quarter 2025-Q1
    expect 2 "--seed missing (CLI11)" -- draw --enterprises "$sup/enterprises.csv" --inspectors "$sup/inspectors.csv" --quarter 2025-Q1 ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
[[ $failures -eq 0 ]] && echo "exit codes: ok ($cmd)"
exit $((failures > 0))
