#!/usr/bin/env bash
# Inspection records on 10 000 000 generated rows, all in one run (figures go to docs/benchmarks.md):
#   CSV → rates end to end: qgov (all cores, one thread, without the duplicate-id check) vs DuckDB read_csv + GROUP BY
#   (the same threads; with the Wilson interval; a count of distinct ids) vs pandas.read_csv + groupby vs `wc -l`,
#   on ids in file order and in no order; aggregation by programme,level,region,quarter vs pandas groupby vs NumPy
#   bincount vs memcpy of the same columns; peak memory vs the table's own size.
#   usage: bench/records_run.sh [BUILD_DIR (default build-records)] [ROWS (default 10000000)]
#   REPS=5 runs of each timed variant (medians); THREADS=2 for DuckDB (qgov uses every core, 2 here).
#   DuckDB comes from the npm registry (@duckdb/node-api, the engine prebuilt inside), installed once into
#   BUILD_DIR/duckdb-node (needs node and npm: scripts/install-deps.sh --bench); never at build or test time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-records}
rows=${2:-10000000}
reps=${REPS:-5}
threads=${THREADS:-2}
duckdb_version=1.5.6-r.1
# QGOV_CLI and QGOV_BENCH_DRIVER name binaries built elsewhere (the same sources, -O3 -DNDEBUG); else they are built here
if [[ -n "${QGOV_CLI:-}" && -n "${QGOV_BENCH_DRIVER:-}" ]]; then
  qgov=$QGOV_CLI
  driver=$QGOV_BENCH_DRIVER
else
  cmake --build "$build" -j2 --target qgov_cli qgov_bench_records >/dev/null
  qgov="$build/src/cli/qgov"
  driver="$build/bench/qgov_bench_records"
fi
duck="$build/duckdb-node"
if [[ ! -f "$duck/node_modules/@duckdb/node-api/package.json" ]]; then
  mkdir -p "$duck"
  (cd "$duck" && npm install --no-audit --no-fund --silent "@duckdb/node-api@$duckdb_version" >/dev/null)
