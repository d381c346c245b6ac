"""The history as pandas DataFrames, for analysis and plotting (the ``pandas`` extra).

Each table is a DataFrame with the columns of its CSV export: every date as its EDTF text, then
``<column>_earliest`` and ``<column>_latest`` as ``datetime64`` (``NaT`` for an open side).
``who_held`` gives the holders of every type and function on a range of days, worked out from
the change points of each lineage rather than day by day.

Importing :mod:`coophistory` never imports pandas; importing this module does.

>>> from coophistory import load, frames
>>> h = load()
>>> mandates = frames.table(h, "mandates")
>>> str(mandates["start_earliest"].dtype)
'datetime64[s]'
>>> held = frames.who_held(h, "2018-01-01", "2020-01-01", freq="YS")
>>> rows = held.query("coop_type == 'savings-and-credit' and function == 'supervision'")
>>> [(str(day.date()), holders) for day, holders in zip(rows["day"], rows["certain"])]
[('2018-01-01', 'fenacrep'), ('2019-01-01', 'sbs'), ('2020-01-01', 'sbs')]
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

try:
    import numpy as np
    import pandas as pd
except ImportError as err:  # pragma: no cover - depends on the installed extras
    raise ImportError("coophistory.frames needs pandas: pip install 'coophistory[pandas]'") from err

from coophistory.dates import HistoricalDate, parse_date
from coophistory.export import CSV_TABLES
from coophistory.export.tables import table_rows
from coophistory.records import FUNCTIONS

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["TABLES", "table", "tables", "who_held"]

TABLES: Final = CSV_TABLES
_UNIT: Final = "datetime64[s]"
_NOBODY: Final = ""


def table(history: History, name: str) -> pd.DataFrame:
    """One table (``mandates``, ``handovers``, ``events``, ``figures``, ...) as a DataFrame.

    ``types`` is accepted for ``coop_types``.
    """
    columns, rows = table_rows(history, "coop_types" if name == "types" else name)
    frame = pd.DataFrame(
        [[_value(row.get(column)) for column in columns] for row in rows],
        columns=list(columns),
    )
    for column in columns:
        if column.endswith(("_earliest", "_latest")):
            frame[column] = pd.to_datetime(frame[column], format="ISO8601").astype(_UNIT)
    return frame


def tables(history: History) -> dict[str, pd.DataFrame]:
    """Every table, keyed by name."""
    return {name: table(history, name) for name in TABLES}


def _value(value: Any) -> Any:
    """A cell: lists joined by ``; ``, a nested table's values by ``, ``; the rest as is."""
    if isinstance(value, list):
        return "; ".join(str(_value(item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(str(item) for item in value.values())
    return value


def who_held(
    history: History,
    start: str | datetime.date | HistoricalDate,
    end: str | datetime.date | HistoricalDate,
    freq: str = "YS",
    *,
    functions: Iterable[str] = FUNCTIONS,
    coop_types: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One row per (day, type, function) from ``start`` to ``end`` at ``freq``: who held it.

    ``certain`` and ``possible`` are the holders' ids joined by ``; `` (empty: nobody). Days
    come from ``pandas.date_range(start, end, freq=freq)``; the holders of each day are looked
    up among the change points of the type's lineage, so a long daily range stays fast.
    """
    first, last = _day(start), _day(end)
    days = pd.date_range(first, last, freq=freq).astype(_UNIT)
    ordinals = np.array([d.toordinal() for d in days.date], dtype=np.int64)
    types = [history.coop_type(t).id for t in coop_types] if coop_types is not None else None
    parts = []
    for type_id in types if types is not None else [t.id for t in history.coop_types()]:
        for function in functions:
            certain, possible = _lookup(history, type_id, function, ordinals)
            parts.append(
                pd.DataFrame(
                    {
                        "day": days,
                        "coop_type": type_id,
                        "function": function,
                        "certain": certain,
                        "possible": possible,
                    }
                )
            )
    if not parts:
        return pd.DataFrame(columns=["day", "coop_type", "function", "certain", "possible"])
    return pd.concat(parts, ignore_index=True).sort_values(
        ["day", "coop_type", "function"], kind="stable", ignore_index=True
    )


def _lookup(
    history: History, type_id: str, function: str, ordinals: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The certain and possible holders on each day, found by bisecting the change points."""
    steps = history.lineage(type_id, function=function)
    starts = [s.start.toordinal() for s in steps]
    certain = [_NOBODY] + ["; ".join(b.id for b in s.bodies) for s in steps]
    possible = [_NOBODY] + ["; ".join(b.id for b in s.possible) for s in steps]
    if steps and steps[-1].end is not None:  # everybody left: nobody after the last stretch
        starts.append(steps[-1].end.toordinal())
        certain.append(_NOBODY)
        possible.append(_NOBODY)
    index = np.searchsorted(np.array(starts, dtype=np.int64), ordinals, side="right")
    return np.array(certain, dtype=object)[index], np.array(possible, dtype=object)[index]


def _day(value: str | datetime.date | HistoricalDate) -> datetime.date:
    parsed = parse_date(value)
    if parsed.earliest is None:
        raise ValueError(f"who_held needs a closed date, not {parsed}")
    return datetime.date(parsed.earliest.year, parsed.earliest.month, parsed.earliest.day)
