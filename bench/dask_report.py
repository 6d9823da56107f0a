"""Prints the Markdown table of docs/benchmarks.md ("qgov over Dask") from bench/dask_bench.py's JSON results.
usage: dask_report.py build/dask-bench.json [more.json …]   (later files add or replace modes)"""
import json
import sys

order = ["qgov-single", "qgov-dask-1", "qgov-dask-2", "dask-df", "pandas"]
label = {"qgov-single": "qgov, one process (no Dask)", "qgov-dask-1": "qgov.dask, LocalCluster 1 worker",
         "qgov-dask-2": "qgov.dask, LocalCluster 2 workers", "dask-df": "dask.dataframe read_csv + groupby, 2 workers",
         "pandas": "pandas read_csv per file + groupby (chunked)"}
modes, size, files = {}, None, None
for path in sys.argv[1:]:
    d = json.load(open(path))
    if "modes" in d:
        size, files = d["bytes"], d["files"]
        for m in d["modes"]:
            modes[m["mode"]] = m
    else:
        modes[d["mode"]] = d
print(f"{files} files, {size / 1e9:.2f} GB" if size else "")
print()
per_row = None
for m in modes.values():
    if size and "rows" in m and m["mode"] == "qgov-single":
        per_row = size / m["rows"]
print("| mode | records | wall s | rows/s (wall) | CPU s | rows per CPU-second | MB/s per core | peak RSS per worker | bytes sent by workers | result to client | digest |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |")
for k in order:
    m = modes.get(k)
    if m is None:
        print(f"| {label[k]} | | not run | | | | | | | | |")
        continue
    if "failed" in m:
        print(f"| {label[k]} | | failed | | | | | | | | |")
        continue
    peaks = ", ".join(f"{w['peak_rss'] / 2**20:.0f} MiB" for w in m["workers"])
    sent = sum(w.get("sent", w.get("sent_between_workers", 0)) for w in m["workers"])
    mbps = m["rows"] * per_row / m["cpu"] / 1e6 if per_row else float("nan")
    print(f"| {label[k]} | {m['rows'] / 1e6:.0f} M | {m['wall']:.1f} | {m['rows_per_s'] / 1e6:.2f} M | {m['cpu']:.1f} | "
          f"{m['rows_per_cpu_s'] / 1e6:.2f} M | {mbps:.0f} | {peaks} | {sent:,} | {m['to_client']:,} | `{m['digest']}` |")
one, two = modes.get("qgov-dask-1"), modes.get("qgov-dask-2")
if one and two and "wall" in one and "wall" in two:
    print()
    print(f"scaling efficiency 1 → 2 workers (wall): {one['wall'] / two['wall'] / 2:.2f}; "
          f"by CPU time: {one['cpu'] / two['cpu']:.2f}")
df = modes.get("dask-df")
if two and df and "wall" in df and "wall" in two:
    print(f"qgov.dask vs dask.dataframe, 2-worker cluster, per record: {two['rows_per_s'] / df['rows_per_s']:.1f}x "
          f"(rows/s, wall), {two['rows_per_cpu_s'] / df['rows_per_cpu_s']:.1f}x (rows per CPU-second)")
