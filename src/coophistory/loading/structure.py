"""One document's tables into records: the top-level keys, each record, and its own rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import Any, Final

from coophistory.dates import HistoricalDate
from coophistory.errors import Problem
from coophistory.loading.convert import date_value, field_values, structure
from coophistory.loading.decode import Invalid, did_you_mean, shape
from coophistory.records import (
    FUNCTIONS,
    LAW_KINDS,
    SCHEMA_VERSION,
    TABLES,
    Body,
    Conflict,
    Law,
    Mandate,
)
from coophistory.schema import CLASSES

__all__ = ["Located", "parse_document"]


class Located:
    """A parsed record and where it came from, for messages.

    A plain slotted class: an attrs class costs the start-up of every command (code generation).
    """

    __slots__ = ("file", "label", "position", "record", "table")

    def __init__(self, file: str, table: str, position: int, label: str, record: Any) -> None:
        self.file, self.table, self.position, self.label = file, table, position, label
        self.record = record

    def problem(self, message: str) -> Problem:
        """A problem located at this record."""
        return Problem(self.file, self.table, self.position, self.label, message)


def record_label(table: str, raw: Mapping[str, Any]) -> str:
    if table == "mandates":
        types = raw.get("coop_types")
        shown = (
            ", ".join(t for t in types if isinstance(t, str)) if isinstance(types, list) else "?"
        )
        return f"{raw.get('body', '?')} → {shown}"
    ident = raw.get("id")
    return ident if isinstance(ident, str) else str(raw.get("title", ""))[:40]


def check_top(
    name: str, document: Mapping[str, Any]
) -> tuple[str | None, HistoricalDate | None, list[Problem]]:
    """The document's dataset_version and current_to, and the problems of its top-level keys."""
    messages = []
    current_to = None
    if "current_to" in document:
        try:
            current_to = date_value(document["current_to"])
        except Invalid as err:
            messages.append(f"'current_to' at the top: {err}")
        else:
            if not current_to.is_exact_day:
                messages.append(f"'current_to' must be a day (YYYY-MM-DD), got {current_to}")
                current_to = None
    schema = document.get("schema_version")
    if schema is None:
        messages.append("missing 'schema_version' at the top")
    elif schema != SCHEMA_VERSION or isinstance(schema, bool):
        messages.append(
            f"schema_version {schema!r} is not supported (this library reads {SCHEMA_VERSION})"
        )
    version = document.get("dataset_version")
    if not isinstance(version, str) or not version.strip():
        messages.append("missing or empty 'dataset_version' (text) at the top")
        version = None
    for key in document:
        if key not in (*TABLES, "schema_version", "dataset_version", "current_to"):
            messages.append(f"unknown top-level key {key!r}{did_you_mean(key, TABLES)}")
    for table in TABLES:
        rows = document.get(table, [])
        if not isinstance(rows, list):
            messages.append(
                f"'{table}' must be an array of tables ([[{table}]]), got {shape(rows)}"
            )
    return version, current_to, [Problem(name, None, None, None, m) for m in messages]


def parse_document(
    name: str,
    document: Mapping[str, Any],
    located: dict[str, list[Located]],
    unbuilt: dict[str, list[Located]],
    claimed: dict[str, set[str]],
) -> tuple[str | None, HistoricalDate | None, list[Problem]]:
    """Convert one document's tables into records, appending them to ``located``.

    A record with problems goes to ``unbuilt`` with the values that did convert, so that its
    references are checked in the same pass. Returns the dataset_version, the current_to day
    and the problems.
    """
    version, current_to, problems = check_top(name, document)
    for table in TABLES:
        rows = document.get(table, [])
        for position, raw in enumerate(rows if isinstance(rows, list) else [], start=1):
            if not isinstance(raw, dict):
                problems.append(
                    Problem(name, table, position, None, f"expected a table, got {shape(raw)}")
                )
                continue
            label = record_label(table, raw)
            if isinstance(raw.get("id"), str):
                claimed[table].add(raw["id"])
            cls = CLASSES[table]
            record, messages = structure(cls, raw)
            if record is not None:
                messages = list(RECORD_RULES[table](record)) if table in RECORD_RULES else []
            problems.extend(Problem(name, table, position, label, m) for m in messages)
            if messages:
                known = record or SimpleNamespace(**field_values(cls, raw))
                unbuilt[table].append(Located(name, table, position, label, known))
            else:
                located[table].append(Located(name, table, position, label, record))
    return version, current_to, problems


def _mandate_rules(mandate: Mandate) -> Iterator[str]:
    if mandate.function not in FUNCTIONS:
        yield f"unknown function {mandate.function!r}; expected one of {', '.join(FUNCTIONS)}"
    start, end = mandate.start, mandate.end
    for key, boundary in (("start", start), ("end", end)):
        if boundary is not None and (boundary.start is None or boundary.end is None):
            yield f"{key} {str(boundary)!r} is open; a mandate's boundary must be closed"
    if mandate.delegated_by == mandate.body:
        yield "a body cannot delegate to itself"
    if end is not None and end.latest and start.earliest and end.latest <= start.earliest:
        yield f"ends ({end}) before it starts ({start})"


def _law_rules(law: Law) -> Iterator[str]:
    if law.kind not in LAW_KINDS:
        yield f"unknown law kind {law.kind!r}" + (
            did_you_mean(law.kind, LAW_KINDS) or f"; expected one of {', '.join(LAW_KINDS)}"
        )
    if law.promulgated is None and law.published is None and law.in_force is None:
        yield "needs at least one of 'promulgated', 'published' or 'in_force'"


def _body_rules(body: Body) -> Iterator[str]:
    founded, dissolved = body.founded, body.dissolved
    if founded is None or dissolved is None:
        return
    if founded.earliest and dissolved.latest and dissolved.latest < founded.earliest:
        yield f"dissolved ({dissolved}) before it was founded ({founded})"


def _conflict_rules(conflict: Conflict) -> Iterator[str]:
    claims, preferred = conflict.claims, conflict.preferred
    if len(claims) < 2:
        yield "a conflict needs at least two claims"
    if preferred is not None and preferred not in {c.value for c in claims}:
        yield f"preferred {preferred!r} is not the value of any claim"
    if conflict.reason is not None and preferred is None:
        yield "'reason' explains a 'preferred' claim; name the claim too"


RECORD_RULES: Final[dict[str, Callable[[Any], Iterator[str]]]] = {
    "mandates": _mandate_rules,
    "laws": _law_rules,
    "bodies": _body_rules,
    "conflicts": _conflict_rules,
}
