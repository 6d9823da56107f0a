"""qgov over Dask: records and plans beyond one machine (docs/scale.md).

Each partition — one record CSV file — is read by qgov's own C++ reader on a worker and reduced there to a
*partial* (integer counts; for rectification also the counted items), a few kilobytes that pickle as checked bytes.
The partials are merged in a tree (``split_every`` at a time, order kept) and the last merge gives exactly what one
pass over all the files gives: ``qgov.dask.pass_rates(files)`` equals ``qgov.pass_rates(<the files as one table>)``
value for value, bit for bit.

A bad row fails the job with qgov's own message, ``FILE:LINE:COLUMN: column: what was expected`` (a
``qgov.LoadError`` raised on the client, with ``.origin`` and ``.problems``). With ``keep_good_rows=True`` the good
rows count and every partition's rejects come back to the client as one DataFrame (file, line, problems, record).

The work runs on the current Dask scheduler: a ``distributed.Client`` if one is active (or passed as ``client``),
else Dask's local threads (qgov releases the GIL while it reads and counts). Record ids are checked for uniqueness
within each file, as ``qgov rates`` does; across files they are not (that would need a shuffle of every id).

``reader_threads`` is how many threads qgov's reader uses for one file: 1 by default, since Dask's worker threads
and processes are the parallelism (one worker thread per core); 0 uses every core for each file, for a cluster of
one single-threaded worker per machine.
"""
from __future__ import annotations

import glob as _glob
import os as _os
from typing import Any, Iterable, Optional, Sequence, Union

from . import _qgov
from . import _frame, _pandas, records as _records

__all__ = ["pass_rates", "rectification", "evaluate_many", "partials", "merge", "rates_frame", "files"]

Z_95 = 1.959963984540054


