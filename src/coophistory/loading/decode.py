"""Reading a data file's bytes and decoding them as TOML (or JSON) into plain Python values."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from coophistory.errors import MissingFileError, Phrase, Problem
from coophistory.i18n import N_

__all__ = [
    "Invalid",
    "decode",
    "did_you_mean",
    "read_bytes",
    "read_document",
    "semicolons",
    "shape",
]


class Invalid(Exception):
    """A value of the wrong shape; its ``phrase`` says what was expected, in any language."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(str(phrase))
        self.phrase = phrase


# What a value is, for a message; {value} is the value as Python writes it.
_SHAPES: Final[dict[type, str]] = {
    str: N_("text {value}"),
    bool: N_("a boolean {value}"),
    int: N_("a number {value}"),
    float: N_("a number {value}"),
    list: N_("a list {value}"),
    dict: N_("a table {value}"),
    datetime.date: N_("a date {value}"),
}


def shape(value: Any) -> Phrase:
    """What a value is, for a message: ``text 'abc'``, ``a list [1, 2]``."""
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    template = _SHAPES.get(type(value))
    if template is None:
        return Phrase("{kind} {value}", kind=type(value).__name__, value=shown)
    return Phrase(template, value=shown)


def did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> Phrase | str:
    """A hint naming the closest choices, or the empty string."""
    import difflib  # noqa: PLC0415 - only on a problem, off the start-up path

    close = difflib.get_close_matches(word, sorted(choices), n=count)
    if not close:
        return ""
    # TRANSLATORS: a hint at the end of a problem, with its leading space; {names} are ids.
    return Phrase(N_(" (did you mean {names}?)"), names=", ".join(map(repr, close)))


def semicolons(phrases: Sequence[Phrase]) -> Phrase:
    """Several problems of one value, told as one: ``must not be empty; item 2: …``."""
    told = phrases[0]
    for phrase in phrases[1:]:
        told = Phrase("{first}; {then}", first=told, then=phrase)
    return told


def read_document(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read one file as a TOML (or, by its extension, JSON) document."""
    try:
        return decode(path, read_bytes(path)), []
    except Invalid as err:
        return None, [Problem.said(str(path), None, None, None, err.phrase)]


def read_bytes(path: Path) -> bytes:
    """The file's bytes; MissingFileError if absent, Invalid if unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingFileError(path) from None
    except IsADirectoryError:
        raise Invalid(Phrase(N_("is a directory, not a data file"))) from None
    except OSError as err:
        raise Invalid(Phrase(N_("cannot be read: {reason}"), reason=err.strerror)) from err


def decode(path: Path, data: bytes) -> dict[str, Any]:
    """The document a file's bytes hold, as TOML or (by extension) JSON; Invalid if not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = f"0x{data[err.start]:02x}"
        raise Invalid(
            Phrase(
                N_("is not UTF-8 text (byte {byte} at offset {offset})"),
                byte=byte,
                offset=err.start,
            )
        ) from err
    # parsers imported here: a cached answer never needs them, and each costs the CLI's start
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # TRANSLATORS: {reason} is the TOML parser's own words, in English.
        raise Invalid(Phrase(N_("is not valid TOML: {reason}"), reason=str(err))) from err
    except json.JSONDecodeError as err:
        # TRANSLATORS: {reason} is the JSON parser's own words, in English.
        raise Invalid(Phrase(N_("is not valid JSON: {reason}"), reason=str(err))) from err
    except (RecursionError, ValueError) as err:
        reason = type(err).__name__
        raise Invalid(Phrase(N_("cannot be parsed: {reason}"), reason=reason)) from err
    if not isinstance(document, dict):
        raise Invalid(Phrase(N_("must hold a table of tables at the top")))
    return document
