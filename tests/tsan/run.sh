#!/usr/bin/env bash
# Builds tests/tsan (the C interface and what it needs, -fsanitize=thread) into build-tsan/ and runs the
# two-thread test. Exit status non-zero on a data race or a wrong result. Usage: tests/tsan/run.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build="$here/../../${TSAN_BUILD_DIR:-build-tsan}"
cmake -S "$here" -B "$build" ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
cmake --build "$build" -j "${JOBS:-2}" >/dev/null
TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1} "$build/tsan_test"
