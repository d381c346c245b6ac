"""CSV export: one table per record kind, a header row, EDTF dates as text, ids for references.

Every date column is followed by ``<column>_earliest`` and ``<column>_latest``: the first and
last day it may stand for, as ISO days (empty for an open side), so a spreadsheet can sort and
filter on them. The ``figures`` table splits events' figures into value, unit, label and as-of.
Several values in one cell are joined by ``; ``; a nested table (a citation) is its values
joined by ``, ``. A cell a spreadsheet would read as a formula is neutralised; ``excel=True``
starts the file with a byte-order mark so spreadsheet programs read it as UTF-8.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Final

import attrs

from coophistory.errors import UnknownChoiceError
from coophistory.export import CSV_TABLES
from coophistory.records import FUNCTIONS, TABLES, Handover
from coophistory.schema import columns, plain, row

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["render", "table_rows"]

_HANDOVER_COLUMNS: Final = (
    "date",
    "function",
    "coop_types",
    "excluding",
    "from_bodies",
    "to_bodies",
    "basis",
    "citations",
)
_FIGURE_COLUMNS: Final = ("event", "value", "unit", "label", "as_of")
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_BOM: Final = "\ufeff"


def render(history: History, table: str = "mandates", *, excel: bool = False) -> str:
    """One table of the history as CSV text; ``excel`` adds a UTF-8 byte-order mark."""
    keys, rows = table_rows(history, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(keys)
    writer.writerows([_cell(found.get(key)) for key in keys] for found in rows)
    return (_BOM if excel else "") + buffer.getvalue()


def table_rows(history: History, table: str) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The columns and rows of a table, each date followed by its earliest and latest day."""
    records: list[Any]
    keys: tuple[str, ...]
    if table == "handovers":
        records = [h for f in FUNCTIONS for h in history.handovers(function=f)]
        records.sort(key=lambda h: (h.date.sort_key(), FUNCTIONS.index(h.function)))
        keys = _HANDOVER_COLUMNS
        rows = [{key: _handover_value(h, key) for key in keys} for h in records]
    elif table == "figures":
        pairs = [(event.id, figure) for event in history.records.events for figure in event.figures]
        records, keys = [figure for _, figure in pairs], _FIGURE_COLUMNS
        rows = [{"event": ident, **row(figure)} for ident, figure in pairs]
    elif table in TABLES:
        records, keys = list(getattr(history.records, table)), columns(table)
        rows = [row(record) for record in records]
    else:
        raise UnknownChoiceError("table", table, CSV_TABLES)
    dated = _date_columns(records, keys)
    widened: list[str] = []
    for key in keys:
        widened += [key, f"{key}_earliest", f"{key}_latest"] if key in dated else [key]
    for record, found in zip(records, rows, strict=True):
        for key in dated:
            value = getattr(record, key)
            found[f"{key}_earliest"] = None if value is None else _day(value.earliest)
            found[f"{key}_latest"] = None if value is None else _day(value.latest)
    return tuple(widened), rows


def _handover_value(handover: Handover, key: str) -> Any:
    """A handover's column: bodies by id, as every other table gives references."""
    value = getattr(handover, key)
    if key in ("from_bodies", "to_bodies"):
        return [body.id for body in value]
    return plain(value)


def _date_columns(records: list[Any], keys: tuple[str, ...]) -> set[str]:
    """The columns holding dates: attrs fields typed as a HistoricalDate."""
    if not records or not attrs.has(type(records[0])):
        return set()
    fields = attrs.fields_dict(type(records[0]))
    return {k for k in keys if k in fields and "HistoricalDate" in str(fields[k].type)}


def _day(day: Any) -> str | None:
    return None if day is None else str(day.isoformat())


def _cell(value: Any) -> str:
    return _neutralised(_text(value))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_text(item) for item in value.values())
    return str(value)


def _neutralised(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
