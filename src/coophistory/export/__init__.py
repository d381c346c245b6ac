"""Exports of a history: the lossless JSON document, and the shapes the other formats share.

``to_document(history)`` gives the TOML schema's structure as plain data (same tables and keys,
dates as EDTF text, defaults omitted as a hand-written file omits them), so that
``coophistory.load("history.json") == history``. The other formats live in submodules, imported
only when used: :mod:`~coophistory.export.tables` (CSV), :mod:`~coophistory.export.jsonld`,
:mod:`~coophistory.export.graphml` and :mod:`~coophistory.export.timelinejs`.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, overload

import attrs
import pendulum

from coophistory.answers import body_ref, citation_ref, law_ref
from coophistory.dataset import _FIELDS, TABLES
from coophistory.dates import HistoricalDate
from coophistory.files import Destination, write_output
from coophistory.records import Citation, Claim, Figure, FormerName, Handover

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = [
    "FORMATS",
    "body_ref",
    "citation_ref",
    "handover_dict",
    "json_text",
    "law_ref",
    "plain",
    "record_row",
    "to_document",
    "write",
]

FORMATS: Final = ("json", "csv", "jsonld", "graphml", "timelinejs")

# The keys of the tables nested inside records, in the order a curator writes them.
_NESTED: Final[dict[type, tuple[str, ...]]] = {
    Citation: ("source", "locator"),
    FormerName: ("name", "name_es", "acronym", "until"),
    Figure: ("value", "unit", "label", "as_of"),
}


def plain(value: Any) -> Any:
    """Turn a record value into JSON data: dates as EDTF, tuples as lists, records as tables."""
    if isinstance(value, HistoricalDate):
        return str(value)
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, Claim):
        claim = {"value": value.value, **citation_ref(value.citation)}
        return claim if value.note is None else claim | {"note": value.note}
    if type(value) in _NESTED:
        return _row(value, _NESTED[type(value)])
    return value


def _row(record: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    """Return the given attributes of a record, leaving out those at their default value."""
    fields = attrs.fields_dict(type(record))
    row = {}
    for key in keys:
        value = getattr(record, key)
        default = fields[key].default
        if default is not attrs.NOTHING and value == default:
            continue
        row[key] = plain(value)
    return row


def record_row(table: str, record: Any) -> dict[str, Any]:
    """Return one record as a row of its TOML table (one of ``coophistory.dataset.TABLES``)."""
    return _row(record, tuple(_FIELDS[table]))


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
            document[table] = [record_row(table, record) for record in rows]
    return document


def json_text(data: Any) -> str:
    """Indented JSON with non-ASCII text kept readable, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- the --json shape of a handover, from the shared pieces in coophistory.answers ----------


def handover_dict(history: History, handover: Handover) -> dict[str, Any]:
    """Give a handover with bodies named as on its first day, its laws and citations."""
    day = handover.date.earliest or pendulum.Date(1, 1, 1)
    return {
        "date": str(handover.date),
        "function": handover.function,
        "coop_types": list(handover.coop_types),
        "excluding": list(handover.excluding),
        "from": [body_ref(history.body(b), day) for b in handover.from_bodies],
        "to": [body_ref(history.body(b), day) for b in handover.to_bodies],
        "laws": [law_ref(history.law(law)) for law in handover.basis],
        "citations": [citation_ref(c) for c in handover.citations],
    }


# --- writing ---------------------------------------------------------------------------------


@overload
def write(history: History, fmt: str, path: str | os.PathLike[str], **options: Any) -> Path: ...
@overload
def write(history: History, fmt: str, path: BinaryIO, **options: Any) -> None: ...
def write(history: History, fmt: str, path: Destination, **options: Any) -> Path | None:
    """Write ``history`` to ``path`` in one of FORMATS; options go to the format.

    ``csv`` takes ``table=``, ``jsonld`` takes ``base=``. A regular file is replaced atomically
    (through a symbolic link, the file it points to); a character device or a FIFO is written
    directly; ``path`` may also be an open binary stream such as ``sys.stdout.buffer``. Returns
    the file written, or None for a stream (see ``coophistory.files.write_output``).
    """
    if fmt == "json":
        return write_output(path, json_text(to_document(history)))
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"coophistory.export.{_MODULES[fmt]}")
    text: str = module.render(history, **options)
    return write_output(path, text)


_MODULES: Final = {
    "csv": "tables",
    "jsonld": "jsonld",
    "graphml": "graphml",
    "timelinejs": "timelinejs",
}
