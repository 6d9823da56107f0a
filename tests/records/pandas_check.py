#!/usr/bin/python3
"""Independent check of `qgov rates`: pandas recomputes the counts from the generated CSV and they must match exactly.

usage: pandas_check.py QGOV_BINARY WORK_DIR [ROWS]
"""
import io
import json
import math
import subprocess
import sys

import pandas as pd

qgov, work = sys.argv[1], sys.argv[2]
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 120000
path = f"{work}/records-pandas-check.csv"
with open(path, "wb") as f:
    subprocess.run([qgov, "gen-records", "--rows", str(rows), "--seed", "2025"], stdout=f, check=True)

df = pd.read_csv(path, dtype=str, keep_default_na=False)
assert len(df) == rows, len(df)
d = pd.to_datetime(df["sampled_on"], format="%Y-%m-%d")
df["quarter"] = d.dt.year.astype(str) + "-Q" + d.dt.quarter.astype(str)
df["month"] = d.dt.strftime("%Y-%m")
df["year"] = d.dt.year.astype(str)
df["pass"] = (df["outcome"] == "pass").astype(int)
Z = 1.959963984540054


def wilson(k, n):
    p = k / n
    den = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / den
    h = Z / den * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return max(0.0, c - h), min(1.0, c + h)


failures = 0
for keys in (["programme", "level", "quarter"], ["programme", "level", "region", "quarter"], ["region", "category", "month"],
             ["programme", "year"], ["level"]):
    expected = df.groupby(keys).agg(sampled=("pass", "size"), passed=("pass", "sum")).reset_index()
    by = ",".join(keys)
    csv = subprocess.run([qgov, "rates", path, "--by", by, "--format", "csv"], capture_output=True, check=True).stdout
    got = pd.read_csv(io.BytesIO(csv), dtype={k: str for k in keys}, keep_default_na=False)
    js = json.loads(subprocess.run([qgov, "rates", path, "--by", by, "--format", "json"], capture_output=True, check=True).stdout)
    merged = expected.merge(got, on=keys, how="outer", suffixes=("_pandas", "_qgov"), indicator=True)
    bad = merged[(merged["_merge"] != "both") | (merged["sampled_pandas"] != merged["sampled_qgov"])
                 | (merged["passed_pandas"] != merged["passed_qgov"])]
    if len(bad):
        print(f"MISMATCH by {by}:\n{bad.head(20)}")
        failures += 1
    if len(js) != len(expected):
        print(f"MISMATCH by {by}: JSON has {len(js)} groups, pandas {len(expected)}")
        failures += 1
    exp = {tuple(r[k] for k in keys): (r["sampled"], r["passed"]) for _, r in expected.iterrows()}
    for obj in js:
        if set(obj) != set(keys) | {"sampled", "passed", "rate", "low", "high"}:
            print(f"JSON contract broken by {by}: fields {sorted(obj)}")
            failures += 1
            break
        key = tuple(obj[k] for k in keys)
        n, k = exp.get(key, (None, None))
        if n != obj["sampled"] or k != obj["passed"] or abs(obj["rate"] - k / n) > 1e-9:
            print(f"MISMATCH by {by} (json) at {key}: {obj} vs {n}, {k}")
            failures += 1
            break
        lo, hi = wilson(k, n)
        if abs(obj["low"] - lo) > 1e-9 or abs(obj["high"] - hi) > 1e-9:
            print(f"MISMATCH by {by} (json Wilson) at {key}: {obj} vs {lo}, {hi}")
            failures += 1
            break
    print(f"by {by}: {len(expected)} groups agree")
if failures:
    sys.exit(1)
print("pandas check: ok")
