#!/usr/bin/python3
"""The Open SDG progress measure in NumPy (vectorised) and in a plain Python loop, timed on the series that
bench/progress_bench.cpp generated and dumped, checked against qgov's results, and compared with qgov's time.

Usage: /usr/bin/python3 bench/progress_python.py DATA.bin [--qgov-ms MS] [--repeat 5] [--loop-series 100000]

Both implementations assume what the synthetic data guarantee and what a data-science script would assume:
each series' years are sorted, unique and finite, with at least one point. qgov checks all of that per series
(unsorted input, duplicates, NaN) and still does the rest in the same pass; it is not given sorted input for free.
"""
import argparse
import math
import os
import platform
import statistics
import sys
import time

import numpy as np

MAGIC = 0x314D50564F4751  # "QGOVPM1", written by qgov_bench_progress --dump
STATUS = ["target_achieved", "substantial_progress", "moderate_progress", "limited_progress", "deterioration",
          "not_available"]
TARGET_ACHIEVED, SUBSTANTIAL, MODERATE, LIMITED, DETERIORATION, NOT_AVAILABLE = range(6)


def read_data(path):
    """The dump: header (magic, n series, n points), then columns; NaN stands for an unset target, limit or result."""
    raw = np.fromfile(path, dtype=np.uint8)
    magic, n, m = np.frombuffer(raw[:24].tobytes(), dtype="<u8")
    if magic != MAGIC:
        sys.exit(f"{path}: not a qgov_bench_progress dump")
    n, m = int(n), int(m)
    pos = 24

    def take(count, dtype):
        nonlocal pos
        size = count * np.dtype(dtype).itemsize
        a = np.frombuffer(raw[pos:pos + size].tobytes(), dtype=dtype)
        pos += size
        return a

    d = {"years": take(m, "<f8"), "values": take(m, "<f8"), "offsets": take(n + 1, "<u8").astype(np.int64)}
    for name in ("base_year", "target", "target_year", "direction", "limit", "qgov_progress", "qgov_score"):
        d[name] = take(n, "<f8")
    d["qgov_status"] = take(n, "u1")
    if pos != raw.size:
        sys.exit(f"{path}: {raw.size - pos} unexpected trailing bytes")
    return d


def numpy_progress(years, values, offsets, base_year, target, target_year, direction, limit):
    """Vectorised Open SDG progress measure: (progress value, score, status code) per series, NaN where null."""
    starts, ends = offsets[:-1], offsets[1:]
    n = starts.size
    seg = np.repeat(np.arange(n), ends - starts)
    # Base point: first year >= base_year (years sorted), current point: the last one.
    before = np.add.reduceat((years < base_year[seg]).astype(np.int64), starts)
    base_idx = starts + before
    has_base = base_idx < ends
    base_idx = np.minimum(base_idx, ends - 1)
    cur_idx = ends - 1
    t0, y0, ti, yi = years[base_idx], values[base_idx], years[cur_idx], values[cur_idx]

    has_target = ~np.isnan(target)
    tgt = np.where(target == 0, 0.001, target)
    sign = np.where(y0 < 0, -1.0, 1.0)
    d = np.where(direction > 0, 1.0, -1.0)
    with np.errstate(all="ignore"):
        # Limit coefficient, from the base value before the 0 -> 0.001 substitution; method 1 only.
        b, lim = np.abs(y0), np.abs(limit)
        coeff = np.where(b >= 2 * lim, 1.0,
                         np.where(b <= lim, 1.0 - (b / lim) ** 4.44, 1.0 - ((2 * lim - b) / lim) ** 4.44))
        coeff = np.where(np.isnan(limit) | has_target, 1.0, coeff)
        y0s = np.where(y0 == 0, 0.001, y0)
        usable = has_base & ~(((y0s > 0) & (yi < 0)) | ((y0s < 0) & (yi > 0))) & (ti - t0 >= 1)
        observed = (yi / y0s) ** (1.0 / (ti - t0)) - 1.0
        required = (tgt / y0s) ** (1.0 / (target_year - t0)) - 1.0
        ratio_ok = (target_year != t0) & ((tgt > 0) == (y0s > 0)) & (required != 0)
        pv = np.where(has_target, sign * d * observed / np.abs(required), sign * d * observed)
        usable &= ~has_target | ratio_ok
        usable &= np.isfinite(pv)
        pv = np.where(usable, pv, np.nan)
        achieved = has_base & has_target & np.where(d > 0, yi >= tgt, yi <= tgt)

        high = np.where(has_target, 0.95, 0.015 * coeff)
        med = np.where(has_target, 0.60, 0.005 * coeff)
        low = np.where(has_target, 0.0, 0.0 * coeff)
        status = np.select([achieved, ~usable, pv >= high, pv >= med, pv >= low],
                           [TARGET_ACHIEVED, NOT_AVAILABLE, SUBSTANTIAL, MODERATE, LIMITED], DETERIORATION)
        score2 = np.where(pv >= med, np.minimum(7.1429 * pv - 4.2857, 5.0), np.maximum(4.1667 * pv - 2.5, -5.0))
        score1 = np.where(pv < low, np.maximum(125 * pv - 2.5, -5.0),
                          np.where(coeff == 0, 5.0,
                                   np.where(pv >= high, np.minimum(500 * pv / coeff - 5, 5.0),
                                            np.where(pv >= med, 250 * pv / coeff - 1.25, 500 * pv / coeff - 2.5))))
        score = np.where(achieved, 5.0, np.where(usable, np.where(has_target, score2, score1), np.nan))
    return pv, score, status.astype(np.uint8)


