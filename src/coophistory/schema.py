"""The data file's schema, read off the attrs records: each table's class, keys and references."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import attrs

from coophistory import records
from coophistory.dates import HistoricalDate
from coophistory.records import TABLES, Body, Conflict, CoopType, Event, Law, Mandate, Source

__all__ = [
    "CLASSES",
    "columns",
    "fields",
    "flat_class",
    "keys",
    "per_class",
    "plain",
    "references",
    "required",
    "row",
]

_T = TypeVar("_T")

#: The record class of each table of a data file.
CLASSES: Final[dict[str, type[Any]]] = dict(
    zip(TABLES, (Source, Body, CoopType, Law, Mandate, Event, Conflict), strict=True)
)


def per_class(compute: Callable[[type[Any]], _T]) -> Callable[[type[Any]], _T]:
    """Remember what ``compute`` found for each record class (classes never change)."""
    found: dict[type[Any], _T] = {}

    @functools.wraps(compute)
    def remembered(cls: type[Any]) -> _T:
        if cls not in found:
            found[cls] = compute(cls)
        return found[cls]

    return remembered


@per_class
def fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """A record class's fields, in the order a curator writes them, their types resolved.

    As ``attrs.resolve_types(cls, globalns=vars(records))`` does, but each annotation's text is
    evaluated once for every class (``typing.get_type_hints`` compiles each field's anew, ~1.5 ms
    of the first answer); a name the records' module lacks falls back to attrs.
    """
    if getattr(cls, "__attrs_types_resolved__", None) is not cls:
        try:
            hints = {f.name: _hint(f.type) for f in attrs.fields(cls) if isinstance(f.type, str)}
        except NameError:
            attrs.resolve_types(cls, globalns=vars(records))
        else:
            for name, hint in hints.items():
                object.__setattr__(getattr(attrs.fields(cls), name), "type", hint)  # as attrs does
            cls.__attrs_types_resolved__ = cls
    return tuple(attrs.fields(cls))


@functools.cache
def _hint(annotation: str) -> Any:
    """The type an annotation of the records' module names (they are all plain expressions)."""
    return eval(annotation, vars(records))  # noqa: S307 - our own modules' annotations


def flat_class(field: attrs.Attribute[Any]) -> type[Any]:
    """The record class of a flat field (one whose keys sit in its parent's table)."""
    return cast(type[Any], field.type)


@per_class
def keys(cls: type[Any]) -> tuple[str, ...]:
    """The keys of a record's table: its fields, a flat field's own keys in its place."""
    found: list[str] = []
    for field in fields(cls):
        found += keys(flat_class(field)) if field.metadata.get("flat") else [field.name]
    return tuple(found)


@per_class
def required(cls: type[Any]) -> frozenset[str]:
    """The keys a record's table must have: its fields without a default."""
    found: set[str] = set()
    for field in fields(cls):
        if field.metadata.get("flat"):
            found |= required(flat_class(field))
        elif field.default is attrs.NOTHING:
            found.add(field.name)
    return frozenset(found)


def columns(table: str) -> tuple[str, ...]:
    """The keys of one table of a data file (also the CSV columns of its export)."""
    return keys(CLASSES[table])


@functools.cache
def references() -> dict[tuple[str, str], str]:
    """Each (table, key) holding ids of other records, and the table those ids must name."""
    return {
        (table, field.name): field.metadata["refers"]
        for table, cls in CLASSES.items()
        for field in fields(cls)
        if "refers" in field.metadata
    }


def row(record: Any) -> dict[str, Any]:
    """A record as its table in a data file: plain values, fields at their default left out."""
    found: dict[str, Any] = {}
    for field in fields(type(record)):
        value = getattr(record, field.name)
        if field.metadata.get("flat"):
            found |= row(value)
        elif field.default is attrs.NOTHING or value != field.default:
            found[field.name] = plain(value)
    return found


def plain(value: Any) -> Any:
    """A record's value as JSON data: dates as EDTF text, tuples as lists, records as tables."""
    if isinstance(value, HistoricalDate):
        return str(value)
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if attrs.has(type(value)):
        return row(value)
    return value
