"""Reading a data file's bytes and decoding them as TOML (or JSON) into plain Python values."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from coophistory.errors import MissingFileError, Problem

__all__ = ["Invalid", "decode", "did_you_mean", "read_bytes", "read_document", "shape"]


class Invalid(Exception):
    """A value of the wrong shape; the message says what was expected."""


def shape(value: Any) -> str:
    """What a value is, for a message: ``text 'abc'``, ``a list [1, 2]``."""
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


def did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> str:
    """A hint naming the closest choices, or the empty string."""
    import difflib  # noqa: PLC0415 - only on a problem, off the start-up path

    close = difflib.get_close_matches(word, sorted(choices), n=count)
    return f" (did you mean {', '.join(map(repr, close))}?)" if close else ""


def read_document(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read one file as a TOML (or, by its extension, JSON) document."""
    try:
        return decode(path, read_bytes(path)), []
    except Invalid as err:
        return None, [Problem(str(path), None, None, None, str(err))]


def read_bytes(path: Path) -> bytes:
    """The file's bytes; MissingFileError if absent, Invalid if unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MissingFileError(path) from None
    except IsADirectoryError:
        raise Invalid("is a directory, not a data file") from None
    except OSError as err:
        raise Invalid(f"cannot be read: {err.strerror}") from err


def decode(path: Path, data: bytes) -> dict[str, Any]:
    """The document a file's bytes hold, as TOML or (by extension) JSON; Invalid if not."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Invalid(
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from err
    # parsers imported here: a cached answer never needs them, and each costs the CLI's start
    import json  # noqa: PLC0415
    import tomllib  # noqa: PLC0415

    try:
        document = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise Invalid(f"is not valid TOML: {err}") from err
    except json.JSONDecodeError as err:
        raise Invalid(f"is not valid JSON: {err}") from err
    except (RecursionError, ValueError) as err:
        raise Invalid(f"cannot be parsed: {type(err).__name__}") from err
    if not isinstance(document, dict):
        raise Invalid("must hold a table of tables at the top")
    return document
