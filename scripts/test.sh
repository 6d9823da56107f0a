#!/usr/bin/env bash
# Every test: install what is missing, then
#   1. build (Debug) and run the whole CTest suite: unit tests, CLI tests, the installed-package consumer test;
#   2. rebuild with -fsanitize=address,undefined and run the unit and CLI tests again;
#   then the C interface under ThreadSanitizer (tests/tsan: only what it needs, seconds);
#   then the Python package: pip install from the checkout into a fresh venv, pytest and the example notebook;
#   3. fuzz every parser (plan, extractor, archives, record CSV, supervision CSV, workbooks, the C interface,
#      observations, scenarios, progress batches, evaluation JSON) for a bounded time each
#      (QGOV_FUZZ_SECONDS, default 15: a smoke run from the minimised corpora of the
#      long runs; 0 skips).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
jobs=$(nproc)

echo "== 1/3 build (with the benchmarks, so they keep compiling) and test"
# -g1 (line tables: sanitizer reports keep file:line) and precompiled headers (cmake/pch.cmake) cut the build's CPU
# by over a third (docs/benchmarks.md)
fast=(-DQGOV_PCH=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1)
cmake -S . -B build/debug -DCMAKE_BUILD_TYPE=Debug -DQGOV_BUILD_BENCH=ON "${fast[@]}" >/dev/null
cmake --build build/debug -j"$jobs" >/dev/null
ctest --test-dir build/debug -j"$jobs" --output-on-failure

echo "== 2/3 AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DQGOV_SANITIZE=ON -DQGOV_INSTALL=OFF "${fast[@]}" >/dev/null
cmake --build build/asan -j"$jobs" >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan -j"$jobs" --output-on-failure

echo "== ThreadSanitizer: the C interface from two threads with shared handles (tests/tsan)"
bash tests/tsan/run.sh

echo "== Python: pip install into a fresh venv, pytest, the example notebook"
bash scripts/python-test.sh

fuzz_seconds=${QGOV_FUZZ_SECONDS:-15}
if [[ "$fuzz_seconds" != 0 ]]; then
  # one per line, so that adding a target is a one-line change
  targets=(
    plan_json_fuzz
    extract_fuzz
    archive_fuzz
    records_csv_fuzz
    records_split_fuzz
    supervision_csv_fuzz
    workbook_fuzz
    c_api_fuzz
    observations_fuzz
    scenario_json_fuzz
    progress_batch_fuzz
    evaluation_json_fuzz
  )
  # (the long runs behind these short ones, with their figures: docs/errors.md, "Fuzzing")
  echo "== 3/3 fuzzing (ASan/UBSan) every parser, ${fuzz_seconds}s each: ${targets[*]}"
  for t in "${targets[@]}"; do
    FUZZ_TARGET=$t tests/fuzz/run.sh "$fuzz_seconds"
  done
fi
echo "all tests passed"
