"""Pass rates by programme, level and quarter over many record CSV files, five ways (bench/dask_run.sh runs this):

  qgov-single   one process, qgov's reader file by file, partials merged (no Dask)
  qgov-dask-1   qgov.dask.pass_rates on a distributed.LocalCluster of 1 worker process (1 thread)
  qgov-dask-2   the same on 2 worker processes
  pandas        pandas.read_csv file by file (usecols, categories) + groupby, summed (chunked: 100 M rows do not fit)
  dask-df       dask.dataframe.read_csv + groupby on the 2-worker LocalCluster

Each mode runs in a fresh interpreter (clean peak memory) and prints one JSON line: wall seconds, CPU seconds of the
processes doing the work, rows/s, bytes moved between processes, peak RSS of each worker, and a digest of the result
(every mode must give the same counts). Usage: dask_bench.py --data DIR [--mode M] [--out FILE.json]"""
import argparse
import glob
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import time

BY = ["programme", "level", "quarter"]
USECOLS = ["programme", "level", "sampled_on", "outcome"]


def digest(frame):
    """The counts of every group, as text: equal digests mean equal results."""
    f = frame[BY + ["sampled", "passed"]].copy()
    f = f[f.sampled > 0]  # dask.dataframe lists unobserved category combinations with count 0
    for k in BY:
        f[k] = f[k].astype(str)
    f = f.sort_values(BY).reset_index(drop=True)
    text = "\n".join(f"{a},{b},{c},{int(s)},{int(p)}" for a, b, c, s, p in f.itertuples(index=False))
    return hashlib.sha256(text.encode()).hexdigest()[:16], int(f.sampled.sum())


def self_usage():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, r.ru_maxrss * 1024


def worker_usage(dask_worker=None):
    cpu, peak = self_usage()
    sent = getattr(dask_worker, "transfer_outgoing_bytes_total", 0) if dask_worker is not None else 0
    return {"cpu": cpu, "peak_rss": peak, "sent": sent}


def cluster(n):
    import distributed

    c = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                 memory_limit=0, silence_logs=40)
    return c, distributed.Client(c)


def on_cluster(n, work):
    """Runs work(client) on a fresh n-worker cluster; the workers' CPU, peak memory and bytes sent around it."""
    c, client = cluster(n)
    try:
        # imports done before the clock starts (a long-lived cluster has them already)
        client.run(lambda: [__import__(m) for m in ("qgov", "qgov.dask", "pandas", "dask.dataframe")])
        before = client.run(worker_usage)
        t0 = time.perf_counter()
        result, result_bytes = work(client)
        wall = time.perf_counter() - t0
        after = client.run(worker_usage)
        workers = [{"cpu": after[w]["cpu"] - before[w]["cpu"], "peak_rss": after[w]["peak_rss"],
                    "sent": after[w]["sent"] - before[w]["sent"]} for w in sorted(after)]
        return result, wall, workers, result_bytes
    finally:
        client.close()
        c.close()


