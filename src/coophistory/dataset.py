"""Locate, read and validate the dataset: TOML (or its lossless JSON export) into typed records.

Loading is all or nothing: every problem in every file is gathered and raised together as one
:class:`~coophistory.exceptions.DataError`; nothing is returned half-loaded.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import hashlib
import itertools
import math
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Final

import attrs
import pendulum

from coophistory.dates import HistoricalDate, parse_date
from coophistory.exceptions import DataError, InvalidDate, Problem
from coophistory.records import (
    FUNCTIONS,
    LAW_KINDS,
    Body,
    Citation,
    Claim,
    Conflict,
    CoopType,
    Event,
    Figure,
    FormerName,
    Law,
    Mandate,
    Source,
)

__all__ = [
    "BUNDLED",
    "SCHEMA_VERSION",
    "TABLES",
    "Records",
    "bundled_path",
    "read_cached",
    "read_records",
]

SCHEMA_VERSION: Final = 1
TABLES: Final = ("sources", "bodies", "coop_types", "laws", "mandates", "events", "conflicts")
_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def bundled_path() -> Path:
    """Find the bundled ``events.toml``: in the installed package first, then in a checkout.

    An editable install imports the package from ``src/``, where the wheel's copy of the data
    does not exist, so the checkout's top-level ``data/`` is the fallback.
    """
    package_copy = Path(__file__).with_name("data") / "events.toml"
    if package_copy.is_file():
        return package_copy
    return Path(__file__).resolve().parents[2] / "data" / "events.toml"


BUNDLED: Final = bundled_path()


@attrs.frozen
class Records:
    """Every record of a validated history, in file order (files in the order given)."""

    schema_version: int
    dataset_version: str
    current_to: HistoricalDate | None
    sources: tuple[Source, ...]
    bodies: tuple[Body, ...]
    coop_types: tuple[CoopType, ...]
    laws: tuple[Law, ...]
    mandates: tuple[Mandate, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]


class _Invalid(Exception):
    """A value of the wrong shape; the message says what was expected."""


# --- converters: each takes a raw value and returns the typed one or raises _Invalid ---------

Converter = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected text, got {_shape(value)}")
    if not value.strip():
        raise _Invalid("must not be empty")
    return value


def _ident(value: Any) -> str:
    text = _text(value)
    if not _ID.fullmatch(text):
        raise _Invalid(f"{text!r} is not a lowercase kebab-case id (like 'savings-and-credit')")
    return text


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"expected a whole number, got {_shape(value)}")
    if not 1 <= value <= 9999:
        raise _Invalid(f"{value} is not a year between 1 and 9999")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(f"expected a number, got {_shape(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Invalid(f"{value} is not a finite number")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected true or false, got {_shape(value)}")
    return value


def _date(value: Any) -> HistoricalDate:
    if isinstance(value, datetime.datetime | datetime.time):
        raise _Invalid(f"expected a date, got a {type(value).__name__} {value}")
    if not isinstance(value, str | datetime.date):
        raise _Invalid(f'expected an EDTF date such as "1978" or 1978-05-20, got {_shape(value)}')
    try:
        return parse_date(value)
    except InvalidDate as err:
        raise _Invalid(str(err)) from err


def _list_of(item: Converter, *, non_empty: bool = False) -> Converter:
    def convert(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Invalid(f"expected a list, got {_shape(value)}")
        if non_empty and not value:
            raise _Invalid("must not be empty")
        converted = []
        for index, element in enumerate(value, start=1):
            try:
                converted.append(item(element))
            except _Invalid as err:
                raise _Invalid(f"item {index}: {err}") from err
        return tuple(converted)

    return convert


def _table(fields: Mapping[str, tuple[Converter, bool]], build: Callable[..., Any]) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            raise _Invalid(f"expected a table like {{ {', '.join(fields)} }}, got {_shape(value)}")
        converted, problems = _convert_fields(value, fields)
        if problems:
            raise _Invalid("; ".join(problems))
        return build(**converted)

    return convert


def _shape(value: Any) -> str:
    names = {
        str: "text",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
        datetime.date: "a date",
    }
    described = names.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{described} {shown if len(shown) <= 40 else shown[:37] + '...'}"


def _convert_fields(
    raw: Mapping[str, Any], fields: Mapping[str, tuple[Converter, bool]]
) -> tuple[dict[str, Any], list[str]]:
    """Convert a raw table by its field spec; return the typed values and every problem found."""
    converted: dict[str, Any] = {}
    problems: list[str] = []
    for key in raw:
        if key not in fields:
            problems.append(f"unknown key {key!r}{_did_you_mean(key, fields)}")
    for key, (convert, required) in fields.items():
        if key not in raw:
            if required:
                problems.append(f"missing required key {key!r}")
            continue
        try:
            converted[key] = convert(raw[key])
        except _Invalid as err:
            problems.append(f"{key}: {err}")
    return converted, problems


def _claim(**values: Any) -> Claim:
    return Claim(values["value"], Citation(values["source"], values["locator"]), values.get("note"))


_CITATIONS: Final = _list_of(
    _table({"source": (_ident, True), "locator": (_text, True)}, Citation), non_empty=True
)
_IDS: Final = _list_of(_ident)
_OPTIONAL_TEXT: Final = (_text, False)

_FIELDS: Final[dict[str, dict[str, tuple[Converter, bool]]]] = {
    "sources": {
        "id": (_ident, True),
        "title": (_text, True),
        "author": _OPTIONAL_TEXT,
        "publisher": _OPTIONAL_TEXT,
        "year": (_integer, False),
        "url": _OPTIONAL_TEXT,
        "archived_url": _OPTIONAL_TEXT,
        "accessed": (_date, False),
        "kind": _OPTIONAL_TEXT,
        "language": _OPTIONAL_TEXT,
        "note": _OPTIONAL_TEXT,
    },
    "bodies": {
        "id": (_ident, True),
        "name": (_text, True),
        "name_es": _OPTIONAL_TEXT,
        "acronyms": (_list_of(_text), False),
        "kind": (_text, True),
        "founded": (_date, False),
        "dissolved": (_date, False),
        "created_by": (_ident, False),
        "dissolved_by": (_ident, False),
        "former_names": (
            _list_of(
                _table(
                    {
                        "name": (_text, True),
                        "name_es": _OPTIONAL_TEXT,
                        "acronym": _OPTIONAL_TEXT,
                        "until": (_date, True),
                    },
                    FormerName,
                )
            ),
            False,
        ),
        "citations": (_CITATIONS, True),
        "conflicts": (_IDS, False),
        "note": _OPTIONAL_TEXT,
    },
    "coop_types": {
        "id": (_ident, True),
        "name": (_text, True),
        "name_es": _OPTIONAL_TEXT,
        "parent": (_ident, False),
        "aliases": (_list_of(_text), False),
        "abstract": (_flag, False),
        "citations": (_CITATIONS, True),
        "note": _OPTIONAL_TEXT,
    },
    "laws": {
        "id": (_ident, True),
        "kind": (_text, True),
        "number": (_text, True),
        "title": (_text, True),
        "title_es": _OPTIONAL_TEXT,
        "promulgated": (_date, False),
        "published": (_date, False),
        "in_force": (_date, False),
        "citations": (_CITATIONS, True),
        "conflicts": (_IDS, False),
        "note": _OPTIONAL_TEXT,
    },
    "mandates": {
        "id": (_ident, False),
        "body": (_ident, True),
        "delegated_by": (_ident, False),
        "function": (_text, True),
        "coop_types": (_list_of(_ident, non_empty=True), True),
        "start": (_date, True),
        "end": (_date, False),
        "basis": (_IDS, False),
        "joint": (_flag, False),
        "citations": (_CITATIONS, True),
        "conflicts": (_IDS, False),
        "note": _OPTIONAL_TEXT,
    },
    "events": {
        "id": (_ident, True),
        "date": (_date, True),
        "kind": (_text, True),
        "title": (_text, True),
        "description": _OPTIONAL_TEXT,
        "bodies": (_IDS, False),
        "coop_types": (_IDS, False),
        "laws": (_IDS, False),
        "figures": (
            _list_of(
                _table(
                    {
                        "value": (_number, True),
                        "unit": (_text, True),
                        "label": (_text, True),
                        "as_of": (_date, False),
                    },
                    Figure,
                )
            ),
            False,
        ),
        "citations": (_CITATIONS, True),
        "conflicts": (_IDS, False),
    },
    "conflicts": {
        "id": (_ident, True),
        "title": (_text, True),
        "description": _OPTIONAL_TEXT,
        "claims": (
            _list_of(
                _table(
                    {
                        "value": (_text, True),
                        "source": (_ident, True),
                        "locator": (_text, True),
                        "note": _OPTIONAL_TEXT,
                    },
                    _claim,
                )
            ),
            True,
        ),
        "span": (_date, False),
        "preferred": _OPTIONAL_TEXT,
        "reason": _OPTIONAL_TEXT,
    },
}
_BUILD: Final[dict[str, Callable[..., Any]]] = {
    "sources": Source,
    "bodies": Body,
    "coop_types": CoopType,
    "laws": Law,
    "mandates": Mandate,
    "events": Event,
    "conflicts": Conflict,
}

# (table, attribute) -> the table its ids must name
_REFERENCES: Final[dict[tuple[str, str], str]] = {
    ("bodies", "created_by"): "laws",
    ("bodies", "dissolved_by"): "laws",
    ("bodies", "conflicts"): "conflicts",
    ("coop_types", "parent"): "coop_types",
    ("laws", "conflicts"): "conflicts",
    ("mandates", "body"): "bodies",
    ("mandates", "delegated_by"): "bodies",
    ("mandates", "coop_types"): "coop_types",
    ("mandates", "basis"): "laws",
    ("mandates", "conflicts"): "conflicts",
    ("events", "bodies"): "bodies",
    ("events", "coop_types"): "coop_types",
    ("events", "laws"): "laws",
    ("events", "conflicts"): "conflicts",
}


class _Located:
    """A parsed record and where it came from, for messages.

    A plain slotted class: an attrs class costs the start-up of every command (code generation).
    """

    __slots__ = ("file", "label", "position", "record", "table")

    def __init__(self, file: str, table: str, position: int, label: str, record: Any) -> None:
        self.file, self.table, self.position, self.label = file, table, position, label
        self.record = record

    def problem(self, message: str) -> Problem:
        return Problem(self.file, self.table, self.position, self.label, message)


def _label(table: str, raw: Mapping[str, Any]) -> str:
    if table == "mandates":
        types = raw.get("coop_types")
        shown = (
            ", ".join(t for t in types if isinstance(t, str)) if isinstance(types, list) else "?"
        )
        return f"{raw.get('body', '?')} → {shown}"
    ident = raw.get("id")
    return ident if isinstance(ident, str) else str(raw.get("title", ""))[:40]


def _read_document(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read one file as a TOML (or, by its extension, JSON) document."""
    try:
        return _decode(path, _read_bytes(path)), []
    except _Invalid as err:
        return None, [Problem(str(path), None, None, None, str(err))]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"no such data file: {path}") from None
    except IsADirectoryError:
        raise _Invalid("is a directory, not a data file") from None
    except OSError as err:
        raise _Invalid(f"cannot be read: {err.strerror}") from err


