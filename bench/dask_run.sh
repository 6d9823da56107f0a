#!/usr/bin/env bash
# The national-scale benchmark (docs/benchmarks.md, "qgov over Dask"): generates ROWS synthetic records with
# `qgov gen-records`, split into FILES CSV files, then runs bench/dask_bench.py (single process, LocalCluster of 1 and
# 2 workers, pandas, dask.dataframe) and deletes the data again (QGOV_KEEP_DATA=1 keeps it).
#   usage: bench/dask_run.sh [ROWS (100000000)] [FILES (40)]
#   env:   QGOV_BUILD  a Release build with the CLI and the Python bindings (default build/release-py:
#                      cmake -S . -B build/release-py -DCMAKE_BUILD_TYPE=Release -DQGOV_BUILD_PYTHON=ON
#                            -DPython_EXECUTABLE=/usr/bin/python3 && cmake --build build/release-py --target qgov_cli _qgov)
#          QGOV_BENCH_DATA  where the files go (default build/dask-bench-data; 100 M rows take 9.4 GB)
#          QGOV_BENCH_MODES modes to run (default all: qgov-single,qgov-dask-1,qgov-dask-2,dask-df,pandas)
#          QGOV_BENCH_STEP  gen (generate only, keep the data), run (use the data there, then delete it), or all
# Run it under `nice -n 19` on a shared machine. Results: build/dask-bench.json (and on standard output).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000000}
files=${2:-40}
build=${QGOV_BUILD:-build/release-py}
data=${QGOV_BENCH_DATA:-build/dask-bench-data}
qgov="$build/src/cli/qgov"
[[ -x $qgov ]] || { echo "no $qgov: build the CLI and the Python bindings first (see the usage above)" >&2; exit 2; }
per=$(( (rows + files - 1) / files ))
step=${QGOV_BENCH_STEP:-all}
mkdir -p "$data"
[[ ${QGOV_KEEP_DATA:-0} == 1 || $step == gen ]] || trap 'rm -rf "$data"' EXIT
if [[ $step != run ]]; then
rm -f "$data"/part-*.csv
export QGOV_HEADER
QGOV_HEADER=$("$qgov" gen-records --rows 1 --seed 1 | head -n 1)
start=$(date +%s.%N)
# one seeded stream (unique record ids R000000001…), cut into files of $per rows, each with the header
"$qgov" gen-records --rows "$rows" --seed 17 --years 2 | tail -n +2 |
  split -l "$per" -d -a 3 --additional-suffix=.csv --filter='{ printf "%s\n" "$QGOV_HEADER"; cat; } > "$FILE"' - "$data/part-"
end=$(date +%s.%N)
bytes=$(cat "$data"/part-*.csv | wc -c)
echo "generated $rows rows in $(ls "$data"/part-*.csv | wc -l) files, $bytes bytes, in $(awk "BEGIN{print $end - $start}") s" >&2
fi
[[ $step != gen ]] || exit 0
PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}" /usr/bin/python3 bench/dask_bench.py --data "$data" \
  --modes "${QGOV_BENCH_MODES:-qgov-single,qgov-dask-1,qgov-dask-2,dask-df,pandas}" --out build/dask-bench.json