def run(mode, files):
    import pandas as pd

    rows_total = None
    if mode == "qgov-single":
        import qgov
        import qgov.dask as qd
        from qgov import _qgov

        t0 = time.perf_counter()
        c0, _ = self_usage()
        parts = [_qgov._partials_of_file(p, ",".join(BY), None, [], False, False, True, False)["rates"] for p in files]
        frame = qd.rates_frame(qd.merge(parts))
        wall = time.perf_counter() - t0
        cpu, peak = self_usage()
        out = {"wall": wall, "cpu": cpu - c0, "workers": [{"cpu": cpu - c0, "peak_rss": peak,
                                                            "sent": 0}], "to_client": 0}
    elif mode.startswith("qgov-dask-"):
        import qgov.dask as qd

        def work(client):
            r = qd.partials(files, by=",".join(BY), client=client)
            return qd.rates_frame(r["rates"]), len(pickle.dumps(r["rates"]))

        frame, wall, workers, to_client = on_cluster(int(mode[-1]), work)
        out = {"wall": wall, "cpu": sum(w["cpu"] for w in workers), "workers": workers, "to_client": to_client}
    elif mode == "pandas":
        t0 = time.perf_counter()
        c0, _ = self_usage()
        acc = None
        for p in files:
            f = pd.read_csv(p, usecols=USECOLS, dtype={"programme": "category", "level": "category",
                                                        "outcome": "category", "sampled_on": str})
            month = f.sampled_on.str.slice(5, 7).astype("int64")
            f["quarter"] = f.sampled_on.str.slice(0, 4) + "-Q" + ((month - 1) // 3 + 1).astype(str)
            f["passed"] = (f.outcome == "pass").astype("int64")
            g = f.groupby(BY, observed=True).passed.agg(["size", "sum"])
            acc = g if acc is None else acc.add(g, fill_value=0)
        frame = acc.rename(columns={"size": "sampled", "sum": "passed"}).reset_index()
        frame[["sampled", "passed"]] = frame[["sampled", "passed"]].astype("int64")
        wall = time.perf_counter() - t0
        cpu, peak = self_usage()
        out = {"wall": wall, "cpu": cpu - c0, "workers": [{"cpu": cpu - c0, "peak_rss": peak,
                                                            "sent": 0}], "to_client": 0}
    elif mode == "dask-df":
        import dask.dataframe as dd

        def quarter(f):
            month = f.sampled_on.str.slice(5, 7).astype("int64")
            f = f.assign(quarter=f.sampled_on.str.slice(0, 4) + "-Q" + ((month - 1) // 3 + 1).astype(str),
                         passed=(f.outcome == "pass").astype("int64"))
            return f[BY + ["passed"]]

        def work(client):
            ddf = dd.read_csv(files, usecols=USECOLS, blocksize="64MB",
                              dtype={"programme": "category", "level": "category", "outcome": "category",
                                     "sampled_on": str})
            sample = pd.read_csv(files[0], nrows=1000, usecols=USECOLS,
                                 dtype={"programme": "category", "level": "category", "outcome": "category",
                                        "sampled_on": str})
            q = ddf.map_partitions(quarter, meta=quarter(sample).iloc[:0])
            g = q.groupby(BY).passed.agg(["count", "sum"])
            res = client.compute(g).result()
            f = res.rename(columns={"count": "sampled", "sum": "passed"}).reset_index()
            return f, len(pickle.dumps(res))

        frame, wall, workers, to_client = on_cluster(2, work)
        out = {"wall": wall, "cpu": sum(w["cpu"] for w in workers), "workers": workers, "to_client": to_client}
    else:
        raise SystemExit(f"unknown mode {mode}")
    out["digest"], rows_total = digest(frame)
    out["rows"] = rows_total
    out["mode"] = mode
    out["rows_per_s"] = rows_total / out["wall"]
    out["rows_per_cpu_s"] = rows_total / out["cpu"] if out["cpu"] > 0 else None
    out["loadavg_after"] = os.getloadavg()[0]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--mode")
    ap.add_argument("--modes", default="qgov-single,qgov-dask-1,qgov-dask-2,dask-df,pandas")
    ap.add_argument("--out")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.data, "part-*.csv")))
    if not files:
        raise SystemExit(f"no part-*.csv in {a.data}")
    if a.mode:
        print(json.dumps(run(a.mode, files)), flush=True)
        return
    size = sum(os.path.getsize(f) for f in files)
    results = {"files": len(files), "bytes": size, "modes": []}
    for m in a.modes.split(","):
        t0 = time.perf_counter()
        p = subprocess.run([sys.executable, __file__, "--data", a.data, "--mode", m], capture_output=True, text=True)
        if p.returncode != 0:
            results["modes"].append({"mode": m, "failed": p.stderr[-2000:], "wall_total": time.perf_counter() - t0})
        else:
            results["modes"].append(json.loads(p.stdout.strip().splitlines()[-1]))
        r = results["modes"][-1]
        print(m, json.dumps(r), file=sys.stderr, flush=True)
        if a.out:
            with open(a.out, "w") as f:
                json.dump(results, f, indent=1)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
