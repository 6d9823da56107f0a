"""qgov.rollup, qgov.diff, qgov.cascade (docs/lineage.md)."""
import qgov


def _inputs(root, dongli, sample):
    data = root / "tests" / "lineage" / "data"
    out = [(dongli, sample)]
    for name in ("district-jia", "district-yi"):
        p = qgov.load_plan(str(data / f"{name}.json"))
        out.append((p, qgov.load_observations(str(data / f"{name}-observations.csv"), p)))
    return out


def test_rollup_equals_the_per_plan_evaluations(root, dongli, sample):
    inputs = _inputs(root, dongli, sample)
    r = qgov.rollup(inputs, "2026-06-30", vocabulary=root / "data" / "indicators" / "vocabulary.json")
    assert list(r.plans["plan"]) == ["dongli-2024", "district-jia", "district-yi"]
    checked = 0
    for p, ledger in inputs:
        own = qgov.evaluate(p, ledger, "2026-06-30").results().set_index("goal")
        rows = r.cells[(r.cells["plan"] == p.id) & (r.cells["status"] != "none")]
        for _, row in rows.iterrows():
            assert row["status"] == own.loc[row["goal"], "status"]
            checked += 1
    assert checked >= 12
    grid = r.grid()
    assert grid.loc["manufacturing_quality_pass_rate", "district-yi"] == r.cells.query(
        "plan == 'district-yi' and indicator == 'manufacturing_quality_pass_rate'")["status"].iloc[0]
    assert "<script" not in r.html and 'id="rollup-grid"' in r.html
    assert r.plans["rank"].min() == 1


def test_diff_and_cascade(root, dongli):
    amended = qgov.load_plan(str(root / "tests" / "lineage" / "data" / "dongli-2024-a1.json"))
    d = qgov.diff(dongli, amended)
    assert d["changes"] == 3
    assert d["goals"]["changed"][0]["goal"] == "manufacturing_quality_pass_rate"
    assert qgov.diff(dongli, dongli)["changes"] == 0
    national = qgov.load_plan(str(root / "data" / "plans" / "national-2023.json"))
    c = qgov.cascade(dongli, national, vocabulary=root / "data" / "indicators" / "vocabulary.json")
    mfg = [s for s in c["shared"] if s["indicator"] == "manufacturing_quality_pass_rate"][0]
    assert (mfg["child"]["value"], mfg["parent"]["value"], mfg["verdict"]) == (95, 94, "at_least_as_demanding")
