"""CSV export: one table per record kind, a header row, EDTF dates as text, ids for references.

Several values in one cell are joined by ``; ``; a nested table (a citation, a figure) is its
values joined by ``, ``. A cell a spreadsheet would read as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Final

from coophistory.errors import UnknownChoiceError
from coophistory.export import CSV_TABLES
from coophistory.records import TABLES, Handover
from coophistory.schema import columns, plain, row

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["render"]

_HANDOVER_COLUMNS: Final = (
    "date",
    "function",
    "coop_types",
    "from_bodies",
    "to_bodies",
    "basis",
    "citations",
)
# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def render(history: History, table: str = "mandates") -> str:
    """One table of the history as CSV text."""
    if table == "handovers":
        keys: tuple[str, ...] = _HANDOVER_COLUMNS
        rows = [{key: _handover_value(h, key) for key in keys} for h in history.handovers()]
    elif table in TABLES:
        keys = columns(table)
        rows = [row(record) for record in getattr(history.records, table)]
    else:
        raise UnknownChoiceError("table", table, CSV_TABLES)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(keys)
    writer.writerows([_cell(found.get(key)) for key in keys] for found in rows)
    return buffer.getvalue()


def _handover_value(handover: Handover, key: str) -> Any:
    """A handover's column: bodies by id, as every other table gives references."""
    value = getattr(handover, key)
    if key in ("from_bodies", "to_bodies"):
        return [body.id for body in value]
    return plain(value)


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
