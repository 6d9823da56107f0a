#!/usr/bin/env bash
# `qgov test` end to end: the examples pass and their JUnit XML validates; the deliberately wrong expectation fails
# with exit status 1, a readable diff and the explanation trace, and its JUnit XML (with the failure) validates too.
#   usage: scenario_cli_test.sh QGOV_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
qgov=$1 src=$2 work=$3
mkdir -p "$work"
fail() { echo "scenario cli test: FAILED: $*" >&2; exit 1; }

"$qgov" test "$src/examples/scenarios" --junit "$work/examples.xml" >"$work/examples.out" || fail "examples failed: $(cat "$work/examples.out")"
grep -q "0 failed" "$work/examples.out" || fail "no summary line"
xmllint --noout --schema "$src/tests/scenario/junit-10.xsd" "$work/examples.xml"

status=0
"$qgov" test "$src/tests/scenario/scenarios/wrong-expectation.json" --junit "$work/wrong.xml" >"$work/wrong.out" || status=$?
cat "$work/wrong.out"
[[ $status -eq 1 ]] || fail "expected exit status 1 for a failing scenario, got $status"
out=$(cat "$work/wrong.out")
for want in "FAIL  " "goal rd_expenditure_share: status" "- expected: achieved" "+ actual:   missed" \
            "unit science_technology: grade" "- expected: A" \
            "explanation: R&D expenditure as a share of GDP" "trace: target_check" \
            "figure: 2025 = 3.8, reported 2026-05-31, wrong-expectation fixture" \
            "PASS  " "1 passed, 1 failed"; do
  grep -qF -- "$want" <<<"$out" || fail "missing in the output: $want"
done
xmllint --noout --schema "$src/tests/scenario/junit-10.xsd" "$work/wrong.xml"
grep -q '<failure message="rd_expenditure_share: status: expected achieved, got missed"' "$work/wrong.xml" ||
  fail "the JUnit failure message"

# a file that does not load is bad input (exit 2, docs/cli.md), reported at its JSON path, and an <error> in JUnit
printf '{"qgov_scenario": 1, "scenarios": [{"name": "x", "as_of": "2025-13-01", "expect": {"goals": {"rd_share": "achieved"}}}]}' >"$work/bad.json"
status=0
"$qgov" test "$work/bad.json" --junit "$work/bad.xml" >"$work/bad.out" || status=$?
[[ $status -eq 2 ]] || fail "a scenario file that does not load must exit 2, got $status"
grep -qF "/scenarios/0/as_of: expected a date YYYY-MM-DD" "$work/bad.out" || fail "bad date not named: $(cat "$work/bad.out")"
grep -qF "/scenarios/0/expect/goals/rd_share: unknown goal" "$work/bad.out" || fail "unknown goal not named"
xmllint --noout --schema "$src/tests/scenario/junit-10.xsd" "$work/bad.xml"
echo "scenario cli test: ok"