def loop_progress(years, values, offsets, base_year, target, target_year, direction, limit, count):
    """The same method written as a plain Python loop over lists, one series at a time."""
    pvs, scores, statuses = [], [], []
    for i in range(count):
        b, e = offsets[i], offsets[i + 1]
        ys, vs = years[b:e], values[b:e]
        by, t, ty, dr, lm = base_year[i], target[i], target_year[i], direction[i], limit[i]
        has_target = t == t  # not NaN
        d = 1 if dr > 0 else -1
        base = next((j for j in range(len(ys)) if ys[j] >= by), None)
        if base is None:
            pvs.append(math.nan); scores.append(math.nan); statuses.append(NOT_AVAILABLE)
            continue
        t0, y0, ti, yi = ys[base], vs[base], ys[-1], vs[-1]
        if has_target and t == 0:
            t = 0.001
        s = -1 if y0 < 0 else 1
        high, med, low, coeff = (0.95, 0.60, 0.0, 1.0) if has_target else (0.015, 0.005, 0.0, 1.0)
        if not has_target and lm == lm:
            bb, ll = abs(y0), abs(lm)
            if bb >= 2 * ll:
                coeff = 1.0
            elif bb <= ll:
                coeff = 1 - (bb / ll) ** 4.44
            else:
                coeff = 1 - ((2 * ll - bb) / ll) ** 4.44
            high, med, low = high * coeff, med * coeff, low * coeff
        achieved = has_target and (yi >= t if d > 0 else yi <= t)
        if y0 == 0:
            y0 = 0.001
        pv = None
        if not ((y0 > 0 and yi < 0) or (y0 < 0 and yi > 0)) and ti - t0 >= 1:
            observed = (yi / y0) ** (1 / (ti - t0)) - 1
            if not has_target:
                pv = s * d * observed
            elif ty != t0 and (t > 0) == (y0 > 0):
                required = (t / y0) ** (1 / (ty - t0)) - 1
                if required != 0:
                    pv = s * d * observed / abs(required)
            if pv is not None and not math.isfinite(pv):
                pv = None
        if achieved:
            status, score = TARGET_ACHIEVED, 5.0
        elif pv is None:
            status, score = NOT_AVAILABLE, math.nan
        else:
            if pv >= high:
                status = SUBSTANTIAL
            elif pv >= med:
                status = MODERATE
            elif pv >= low:
                status = LIMITED
            else:
                status = DETERIORATION
            if has_target:
                score = min(7.1429 * pv - 4.2857, 5) if pv >= med else max(4.1667 * pv - 2.5, -5)
            elif pv < low:
                score = max(125 * pv - 2.5, -5)
            elif coeff == 0:
                score = 5.0
            elif pv >= high:
                score = min(500 * pv / coeff - 5, 5)
            elif pv >= med:
                score = 250 * pv / coeff - 1.25
            else:
                score = 500 * pv / coeff - 2.5
        pvs.append(math.nan if pv is None else pv)
        scores.append(score)
        statuses.append(status)
    return np.array(pvs), np.array(scores), np.array(statuses, dtype=np.uint8)


