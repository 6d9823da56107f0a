"""Plans through time and across levels (docs/lineage.md): the roll-up as DataFrames, the diff and the cascade as dicts."""
from __future__ import annotations

import json as _json
from typing import Any, NamedTuple, Optional, Sequence, Tuple

from . import _qgov


class Rollup(NamedTuple):
    """What ``qgov.rollup`` returns."""
    cells: "pandas.DataFrame"   #: one row per (plan, indicator): goal, status, value, comparator, target, unit, quote
    plans: "pandas.DataFrame"   #: one row per plan: name, score, rank (ties share one), goals per status
    html: str                   #: the roll-up page (indicator × plan grid), self-contained
    json: str                   #: the same as ``qgov rollup --format json``

    def grid(self, values: str = "status") -> "pandas.DataFrame":
        """The indicator × plan grid of one column of ``cells`` (status, value, target …)."""
        return self.cells.pivot(index="indicator", columns="plan", values=values)


def rollup(inputs: Sequence[Tuple[Any, Any]], as_of: Any, *, vocabulary: str, policy: Optional[Any] = None) -> Rollup:
    """Several plans with their observations as one view for the level above.

    ``inputs`` is a sequence of ``(plan, observation_ledger)`` pairs; ``vocabulary`` the path of an indicator
    vocabulary (``data/indicators/vocabulary.json``). Every status and value is the plan's own evaluation's."""
    import pandas as pd

    plans = [p for p, _ in inputs]
    ledgers = [o for _, o in inputs]
    r = _qgov._rollup(plans, ledgers, str(vocabulary), as_of, policy)
    return Rollup(pd.DataFrame(r["cells"]), pd.DataFrame(r["plans"]), r["html"], r["json"])


def diff(old: Any, new: Any) -> dict:
    """The semantic diff of two plans (goals, clauses matched by text, cells, units) as a dict."""
    return _json.loads(_qgov._diff_json(old, new))


def cascade(child: Any, parent: Any, *, vocabulary: str) -> dict:
    """The cascade check of a child plan against its parent: shared indicators with both targets and a verdict."""
    return _json.loads(_qgov._cascade_json(child, parent, str(vocabulary)))
