"""qgov — the quality-governance rules of Chinese quality-development plans (质量强区/质量强市建设实施方案).

The compiled core (``qgov._qgov``, C++ via pybind11) holds plans, observations and evaluations; this package adds
what a notebook expects on top of it: pandas DataFrames in and out, and rendering helpers.

    >>> import qgov
    >>> p = qgov.plans.dongli_2024()
    >>> p.matrix().shape            # clauses × units, cells are roles
    (26, 35)
    >>> e = qgov.evaluate(p, qgov.sample_observations(), "2025-12-31")
    >>> e.results()[["goal", "status", "explanation_en"]]

Names follow the C++ library (``qgov::plan``, ``qgov::evaluate``, ``qgov::evaluation_policy`` …). Errors raise
``qgov.Error``; a failed load raises ``qgov.LoadError`` with ``.origin`` and every ``(where, message)`` in ``.problems``.
"""
from __future__ import annotations

import io as _io
import re as _re
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from . import _qgov
from ._qgov import (
    Error,
    LoadError,
    evaluate,
    evaluation,
    evaluation_policy,
    goal,
    goal_result,
    load_observations,
    load_plan,
    observation_ledger,
    parse_observations_csv,
    parse_observations_json,
    load_records,
    parse_plan,
    parse_records_csv,
    plan,
    plans,
    record_table,
    responsible_unit,
)

if TYPE_CHECKING:  # pragma: no cover
    import numpy
    import pandas

__version__: str = _qgov.__version__

__all__ = [
    "Error", "LoadError", "__version__",
    "plan", "goal", "responsible_unit", "plans", "load_plan", "parse_plan",
    "observation_ledger", "load_observations", "parse_observations_csv", "parse_observations_json", "observations",
    "sample_observations",
    "evaluation_policy", "evaluate", "evaluation", "goal_result",
    "progress_measure",
    "record_table", "load_records", "parse_records_csv", "records", "pass_rates", "rectification",
    "rollup", "Rollup", "diff", "cascade",
]

_ROLES = ["lead", "responsible", "supporting"]
_OBSERVATION_COLUMNS = ["goal", "period", "value", "numerator", "denominator", "level", "reported_on", "source"]
# A qgov workbook's sheet 填报 (docs/workbooks.md): columns shown for information, and the cells a bureau fills in.
_WORKBOOK_INFO_COLUMNS = ["name", "quote", "clause", "unit", "target"]
_WORKBOOK_INPUT_COLUMNS = ["value", "numerator", "denominator", "reported_on", "source"]


def _load_error(origin: str, problems: list) -> LoadError:
    """A LoadError like the C++ ones: message, .origin and .problems [(where, message)]."""
    message = f"{origin}: {len(problems)} problem{'s' if len(problems) != 1 else ''}" + "".join(
        f"\n  {origin}:{w}: {msg}" for w, msg in problems)
    err = LoadError(message)
    err.origin = origin
    err.problems = problems
    return err


def _pandas():
    import pandas  # imported on first use: the compiled core works without pandas

    return pandas


def _frame(columns: dict, dates: Sequence[str] = ()) -> "pandas.DataFrame":
    pd = _pandas()
    df = pd.DataFrame(columns)
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    return df


# ---------------------------------------------------------------------------------------------------------------
# plan: DataFrame views


def _plan_goals(self: plan) -> "pandas.DataFrame":
    """Every goal, one row each, in plan order: id, indicator, kind, comparator, value, unit, deadline, source, the
    verbatim quote and its line, the clauses that carry it out and the units that answer for it."""
    return _frame(self._goal_columns(), dates=["deadline"])


def _plan_cells(self: plan) -> "pandas.DataFrame":
    """The responsibility matrix in long form, one row per cell in source order: clause, its title, the unit's
    position in the list, its id and printed name, its role, and the byte span and line of the name in the source."""
    df = _frame(self._cell_columns())
    df["role"] = _pandas().Categorical(df["role"], categories=_ROLES)
    return df


def _plan_matrix(self: plan, by: str = "name") -> "pandas.DataFrame":
    """The clause × unit responsibility matrix: one row per responsibility list (clauses in source order), one column
    per unit (plan order; ``by="name"`` labels them as printed, ``by="id"`` by id). Cells are the unit's role —
    ``lead``, ``responsible`` or ``supporting`` — as a categorical; NaN where the clause does not name the unit."""
    if by not in ("name", "id"):
        raise ValueError(f'by: expected "name" or "id", got {by!r}')
    pd = _pandas()
    cells = self._cell_columns()
    units = self._unit_columns()
    labels = units["name"] if by == "name" else units["id"]
    clauses = list(dict.fromkeys(cells["clause"]))
    wide = pd.DataFrame(index=pd.Index(clauses, name="clause"), columns=pd.Index(labels, name="unit"), dtype=object)
    label_of = dict(zip(units["id"], labels))
    for clause, unit, role in zip(cells["clause"], cells["unit"], cells["role"]):
        wide.at[clause, label_of[unit]] = role
    return wide.apply(lambda col: pd.Categorical(col, categories=_ROLES))


