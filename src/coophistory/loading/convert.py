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
from coophistory.errors import InvalidDateError, Phrase
from coophistory.i18n import N_
from coophistory.loading.decode import Invalid, did_you_mean, semicolons, shape
from coophistory.schema import fields, flat_class, keys, per_class

__all__ = ["Hook", "date_value", "field_values", "structure"]

_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: A check of one raw value: the typed value, or Invalid saying what is wrong.
Hook = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(Phrase(N_("expected text, got {value}"), value=shape(value)))
    if not value.strip():
        raise Invalid(Phrase(N_("must not be empty")))
    return value


def _ident(value: Any) -> str:
    text = _text(value)
    if not _ID.fullmatch(text):
        raise Invalid(
            Phrase(
                N_("{text} is not a lowercase kebab-case id (like {example})"),
                text=repr(text),
                example="'savings-and-credit'",
            )
        )
    return text


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(Phrase(N_("expected a whole number, got {value}"), value=shape(value)))
    if not 1 <= value <= 9999:
        raise Invalid(Phrase(N_("{value} is not a year between 1 and 9999"), value=value))
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid(Phrase(N_("expected a number, got {value}"), value=shape(value)))
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(Phrase(N_("{value} is not a finite number"), value=value))
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(Phrase(N_("expected true or false, got {value}"), value=shape(value)))
    return value


def date_value(value: Any) -> HistoricalDate:
    """A historical date from EDTF text or a TOML date; a date-time is refused."""
    if isinstance(value, datetime.datetime | datetime.time):
        kind = type(value).__name__
        raise Invalid(Phrase(N_("expected a date, got a {kind} {value}"), kind=kind, value=value))
    if not isinstance(value, str | datetime.date):
        edtf = N_("expected an EDTF date such as {year} or {day}, got {value}")
        raise Invalid(Phrase(edtf, year='"1978"', day="1978-05-20", value=shape(value)))
    try:
        return parse_date(value)
    except InvalidDateError as err:
        reason = Phrase(err.reason_template, **err.fields)
        raise Invalid(
            Phrase(N_("invalid date {text}: {reason}"), text=repr(err.text), reason=reason)
        ) from err


def _list_of(item: Hook, *, non_empty: bool) -> Hook:
    def convert(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(Phrase(N_("expected a list, got {value}"), value=shape(value)))
        if non_empty and not value:
            raise Invalid(Phrase(N_("must not be empty")))
        converted = []
        for index, element in enumerate(value, start=1):
            try:
                converted.append(item(element))
            except Invalid as err:
                told = Phrase(N_("item {index}: {problem}"), index=index, problem=err.phrase)
                raise Invalid(told) from err
        return tuple(converted)

    return convert


def _table(cls: type[Any]) -> Hook:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            like = "{ " + ", ".join(keys(cls)) + " }"
            raise Invalid(
                Phrase(
                    N_("expected a table like {keys}, got {value}"), keys=like, value=shape(value)
                )
            )
        record, problems = structure(cls, value)
        if problems:
            raise Invalid(semicolons(problems))
        return record

    return convert


class _Flat(Exception):
    """The problems of a record whose keys sit in its parent's table, reported unprefixed."""

    def __init__(self, problems: list[Phrase]) -> None:
        super().__init__(str(semicolons(problems)))
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


def structure(cls: type[Any], raw: Mapping[str, Any]) -> tuple[Any, list[Phrase]]:
    """A record of ``cls`` from its raw table, or None and every problem found in it."""
    problems: list[Phrase] = []
    if not _allowed(cls).issuperset(raw):
        allowed = keys(cls)
        problems = [
            Phrase(N_("unknown key {key}{hint}"), key=repr(key), hint=did_you_mean(key, allowed))
            for key in raw
            if key not in allowed
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


def _messages(error: BaseException) -> list[Phrase]:
    """What one field's error says, in the loader's words."""
    notes = getattr(error, "__notes__", [])
    name = getattr(notes[-1], "name", "?") if notes else "?"
    if isinstance(error, _Flat):
        return error.problems
    if isinstance(error, KeyError):
        return [Phrase(N_("missing required key {key}"), key=repr(name))]
    told = error.phrase if isinstance(error, Invalid) else str(error)
    return [Phrase("{key}: {problem}", key=name, problem=told)]


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
