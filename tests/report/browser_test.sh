#!/usr/bin/env bash
# The HTML report as a browser sees it: writes the default report, lets Debian's headless Chromium load and
# serialise it, checks the rendered DOM against the plan (every goal with a status, every unit in the scorecard,
# the matrix), and takes a screenshot for a person to judge.
# Usage: tests/report/browser_test.sh BUILD_DIR     (needs /usr/bin/chromium: scripts/install-deps.sh --tests)
set -euo pipefail
build=${1:?usage: browser_test.sh BUILD_DIR}
build=$(cd "$build" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
qgov="$build/src/cli/qgov"
chromium=/usr/bin/chromium
[[ -x "$chromium" ]] || { echo "browser test: $chromium not found (scripts/install-deps.sh --tests installs it)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.html"
"$qgov" report --as-of 2025-12-31 --format html --out "$report"
"$qgov" plan --format json > "$work/plan.json"
cmake -DPLAN_JSON="$work/plan.json" -P "$here/plan_names.cmake" > "$work/names.txt" 2>&1

browser() {
  # Everything that could reach the network is off; the page itself references nothing outside the file.
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile.XXXX")" "$@" 2>>"$work/chromium.log"
}

browser --dump-dom "file://$report" > "$work/dom.html"
[[ -s "$work/dom.html" ]] || { echo "FAIL: Chromium produced no DOM"; tail -5 "$work/chromium.log"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
statuses='(achieved|on_track|at_risk|off_track|missed|no_data|not_scored)'

sed -n '/<section id="scorecard">/,/<\/section>/p' "$work/dom.html" > "$work/scorecard.html"
goals=0
while read -r kind id name; do
  case "$kind" in
    goal)
      goals=$((goals + 1))
      grep -Eq "<article [^>]*id=\"$id\"[^>]* data-status=\"$statuses\"" "$work/dom.html" \
        || fail "goal $id has no block with a data-status in the rendered DOM" ;;
    unit)
      # in the scorecard section: the unit's row, and its name
      grep -q "<tr id=\"unit-$id\" data-unit=\"$id\"" "$work/scorecard.html" || fail "unit $id has no scorecard row"
      grep -qF "$name" "$work/scorecard.html" || fail "unit $name is not named in the scorecard" ;;
  esac
done < "$work/names.txt"
((goals > 0)) || fail "no goals read from qgov plan --format json"

grep -q '<table class="matrix" id="matrix-table">' "$work/dom.html" || fail "the responsibility matrix is missing"
cells=$(grep -o '<td class="cell [^"]*" data-unit="[a-z_]*" data-clause="[0-9]*" data-role="[a-z]*" data-status="[a-z_]*"' "$work/dom.html" | wc -l)
((cells > 0)) || fail "the matrix has no named cells"
! grep -q '<script' "$work/dom.html" || fail "the rendered page holds a script"

screenshot="$build/report-screenshot.png"
browser --screenshot="$screenshot" --window-size=1280,2400 --hide-scrollbars "file://$report" >/dev/null
[[ -s "$screenshot" ]] || fail "no screenshot written"

if ((failures)); then
  echo "browser test: $failures failure(s)"
  exit 1
fi
echo "rendered DOM: $goals goals with a status, $(grep -c '^unit ' "$work/names.txt") units in the scorecard, $cells matrix cells"
echo "screenshot: $screenshot"
echo "browser test: ok"
