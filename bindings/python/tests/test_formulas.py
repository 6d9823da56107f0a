"""The Open SDG progress measure over NumPy arrays: worked values, batch = one by one, and argument errors."""
import math

import numpy as np
import pytest

import qgov


def test_one_series_with_a_target():
    # Base 2015: 1.0, latest 2017: 3.0, target 10 by 2030, higher is better.
    r = qgov.progress_measure([2015, 2016, 2017], [1.0, 2.0, 3.0], target=10, target_year=2030, direction=1).iloc[0]
    observed = (3.0 / 1.0) ** (1 / 2) - 1
    required = (10 / 1.0) ** (1 / 15) - 1
    assert r.method == 2
    assert math.isclose(r.observed_cagr, observed, rel_tol=1e-15)
    assert math.isclose(r.required_cagr, required, rel_tol=1e-15)
    assert math.isclose(r.progress_value, observed / required, rel_tol=1e-15)
    assert r.status == "substantial_progress"


def random_series(seed, n):
    """n series of 1–7 yearly points from 2012, half with a target, half higher-is-better."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 8, n)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    years = np.concatenate([2012 + np.arange(k) for k in lengths]).astype(float)
    values = rng.uniform(1, 100, offsets[-1])
    targets = np.where(rng.uniform(size=n) < 0.5, np.nan, rng.uniform(50, 150, n))
    direction = np.where(rng.uniform(size=n) < 0.5, 1.0, -1.0)
    return years, values, offsets, targets, direction


def test_batch_equals_one_by_one():
    n = 200
    years, values, offsets, targets, direction = random_series(7, n)
    batch = qgov.progress_measure(years, values, offsets, target=targets, direction=direction, target_year=2030)
    assert len(batch) == n
    for i in range(0, n, 17):
        s = slice(offsets[i], offsets[i + 1])
        one = qgov.progress_measure(years[s], values[s], target=targets[i], direction=direction[i], target_year=2030)
        a, b = batch.iloc[i], one.iloc[0]
        assert a.status == b.status and a.reason == b.reason
        assert (math.isnan(a.score) and math.isnan(b.score)) or a.score == b.score


def test_not_available_has_a_reason():
    r = qgov.progress_measure([2016, 2016], [1.0, 2.0]).iloc[0]
    assert r.status == "not_available" and r.reason == "duplicate year"


def test_bad_arguments():
    with pytest.raises(ValueError, match="differ in length"):
        qgov.progress_measure([2015, 2016], [1.0])
    with pytest.raises(ValueError, match="offsets"):
        qgov.progress_measure([2015, 2016], [1.0, 2.0], [0, 3])
    with pytest.raises(ValueError, match="one per series"):
        qgov.progress_measure([2015, 2016], [1.0, 2.0], [0, 1, 2], target=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="whole year"):
        qgov.progress_measure([2015, 2016], [1.0, 2.0], base_year=2015.5)


def test_empty_batch_and_chunk_boundaries():
    empty = qgov.progress_measure(np.array([]), np.array([]), np.array([0]), target=np.array([]))
    assert len(empty) == 0
    # 5000 series cross the 4096-series chunk inside the binding: every one must match its single-series result
    n = 5000
    years = np.tile([2016.0, 2020.0], n)
    values = np.repeat(np.linspace(1, 50, n), 2) * np.tile([1.0, 1.3], n)
    offsets = np.arange(0, 2 * n + 1, 2)
    targets = np.linspace(10, 200, n)
    batch = qgov.progress_measure(years, values, offsets, target=targets, direction=1, target_year=2030)
    for i in (0, 4095, 4096, 4999):
        one = qgov.progress_measure(years[2 * i:2 * i + 2], values[2 * i:2 * i + 2], target=targets[i], direction=1,
                                    target_year=2030).iloc[0]
        assert batch.iloc[i].status == one.status and batch.iloc[i].score == one.score


@pytest.mark.parametrize("threads", [0, 2, 3, 7])
def test_threads_give_the_same_frame(threads):
    # 30 000 series: several 4096-series chunks per thread, blocks that end inside a chunk
    n = 30_000
    years, values, offsets, targets, direction = random_series(11, n)
    args = dict(target=targets, direction=direction, target_year=2030, base_year=2013)
    one = qgov.progress_measure(years, values, offsets, **args)
    many = qgov.progress_measure(years, values, offsets, threads=threads, **args)
    assert len(many) == n
    assert one.equals(many)
    assert (one.status != "not_available").sum() > n // 2  # the series are mostly scored, not all rejected
