#!/usr/bin/env bash
# Installs qgov from a build tree into a fresh prefix, then builds and runs examples/host_app against that
# installed package only (no access to the source tree's headers), as a user's project would.
# Usage: tests/package/run.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cp -r "$root/examples/host_app" "$work/host_app"   # a copy outside the source tree
cmake -S "$work/host_app" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/host_app" 区市场监管局)
echo "$out"
grep -q "10 clauses led, 12 shared" <<<"$out"
grep -q "food_sampling_pass_rate" <<<"$out"
# the host's own doctest suite using qgov/testing/doctest.hpp (built when doctest is installed)
if [[ -x "$work/build/host_test" ]]; then
  "$work/build/host_test" >/dev/null
  echo "package test: host_test (qgov/testing/doctest.hpp) passed"
fi
test -f "$work/prefix/share/qgov/plans/dongli-2024.json"
test -x "$work/prefix/bin/qgov"
echo "package test: host_app built against the installed qgov and printed the bureau's responsibility"
