#!/usr/bin/env bash
# The draw from the command line: two runs give identical bytes (JSON and Markdown), the record equals the committed
# golden file (which the library test also checks), and an independent Python implementation of docs/supervision.md
# reproduces every draw. Usage: cli_determinism.sh QGOV_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
qgov=$1 src=$2 work=$3
mkdir -p "$work"
ex="$src/examples/supervision"
args=(draw --enterprises "$ex/enterprises.csv" --inspectors "$ex/inspectors.csv" --calendar "$ex/calendar-2025.csv"
      --seed 20250102 --quarter 2025-Q1 --on 2025-01-02)
"$qgov" "${args[@]}" --format json --out "$work/run1.json"
"$qgov" "${args[@]}" --format json > "$work/run2.json"
cmp "$work/run1.json" "$work/run2.json"
"$qgov" "${args[@]}" --format md > "$work/run1.md"
"$qgov" "${args[@]}" --format md > "$work/run2.md"
cmp "$work/run1.md" "$work/run2.md"
cmp "$work/run1.json" "$src/tests/supervision/data/golden-2025-Q1.json"
# another seed, another draw
"$qgov" draw --enterprises "$ex/enterprises.csv" --inspectors "$ex/inspectors.csv" --calendar "$ex/calendar-2025.csv" \
  --seed 20250103 --quarter 2025-Q1 --on 2025-01-02 > "$work/other.json"
if cmp -s "$work/run1.json" "$work/other.json"; then echo "a different seed gave the same record"; exit 1; fi
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" "$src/tests/supervision/reference_draw.py" "$ex/enterprises.csv" "$ex/inspectors.csv" 20250102 2025-01-02 "$work/run1.json"
"$py" "$src/tests/supervision/reference_draw.py" "$ex/enterprises.csv" "$ex/inspectors.csv" 20250103 2025-01-02 "$work/other.json"
echo "supervision cli: deterministic"
