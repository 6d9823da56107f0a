"""The plan from Python: DataFrames that agree with the C++ JSON contracts and with the source text."""
import json
import re

import pandas as pd
import pytest

import qgov


def test_version_is_the_cpp_version(root):
    text = (root / "include" / "qgov" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"#define QGOV_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    assert qgov.__version__ == ".".join(parts)


def test_document(dongli):
    assert dongli.id == "dongli-2024"
    assert dongli.number == "东丽政发〔2024〕5号"
    assert dongli.issued_on.isoformat() == "2024-08-22"
    assert "东丽区质量强区建设实施方案" in dongli.title


def test_matrix_is_clause_by_unit_with_roles(dongli):
    m = dongli.matrix()
    assert m.shape == (26, 35)
    assert list(m.index[:3]) == [3, 4, 5] and m.index[-1] == 28
    assert m.notna().sum().sum() == 175
    row = m.loc[28].dropna()
    assert set(row.index) == {"区市场监管局", "区委宣传部", "区民政局", "区住建委", "区总工会", "团区委", "各街道园区"}
    assert row["区市场监管局"] == "lead" and row["团区委"] == "responsible"
    # the listed order is in the long form
    cells = dongli.cells()
    assert list(cells[cells.clause == 28].name) == ["区市场监管局", "区委宣传部", "区民政局", "区住建委", "区总工会",
                                                   "团区委", "各街道园区"]
    assert m.loc[3, "区教育局"] == "lead"


def test_matrix_agrees_with_the_cpp_json_contract(dongli):
    doc = json.loads(dongli.matrix_to_json())
    m = dongli.matrix(by="id")
    for lst in doc["clauses"]:
        named = m.loc[lst["number"]].dropna()
        assert dict(named) == {b["id"]: b["role"] for b in lst["bureaus"]}


def test_cells_point_back_to_the_source(dongli):
    cells = dongli.cells()
    assert len(cells) == 175
    for row in cells.itertuples():
        assert dongli.quote(row.begin, row.end) == row.name


def test_goals_frame(dongli):
    g = dongli.goals()
    assert len(g) == 27 and g["id"].is_unique
    rd = g.set_index("id").loc["rd_expenditure_share"]
    assert (rd.comparator, rd.value, rd.unit) == ("gt", 3.8, "%")
    assert rd.deadline == pd.Timestamp("2025-12-31")
    food = dongli.find_goal("food_sampling_pass_rate")
    assert (food.comparator, food.value) == ("ge", 98.5)
    assert dongli.quote(*food.span) == food.quote
    assert "market_regulation" in g.set_index("id").loc["food_sampling_pass_rate"].units


def test_units_and_queries(dongli):
    u = dongli.units()
    assert len(u) == 35 and u["id"].is_unique
    msr = dongli.find_unit("区市场监管局")
    assert msr.id == "market_regulation" and dongli.find_unit("market_regulation").name == "区市场监管局"
    assert dongli.find_unit("不存在局") is None
    assert dongli.lead_of(28) == "market_regulation"
    assert (28, "lead") in dongli.clauses_of("market_regulation")
    assert "food_sampling_pass_rate" in dongli.goals_of("market_regulation")
    clauses = dongli.clauses()
    assert len(clauses) == 31


def test_convention(dongli):
    flat = dongli.with_convention("all_responsible")
    assert flat.convention == "all_responsible"
    assert (flat.matrix() == "lead").sum().sum() == 0
    with pytest.raises(ValueError, match="unknown role convention"):
        dongli.with_convention("loudest_leads")


def test_load_plan_from_file_equals_embedded(root, dongli):
    loaded = qgov.load_plan(root / "data" / "plans" / "dongli-2024.json")
    assert loaded == dongli
    assert qgov.parse_plan(dongli.to_json(), dongli.source_text) == dongli