def files(paths: Union[str, "_os.PathLike", Iterable]) -> list:
    """The record files named by ``paths``: a path, a glob pattern (sorted), or a sequence of either, in order."""
    if isinstance(paths, (str, _os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        p = _os.fspath(p)
        if any(ch in p for ch in "*?["):
            found = sorted(_glob.glob(p))
            if not found:
                raise FileNotFoundError(f"{p}: no file matches")
            out.extend(found)
        else:
            out.append(p)
    if not out:
        raise ValueError("no record files given")
    return out


def _is_ddf(x: Any) -> bool:
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - dask is a requirement of this module
        return False
    return isinstance(x, dd.DataFrame)


# ---- tasks (run on the workers; module-level so that they pickle by reference) ----------------------------------

def _file_task(path: str, by: Optional[str], as_of: Any, programmes: Sequence[str], by_enterprise: bool,
               exclude_not_ordered: bool, keep_items: bool, keep_good_rows: bool, reader_threads: int) -> dict:
    d = _qgov._partials_of_file(path, by, as_of, list(programmes), by_enterprise, exclude_not_ordered, keep_items,
                                keep_good_rows, reader_threads)
    d["path"] = path
    return d


def _frame_task(frame: "Any", by: Optional[str], as_of: Any, programmes: Sequence[str], by_enterprise: bool,
                exclude_not_ordered: bool, keep_items: bool, keep_good_rows: bool, reader_threads: int) -> dict:
    t = _records(frame)  # (reader_threads: a frame's partition is already parsed, by pandas)
    return {"rates": _qgov._pass_rate_partial(t, by) if by is not None else None,
            "rectification": (_qgov._rectification_partial(t, as_of, list(programmes), by_enterprise,
                                                           exclude_not_ordered, keep_items)
                              if as_of is not None else None),
            "rows": len(t), "rows_rejected": 0, "rejects": b"", "path": "<DataFrame partition>"}


def _merge_task(*parts: dict) -> dict:
    """Merges neighbouring partition results in order (the tree reduction's inner node)."""
    out = {"rates": None, "rectification": None, "rows": 0, "rows_rejected": 0, "rejects": [], "path": None}
    rates = [p["rates"] for p in parts if p["rates"] is not None]
    rect = [p["rectification"] for p in parts if p["rectification"] is not None]
    if rates:
        out["rates"] = _qgov._merge_pass_rate_partials(rates)
    if rect:
        out["rectification"] = _qgov._merge_rectification_partials(rect)
    for p in parts:
        out["rows"] += p["rows"]
        out["rows_rejected"] += p["rows_rejected"]
        if isinstance(p["rejects"], list):
            out["rejects"].extend(p["rejects"])
        elif p["rows_rejected"]:
            out["rejects"].append((p["path"], p["rejects"]))
    return out


def _reduce(data: Any, *, by: Optional[str], as_of: Any, programmes: Sequence[str] = (), by_enterprise: bool = False,
            exclude_not_ordered: bool = False, keep_items: bool = True, keep_good_rows: bool = False,
            split_every: int = 8, reader_threads: int = 1, client: Any = None) -> dict:
    import dask

    if split_every < 2:
        raise ValueError("split_every: expected at least 2")
    if reader_threads < 0:
        raise ValueError("reader_threads: expected 0 (every core) or a positive number")
    args = (by, as_of, tuple(programmes), by_enterprise, exclude_not_ordered, keep_items, keep_good_rows,
            reader_threads)
    if _is_ddf(data):
        leaves = [dask.delayed(_frame_task, pure=True)(part, *args) for part in data.to_delayed()]
    else:
        leaves = [dask.delayed(_file_task, pure=True)(path, *args) for path in files(data)]
    level = leaves
    if len(level) == 1:
        level = [dask.delayed(_merge_task, pure=True)(level[0])]
    while len(level) > 1:
        level = [dask.delayed(_merge_task, pure=True)(*level[i:i + split_every])
                 for i in range(0, len(level), split_every)]
    if client is not None:
        return client.compute(level[0]).result()
    return level[0].compute()


def _rejects_frame(rejects: list) -> "Any":
    """The partitions' rejects files as one DataFrame: file, line, problems, record."""
    import io

    pd = _pandas()
    frames = []
    for path, text in rejects:
        f = pd.read_csv(io.BytesIO(text), dtype={"problems": str, "record": str}, keep_default_na=False)
        f.insert(0, "file", path)
        frames.append(f)
    if not frames:
        return pd.DataFrame({"file": [], "line": [], "problems": [], "record": []})
    return pd.concat(frames, ignore_index=True)


# ---- the API ----------------------------------------------------------------------------------------------------

def pass_rates(paths_or_ddf: Any, by: str = "programme,level,quarter", *, z: float = Z_95, minimum_sample: int = 30,
               keep_good_rows: bool = False, split_every: int = 8, reader_threads: int = 1, client: Any = None):
    """Pass rates over many record files (or a dask DataFrame of records), on the Dask cluster: the same frame
    ``qgov.pass_rates`` gives for all the records in one table (keys, sampled, passed, rate %, Wilson low/high %,
    small_sample). With ``keep_good_rows`` the result is ``(rates, rejects)``."""
    r = _reduce(paths_or_ddf, by=by, as_of=None, keep_good_rows=keep_good_rows, split_every=split_every,
                reader_threads=reader_threads, client=client)
    rates = _frame(_qgov._partial_rates(r["rates"], z, minimum_sample))
    return (rates, _rejects_frame(r["rejects"])) if keep_good_rows else rates


def rectification(paths_or_ddf: Any, as_of: Any, *, programmes: Sequence[str] = ("product_supervisory",),
                  by_enterprise: bool = False, exclude_not_ordered: bool = False, items: bool = True,
                  keep_good_rows: bool = False, split_every: int = 8, reader_threads: int = 1, client: Any = None):
    """Rectification completion (整改完成率) as of a date over many record files: ``(levels, items)`` exactly as
    ``qgov.rectification`` gives them for all the records in one table. ``items=False`` moves only the counts (the
    items frame is then empty; counting by enterprise always keeps them). With ``keep_good_rows`` a third element,
    the rejects, is returned."""
    r = _reduce(paths_or_ddf, by=None, as_of=as_of, programmes=programmes, by_enterprise=by_enterprise,
                exclude_not_ordered=exclude_not_ordered, keep_items=items, keep_good_rows=keep_good_rows,
                split_every=split_every, reader_threads=reader_threads, client=client)
    d = _qgov._partial_rectification(r["rectification"])
    out = (_frame(d["levels"]), _frame(d["items"]))
    return out + (_rejects_frame(r["rejects"]),) if keep_good_rows else out


def partials(paths_or_ddf: Any, *, by: Optional[str] = "programme,level,quarter", as_of: Any = None,
             programmes: Sequence[str] = ("product_supervisory",), by_enterprise: bool = False,
             exclude_not_ordered: bool = False, items: bool = True, keep_good_rows: bool = False,
             split_every: int = 8, reader_threads: int = 1, client: Any = None) -> dict:
    """Both aggregates from one read of each file: a dict with the merged ``rates`` (qgov.pass_rate_partial),
    ``rectification`` (qgov.rectification_partial, when as_of is given), ``rows``, ``rows_rejected`` and
    ``rejects`` (a DataFrame). Turn partials into frames with ``qgov.dask.merge``/``rates_frame``."""
    r = _reduce(paths_or_ddf, by=by, as_of=as_of, programmes=programmes, by_enterprise=by_enterprise,
                exclude_not_ordered=exclude_not_ordered, keep_items=items, keep_good_rows=keep_good_rows,
                split_every=split_every, reader_threads=reader_threads, client=client)
    r["rejects"] = _rejects_frame(r["rejects"])
    return r


def merge(parts: Sequence[Any]) -> Any:
    """Merges partials (all pass-rate or all rectification partials) in the given order."""
    parts = list(parts)
    if not parts:
        raise ValueError("nothing to merge")
    if isinstance(parts[0], _qgov.pass_rate_partial):
        return _qgov._merge_pass_rate_partials(parts)
    return _qgov._merge_rectification_partials(parts)


def rates_frame(partial: Any, *, z: float = Z_95, minimum_sample: int = 30):
    """The rates frame of a (merged) pass-rate partial, as qgov.pass_rates gives it."""
    return _frame(_qgov._partial_rates(partial, z, minimum_sample))


def _evaluate_task(plan: Any, ledger: Any, as_of: Any, known_as_of: Any) -> Any:
    from . import evaluate

    return evaluate(plan, ledger, as_of) if known_as_of is None else evaluate(plan, ledger, as_of, known_as_of)


def evaluate_many(plans: Sequence[Any], ledgers: Sequence[Any], as_of: Any, *, known_as_of: Any = None,
                  client: Any = None) -> list:
    """Evaluates plan i against ledger i on the cluster (plans and ledgers travel as qgov's checked archives):
    the list of ``qgov.evaluation``, each exactly what ``qgov.evaluate(plans[i], ledgers[i], as_of)`` gives."""
    import dask

    plans, ledgers = list(plans), list(ledgers)
    if len(plans) != len(ledgers):
        raise ValueError(f"{len(plans)} plans but {len(ledgers)} ledgers: give one ledger per plan")
    tasks = [dask.delayed(_evaluate_task, pure=True)(p, l, as_of, known_as_of) for p, l in zip(plans, ledgers)]
    if client is not None:
        return list(client.gather(client.compute(tasks)))
    return list(dask.compute(*tasks))