def _plan_units(self: plan) -> "pandas.DataFrame":
    """Every responsible unit in plan order, with how many clauses it leads, is responsible for or supports, and
    how many goals it answers for."""
    return _frame(self._unit_columns())


def _plan_clauses(self: plan) -> "pandas.DataFrame":
    """Every clause: number, section, title, line in the source, units named in its list and the lead unit."""
    return _frame(self._clause_columns())


plan.goals = _plan_goals
plan.cells = _plan_cells
plan.matrix = _plan_matrix
plan.units = _plan_units
plan.clauses = _plan_clauses


# ---------------------------------------------------------------------------------------------------------------
# observations


def _ledger_to_frame(self: observation_ledger) -> "pandas.DataFrame":
    """Every observation (revisions too), one row each: goal, period, value, numerator, denominator, level,
    reported_on, source, and origin (where it was read)."""
    return _frame(self._columns(), dates=["reported_on"])


observation_ledger.to_frame = _ledger_to_frame


def sample_observations(for_plan: Optional[plan] = None) -> observation_ledger:
    """The illustrative sample figures compiled in for the Dongli plan (not official statistics)."""
    p = for_plan if for_plan is not None else plans.dongli_2024()
    return parse_observations_csv(plans.dongli_2024_sample_csv(), p, "<embedded data/observations/dongli-sample.csv>")


def observations(frame: "pandas.DataFrame", plan: plan) -> observation_ledger:
    """Observations from a DataFrame with the columns of an observation file (docs/observations-format.md):
    ``goal``, ``period`` (``2024``, ``2024-Q3``, ``2024-09``, a date), ``value`` or ``numerator`` + ``denominator``,
    ``level`` (for 各级 goals), ``reported_on`` (date) and ``source``; missing optional columns are treated as empty.
    The sheet of a returned qgov workbook works as it is: ``pd.read_excel(f, sheet_name="填报")``
    (headers like ``数值\nvalue`` go by their last line, the information columns are dropped, and rows left empty
    are skipped). Note that this path does not check the workbook's plan; ``load_observations(f, plan)`` does.

    The frame goes through the same reader and checks as an observation file, so the rules cannot drift apart; a bad
    row raises ``qgov.LoadError`` whose problems name the row by its index label."""
    pd = _pandas()
    # A sheet read from a qgov workbook (pd.read_excel(f, sheet_name="填报", dtype={"期间\nperiod": str})): its
    # headers are "数值\nvalue"; the key is the last line, and the columns shown for information are left out.
    keys = {c: str(c).split("\n")[-1].strip() for c in frame.columns}
    if any("\n" in str(c) for c in frame.columns):
        frame = frame[[c for c in frame.columns if keys[c] not in _WORKBOOK_INFO_COLUMNS]].rename(columns=keys)
        frame = frame.dropna(how="all", subset=[c for c in frame.columns if c in _WORKBOOK_INPUT_COLUMNS])
    unknown = [c for c in frame.columns if c not in _OBSERVATION_COLUMNS]
    if unknown:
        raise _load_error("<DataFrame>", [(f"column {c!r}", "unknown column; the columns are " + ", ".join(
            _OBSERVATION_COLUMNS)) for c in unknown])
    out = pd.DataFrame({c: (frame[c] if c in frame.columns else "") for c in _OBSERVATION_COLUMNS}, index=frame.index)
    if "reported_on" in frame.columns and pd.api.types.is_datetime64_any_dtype(frame["reported_on"]):
        out["reported_on"] = frame["reported_on"].dt.strftime("%Y-%m-%d")
    text = out.to_csv(index=False, lineterminator="\n")
    try:
        return parse_observations_csv(text, plan, "<DataFrame>")
    except LoadError as e:
        labels = list(frame.index)

        def row(where: str) -> str:
            m = _re.fullmatch(r"(\d+):(\d+)", where)
            if not m or not (2 <= int(m.group(1)) < len(labels) + 2):
                return where
            return f"row {labels[int(m.group(1)) - 2]!r}"

        raise _load_error("<DataFrame>", [(row(w), msg) for w, msg in e.problems]) from None


# ---------------------------------------------------------------------------------------------------------------
# evaluation: DataFrame views


def _evaluation_results(self: evaluation) -> "pandas.DataFrame":
    """One row per goal, in plan order: status (and its Chinese name), the value used and its period, the projection,
    the target, the formula, a caveat note, and the explanation in Chinese and in English."""
    return _frame(self._result_columns(), dates=["deadline"])


