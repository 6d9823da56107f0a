#!/usr/bin/env bash
# Python against C++ on the same work, in one run: the progress measure over 1 000 000 series and pass rates over
# 10 000 000 records (ROWS), each timed from C++ (Google Benchmark / the records driver) and from Python.
#   usage: bench/python_run.sh      env: BUILD_DIR (default build/bench-python), ROWS (default 10000000), REPS (5)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/bench-python}
rows=${ROWS:-10000000}
reps=${REPS:-5}
python=/usr/bin/python3
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DQGOV_BUILD_BENCH=ON -DQGOV_BUILD_TESTS=OFF -DQGOV_BUILD_PYTHON=ON \
      -DPython_EXECUTABLE="$python" >/dev/null
cmake --build "$build" -j"$(nproc)" --target qgov_bench_progress qgov_bench_records qgov_cli _qgov >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "date: $(date -u), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/qgov_bench_progress" --benchmark_filter='^progress_measure_batch_1m(_all_cores)?/' --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_out="$tmp/progress.json" --benchmark_out_format=json >/dev/null
median() {  # the median of benchmark $1 in the JSON
  "$python" -c "import json,sys; print(next(b['real_time'] for b in json.load(open(sys.argv[1]))['benchmarks'] if b.get('aggregate_name') == 'median' and b['run_name'].split('/')[0] == sys.argv[2]))" "$tmp/progress.json" "$1"
}
progress_ms=$(median progress_measure_batch_1m)
progress_all_ms=$(median progress_measure_batch_1m_all_cores)
"$build/bench/qgov_bench_progress" --dump="$tmp/series.bin" >/dev/null
"$build/src/cli/qgov" gen-records --rows "$rows" --seed 1 >"$tmp/records.csv"
records_ms=$("$build/bench/qgov_bench_records" agg "$tmp/records.csv" | awk '$1 == "agg_1thread_s" { print $2 * 1000 }')
PYTHONPATH="$build/python" "$python" bench/python_bindings.py --progress "$tmp/series.bin" --progress-cpp-ms "$progress_ms" --progress-cpp-all-cores-ms "$progress_all_ms" \
  --records "$tmp/records.csv" --records-cpp-ms "$records_ms" --repeat "$reps"
