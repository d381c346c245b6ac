"""Structuring plain values into records, each field's check read off its attrs field.

The hooks here check one value each, derived from the field's type and metadata
(:mod:`coophistory.records`), and say in plain words what is wrong. Nothing else states the
schema: a new field is a new attribute on a record class. A table whose values all check out
(every table of a valid file) becomes its record by calling the hooks directly; only a table
with a problem goes through cattrs, which walks the class and gathers every field's problem
(detailed validation). cattrs is imported then, and only then: it costs start-up.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, cast

import attrs

from coophistory.dates import HistoricalDate, parse_date
from coophistory.errors import InvalidDateError
from coophistory.loading.decode import Invalid, did_you_mean, shape
from coophistory.schema import fields, flat_class, keys, per_class

__all__ = ["Hook", "date_value", "field_values", "structure"]

_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: A check of one raw value: the typed value, or Invalid saying what is wrong.
Hook = Callable[[Any], Any]


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


def _year(value: Any) -> int:
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


def _list_of(item: Hook, *, non_empty: bool) -> Hook:
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


def _table(cls: type[Any]) -> Hook:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Invalid(f"expected a table like {{ {', '.join(keys(cls))} }}, got {shape(value)}")
        record, problems = structure(cls, value)
        if problems:
            raise Invalid("; ".join(problems))
        return record

    return convert


class _Flat(Exception):
    """The problems of a record whose keys sit in its parent's table, reported unprefixed."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _flat(cls: type[Any]) -> Hook:
    def convert(value: Any) -> Any:
        record, problems = structure(cls, value)
        if problems:
            raise _Flat(problems)
        return record

    return convert


_SCALARS: Final[dict[object, Hook]] = {
    str: _text,
    int: _year,
    float: _number,
    bool: _flag,
    HistoricalDate: date_value,
}


def _hook(field: attrs.Attribute[Any]) -> Hook:
    """The check of one field's raw value, from its type and metadata."""
    kind = _without_none(field.type)
    if field.metadata.get("flat"):
        return _flat(kind)
    if typing.get_origin(kind) is tuple:
        return _list_of(
            _item(typing.get_args(kind)[0], field), non_empty=bool(field.metadata.get("non_empty"))
        )
    return _item(kind, field)


def _item(kind: Any, field: attrs.Attribute[Any]) -> Hook:
    if field.metadata.get("id"):
        return _ident
    if typing.get_origin(kind) is typing.Literal:
        return _text  # the allowed values are a record rule, with a message of its own
    if attrs.has(kind) and kind is not HistoricalDate:
        return _table(kind)
    return _SCALARS[kind]


def _without_none(kind: Any) -> Any:
    if isinstance(kind, types.UnionType):
        rest = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else kind
    return kind


@per_class
def _hooks(cls: type[Any]) -> dict[str, Hook]:
    return {field.name: _hook(field) for field in fields(cls)}


@functools.cache
def _converter() -> Any:
    import cattrs  # noqa: PLC0415 - only a table with a problem needs it

    return cattrs.Converter(detailed_validation=True)


@per_class
def _structure_fn(cls: type[Any]) -> Callable[[Mapping[str, Any], Any], Any]:
    from cattrs.gen import make_dict_structure_fn, override  # noqa: PLC0415 - as _converter

    overrides: dict[str, Any] = {
        name: override(struct_hook=_call(hook)) for name, hook in _hooks(cls).items()
    }
    fn = make_dict_structure_fn(cls, _converter(), _cattrs_detailed_validation=True, **overrides)
    return cast(Callable[[Mapping[str, Any], Any], Any], fn)


def _quick(cls: type[Any], nested: Mapping[str, Any]) -> Any:
    """The record when every value checks out, else None (cattrs then says what is wrong)."""
    try:
        return cls(**{name: hook(nested[name]) for name, hook in _checks(cls) if name in nested})
    except (Invalid, _Flat, TypeError, ValueError):
        return None


def _call(hook: Hook) -> Callable[[Any, Any], Any]:
    """A cattrs structure hook (value, type) from a one-value check."""
    return lambda value, _: hook(value)


# What structuring a table of a record class needs, worked out once per class (every record of
# the bundled data goes through here at start-up): its checks in field order, its keys as a set,
# and its flat fields with their own keys.


@per_class
def _checks(cls: type[Any]) -> tuple[tuple[str, Hook], ...]:
    return tuple(_hooks(cls).items())


@per_class
def _allowed(cls: type[Any]) -> frozenset[str]:
    return frozenset(keys(cls))


@per_class
def _flats(cls: type[Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (field.name, keys(flat_class(field))) for field in fields(cls) if field.metadata.get("flat")
    )


def _nested(cls: type[Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """The raw table with each flat field's keys gathered into a table of their own."""
    nested = dict(raw)
    for name, own in _flats(cls):
        nested[name] = {key: nested.pop(key) for key in own if key in nested}
    return nested


def structure(cls: type[Any], raw: Mapping[str, Any]) -> tuple[Any, list[str]]:
    """A record of ``cls`` from its raw table, or None and every problem found in it."""
    problems: list[str] = []
    if not _allowed(cls).issuperset(raw):
        allowed = keys(cls)
        problems = [
            f"unknown key {key!r}{did_you_mean(key, allowed)}" for key in raw if key not in allowed
        ]
    nested = _nested(cls, raw) if _flats(cls) else raw
    if not problems:
        record = _quick(cls, nested)
        if record is not None:
            return record, []
    from cattrs.errors import ClassValidationError  # noqa: PLC0415 - as _converter

    try:
        record = _structure_fn(cls)(nested, cls)
    except ClassValidationError as err:
        problems += [message for error in err.exceptions for message in _messages(error)]
        return None, problems
    return (None, problems) if problems else (record, [])


def _messages(error: BaseException) -> list[str]:
    """What one field's error says, in the loader's words."""
    notes = getattr(error, "__notes__", [])
    name = getattr(notes[-1], "name", "?") if notes else "?"
    if isinstance(error, _Flat):
        return error.problems
    if isinstance(error, KeyError):
        return [f"missing required key {name!r}"]
    return [f"{name}: {error}"]


def field_values(cls: type[Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a record that failed to build whose values do check out, by name.

    Their references are checked all the same, so that every problem is found in one pass.
    """
    values: dict[str, Any] = {}
    nested = _nested(cls, raw)
    for name, hook in _hooks(cls).items():
        if name in nested:
            try:
                values[name] = hook(nested[name])
            except (Invalid, _Flat):
                continue
    return values
