"""qgov.dask on a real distributed.LocalCluster (2 worker processes): pass rates, rectification and evaluate_many over
several record files give exactly the single-process results; a bad row fails the job with its file:line:column."""
import random

import pandas as pd
import pytest

import qgov
from qgov import _qgov

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import qgov.dask as qd  # noqa: E402

ROWS = 30000


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """One generated record set, as one table and as 6 files split at random row boundaries."""
    text = _qgov._generate_records_csv(ROWS, seed=17, enterprises=150)
    whole = qgov.parse_records_csv(text.decode(), "whole.csv")
    header, body = text.split(b"\n", 1)
    rows = body.splitlines(keepends=True)
    cuts = sorted(random.Random(5).sample(range(1, len(rows)), 5))
    d = tmp_path_factory.mktemp("records")
    paths = []
    for i, (a, b) in enumerate(zip([0] + cuts, cuts + [len(rows)])):
        p = d / f"part-{i}.csv"
        p.write_bytes(header + b"\n" + b"".join(rows[a:b]))
        paths.append(str(p))
    return whole, paths, d


@pytest.mark.parametrize("by", ["programme,level,quarter", "region,category,month", "", "level,category,year"])
def test_pass_rates_equal_one_pass(client, data, by):
    whole, paths, _ = data
    got = qd.pass_rates(paths, by, client=client, split_every=2)  # a deeper tree than the file count needs
    want = qgov.pass_rates(whole, by)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got.sampled.sum() == ROWS


def test_a_glob_and_a_dask_dataframe_give_the_same(client, data):
    import dask.dataframe as dd

    whole, _, d = data
    by = "programme,level,quarter"
    want = qgov.pass_rates(whole, by)
    pd.testing.assert_frame_equal(qd.pass_rates(str(d / "part-*.csv"), by, client=client), want, check_exact=True)
    ddf = dd.from_pandas(whole.to_frame(), npartitions=3)
    pd.testing.assert_frame_equal(qd.pass_rates(ddf, by, client=client), want, check_exact=True)


@pytest.mark.parametrize("as_of", ["2024-09-30", "2025-12-31"])
def test_rectification_equals_one_pass(client, data, as_of):
    whole, paths, _ = data
    levels, items = qd.rectification(paths, as_of, client=client, split_every=3)
    want_levels, want_items = qgov.rectification(whole, as_of)
    pd.testing.assert_frame_equal(levels, want_levels, check_exact=True)
    pd.testing.assert_frame_equal(items, want_items, check_exact=True)
    assert len(items) > 20
    # counts only: the same levels, no items moved
    levels2, items2 = qd.rectification(paths, as_of, items=False, client=client)
    pd.testing.assert_frame_equal(levels2, want_levels, check_exact=True)
    assert len(items2) == 0
    # by enterprise (an enterprise's items fall in several files): the one-pass partial's report
    progs = ["product_supervisory", "food_supervisory"]
    got = qd.rectification(paths, as_of, programmes=progs, by_enterprise=True, client=client)
    one = _qgov._partial_rectification(_qgov._rectification_partial(whole, as_of, progs, True, False, True))
    pd.testing.assert_frame_equal(got[0], qgov._frame(one["levels"]), check_exact=True)
    pd.testing.assert_frame_equal(got[1], qgov._frame(one["items"]), check_exact=True)


def test_evaluate_many_equals_evaluate(client, data, dongli, sample):
    whole, paths, _ = data
    # the ledgers: the sample figures, and the sample figures with the records' observations beside them
    ledgers = [sample, qgov.sample_observations(dongli)]
    plans = [dongli, dongli]
    got = qd.evaluate_many(plans, ledgers, "2025-12-31", client=client)
    for e, p, l in zip(got, plans, ledgers):
        want = qgov.evaluate(p, l, "2025-12-31")
        assert e.to_json() == want.to_json()
        pd.testing.assert_frame_equal(e.results(), want.results(), check_exact=True)
    with pytest.raises(ValueError, match="2 plans but 1 ledgers"):
        qd.evaluate_many(plans, ledgers[:1], "2025-12-31", client=client)


def test_a_bad_row_fails_the_job_with_its_file_line_and_column(client, data, tmp_path):
    _, paths, _ = data
    lines = open(paths[2], encoding="utf-8").read().splitlines(keepends=True)
    fields = lines[4].split(",")
    fields[3] = "2025-02-30"  # sampled_on, column 4, on line 5
    lines[4] = ",".join(fields)
    bad = tmp_path / "bad.csv"
    bad.write_text("".join(lines), encoding="utf-8")
    files = paths[:2] + [str(bad)] + paths[3:]
    with pytest.raises(qgov.LoadError) as e:
        qd.pass_rates(files, "programme", client=client)
    assert f"{bad}:5:4: sampled_on: expected a date YYYY-MM-DD (1900–2200), found \"2025-02-30\"" in str(e.value)
    assert e.value.origin == str(bad)
    assert e.value.problems[0][0] == "5:4"
    # opt-in: the good rows count and the rejects come back with their file and line
    rates, rejects = qd.pass_rates(files, "programme", keep_good_rows=True, client=client)
    assert rates.sampled.sum() == ROWS - 1
    assert list(rejects.file) == [str(bad)] and list(rejects.line) == [5]
    assert "sampled_on" in rejects.problems[0] and rejects.record[0].startswith(fields[0] + ",")


def test_partials_pickle_compactly_and_merge_in_any_grouping(data):
    import pickle

    whole, paths, _ = data
    parts = [_qgov._partials_of_file(p, "programme,level,region,quarter", None, [], False, False, True, False)["rates"]
             for p in paths]
    sizes = [len(pickle.dumps(p)) for p in parts]
    assert max(sizes) < 16000  # kilobytes, for files of ~700 kB
    again = [pickle.loads(pickle.dumps(p)) for p in parts]
    assert again == parts
    merged = qd.merge(again)
    assert merged.rows == ROWS
    pd.testing.assert_frame_equal(qd.rates_frame(merged), qgov.pass_rates(whole, "programme,level,region,quarter"),
                                  check_exact=True)
    with pytest.raises(qgov.Error, match="cannot merge pass-rate partials grouped by"):
        qd.merge([parts[0], _qgov._pass_rate_partial(whole, "programme")])
