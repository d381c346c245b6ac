"""The lossless JSON export: the TOML schema's structure as plain data, read back by load().

``to_document(history)`` gives the same tables and keys as a data file, dates as EDTF text and
defaults omitted as a hand-written file omits them (:func:`coophistory.schema.row`), so that
``coophistory.load("history.json") == history``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from coophistory.records import TABLES
from coophistory.schema import row

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["json_text", "render", "to_document"]


def to_document(history: History) -> dict[str, Any]:
    """Return the history as one document in the TOML schema's structure, empty tables left out."""
    records = history.records
    document: dict[str, Any] = {
        "schema_version": records.schema_version,
        "dataset_version": records.dataset_version,
    }
    if records.current_to is not None:
        document["current_to"] = str(records.current_to)
    for table in TABLES:
        rows = getattr(records, table)
        if rows:
            document[table] = [row(record) for record in rows]
    return document


def json_text(data: Any) -> str:
    """Indented JSON with non-ASCII text kept readable, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(history: History) -> str:
    """The history as the lossless JSON document's text."""
    return json_text(to_document(history))
