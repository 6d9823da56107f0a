"""Inspection records from Python: the CSV loader, a DataFrame of records as buffers, pass rates and rectification
checked against hand counts and against pandas on the same data."""
import numpy as np
import pandas as pd
import pytest

import qgov


@pytest.fixture(scope="module")
def sample(root):
    return qgov.load_records(root / "tests" / "records" / "sample.csv")


def test_load_and_rates_by_hand(sample, root):
    assert len(sample) == sum(1 for _ in open(root / "tests" / "records" / "sample.csv", encoding="utf-8")) - 1
    rates = qgov.pass_rates(sample, by="programme")
    food = rates.set_index("programme").loc["food_evaluative"]
    raw = pd.read_csv(root / "tests" / "records" / "sample.csv", dtype=str)
    f = raw[raw.programme == "food_evaluative"]
    assert food.sampled == len(f) and food.passed == (f.outcome == "pass").sum()
    assert food.rate == pytest.approx(100 * food.passed / food.sampled)
    assert food.low <= food.rate <= food.high


def test_wilson_interval_worked_example():
    # 95 of 100 passed: Wilson 95 % interval [88.825 %, 97.846 %] (docs/formulas.md)
    frame = pd.DataFrame({"programme": ["food_evaluative"] * 100, "level": ["district"] * 100,
                          "sampled_on": ["2025-03-01"] * 100, "region": ["华明街道"] * 100, "category": ["糕点"] * 100,
                          "enterprise_id": ["E1"] * 100, "outcome": ["pass"] * 95 + ["fail"] * 5})
    r = qgov.pass_rates(frame, by="programme,quarter").iloc[0]
    assert (r.quarter, r.sampled, r.passed, r.rate) == ("2025-Q1", 100, 95, 95.0)
    assert r.low == pytest.approx(88.825, abs=5e-4) and r.high == pytest.approx(97.846, abs=5e-4)


def test_frame_and_table_agree_with_pandas(sample):
    frame = sample.to_frame()
    assert len(frame) == len(sample)
    again = qgov.records(frame)
    by = "programme,level,region,quarter"
    a, b = qgov.pass_rates(sample, by=by), qgov.pass_rates(again, by=by)
    pd.testing.assert_frame_equal(a, b)
    g = frame.assign(q=frame.sampled_on.dt.to_period("Q").astype(str).str.replace("Q", "-Q"),
                     ok=frame.outcome == "pass").groupby(["programme", "level", "region", "q"], observed=True)
    expected = g.agg(sampled=("ok", "size"), passed=("ok", "sum")).reset_index()
    assert sorted(zip(a.sampled, a.passed)) == sorted(zip(expected.sampled, expected.passed))


def test_generated_records_from_numpy_columns():
    rng = np.random.default_rng(1)
    n = 50_000
    frame = pd.DataFrame({
        "programme": pd.Categorical.from_codes(rng.integers(0, 4, n), ["food_evaluative", "food_supervisory",
                                                                        "agri_monitoring", "product_supervisory"]),
        "level": rng.choice(["national", "municipal", "district"], n),
        "sampled_on": np.datetime64("2024-01-01") + rng.integers(0, 731, n).astype("timedelta64[D]"),
        "region": rng.choice([f"街道{i}" for i in range(12)], n),
        "category": rng.choice([f"C{i}" for i in range(13, 42)], n),
        "enterprise_id": rng.integers(0, 300, n).astype(str),
        "outcome": rng.uniform(size=n) < 0.97,
    })
    rates = qgov.pass_rates(frame, by="level,year")
    g = frame.groupby([frame.level, frame.sampled_on.dt.year.astype(str)])["outcome"].agg(["size", "sum"])
    for row in rates.itertuples():
        assert (row.sampled, row.passed) == tuple(g.loc[(row.level, row.year)])


def test_rectification(sample):
    levels, items = qgov.rectification(sample, "2025-06-30")
    assert set(levels.level) <= {"national", "municipal", "district"}
    assert (levels.completed <= levels.due).all()
    assert len(items) == levels.due.sum()
    assert set(items.status) <= {"completed", "pending", "overdue", "reinspection_overdue", "failed_reinspection",
                                 "not_ordered"}


def test_bad_records(root, tmp_path):
    with pytest.raises(qgov.LoadError) as caught:
        qgov.load_records(root / "tests" / "records" / "bad.csv")
    assert any("rectified before ordered" in m for _, m in caught.value.problems)
    frame = pd.DataFrame({"programme": ["food_evaluative", "astrology"], "level": ["district"] * 2,
                          "sampled_on": ["2025-01-01"] * 2, "region": ["a"] * 2, "category": ["b"] * 2,
                          "enterprise_id": ["e"] * 2, "outcome": ["pass"] * 2}, index=["r1", "r2"])
    with pytest.raises(qgov.LoadError, match="row 'r2'"):
        qgov.records(frame)
    frame.loc["r2", "programme"] = "food_evaluative"
    frame.loc["r2", "sampled_on"] = "not a date"
    with pytest.raises(qgov.LoadError, match="sampled_on"):
        qgov.records(frame)
    with pytest.raises(qgov.Error, match="unknown"):
        qgov.pass_rates(qgov.records(frame.drop(index="r2")), by="colour")
    # a column of mixed types whose values print alike (1 and "1") names one region twice: refused, where it once
    # gave the second value a code with no name
    mixed = frame.drop(index="r2").copy()
    mixed = pd.concat([mixed, mixed.rename(index={"r1": "r3"})])
    mixed["region"] = pd.Series([1, "1"], index=mixed.index, dtype=object)
    with pytest.raises(qgov.LoadError, match='region_names: "1" is given twice'):
        qgov.records(mixed)
    frame.loc["r2", "sampled_on"] = "2025-01-02"
    frame["enterprise_id"] = pd.Categorical(["e", None], categories=["e"])
    with pytest.raises(qgov.LoadError, match="enterprise_id"):
        qgov.records(frame)
