#!/usr/bin/python3
"""What a user would do instead of qgov: pandas read_csv + groupby, and NumPy bincount on a combined key.

usage: records_python.py FILE      prints `name seconds` lines (bench/records_run.sh formats them)
"""
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
keys = ["programme", "level", "region", "quarter"]

# End to end: CSV → rates by programme, level, region, quarter (a careful user: only the needed columns, as categories).
t0 = time.perf_counter()
df = pd.read_csv(path, usecols=["programme", "level", "sampled_on", "region", "outcome"],
                 dtype={"programme": "category", "level": "category", "region": "category", "outcome": "category"})
d = pd.to_datetime(df["sampled_on"], format="%Y-%m-%d")
df["quarter"] = (d.dt.year * 10 + d.dt.quarter).astype("int32")
df["pass"] = (df["outcome"] == "pass").astype("int8")
g = df.groupby(keys, observed=True)["pass"].agg(["size", "sum"])
rates = g["sum"] / g["size"]
print(f"pandas_e2e_s {time.perf_counter() - t0:.4f}")
print(f"pandas_groups {len(g)}")

# In memory: the same columns, already loaded. pandas groupby (best of 3).
best = 1e300
for _ in range(3):
    t0 = time.perf_counter()
    g = df.groupby(keys, observed=True)["pass"].agg(["size", "sum"])
    best = min(best, time.perf_counter() - t0)
print(f"pandas_groupby_s {best:.4f}")

# NumPy: small integer codes for each key, a combined key, bincount of samples and of passes.
p = df["programme"].cat.codes.to_numpy().astype(np.uint8)
lv = df["level"].cat.codes.to_numpy().astype(np.uint8)
r = df["region"].cat.codes.to_numpy().astype(np.uint16)
qv = df["quarter"].to_numpy()
qmin = int(qv.min())
q = ((qv // 10 - qmin // 10) * 4 + (qv % 10) - 1).astype(np.uint16)
ok = df["pass"].to_numpy().astype(np.uint8)
nl, nr, nq = 3, int(r.max()) + 1, int(q.max()) + 1
best_full = best_bin = 1e300
for _ in range(3):
    t0 = time.perf_counter()
    key = ((p.astype(np.int64) * nl + lv) * nr + r) * nq + q
    t1 = time.perf_counter()
    sampled = np.bincount(key)
    passed = np.bincount(key, weights=ok)
    t2 = time.perf_counter()
    best_full = min(best_full, t2 - t0)
    best_bin = min(best_bin, t2 - t1)
print(f"numpy_key_bincount_s {best_full:.4f}")
print(f"numpy_bincount_only_s {best_bin:.4f}")
print(f"numpy_groups {int((sampled > 0).sum())}")
