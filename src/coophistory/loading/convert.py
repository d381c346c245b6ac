"""Structuring plain values into records, field by field, every problem of a record at once."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from coophistory.dates import HistoricalDate, parse_date
from coophistory.errors import InvalidDateError
from coophistory.loading.decode import Invalid, did_you_mean, shape
from coophistory.records import (
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

__all__ = ["BUILD", "FIELDS", "REFERENCES", "Converter", "convert_fields", "date_value"]

_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# --- converters: each takes a raw value and returns the typed one or raises Invalid ---------

Converter = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {shape(value)}")
    if not value.strip():
        raise Invalid("must not be empty")
    return value


def _ident(value: Any) -> str:
    text = _text(value)
    if not _ID.fullmatch(text):
        raise Invalid(f"{text!r} is not a lowercase kebab-case id (like 'savings-and-credit')")
    return text


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {shape(value)}")
    if not 1 <= value <= 9999:
        raise Invalid(f"{value} is not a year between 1 and 9999")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(f"expected a number, got {shape(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(f"{value} is not a finite number")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {shape(value)}")
    return value


def date_value(value: Any) -> HistoricalDate:
    """A historical date from EDTF text or a TOML date; a date-time is refused."""
    if isinstance(value, datetime.datetime | datetime.time):
        raise Invalid(f"expected a date, got a {type(value).__name__} {value}")
    if not isinstance(value, str | datetime.date):
        raise Invalid(f'expected an EDTF date such as "1978" or 1978-05-20, got {shape(value)}')
    try:
        return parse_date(value)
    except InvalidDateError as err:
        raise Invalid(str(err)) from err


def _list_of(item: Converter, *, non_empty: bool = False) -> Converter:
    def convert(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, got {shape(value)}")
        if non_empty and not value:
            raise Invalid("must not be empty")
        converted = []
        for index, element in enumerate(value, start=1):
            try:
                converted.append(item(element))
            except Invalid as err:
                raise Invalid(f"item {index}: {err}") from err
        return tuple(converted)

    return convert


def _table(fields: Mapping[str, tuple[Converter, bool]], build: Callable[..., Any]) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Invalid(f"expected a table like {{ {', '.join(fields)} }}, got {shape(value)}")
        converted, problems = convert_fields(value, fields)
        if problems:
            raise Invalid("; ".join(problems))
        return build(**converted)

    return convert


def convert_fields(
    raw: Mapping[str, Any], fields: Mapping[str, tuple[Converter, bool]]
) -> tuple[dict[str, Any], list[str]]:
    """Convert a raw table by its field spec; return the typed values and every problem found."""
    converted: dict[str, Any] = {}
    problems: list[str] = []
    for key in raw:
        if key not in fields:
            problems.append(f"unknown key {key!r}{did_you_mean(key, fields)}")
    for key, (convert, required) in fields.items():
        if key not in raw:
            if required:
                problems.append(f"missing required key {key!r}")
            continue
        try:
            converted[key] = convert(raw[key])
        except Invalid as err:
            problems.append(f"{key}: {err}")
    return converted, problems


def _claim(**values: Any) -> Claim:
    return Claim(values["value"], Citation(values["source"], values["locator"]), values.get("note"))


_CITATIONS: Final = _list_of(
    _table({"source": (_ident, True), "locator": (_text, True)}, Citation), non_empty=True
)
_IDS: Final = _list_of(_ident)
_OPTIONAL_TEXT: Final = (_text, False)

FIELDS: Final[dict[str, dict[str, tuple[Converter, bool]]]] = {
    "sources": {
        "id": (_ident, True),
        "title": (_text, True),
        "author": _OPTIONAL_TEXT,
        "publisher": _OPTIONAL_TEXT,
        "year": (_integer, False),
        "url": _OPTIONAL_TEXT,
        "archived_url": _OPTIONAL_TEXT,
        "accessed": (date_value, False),
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
        "founded": (date_value, False),
        "dissolved": (date_value, False),
        "created_by": (_ident, False),
        "dissolved_by": (_ident, False),
        "former_names": (
            _list_of(
                _table(
                    {
                        "name": (_text, True),
                        "name_es": _OPTIONAL_TEXT,
                        "acronym": _OPTIONAL_TEXT,
                        "until": (date_value, True),
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
        "promulgated": (date_value, False),
        "published": (date_value, False),
        "in_force": (date_value, False),
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
        "start": (date_value, True),
        "end": (date_value, False),
        "basis": (_IDS, False),
        "joint": (_flag, False),
        "citations": (_CITATIONS, True),
        "conflicts": (_IDS, False),
        "note": _OPTIONAL_TEXT,
    },
    "events": {
        "id": (_ident, True),
        "date": (date_value, True),
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
                        "as_of": (date_value, False),
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
        "preferred": _OPTIONAL_TEXT,
        "reason": _OPTIONAL_TEXT,
    },
}
BUILD: Final[dict[str, Callable[..., Any]]] = {
    "sources": Source,
    "bodies": Body,
    "coop_types": CoopType,
    "laws": Law,
    "mandates": Mandate,
    "events": Event,
    "conflicts": Conflict,
}

# (table, attribute) -> the table its ids must name
REFERENCES: Final[dict[tuple[str, str], str]] = {
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
