"""Observations in from files and DataFrames, out as DataFrames; errors name the row."""
import datetime

import pandas as pd
import pytest

import qgov


def test_sample_ledger(sample, root, dongli):
    frame = sample.to_frame()
    data_rows = [l for l in (root / "data" / "observations" / "dongli-sample.csv").read_text(encoding="utf-8").splitlines()
                 if l and not l.startswith("#")][1:]
    assert len(sample) == len(frame) == len(data_rows)
    from_file = qgov.load_observations(root / "data" / "observations" / "dongli-sample.csv", dongli)
    assert from_file.to_csv() == sample.to_csv()  # equal figures; only where they were read differs
    assert from_file.to_frame()["origin"].str.fullmatch(r".*dongli-sample\.csv:\d+").all()


def test_dataframe_round_trip(sample, dongli):
    frame = sample.to_frame().drop(columns=["origin"])
    back = qgov.observations(frame, dongli)
    assert back.to_csv() == sample.to_csv()


def test_minimal_frame_with_dates_and_rates(dongli):
    frame = pd.DataFrame({
        "goal": ["food_sampling_pass_rate", "food_sampling_pass_rate"],
        "period": ["2024", "2025-Q1"],
        "numerator": [1972, 987],
        "denominator": [2000, 1000],
        "reported_on": [datetime.date(2025, 1, 20), pd.Timestamp("2025-04-15")],
    })
    ledger = qgov.observations(frame, dongli)
    out = ledger.to_frame()
    assert list(out["value"]) == [98.6, 98.7]
    assert list(out["numerator"]) == [1972, 987]


def test_bad_rows_are_named_by_index_label(dongli):
    frame = pd.DataFrame({"goal": ["food_sampling_pass_rate", "no_such_goal"], "period": ["2024", "2024-Q5"],
                          "value": [98.6, 1.0], "reported_on": ["2025-01-20", "2025-01-20"]},
                         index=["first", "second"])
    with pytest.raises(qgov.LoadError) as caught:
        qgov.observations(frame, dongli)
    e = caught.value
    assert e.origin == "<DataFrame>"
    assert all(where == "row 'second'" for where, _ in e.problems)
    messages = " | ".join(m for _, m in e.problems)
    assert "no_such_goal" in messages and "2024-Q5" in messages
    assert "row 'second'" in str(e)


def test_unknown_column(dongli):
    with pytest.raises(qgov.LoadError, match="unknown column"):
        qgov.observations(pd.DataFrame({"goal": [], "colour": []}), dongli)


def test_bad_file_reports_line_and_column(tmp_path, dongli):
    bad = tmp_path / "bad.csv"
    bad.write_text("goal,period,value,numerator,denominator,level,reported_on,source\n"
                   "food_sampling_pass_rate,2024,98.6,,,,2025-13-01,x\n", encoding="utf-8")
    with pytest.raises(qgov.LoadError) as caught:
        qgov.load_observations(bad, dongli)
    assert caught.value.origin == str(bad)
    assert caught.value.problems[0][0].startswith("2:")
    assert "reported_on" in caught.value.problems[0][1]


def test_workbook_sheet_as_read_by_pandas(dongli):
    # What pd.read_excel(f, sheet_name="填报") gives for a returned qgov workbook (docs/workbooks.md): two-line
    # headers, information columns, Excel dates as Timestamps, empty cells as NaN, template rows left empty.
    nan = float("nan")
    frame = pd.DataFrame({
        "目标编号\ngoal": ["food_sampling_pass_rate", "food_sampling_pass_rate", "rectification_completion_rate"],
        "目标名称\nname": ["食品抽检合格率"] * 2 + ["整改完成率"],
        "方案原文\nquote": ["…"] * 3,
        "条款\nclause": ["（十）"] * 3,
        "计量单位\nunit": ["%"] * 3,
        "目标值\ntarget": ["≥ 98.5%"] * 3,
        "期间\nperiod": ["2024", "2025", "2024"],
        "层级\nlevel": [nan, nan, "区"],
        "数值\nvalue": [98.6, nan, 97.5],
        "分子\nnumerator": [1972.0, nan, nan],
        "分母\ndenominator": [2000.0, nan, nan],
        "报告日期\nreported_on": [pd.Timestamp("2025-01-20"), pd.NaT, pd.Timestamp("2025-02-01")],
        "数据来源\nsource": ["区市场监管局", nan, nan],
    })
    ledger = qgov.observations(frame, dongli)
    out = ledger.to_frame()
    assert len(out) == 2  # the 2025 row was left empty
    assert list(out["goal"]) == ["food_sampling_pass_rate", "rectification_completion_rate"]
    assert list(out["level"].fillna("")) == ["", "district"]
    bad = frame.copy()
    bad.loc[0, "数值\nvalue"] = "九十"
    with pytest.raises(qgov.LoadError) as e:
        qgov.observations(bad, dongli)
    assert any(w == "row 0" and m == 'value: expected a number, got "九十"' for w, m in e.value.problems)