fi
cp "$root/bench/records_duckdb.mjs" "$duck/"  # node finds the package next to the script
work=$(mktemp -d "${TMPDIR:-/tmp}/qgov-records-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
csv="$work/records.csv"
"$qgov" gen-records --rows "$rows" --seed 1 >"$csv"
bytes=$(stat -c %s "$csv")
cat "$csv" >/dev/null  # warm the page cache for every reader alike
wc_times=()
for _ in $(seq "$reps"); do
  t0=$(date +%s.%N); wc -l "$csv" >/dev/null; t1=$(date +%s.%N)
  wc_times+=("$(echo "$t1 - $t0" | bc -l)")
done
wc_s=$(printf '%s\n' "${wc_times[@]}" | sort -g | sed -n "$(( (reps + 1) / 2 ))p")
echo "== $(date -u +%H:%M:%S) qgov, ids in order" >&2
"$driver" e2e "$csv" "$reps" >"$work/e2e.txt"
echo "== $(date -u +%H:%M:%S) DuckDB, ids in order" >&2
QUERIES=${QUERIES:-rates,wilson,distinct} node "$duck/records_duckdb.mjs" "$csv" "$reps" "$threads" >"$work/duck.txt"
# the same records with ids in no order: the duplicate-id check then sorts 8-byte hashes (memory and time)
"$qgov" gen-records --rows "$rows" --seed 1 --scrambled-ids >"$work/scrambled.csv"
cat "$work/scrambled.csv" >/dev/null
echo "== $(date -u +%H:%M:%S) qgov and DuckDB, ids in no order" >&2
"$driver" e2e "$work/scrambled.csv" "$reps" | sed 's/^/scrambled_/' >"$work/e2e-scrambled.txt"
QUERIES=${SCRAMBLED_QUERIES:-rates,distinct} node "$duck/records_duckdb.mjs" "$work/scrambled.csv" "$reps" "$threads" | sed 's/^/scrambled_/' >"$work/duck-scrambled.txt"
rm -f "$work/scrambled.csv"
echo "== $(date -u +%H:%M:%S) aggregation, pandas, NumPy" >&2
"$driver" agg "$csv" >"$work/agg.txt"
/usr/bin/python3 "$root/bench/records_python.py" "$csv" >"$work/py.txt"
echo "wc_s $wc_s" >>"$work/py.txt"
echo "file_bytes $bytes" >>"$work/py.txt"
echo "== $(date -u +%H:%M:%S) done; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/python3 - "$work"/e2e.txt "$work"/e2e-scrambled.txt "$work"/duck.txt "$work"/duck-scrambled.txt \
    "$work"/agg.txt "$work"/py.txt <<'PY'
import sys
v, text = {}, {}
for f in sys.argv[1:]:
    for line in open(f):
        k, x = line.split(maxsplit=1) if " " in line.strip() else line.strip().split(",", 1)
        try:
            v[k] = float(x)
        except ValueError:
            text[k] = x.strip()
n = v["agg_rows"]; mb = v["file_bytes"] / 1e6; smb = v["scrambled_e2e_bytes"] / 1e6
def mrows(s): return n / s / 1e6
print(f"rows {int(n)}, file {mb:.0f} MB, groups {int(v['agg_groups'])} (DuckDB {int(v['duckdb_groups'])}, "
      f"pandas {int(v['pandas_groups'])}, numpy {int(v['numpy_groups'])}); DuckDB {text['duckdb_version']}")
print("CSV file to rates, end to end (medians; each run's seconds in brackets):")
rows = [("qgov load_records + pass_rates, all cores", "e2e_total_s", "e2e_all"),
        ("  of which load", "e2e_load_s", None),
        ("qgov, one thread", "e2e_1thread_total_s", "e2e_1thread_all"),
        ("qgov, no duplicate-id check", "e2e_no_id_check_total_s", "e2e_no_id_check_all"),
        ("DuckDB read_csv + GROUP BY", "duckdb_rates_s", "duckdb_rates_all"),
        ("DuckDB, + Wilson interval", "duckdb_rates_wilson_s", "duckdb_rates_wilson_all"),
        ("DuckDB count(DISTINCT record_id)", "duckdb_distinct_ids_s", "duckdb_distinct_ids_all"),
        ("pandas read_csv(usecols, category) + groupby", "pandas_e2e_s", None), ("wc -l", "wc_s", None)]
for name, key, runs in rows:
    if key not in v: continue
    extra = f"  [{text[runs]}]" if runs else ""
    print(f"  {name:46s} {v[key]:7.2f} s  {mb/v[key]:7.0f} MB/s{extra}")
print(f"  ratios: {v['duckdb_rates_s']/v['e2e_total_s']:.2f}x DuckDB, {v['pandas_e2e_s']/v['e2e_total_s']:.1f}x pandas, "
      f"{v['wc_s']/v['e2e_total_s']:.2f} of wc -l speed")
print(f"ids in no order ({smb:.0f} MB file; the duplicate-id check sorts 8-byte hashes):")
for name, key, runs in [("qgov, all cores", "scrambled_e2e_total_s", "scrambled_e2e_all"),
                        ("qgov, one thread", "scrambled_e2e_1thread_total_s", "scrambled_e2e_1thread_all"),
                        ("qgov, no duplicate-id check", "scrambled_e2e_no_id_check_total_s", "scrambled_e2e_no_id_check_all"),
                        ("DuckDB read_csv + GROUP BY", "scrambled_duckdb_rates_s", "scrambled_duckdb_rates_all"),
                        ("DuckDB count(DISTINCT record_id)", "scrambled_duckdb_distinct_ids_s", "scrambled_duckdb_distinct_ids_all")]:
    if key not in v: continue
    print(f"  {name:46s} {v[key]:7.2f} s  {smb/v[key]:7.0f} MB/s  [{text[runs]}]")
print(f"  ratio: {v['scrambled_duckdb_rates_s']/v['scrambled_e2e_total_s']:.2f}x DuckDB")
print(f"memory: table {v['table_bytes']/2**20:.0f} MiB, peak RSS {v['max_rss_kib']/1024:.0f} MiB "
      f"(before load {v['rss_before_kib']/1024:.0f} MiB) -> {v['max_rss_kib']*1024/v['table_bytes']:.2f}x the table; "
      f"ids in no order: table {v['scrambled_table_bytes']/2**20:.0f} MiB, peak RSS {v['scrambled_max_rss_kib']/1024:.0f} MiB "
      f"-> {v['scrambled_max_rss_kib']*1024/v['scrambled_table_bytes']:.2f}x")
print("aggregation, table in memory (programme, level, region, quarter):")
for name, key in [("qgov pass_rates, 1 thread", "agg_1thread_s"), ("qgov pass_rates, 2 threads", "agg_2threads_s"),
                  ("pandas groupby", "pandas_groupby_s"), ("NumPy combined key + 2 bincounts", "numpy_key_bincount_s"),
                  ("NumPy 2 bincounts only (key given)", "numpy_bincount_only_s"), ("memcpy of the 9 bytes/row read", "memcpy_s")]:
    print(f"  {name:38s} {v[key]*1000:9.1f} ms  {mrows(v[key]):8.1f} M rows/s")
best = min(v["agg_1thread_s"], v["agg_2threads_s"])
print(f"  ratios (best qgov): {v['pandas_groupby_s']/best:.1f}x pandas, {v['numpy_key_bincount_s']/best:.2f}x NumPy key+bincount, "
      f"{v['numpy_bincount_only_s']/best:.2f}x bincount alone, {100*v['memcpy_s']/best:.0f}% of memcpy throughput")
PY
