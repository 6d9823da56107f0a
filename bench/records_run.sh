#!/usr/bin/env bash
# Inspection records on 10 000 000 generated rows, all in one run (figures go to docs/benchmarks.md):
#   aggregation by programme,level,region,quarter vs pandas groupby vs NumPy bincount vs memcpy of the same columns;
#   CSV → rates end to end vs pandas.read_csv + groupby vs `wc -l`; peak memory vs the table's own size.
#   usage: bench/records_run.sh [BUILD_DIR (default build-records)] [ROWS (default 10000000)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-records}
rows=${2:-10000000}
cmake --build "$build" -j2 --target qgov_cli qgov_bench_records >/dev/null
qgov="$build/src/cli/qgov"
driver="$build/bench/qgov_bench_records"
work=$(mktemp -d "${TMPDIR:-/tmp}/qgov-records-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
csv="$work/records.csv"
"$qgov" gen-records --rows "$rows" --seed 1 >"$csv"
bytes=$(stat -c %s "$csv")
cat "$csv" >/dev/null  # warm the page cache for every reader alike
t0=$(date +%s.%N); wc -l "$csv" >/dev/null; t1=$(date +%s.%N)
wc_s=$(echo "$t1 - $t0" | bc -l)
"$driver" e2e "$csv" >"$work/e2e.txt"
# the same records with ids in no order: the duplicate-id check then sorts 8-byte hashes (memory and time)
"$qgov" gen-records --rows "$rows" --seed 1 --scrambled-ids >"$work/scrambled.csv"
"$driver" e2e "$work/scrambled.csv" | sed 's/^/scrambled_/' >"$work/e2e-scrambled.txt"
rm -f "$work/scrambled.csv"
"$driver" agg "$csv" >"$work/agg.txt"
/usr/bin/python3 "$root/bench/records_python.py" "$csv" >"$work/py.txt"
echo "wc_s $wc_s" >>"$work/py.txt"
echo "file_bytes $bytes" >>"$work/py.txt"
/usr/bin/python3 - "$work/e2e.txt" "$work/e2e-scrambled.txt" "$work/agg.txt" "$work/py.txt" <<'PY'
import sys
v = {}
for f in sys.argv[1:]:
    for line in open(f):
        k, x = line.split()
        v[k] = float(x)
n = v["agg_rows"]; mb = v["file_bytes"] / 1e6
def mrows(s): return n / s / 1e6
print(f"rows {int(n)}, file {mb:.0f} MB, groups {int(v['agg_groups'])} (pandas {int(v['pandas_groups'])}, numpy {int(v['numpy_groups'])})")
print("aggregation, table in memory (programme, level, region, quarter):")
for name, key in [("qgov pass_rates, 1 thread", "agg_1thread_s"), ("qgov pass_rates, 2 threads", "agg_2threads_s"),
                  ("pandas groupby", "pandas_groupby_s"), ("NumPy combined key + 2 bincounts", "numpy_key_bincount_s"),
                  ("NumPy 2 bincounts only (key given)", "numpy_bincount_only_s"), ("memcpy of the 9 bytes/row read", "memcpy_s")]:
    print(f"  {name:38s} {v[key]*1000:9.1f} ms  {mrows(v[key]):8.1f} M rows/s")
best = min(v["agg_1thread_s"], v["agg_2threads_s"])
print(f"  ratios (best qgov): {v['pandas_groupby_s']/best:.1f}x pandas, {v['numpy_key_bincount_s']/best:.2f}x NumPy key+bincount, "
      f"{v['numpy_bincount_only_s']/best:.2f}x bincount alone, {100*v['memcpy_s']/best:.0f}% of memcpy throughput")
print("CSV file to rates, end to end:")
for name, key in [("qgov (load + check ids + rates)", "e2e_total_s"), ("  of which load", "e2e_load_s"),
                  ("pandas read_csv(usecols, category) + groupby", "pandas_e2e_s"), ("wc -l", "wc_s")]:
    print(f"  {name:46s} {v[key]:8.2f} s  {mb/v[key]:8.1f} MB/s")
print(f"  ratio: {v['pandas_e2e_s']/v['e2e_total_s']:.1f}x pandas, {v['wc_s']/v['e2e_total_s']:.2f} of wc -l speed")
print(f"memory: table {v['table_bytes']/2**20:.0f} MiB, peak RSS {v['max_rss_kib']/1024:.0f} MiB "
      f"(before load {v['rss_before_kib']/1024:.0f} MiB) -> {v['max_rss_kib']*1024/v['table_bytes']:.2f}x the table")
smb = v['scrambled_e2e_bytes'] / 1e6
print(f"ids in no order (hash sort for duplicates; longer ids, {smb:.0f} MB file): load + rates {v['scrambled_e2e_total_s']:.2f} s "
      f"= {smb/v['scrambled_e2e_total_s']:.1f} MB/s ({smb/v['scrambled_e2e_total_s']/(mb/v['pandas_e2e_s']):.1f}x pandas' MB/s); "
      f"table {v['scrambled_table_bytes']/2**20:.0f} MiB, "
      f"peak RSS {v['scrambled_max_rss_kib']/1024:.0f} MiB -> {v['scrambled_max_rss_kib']*1024/v['scrambled_table_bytes']:.2f}x the table")
PY
