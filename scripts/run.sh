#!/usr/bin/env bash
# The main job: install what is missing, build qgov, and produce the Dongli scorecard: every goal of the embedded plan
# (东丽政发〔2024〕5号) evaluated on its 2025 deadline with the embedded sample figures and the bureau scorecard, printed
# and written as an HTML report (build/dongli-scorecard.html), plus the clause × unit responsibility matrix.
# QGOV_AS_OF=YYYY-MM-DD evaluates on another date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DQGOV_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
as_of="${QGOV_AS_OF:-2025-12-31}"
./build/release/src/cli/qgov evaluate --as-of "$as_of" --format text
echo
./build/release/src/cli/qgov matrix --format text
echo
./build/release/src/cli/qgov report --as-of "$as_of" --format html --out build/dongli-scorecard.html
echo "The scorecard report (HTML, self-contained, printable to A4): $(pwd)/build/dongli-scorecard.html"
echo "The figures are the illustrative sample in data/observations/dongli-sample.csv (not official, except rows citing a source)."
echo "qgov binary: build/release/src/cli/qgov (try: qgov --help, qgov explain food_sampling_pass_rate --as-of 2026-06-30,"
echo "  qgov evaluate --as-of 2026-12-31 --format json, qgov unit 区市场监管局, qgov plan --format text)"
