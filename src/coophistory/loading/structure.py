"""One document's tables into records: the top-level keys, each record, and its own rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import Any, Final

from coophistory.dates import HistoricalDate
from coophistory.errors import Phrase, Problem
from coophistory.i18n import N_
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

    def problem(self, phrase: Phrase) -> Problem:
        """A problem located at this record."""
        return Problem.said(self.file, self.table, self.position, self.label, phrase)


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
    messages: list[Phrase] = []
    current_to = None
    if "current_to" in document:
        try:
            current_to = date_value(document["current_to"])
        except Invalid as err:
            messages.append(Phrase(N_("'current_to' at the top: {problem}"), problem=err.phrase))
        else:
            if not current_to.is_exact_day:
                told = Phrase(
                    N_("'current_to' must be a day (YYYY-MM-DD), got {value}"), value=current_to
                )
                messages.append(told)
                current_to = None
    schema = document.get("schema_version")
    if schema is None:
        messages.append(Phrase(N_("missing 'schema_version' at the top")))
    elif schema != SCHEMA_VERSION or isinstance(schema, bool):
        messages.append(
            Phrase(
                N_("schema_version {value} is not supported (this library reads {supported})"),
                value=repr(schema),
                supported=SCHEMA_VERSION,
            )
        )
    version = document.get("dataset_version")
    if not isinstance(version, str) or not version.strip():
        messages.append(Phrase(N_("missing or empty 'dataset_version' (text) at the top")))
        version = None
    for key in document:
        if key not in (*TABLES, "schema_version", "dataset_version", "current_to"):
            hint = did_you_mean(key, TABLES)
            messages.append(
                Phrase(N_("unknown top-level key {key}{hint}"), key=repr(key), hint=hint)
            )
    for table in TABLES:
        rows = document.get(table, [])
        if not isinstance(rows, list):
            array = N_("'{table}' must be an array of tables ([[{table}]]), got {value}")
            messages.append(Phrase(array, table=table, value=shape(rows)))
    return version, current_to, [Problem.said(name, None, None, None, m) for m in messages]


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
                told = Phrase(N_("expected a table, got {value}"), value=shape(raw))
                problems.append(Problem.said(name, table, position, None, told))
                continue
            label = record_label(table, raw)
            if isinstance(raw.get("id"), str):
                claimed[table].add(raw["id"])
            cls = CLASSES[table]
            record, messages = structure(cls, raw)
            if record is not None:
                messages = list(RECORD_RULES[table](record)) if table in RECORD_RULES else []
            problems.extend(Problem.said(name, table, position, label, m) for m in messages)
            if messages:
                known = record or SimpleNamespace(**field_values(cls, raw))
                unbuilt[table].append(Located(name, table, position, label, known))
            else:
                located[table].append(Located(name, table, position, label, record))
    return version, current_to, problems


def _mandate_rules(mandate: Mandate) -> Iterator[Phrase]:
    if mandate.function not in FUNCTIONS:
        yield Phrase(
            N_("unknown function {value}; expected one of {choices}"),
            value=repr(mandate.function),
            choices=", ".join(FUNCTIONS),
        )
    start, end = mandate.start, mandate.end
    for key, boundary in (("start", start), ("end", end)):
        if boundary is not None and (boundary.start is None or boundary.end is None):
            told = N_("{key} {value} is open; a mandate's boundary must be closed")
            yield Phrase(told, key=key, value=repr(str(boundary)))
    if mandate.delegated_by == mandate.body:
        yield Phrase(N_("a body cannot delegate to itself"))
    if end is not None and end.latest and start.earliest and end.latest <= start.earliest:
        yield Phrase(N_("ends ({end}) before it starts ({start})"), end=end, start=start)


def _law_rules(law: Law) -> Iterator[Phrase]:
    if law.kind not in LAW_KINDS:
        hint = did_you_mean(law.kind, LAW_KINDS)
        if hint:
            yield Phrase(N_("unknown law kind {value}{hint}"), value=repr(law.kind), hint=hint)
        else:
            told = N_("unknown law kind {value}; expected one of {choices}")
            yield Phrase(told, value=repr(law.kind), choices=", ".join(LAW_KINDS))
    if law.promulgated is None and law.published is None and law.in_force is None:
        yield Phrase(N_("needs at least one of 'promulgated', 'published' or 'in_force'"))


def _body_rules(body: Body) -> Iterator[Phrase]:
    founded, dissolved = body.founded, body.dissolved
    if founded is None or dissolved is None:
        return
    if founded.earliest and dissolved.latest and dissolved.latest < founded.earliest:
        told = N_("dissolved ({dissolved}) before it was founded ({founded})")
        yield Phrase(told, dissolved=dissolved, founded=founded)


def _conflict_rules(conflict: Conflict) -> Iterator[Phrase]:
    claims, preferred = conflict.claims, conflict.preferred
    if len(claims) < 2:
        yield Phrase(N_("a conflict needs at least two claims"))
    if preferred is not None and preferred not in {c.value for c in claims}:
        yield Phrase(N_("preferred {value} is not the value of any claim"), value=repr(preferred))
    if conflict.reason is not None and preferred is None:
        yield Phrase(N_("'reason' explains a 'preferred' claim; name the claim too"))


RECORD_RULES: Final[dict[str, Callable[[Any], Iterator[Phrase]]]] = {
    "mandates": _mandate_rules,
    "laws": _law_rules,
    "bodies": _body_rules,
    "conflicts": _conflict_rules,
}
