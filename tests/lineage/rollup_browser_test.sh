#!/usr/bin/env bash
# The roll-up page as a browser sees it, like tests/report/browser_test.sh for the scorecard: writes the roll-up of
# three plans (Dongli with its sample figures, and the two districts invented for the test in tests/lineage/data/),
# lets Debian's headless Chromium load and serialise it, and checks every cell of the rendered grid and every rank
# against `qgov rollup --format json`, which holds exactly the per-plan evaluations. Takes a screenshot.
# Usage: tests/lineage/rollup_browser_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?usage: rollup_browser_test.sh BUILD_DIR SOURCE_DIR}" && pwd)
src=$(cd "${2:?usage: rollup_browser_test.sh BUILD_DIR SOURCE_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
qgov="$build/src/cli/qgov"
chromium=/usr/bin/chromium
[[ -x "$chromium" ]] || { echo "rollup browser test: $chromium not found (scripts/install-deps.sh --tests installs it)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$src/tests/lineage/data"
args=(--plan "$src/data/plans/dongli-2024.json" --observations "$src/data/observations/dongli-sample.csv"
      --plan "$data/district-jia.json" --observations "$data/district-jia-observations.csv"
      --plan "$data/district-yi.json" --observations "$data/district-yi-observations.csv"
      --vocabulary "$src/data/indicators/vocabulary.json" --as-of 2026-06-30)
"$qgov" rollup "${args[@]}" --format html --out "$work/rollup.html"
"$qgov" rollup "${args[@]}" --format json > "$work/rollup.json"
cmake -DROLLUP_JSON="$work/rollup.json" -P "$here/rollup_cells.cmake" > "$work/cells.txt" 2>&1

browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile.XXXX")" "$@" 2>>"$work/chromium.log"
}
browser --dump-dom "file://$work/rollup.html" > "$work/dom.html"
[[ -s "$work/dom.html" ]] || { echo "FAIL: Chromium produced no DOM"; tail -5 "$work/chromium.log"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
cells=0 plans=0
while read -r kind a b c; do
  case "$kind" in
    cell)
      cells=$((cells + 1))
      grep -Eq "<td class=\"cell [^\"]*\" data-plan=\"$a\" data-indicator=\"$b\"[^>]* data-status=\"$c\"" "$work/dom.html" \
        || fail "cell $a × $b: no rendered cell with status $c" ;;
    plan)
      plans=$((plans + 1))
      grep -q "<tr data-plan=\"$a\" data-rank=\"$b\">" "$work/dom.html" || fail "plan $a: no summary row with rank $b" ;;
  esac
done < "$work/cells.txt"
((plans >= 3)) || fail "fewer than three plans in the roll-up ($plans)"
rendered=$(grep -o '<td class="cell [^"]*" data-plan=' "$work/dom.html" | wc -l)
((rendered == cells)) || fail "the page renders $rendered cells, the JSON has $cells"
! grep -q '<script' "$work/dom.html" || fail "the rendered page holds a script"
screenshot="$build/rollup-screenshot.png"
browser --screenshot="$screenshot" --window-size=1280,1200 --hide-scrollbars "file://$work/rollup.html" >/dev/null
[[ -s "$screenshot" ]] || fail "no screenshot written"
if ((failures)); then echo "rollup browser test: $failures failure(s)"; exit 1; fi
echo "rendered DOM: $plans plans ranked, $cells grid cells with the JSON's statuses"
echo "screenshot: $screenshot"
echo "rollup browser test: ok"