def _decode(path: Path, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _Invalid(
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from err
    # parsers imported here: a cached answer never needs them, and each costs the CLI's start
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _Invalid(f"is not valid TOML: {err}") from err
    except json.JSONDecodeError as err:
        raise _Invalid(f"is not valid JSON: {err}") from err
    except (RecursionError, ValueError) as err:
        raise _Invalid(f"cannot be parsed: {type(err).__name__}") from err
    if not isinstance(document, dict):
        raise _Invalid("must hold a table of tables at the top")
    return document


def _check_top(
    name: str, document: Mapping[str, Any]
) -> tuple[str | None, HistoricalDate | None, list[Problem]]:
    """The document's dataset_version and current_to, and the problems of its top-level keys."""
    messages = []
    current_to = None
    if "current_to" in document:
        try:
            current_to = _date(document["current_to"])
        except _Invalid as err:
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
            messages.append(f"unknown top-level key {key!r}{_did_you_mean(key, TABLES)}")
    for table in TABLES:
        rows = document.get(table, [])
        if not isinstance(rows, list):
            messages.append(
                f"'{table}' must be an array of tables ([[{table}]]), got {_shape(rows)}"
            )
    return version, current_to, [Problem(name, None, None, None, m) for m in messages]


def _parse_document(
    name: str,
    document: Mapping[str, Any],
    located: dict[str, list[_Located]],
    unbuilt: dict[str, list[_Located]],
    claimed: dict[str, set[str]],
) -> tuple[str | None, HistoricalDate | None, list[Problem]]:
    """Convert one document's tables into records, appending them to ``located``.

    A record with problems goes to ``unbuilt`` with the values that did convert, so that its
    references are checked in the same pass. Returns the dataset_version, the current_to day
    and the problems.
    """
    version, current_to, problems = _check_top(name, document)
    for table in TABLES:
        rows = document.get(table, [])
        for position, raw in enumerate(rows if isinstance(rows, list) else [], start=1):
            if not isinstance(raw, dict):
                problems.append(
                    Problem(name, table, position, None, f"expected a table, got {_shape(raw)}")
                )
                continue
            label = _label(table, raw)
            if isinstance(raw.get("id"), str):
                claimed[table].add(raw["id"])
            values, messages = _convert_fields(raw, _FIELDS[table])
            if not messages:
                record, messages = _build(table, values)
            problems.extend(Problem(name, table, position, label, m) for m in messages)
            if messages:
                unbuilt[table].append(
                    _Located(name, table, position, label, SimpleNamespace(**values))
                )
            else:
                located[table].append(_Located(name, table, position, label, record))
    return version, current_to, problems


def _build(table: str, values: dict[str, Any]) -> tuple[Any, list[str]]:
    """Build one record, unless the rules that concern it alone find problems."""
    rules = _RECORD_RULES.get(table)
    messages = list(rules(values)) if rules else []
    return (None, messages) if messages else (_BUILD[table](**values), [])


def _mandate_rules(values: dict[str, Any]) -> Iterator[str]:
    if values["function"] not in FUNCTIONS:
        yield f"unknown function {values['function']!r}; expected one of {', '.join(FUNCTIONS)}"
    start, end = values["start"], values.get("end")
    for key, boundary in (("start", start), ("end", end)):
        if boundary is not None and (boundary.start is None or boundary.end is None):
            yield f"{key} {str(boundary)!r} is open; a mandate's boundary must be closed"
    if values.get("delegated_by") == values["body"]:
        yield "a body cannot delegate to itself"
    if end is not None and end.latest and start.earliest and end.latest <= start.earliest:
        yield f"ends ({end}) before it starts ({start})"


def _law_rules(values: dict[str, Any]) -> Iterator[str]:
    if values["kind"] not in LAW_KINDS:
        yield f"unknown law kind {values['kind']!r}" + (
            _did_you_mean(values["kind"], LAW_KINDS) or f"; expected one of {', '.join(LAW_KINDS)}"
        )
    if not any(key in values for key in ("promulgated", "published", "in_force")):
        yield "needs at least one of 'promulgated', 'published' or 'in_force'"


def _body_rules(values: dict[str, Any]) -> Iterator[str]:
    founded, dissolved = values.get("founded"), values.get("dissolved")
    if founded is None or dissolved is None:
        return
    if founded.earliest and dissolved.latest and dissolved.latest < founded.earliest:
        yield f"dissolved ({dissolved}) before it was founded ({founded})"


def _conflict_rules(values: dict[str, Any]) -> Iterator[str]:
    claims = values["claims"]
    if len(claims) < 2:
        yield "a conflict needs at least two claims"
    if "preferred" in values and values["preferred"] not in {c.value for c in claims}:
        yield f"preferred {values['preferred']!r} is not the value of any claim"
    if "reason" in values and "preferred" not in values:
        yield "'reason' explains a 'preferred' claim; name the claim too"


_RECORD_RULES: Final[dict[str, Callable[[dict[str, Any]], Iterator[str]]]] = {
    "mandates": _mandate_rules,
    "laws": _law_rules,
    "bodies": _body_rules,
    "conflicts": _conflict_rules,
}


def _did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> str:
    """A hint naming the closest choices, or the empty string."""
    import difflib  # noqa: PLC0415 - only on a problem, off the start-up path

    close = difflib.get_close_matches(word, sorted(choices), n=count)
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""


def _ids_of(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        yield from value


def _check_references(
    located: Mapping[str, list[_Located]],
    unbuilt: Mapping[str, list[_Located]],
    claimed: Mapping[str, set[str]],
) -> Iterator[Problem]:
    """References to ids that no record has, from every record, built or not.

    The ids of records that failed to build still count as known, so one mistake is reported
    once, not again at every reference to it.
    """
    known = {
        table: claimed[table] | {item.record.id for item in located[table] if table != "mandates"}
        for table in TABLES
    }
    for table in TABLES:
        for item in itertools.chain(located[table], unbuilt[table]):
            for (ref_table, attribute), target in _REFERENCES.items():
                if ref_table != table:
                    continue
                for ident in _ids_of(getattr(item.record, attribute, None)):
                    if ident not in known[target]:
                        yield item.problem(_unknown(attribute, ident, known[target]))
            for citation in getattr(item.record, "citations", ()):
                if citation.source not in known["sources"]:
                    yield item.problem(_unknown("source", citation.source, known["sources"]))


def _unknown(what: str, ident: str, known: Iterable[str]) -> str:
    return f"{what} refers to unknown id {ident!r}{_did_you_mean(ident, known, 3)}"


def _check_duplicates(located: Mapping[str, list[_Located]]) -> Iterator[Problem]:
    for table in TABLES:
        first: dict[str, _Located] = {}
        for item in located[table]:
            key = item.record.key if table == "mandates" else item.record.id
            if key is None:
                continue
            if key in first:
                earlier = first[key]
                yield item.problem(
                    f"duplicate id {key!r} (first at {earlier.file}: {table} #{earlier.position})"
                )
            else:
                first[key] = item


def _check_basis_dates(located: Mapping[str, list[_Located]]) -> Iterator[Problem]:
    """A mandate cannot rest on a law dated after the mandate began."""
    laws = {item.record.id: item.record for item in located["laws"]}
    for item in located["mandates"]:
        start = item.record.start
        for law_id in item.record.basis:
            law = laws.get(law_id)
            dated = None if law is None else law.date
            after = None if dated is None else dated.earliest  # '../1992': no earliest day
            if after is not None and after > start.latest:
                yield item.problem(
                    f"basis {law_id!r} is dated {dated}, after the mandate starts ({start})"
                )


def _check_taxonomy(located: Mapping[str, list[_Located]]) -> Iterator[Problem]:
    parents = {item.record.id: item.record.parent for item in located["coop_types"]}
    reported: set[str] = set()
    for item in located["coop_types"]:
        seen: list[str] = []
        node: str | None = item.record.id
        while node is not None and node in parents and node not in seen:
            seen.append(node)
            node = parents[node]
        if node is not None and node in seen and node not in reported:
            cycle = seen[seen.index(node) :]
            reported.update(cycle)
            yield item.problem(f"the type taxonomy has a cycle: {' → '.join([*cycle, node])}")


def _check_overlaps(located: Mapping[str, list[_Located]]) -> Iterator[Problem]:
    """Different bodies certainly holding one function over one type on the same day."""
    by_key: dict[tuple[str, str], list[_Located]] = defaultdict(list)
    certain: dict[int, tuple[pendulum.Date, pendulum.Date | None]] = {}
    for item in located["mandates"]:
        period = item.record.period  # a new Period each time: work its bounds out once
        certain[id(item)] = (period.certain_start, period.certain_end)
        for coop_type in item.record.coop_types:
            by_key[(item.record.function, coop_type)].append(item)
    for (function, coop_type), items in by_key.items():
        # file order breaks ties (items themselves do not compare)
        spans = sorted(((certain[id(item)], item) for item in items), key=lambda s: s[0][0])
        active: list[tuple[pendulum.Date | None, _Located]] = []
        for (start, end), item in spans:
            active = [(e, a) for e, a in active if e is None or e > start]
            if end is not None and end <= start:
                continue
            for _, other in active:
                if _may_overlap(item.record, other.record):
                    continue
                yield item.problem(
                    f"overlaps {other.table} #{other.position} ({other.label}) in {function} of "
                    f"{coop_type!r}: both certainly in force on {start}; mark both 'joint = true', "
                    "or make one 'delegated_by' the other"
                )
            active.append((end, item))


def _may_overlap(one: Mandate, other: Mandate) -> bool:
    return (
        other.body in {one.body, one.delegated_by}
        or one.body == other.delegated_by
        or (one.joint and other.joint)
    )


def read_records(paths: Sequence[Path]) -> Records:
    """Read and validate the given files together; raise DataError with every problem found.

    Raises FileNotFoundError (naming the path) for a file that does not exist.
    """
    with _no_cyclic_gc():
        return _read_records(paths)


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes records.

    Parsing allocates millions of objects that all stay alive; each full collection walks all
    of them again, which made loading grow faster than the file (13x the time for 10x the
    records). Reference counting still frees everything it can meanwhile.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_records(paths: Sequence[Path]) -> Records:
    located: dict[str, list[_Located]] = {table: [] for table in TABLES}
    unbuilt: dict[str, list[_Located]] = {table: [] for table in TABLES}
    claimed: dict[str, set[str]] = {table: set() for table in TABLES}
    problems: list[Problem] = []
    versions: list[str] = []
    current: list[HistoricalDate] = []
    for path in paths:
        document, read_problems = _read_document(path)
        problems.extend(read_problems)
        if document is None:
            continue
        version, current_to, parse_problems = _parse_document(
            str(path), document, located, unbuilt, claimed
        )
        problems.extend(parse_problems)
        current += [current_to] if current_to is not None else []
        versions += [version] if version is not None and version not in versions else []
    problems.extend(_check_references(located, unbuilt, claimed))
    for check in (_check_duplicates, _check_basis_dates, _check_taxonomy, _check_overlaps):
        problems.extend(check(located))
    if problems:
        raise DataError(sorted(problems, key=_reading_order([str(p) for p in paths])))
    return Records(
        SCHEMA_VERSION,
        "+".join(versions),
        min(current) if current else None,  # over several files, the oldest day holds
        *(tuple(item.record for item in located[table]) for table in TABLES),
    )


def _reading_order(files: list[str]) -> Callable[[Problem], tuple[int, int, int]]:
    """Sort problems as a curator reads them: by file, table and record, each record's together."""

    def key(problem: Problem) -> tuple[int, int, int]:
        file = files.index(problem.file) if problem.file in files else len(files)
        table = TABLES.index(problem.table) if problem.table in TABLES else -1
        return file, table, problem.position or 0

    return key


def _cache_folder() -> Path | None:
    """Where parsed data is cached: $COOPHISTORY_CACHE_DIR, else the user's cache folder."""
    if os.environ.get("COOPHISTORY_NO_CACHE"):
        return None
    chosen = os.environ.get("COOPHISTORY_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coophistory"


def _cache_key(data: bytes) -> str:
    """A key that changes with the data and with the code that validates it."""
    digest = hashlib.sha256(data)
    for module in ("dataset.py", "records.py", "dates.py"):
        stat = (Path(__file__).parent / module).stat()
        digest.update(f"{module}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def read_cached(path: Path) -> Records:
    """Read and validate one file, reusing the result cached for the same bytes and code.

    The cache only ever holds data that validated; any trouble reading it means a fresh parse.
    """
    folder = _cache_folder()
    if folder is None:
        return read_records([path])
    data = _read_bytes_or_raise(path)
    cached = folder / f"records-{_cache_key(data)}.pickle"
    try:
        records = pickle.loads(cached.read_bytes())  # noqa: S301 - our own cache, keyed by hash
        if isinstance(records, Records):
            return records
    except Exception:  # noqa: S110 - an unreadable cache is simply rebuilt
        pass
    records = read_records([path])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    except OSError:
        pass  # a read-only home: answer anyway, uncached
    return records


def _read_bytes_or_raise(path: Path) -> bytes:
    try:
        return _read_bytes(path)
    except _Invalid as err:
        raise DataError([Problem(str(path), None, None, None, str(err))]) from err
