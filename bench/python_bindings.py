#!/usr/bin/python3
"""What calling qgov from Python costs over calling it from C++, on the same data in the same run.

    PYTHONPATH=<build>/python /usr/bin/python3 bench/python_bindings.py --progress SERIES.bin --progress-cpp-ms MS
        [--records RECORDS.csv --records-cpp-ms MS] [--repeat 5]      (bench/python_run.sh runs it all)

--progress: the 1 000 000 series dumped by `qgov_bench_progress --dump` (bench/progress_python.py reads the same
format); timed through the raw binding (qgov._qgov._progress_measure: arrays in, arrays out) and through the
DataFrame-returning qgov.progress_measure, and checked against the C++ results in the dump.
--records: a record CSV (qgov gen-records); pass rates on the loaded table through the raw binding, through the
DataFrame-returning qgov.pass_rates, and from a DataFrame of the same records; against `qgov_bench_records agg`.
Prints a table and, with --json FILE, the figures as JSON.
"""
import argparse
import json
import math
import statistics
import sys
import time

import numpy as np

import qgov
from qgov import _qgov

sys.path.insert(0, __import__("os").path.dirname(__file__))
from progress_python import read_data  # noqa: E402  (same dump reader as the NumPy comparison)


def median_ms(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def progress(path, cpp_ms, repeat, cpp_all_ms=None):
    d = read_data(path)
    args = (d["years"], d["values"], d["offsets"], d["base_year"], d["target"], d["target_year"], d["direction"],
            d["limit"], None, None, None)
    raw = _qgov._progress_measure(*args)
    codes = raw["status"]
    mismatched = int(np.count_nonzero(codes != d["qgov_status"]))
    score_same = np.allclose(raw["score"], d["qgov_score"], equal_nan=True, rtol=0, atol=0)
    raw_ms = median_ms(lambda: _qgov._progress_measure(*args), repeat)
    frame_ms = median_ms(lambda: qgov.progress_measure(d["years"], d["values"], d["offsets"], base_year=d["base_year"],
                                                        target=d["target"], target_year=d["target_year"],
                                                        direction=d["direction"], limit=d["limit"]), repeat)
    out = {"series": len(codes), "status_mismatches": mismatched, "scores_identical": bool(score_same),
           "cpp_ms": cpp_ms, "python_raw_ms": raw_ms, "python_dataframe_ms": frame_ms,
           "raw_over_cpp": raw_ms / cpp_ms, "dataframe_over_cpp": frame_ms / cpp_ms}
    if cpp_all_ms:  # every core, from C++ and from Python (the same results: checked)
        all_cores = _qgov._progress_measure(*args, threads=0)
        out["threads_same"] = all(np.array_equal(all_cores[k], raw[k], equal_nan=k not in ("status", "reason", "method"))
                                  for k in raw)
        out["cpp_all_cores_ms"] = cpp_all_ms
        out["python_raw_all_cores_ms"] = median_ms(lambda: _qgov._progress_measure(*args, threads=0), repeat)
        out["raw_all_cores_over_cpp_all_cores"] = out["python_raw_all_cores_ms"] / cpp_all_ms
    return out


def best_ms(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t) * 1e3)
    return best


def records(path, cpp_ms, repeat):
    """Pass rates by programme, level, region and quarter from Python, best of `repeat` as the C++ driver does."""
    by = "programme,level,region,quarter"
    t = qgov.load_records(path)
    raw = lambda: _qgov._pass_rates(t, by, 1.959963984540054, 30, 1)
    groups = len(raw()["sampled"])
    raw_ms = best_ms(raw, repeat)
    frame_ms = best_ms(lambda: qgov.pass_rates(t, by=by), repeat)
    df = t.to_frame()
    from_frame_ms = best_ms(lambda: qgov.pass_rates(df, by=by), max(1, repeat // 3))
    same = qgov.pass_rates(df, by=by).equals(qgov.pass_rates(t, by=by))
    return {"rows": len(t), "groups": groups, "cpp_ms": cpp_ms, "python_raw_ms": raw_ms,
            "python_dataframe_ms": frame_ms, "python_from_dataframe_ms": from_frame_ms,
            "raw_over_cpp": raw_ms / cpp_ms, "dataframe_over_cpp": frame_ms / cpp_ms,
            "from_dataframe_over_cpp": from_frame_ms / cpp_ms, "dataframe_input_same_rates": bool(same)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--progress")
    ap.add_argument("--progress-cpp-ms", type=float)
    ap.add_argument("--progress-cpp-all-cores-ms", type=float)
    ap.add_argument("--records")
    ap.add_argument("--records-cpp-ms", type=float)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json")
    a = ap.parse_args()
    out = {"qgov": qgov.__version__}
    if a.progress:
        p = progress(a.progress, a.progress_cpp_ms, a.repeat, a.progress_cpp_all_cores_ms)
        out["progress"] = p
        print(f"progress measure, {p['series']:,} series (median of {a.repeat}):")
        print(f"  C++ progress_measure_batch            {p['cpp_ms']:9.1f} ms   1.00x")
        print(f"  Python, arrays in/out (_qgov)         {p['python_raw_ms']:9.1f} ms   {p['raw_over_cpp']:.2f}x")
        print(f"  Python, qgov.progress_measure -> DataFrame {p['python_dataframe_ms']:6.1f} ms   {p['dataframe_over_cpp']:.2f}x")
        print(f"  same statuses as C++: {p['status_mismatches'] == 0}; same scores: {p['scores_identical']}")
        if "cpp_all_cores_ms" in p:
            print(f"  C++ progress_measure_batch, every core {p['cpp_all_cores_ms']:8.1f} ms   1.00x")
            print(f"  Python, arrays in/out, threads=0      {p['python_raw_all_cores_ms']:9.1f} ms   "
                  f"{p['raw_all_cores_over_cpp_all_cores']:.2f}x  (same results as one thread: {p['threads_same']})")
        if p["status_mismatches"] or not p["scores_identical"]:
            sys.exit("results differ from the C++ run")
    if a.records:
        r = records(a.records, a.records_cpp_ms, 7)
        out["records"] = r
        print(f"pass rates by programme,level,region,quarter, {r['rows']:,} records, {r['groups']:,} groups (best of 7):")
        print(f"  C++ pass_rates on the loaded table        {r['cpp_ms']:9.1f} ms   1.00x")
        print(f"  Python, table in, columns out (_qgov)     {r['python_raw_ms']:9.1f} ms   {r['raw_over_cpp']:.2f}x")
        print(f"  Python, qgov.pass_rates -> DataFrame      {r['python_dataframe_ms']:9.1f} ms   {r['dataframe_over_cpp']:.2f}x")
        print(f"  Python, from a DataFrame of records       {r['python_from_dataframe_ms']:9.1f} ms   "
              f"{r['from_dataframe_over_cpp']:.2f}x  (converts the columns to codes and builds the table first)")
        print(f"  DataFrame input gives the same rates: {r['dataframe_input_same_rates']}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