def _evaluation_scorecard(self: evaluation) -> "pandas.DataFrame":
    """The bureau scorecard, best rank first: unit id and names, score (0–100), grade A–D, rank (ties share one),
    whether a 一票否决 veto applies, and how many goals were scored for the unit."""
    df = _frame(self._scorecard_columns())
    df["rank"] = df["rank"].astype("Int64")
    return df


def _evaluation_coverage(self: evaluation) -> "pandas.DataFrame":
    """Per clause: measurable (a scored goal), qualitative_only, or none; and the goals that cover it."""
    return _frame(self._coverage_columns())


def _evaluation_explain(self: evaluation, goal: str, lang: str = "both") -> str:
    """One goal's explanation as a civil servant reads it, with the figures used."""
    r = self.result(goal)
    parts = {"zh": [r.explanation_zh], "en": [r.explanation_en], "both": [r.explanation_zh, r.explanation_en]}
    if lang not in parts:
        raise ValueError(f'lang: expected "zh", "en" or "both", got {lang!r}')
    return "\n".join(parts[lang])


evaluation.results = _evaluation_results
evaluation.scorecard = _evaluation_scorecard
evaluation.coverage = _evaluation_coverage
evaluation.explain = _evaluation_explain


# ---------------------------------------------------------------------------------------------------------------
# formulas


def progress_measure(years: "numpy.typing.ArrayLike", values: "numpy.typing.ArrayLike",
                     offsets: Optional["numpy.typing.ArrayLike"] = None, *, base_year: Any = None, target: Any = None,
                     target_year: Any = None, direction: Any = None, limit: Any = None, high: Any = None,
                     med: Any = None, low: Any = None, threads: int = 1) -> "pandas.DataFrame":
    """The Open SDG progress measure (Statistics Canada method) over many series at once, in C++.

    Series i is ``years[offsets[i]:offsets[i+1]]`` / ``values[...]`` (one series when ``offsets`` is None). Each
    setting is a number shared by every series or an array with one value per series; NaN in ``target``/``limit``/
    ``high``/``med``/``low`` means unset. Defaults as Open SDG: base_year 2015, target_year 2030, direction −1
    (lower is better). Returns one row per series: status and reason (categoricals), method, score, progress value,
    observed and required CAGR, and the base and current points used. ``threads`` (0: one per core) splits the
    series into contiguous blocks, with the same results."""
    import numpy as np

    pd = _pandas()
    r = _qgov._progress_measure(np.asarray(years, dtype=np.float64), np.asarray(values, dtype=np.float64),
                                None if offsets is None else np.asarray(offsets, dtype=np.int64), base_year, target,
                                target_year, direction, limit, high, med, low, threads)
    df = pd.DataFrame(r)
    df["status"] = pd.Categorical.from_codes(r["status"], categories=_qgov._progress_statuses)
    df["reason"] = pd.Categorical.from_codes(r["reason"], categories=_qgov._not_available_reasons)
    return df


# ---------------------------------------------------------------------------------------------------------------
# inspection records (docs/records.md)

_PROGRAMMES = ["food_evaluative", "food_supervisory", "agri_monitoring", "product_supervisory"]
_LEVELS = ["national", "municipal", "district"]
_RECORD_COLUMNS = ["programme", "level", "sampled_on", "region", "category", "enterprise_id", "outcome"]


def _codes(frame: "pandas.DataFrame", column: str, known: Optional[list] = None):
    """A column as int64 codes and its names: vectorised through pandas.Categorical, no per-row Python work."""
    import numpy as np

    pd = _pandas()
    values = frame[column]
    if known is not None:
        cat = pd.Categorical(values, categories=known)
    elif isinstance(values.dtype, pd.CategoricalDtype):
        cat = values.array
    else:
        cat = pd.Categorical(values)
    codes, names = cat.codes, list(cat.categories)
    codes = np.asarray(codes, dtype=np.int64)
    bad = np.flatnonzero(codes < 0)
    if bad.size:
        label = frame.index[bad[0]]
        shown = values.iloc[bad[0]]
        expected = f"; expected one of {', '.join(known)}" if known is not None else ""
        raise _load_error("<DataFrame>", [(f"row {label!r}", f"{column}: {shown!r} is missing or unknown{expected}"
                                           + (f" ({bad.size} rows in all)" if bad.size > 1 else ""))])
    return codes, [str(n) for n in names]


