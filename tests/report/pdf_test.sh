#!/usr/bin/env bash
# The printable assessment: `qgov report --format pdf` through Debian's headless Chromium, checked by what poppler
# reads back — the summary alone on page 1, each unit starting its own page in the plan's order, no goal block
# split across pages, page numbers and the as-of date on every page — and pages 1 and 2 as PNG for a person to look
# at (BUILD_DIR/report-page-1.png, report-page-2.png).
# Usage: tests/report/pdf_test.sh BUILD_DIR   (needs chromium and poppler-utils: scripts/install-deps.sh --tests)
set -euo pipefail
build=${1:?usage: pdf_test.sh BUILD_DIR}
build=$(cd "$build" && pwd)
qgov="$build/src/cli/qgov"
for tool in pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "pdf test: $tool not found (Debian: poppler-utils)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdf="$work/report.pdf"
as_of=2025-12-31
"$qgov" report --as-of "$as_of" --format pdf --out "$pdf" > "$work/out.txt"
grep -q "wrote pdf report" "$work/out.txt" || { echo "FAIL: no confirmation line"; cat "$work/out.txt"; exit 1; }

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
[[ "$size" == *"595"*"842"* || "$size" == *"(A4)"* ]] || fail "pages are not A4: $size"

# The units in plan order, with their Chinese names (one "unit ID NAME" line each), and the goal ids.
"$qgov" plan --format json > "$work/plan.json"
cmake -DPLAN_JSON="$work/plan.json" -P "$(dirname "$0")/plan_names.cmake" > "$work/names.txt" 2>&1
mapfile -t unit_names < <(awk '$1 == "unit" { print $3 }' "$work/names.txt")
mapfile -t goal_ids < <(awk '$1 == "goal" { print $2 }' "$work/names.txt")
units=${#unit_names[@]}
((units > 0)) || fail "no units read from the plan"
((pages >= units + 1)) || fail "$pages pages for $units units: expected the summary and at least a page per unit"

# one pdftotext run; pages are separated by form feeds
pdftotext -layout "$pdf" "$work/all.txt"
awk -v dir="$work" 'BEGIN { k = 1 } { n = split($0, parts, "\f"); for (i = 1; i <= n; i++) { if (i > 1) k++; print parts[i] > (dir "/p" k ".txt") } }' "$work/all.txt"

# page 1: the summary, with goal names, not ids, and no unit page
grep -q "考核概览" "$work/p1.txt" || fail "page 1 has no summary heading"
grep -q "共 ${#goal_ids[@]} 项目标" "$work/p1.txt" || fail "page 1 does not count the ${#goal_ids[@]} goals"
for id in "${goal_ids[@]}"; do
  ! grep -qw "$id" "$work/p1.txt" || fail "page 1 shows the goal id $id instead of its name"
done
! grep -q "下一步工作" "$work/p1.txt" || fail "a unit section starts on page 1"

# every page: its number, the total, and the as-of date
for ((k = 1; k <= pages; k++)); do
  grep -q "第 $k 页 / 共 $pages 页" "$work/p$k.txt" || fail "page $k has no page number \"第 $k 页 / 共 $pages 页\""
  grep -q "评估日期.* $as_of" "$work/p$k.txt" || fail "page $k has no as-of date"
done

# each unit starts a new page, in plan order: its name is the first line of the page body (after the running head)
first_line() { awk -v d="$as_of" 'NF && $0 !~ ("评估日期.* " d) && $0 !~ /第 [0-9]+ 页/ { sub(/^ +/, ""); print; exit }' "$1"; }
next=0
starts=0
for ((k = 2; k <= pages; k++)); do
  line=$(first_line "$work/p$k.txt")
  if ((next < units)) && [[ "$line" == "${unit_names[$next]}"* ]]; then
    next=$((next + 1))
    starts=$((starts + 1))
  else
    # a continuation page of the unit before: it must go on with that unit's goal blocks
    grep -q "◆" "$work/p$k.txt" || fail "page $k starts neither a unit (expected ${unit_names[$next]:-none}) nor goal blocks: \"$line\""
  fi
done
((starts == units)) || fail "$starts of $units units start their own page (next expected: ${unit_names[$next]:-})"

# no goal block is split: on every page each block that starts (◆ name) also ends (编号 id) on it
for ((k = 2; k <= pages; k++)); do
  opened=$( (grep -o "◆" "$work/p$k.txt" || true) | wc -l)
  closed=$(grep -c "编号 [a-z0-9_]*" "$work/p$k.txt" || true)
  ((opened == closed)) || fail "page $k: $opened goal blocks start but $closed end: a block is split across pages"
done

# pages 1 and 2 as pictures, to look at
rm -f "$build"/report-page-*.png
pdftoppm -f 1 -l 2 -r 70 -png "$pdf" "$build/report-page"
for k in 1 2; do
  pngs=("$build"/report-page-*"$k".png)
  [[ -s "${pngs[0]}" ]] || fail "page $k was not turned into a PNG"
done
cp "$pdf" "$build/report.pdf"

if ((failures)); then
  echo "pdf test: $failures failure(s)"
  exit 1
fi
echo "pdf test: ok ($pages A4 pages: the summary and $units units; PNGs of pages 1-2 and the PDF in $build)"
