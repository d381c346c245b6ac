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

from coophistory.dataset import _FIELDS, TABLES
from coophistory.export import plain, record_row

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["CSV_TABLES", "render", "table_rows"]

CSV_TABLES: Final = (*TABLES, "handovers", "figures")
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
    columns, rows = table_rows(history, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([_cell(row.get(key)) for key in columns] for row in rows)
    return (_BOM if excel else "") + buffer.getvalue()


def table_rows(history: History, table: str) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The columns and rows of a table, each date followed by its earliest and latest day."""
    records: list[Any]
    columns: tuple[str, ...]
    if table == "handovers":
        records, columns = history.handovers(), _HANDOVER_COLUMNS
        raw = [{key: plain(getattr(h, key)) for key in columns} for h in records]
    elif table == "figures":
        records = [
            (event.id, figure) for event in history.records.events for figure in event.figures
        ]
        columns = _FIGURE_COLUMNS
        raw = [{"event": ident, **record_row_of(figure)} for ident, figure in records]
        records = [figure for _, figure in records]
    elif table in TABLES:
        records, columns = list(getattr(history.records, table)), tuple(_FIELDS[table])
        raw = [record_row(table, record) for record in records]
    else:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(CSV_TABLES)}")
    dated = _date_columns(records, columns)
    widened: list[str] = []
    for column in columns:
        widened += (
            [column, f"{column}_earliest", f"{column}_latest"] if column in dated else [column]
        )
    for record, row in zip(records, raw, strict=True):
        for column in dated:
            value = getattr(record, column)
            row[f"{column}_earliest"] = _day(value.earliest if value is not None else None)
            row[f"{column}_latest"] = _day(value.latest if value is not None else None)
    return tuple(widened), raw


def record_row_of(figure: Any) -> dict[str, Any]:
    """A figure's value, unit, label and as-of date as plain data."""
    return {key: plain(getattr(figure, key)) for key in _FIGURE_COLUMNS[1:]}


def _date_columns(records: list[Any], columns: tuple[str, ...]) -> set[str]:
    """The columns holding dates: attrs fields typed as a HistoricalDate."""
    if not records:
        return set()
    kind = type(records[0])
    fields = attrs.fields_dict(kind) if attrs.has(kind) else {}
    return {c for c in columns if c in fields and "HistoricalDate" in str(fields[c].type)}


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