def records(frame: "pandas.DataFrame") -> record_table:
    """Inspection records from a DataFrame with the columns ``programme`` (food_evaluative, food_supervisory,
    agri_monitoring, product_supervisory), ``level`` (national, municipal, district), ``sampled_on`` (dates),
    ``region``, ``category``, ``enterprise_id`` and ``outcome`` (pass/fail, or a boolean: True = pass).

    Columns are converted as whole arrays (categorical codes, day numbers) and the C++ table is built from the
    buffers. Rectification dates are not taken from a frame: load a record CSV (``qgov.load_records``) for those.
    A missing or unknown value raises qgov.LoadError naming the first such row by its index label."""
    import numpy as np

    pd = _pandas()
    missing = [c for c in _RECORD_COLUMNS if c not in frame.columns]
    if missing:
        raise _load_error("<DataFrame>", [(f"column {c!r}", "missing; the columns are " + ", ".join(_RECORD_COLUMNS))
                                          for c in missing])
    prog, _ = _codes(frame, "programme", _PROGRAMMES)
    level, _ = _codes(frame, "level", _LEVELS)
    region, regions = _codes(frame, "region")
    category, categories = _codes(frame, "category")
    enterprise, enterprises = _codes(frame, "enterprise_id")
    outcome_col = frame["outcome"]
    if pd.api.types.is_bool_dtype(outcome_col):
        outcome = outcome_col.to_numpy(dtype=np.int64)
    else:
        outcome, _ = _codes(frame, "outcome", ["fail", "pass"])
    sampled = pd.to_datetime(frame["sampled_on"], errors="coerce")
    if sampled.isna().any():
        i = int(np.flatnonzero(sampled.isna().to_numpy())[0])
        raise _load_error("<DataFrame>", [(f"row {frame.index[i]!r}",
                                           f"sampled_on: expected a date, got {frame['sampled_on'].iloc[i]!r}")])
    days = sampled.to_numpy(dtype="datetime64[D]").astype(np.int64)
    try:
        return _qgov._table_from_columns(prog, level, days, outcome, region, regions, category, categories,
                                         enterprise, enterprises)
    except ValueError as e:  # "row N, column: …" with N a position: name the row by its label
        m = _re.match(r"row (\d+), (.*)", str(e))
        if not m:  # a whole column: two values printing alike ("region_names: \"1\" is given twice …")
            raise _load_error("<DataFrame>", [("columns", str(e))]) from None
        what = _re.sub(r"^enterprise:", "enterprise_id:", m.group(2))  # the C++ column's name, the frame's column
        raise _load_error("<DataFrame>", [(f"row {frame.index[int(m.group(1))]!r}", what)]) from None


def _as_table(data) -> record_table:
    return data if isinstance(data, record_table) else records(data)


def pass_rates(data, by: str = "programme,level,quarter", *, z: float = 1.959963984540054, minimum_sample: int = 30,
               threads: int = 1) -> "pandas.DataFrame":
    """Pass rate = qualified / sampled per group (docs/formulas.md), from a ``qgov.record_table`` or a DataFrame of
    records. ``by`` is any of programme, level, region, category and one of month, quarter, year. One row per
    non-empty group in key order: the keys (periods written 2025-Q1, 2025-01, 2025), sampled, passed, rate (%), the
    Wilson interval low/high (%) at quantile z, and small_sample (sampled < minimum_sample)."""
    return _frame(_qgov._pass_rates(_as_table(data), by, z, minimum_sample, threads))


def rectification(data, as_of: Any) -> "tuple[pandas.DataFrame, pandas.DataFrame]":
    """The rectification completion rate (监督抽查不合格整改完成率) as of a date: (per level: due, completed, rate %
    and the count of each status; every failed item with its dates, deadlines and status)."""
    r = _qgov._rectification(_as_table(data), as_of)
    return _frame(r["levels"]), _frame(r["items"])


def _record_table_to_frame(self: record_table) -> "pandas.DataFrame":
    """The records as a DataFrame (categoricals for names, dates as datetime64); rectification dates are left out."""
    import numpy as np

    pd = _pandas()
    c = self._columns()
    return pd.DataFrame({
        "programme": pd.Categorical.from_codes(c["programme"].astype(np.int64), categories=_PROGRAMMES),
        "level": pd.Categorical.from_codes(c["level"].astype(np.int64), categories=_LEVELS),
        "sampled_on": c["sampled_on"].astype("datetime64[D]"),
        "region": pd.Categorical.from_codes(c["region"].astype(np.int64), categories=c["regions"]),
        "category": pd.Categorical.from_codes(c["category"].astype(np.int64), categories=c["categories"]),
        "enterprise_id": pd.Categorical.from_codes(c["enterprise_id"].astype(np.int64), categories=c["enterprises"]),
        "outcome": pd.Categorical.from_codes(c["outcome"].astype(np.int64), categories=["fail", "pass"]),
    })


record_table.to_frame = _record_table_to_frame

from ._lineage import Rollup, cascade, diff, rollup  # noqa: E402  (docs/lineage.md)
