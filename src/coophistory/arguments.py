"""Checking the arguments of public calls: the Python convention for a wrong type.

A wrong type raises :class:`~coophistory.errors.WrongTypeError` (a ``TypeError``) saying what
was expected, before anything inside can fail with an ``AttributeError``; a bare string where
a collection of names is expected is refused rather than read letter by letter.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Final

from coophistory.errors import WrongTypeError
from coophistory.i18n import N_

__all__ = ["name", "names", "optional_name", "paths"]

_TEXT: Final = N_("a string")
_TEXTS: Final = N_("a list or tuple of strings (a bare string is one name: wrap it in a list)")


def name(value: object, argument: str) -> str:
    """``value`` if it is a string; else WrongTypeError naming ``argument``."""
    if not isinstance(value, str):
        raise WrongTypeError(argument, _TEXT, value)
    return value


def optional_name(value: object, argument: str) -> str | None:
    """``value`` if it is a string or None; else WrongTypeError naming ``argument``."""
    return None if value is None else name(value, argument)


def names(value: object, argument: str) -> tuple[str, ...]:
    """The strings of an iterable, in order; a bare string or a non-string item is refused."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise WrongTypeError(argument, _TEXTS, value)
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise WrongTypeError(f"each item of {argument}", _TEXT, item)
    return items


def paths(values: Iterable[object]) -> None:
    """Refuse any value that is not a path (a list where separate arguments were meant)."""
    for value in values:
        if not isinstance(value, str | os.PathLike):
            raise WrongTypeError(
                N_("each data file"),
                N_("a str or os.PathLike (give several files as arguments)"),
                value,
            )
