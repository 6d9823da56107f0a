#!/usr/bin/env bash
# The progress-measure comparison in one go: builds the Release benchmark, times qgov's batch over 1 000 000 series
# (Google Benchmark, median of 5 repetitions), dumps the same series, then times NumPy and a Python loop on them,
# checks that all three agree, and prints the comparison table.
# Usage: bench/progress_run.sh            (BUILD_DIR=build/bench by default; REPS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/bench}
reps=${REPS:-5}
python=/usr/bin/python3

"$python" -c "import numpy" 2>/dev/null || { echo "needs python3-numpy (apt-get install python3-numpy)" >&2; exit 1; }
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DQGOV_BUILD_BENCH=ON -DQGOV_BUILD_TESTS=OFF -DQGOV_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target qgov_bench_progress >/dev/null
bench="$build/bench/qgov_bench_progress"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== machine"
echo "date: $(date -u), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "compiler: $(g++ --version | head -1)"

echo "== qgov (Google Benchmark, $reps repetitions)"
"$bench" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
         --benchmark_out="$tmp/qgov.json" --benchmark_out_format=json
qgov_ms=$("$python" - "$tmp/qgov.json" <<'EOF'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
print(next(b["real_time"] for b in runs
           if b["name"].startswith("progress_measure_batch_1m/") and b.get("aggregate_name") == "median"))
EOF
)

qgov_all_ms=$("$python" - "$tmp/qgov.json" <<'EOF'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
print(next(b["real_time"] for b in runs
           if b["name"].startswith("progress_measure_batch_1m_all_cores/") and b.get("aggregate_name") == "median"))
EOF
)

echo "== same input for Python"
"$bench" --dump="$tmp/series.bin"

echo "== NumPy and Python loop"
"$python" bench/progress_python.py "$tmp/series.bin" --qgov-ms "$qgov_ms" --qgov-all-cores-ms "$qgov_all_ms" --repeat "$reps"
