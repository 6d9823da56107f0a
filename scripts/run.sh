#!/usr/bin/env bash
# The main job: install what is missing, build qgov, and print the Dongli plan's goals and responsibility matrix
# from the embedded plan (东丽政发〔2024〕5号).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DQGOV_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
./build/release/src/cli/qgov plan --format text
echo
./build/release/src/cli/qgov matrix --format text
echo
echo "qgov binary: build/release/src/cli/qgov (try: qgov --help, qgov unit 区市场监管局, qgov matrix --format json)"
