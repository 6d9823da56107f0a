"""evaluate() from Python: the same statuses as the C++ JSON, DataFrames, explanations, policy and dates."""
import datetime
import json

import pandas as pd
import pytest

import qgov


@pytest.fixture(scope="module")
def evaluation(dongli, sample):
    return qgov.evaluate(dongli, sample, "2025-12-31")


def test_results_match_the_json_contract(evaluation):
    doc = json.loads(evaluation.to_json())
    results = evaluation.results()
    assert len(results) == 27
    assert list(results["goal"]) == [g["id"] for g in doc["goals"]]
    assert list(results["status"]) == [g["status"] for g in doc["goals"]]
    assert evaluation.as_of == datetime.date(2025, 12, 31)


def test_explanations_in_both_languages(evaluation):
    r = evaluation.results().set_index("goal").loc["food_sampling_pass_rate"]
    assert "食品评价性抽检合格率" in r.explanation_zh
    assert "Food evaluative sampling pass rate" in r.explanation_en
    text = evaluation.explain("food_sampling_pass_rate", lang="en")
    assert text == r.explanation_en
    with pytest.raises(KeyError):
        evaluation.result("no_such_goal")


def test_trace_carries_the_raw_counts(evaluation):
    trace = evaluation.result("food_sampling_pass_rate").trace
    obs = pd.DataFrame(trace["observations"])
    assert (obs["numerator"].notna() & obs["denominator"].notna()).all()
    assert trace["formula"]


def test_scorecard(evaluation, dongli):
    card = evaluation.scorecard()
    assert len(card) == len(dongli.units())
    ranked = card["rank"].dropna()
    assert list(ranked) == sorted(ranked)
    assert set(card["grade"].dropna()) <= {"A", "B", "C", "D"}
    doc = json.loads(evaluation.to_json())
    by_unit = {b["id"]: b for b in doc["bureaus"]}
    for row in card.itertuples():
        assert by_unit[row.unit]["grade"] == row.grade


def test_known_as_of_and_dates(dongli, sample):
    a = qgov.evaluate(dongli, sample, datetime.date(2026, 6, 30), known_as_of="2026-01-31")
    b = qgov.evaluate(dongli, sample, pd.Timestamp("2026-06-30"), known_as_of=datetime.datetime(2026, 1, 31, 12))
    assert a == b and a.known_as_of == datetime.date(2026, 1, 31)
    with pytest.raises(ValueError, match="expected a date"):
        qgov.evaluate(dongli, sample, "2025-13-01")


def test_policy_changes_the_verdict(dongli, sample):
    default = qgov.evaluate(dongli, sample, "2025-12-31").result("food_sampling_pass_rate")
    assert default.status == "on_track"  # observed growth 100.1 % of the growth required
    lenient = qgov.evaluation_policy()
    lenient.on_track_ratio = 1.01
    assert qgov.evaluate(dongli, sample, "2025-12-31", policy=lenient).result("food_sampling_pass_rate").status == "at_risk"
    with pytest.raises(ValueError, match="unknown progress method"):
        lenient.threshold_method = "astrology"


def test_veto_forces_grade_d(dongli, sample):
    policy = qgov.evaluation_policy()
    policy.add_veto("market_regulation", "2025-06-01", "区域性食品安全事故")
    card = qgov.evaluate(dongli, sample, "2025-12-31", policy=policy).scorecard().set_index("unit")
    assert card.loc["market_regulation", "grade"] == "D" and card.loc["market_regulation", "vetoed"]


def test_renderings(evaluation):
    assert "区市场监管局" in evaluation.render_text("zh")
    assert evaluation.render_markdown("en").count("|") > 10
    assert evaluation.render_html().startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        evaluation.render_text("fr")