def agreement(name, pv, score, status, ref_pv, ref_score, ref_status):
    """Max abs difference where both have a value, plus counts of null-pattern and status disagreements."""
    null_mismatch = int(np.sum(np.isnan(pv) != np.isnan(ref_pv)) + np.sum(np.isnan(score) != np.isnan(ref_score)))
    both = ~np.isnan(pv) & ~np.isnan(ref_pv)
    both_s = ~np.isnan(score) & ~np.isnan(ref_score)
    d_pv = float(np.max(np.abs(pv[both] - ref_pv[both]))) if both.any() else 0.0
    d_sc = float(np.max(np.abs(score[both_s] - ref_score[both_s]))) if both_s.any() else 0.0
    rel = float(np.max(np.abs(pv[both] - ref_pv[both]) / np.maximum(np.abs(ref_pv[both]), 1e-300))) if both.any() else 0.0
    status_mismatch = int(np.sum(status != ref_status))
    print(f"agreement {name}: max |Δ progress_value| = {d_pv:.3g} (max relative {rel:.3g}), "
          f"max |Δ score| = {d_sc:.3g}, null-pattern mismatches = {null_mismatch}, status mismatches = {status_mismatch}"
          f" over {pv.size} series")
    return d_pv, d_sc, null_mismatch, status_mismatch


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--qgov-ms", type=float, help="qgov batch time for all series (median, ms)")
    ap.add_argument("--qgov-all-cores-ms", type=float, help="the same batch on every core (median, ms)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--loop-series", type=int, default=100_000)
    args = ap.parse_args()

    d = read_data(args.data)
    n = d["offsets"].size - 1
    cols = [d[k] for k in ("years", "values", "offsets", "base_year", "target", "target_year", "direction", "limit")]
    print(f"python {platform.python_version()}, numpy {np.__version__}; {n} series, {d['years'].size} points")

    pv, score, status = numpy_progress(*cols)  # warm-up, and the result compared below
    numpy_times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        numpy_progress(*cols)
        numpy_times.append(time.perf_counter() - t)
    numpy_ms = statistics.median(numpy_times) * 1e3
    print("numpy runs (ms): " + ", ".join(f"{x * 1e3:.1f}" for x in numpy_times))

    k = min(args.loop_series, n)
    lists = [c.tolist() for c in cols]
    loop_times = []
    for _ in range(3):
        t = time.perf_counter()
        lpv, lscore, lstatus = loop_progress(*lists, k)
        loop_times.append(time.perf_counter() - t)
    loop_ms_k = statistics.median(loop_times) * 1e3
    loop_ms = loop_ms_k * n / k
    print(f"loop runs on {k} series (ms): " + ", ".join(f"{x * 1e3:.1f}" for x in loop_times))

    qpv, qscore, qstatus = d["qgov_progress"], d["qgov_score"], d["qgov_status"]
    print(f"statuses (qgov): " + ", ".join(f"{STATUS[i]} {int(np.sum(qstatus == i))}" for i in range(6)))
    agreement("numpy vs qgov", pv, score, status, qpv, qscore, qstatus)
    agreement(f"loop vs qgov (first {k})", lpv, lscore, lstatus, qpv[:k], qscore[:k], qstatus[:k])

    print()
    print("| implementation | series | time (median) | per series | qgov is faster by |")
    print("|---|---:|---:|---:|---:|")
    q = args.qgov_ms

    def row(name, series, ms):
        speed = f"{ms / q:.1f}×" if q else "—"
        print(f"| {name} | {series} | {ms:,.1f} ms | {ms * 1e6 / n:,.0f} ns | {speed} |")

    if q:
        row("qgov `progress_measure_batch` (C++, 1 thread)", f"{n:,}", q)
    row(f"NumPy vectorised (median of {args.repeat})", f"{n:,}", numpy_ms)
    row(f"Python loop ({k:,} measured: {loop_ms_k:,.0f} ms, ×{n / k:g})", f"{n:,} (scaled)", loop_ms)
    if args.qgov_all_cores_ms:
        a = args.qgov_all_cores_ms
        print(f"| qgov `progress_measure_batch(…, threads = 0)`, {os.cpu_count()} cores | {n:,} | {a:,.1f} ms | "
              f"{a * 1e6 / n:,.0f} ns | NumPy / this: {numpy_ms / a:.1f}×; loop / this: {loop_ms / a:.1f}× |")


if __name__ == "__main__":
    main()
