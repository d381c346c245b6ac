"""The bundled data's compact form: the TOML document as JSON, made when the package is built.

``data/events.toml`` stays the source of truth, and ships in the wheel. Beside it the wheel
ships ``events.compact.json``: the same document as JSON (``json.loads`` reads it about 30 times
faster than ``tomllib`` reads the TOML), with the length and CRC-32 of the TOML bytes it was
made from. The build hook (``hatch_build.py``) writes it into the wheel, and into ``data/``
for an editable install; ``make`` remakes it there whenever the TOML changes.

The compact form is used only when it was made from exactly the TOML beside it, and it is
validated as any data file is: it never holds anything but data, and it can never say anything
the TOML does not. When it is missing, stale or unreadable, the TOML is read instead.

This module uses the standard library alone, so that the build hook can run it.
"""

from __future__ import annotations

import datetime
import json
import sys
import zlib
from pathlib import Path
from typing import Any, Final

__all__ = ["COMPACT_NAME", "FORMAT", "compact", "compact_path", "document_for", "main"]

#: The compact form's file name, beside the bundled TOML.
COMPACT_NAME: Final = "events.compact.json"
#: The version of the compact form's layout; another version is ignored.
FORMAT: Final = 1


def compact(toml_bytes: bytes) -> bytes:
    """The compact form of a TOML document: its tables as JSON, with the TOML's digest.

    A TOML date (``current_to = 2026-11-29``) becomes its ISO text, which the loader reads as
    the same date. Raises TypeError for a time or a date-time, which no valid file holds.
    """
    import tomllib  # noqa: PLC0415 - only the build needs the TOML parser

    document = tomllib.loads(toml_bytes.decode("utf-8"))
    wrapper = {"format": FORMAT, "toml_digest": _digest(toml_bytes), "document": document}
    text = json.dumps(
        wrapper, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_iso_date
    )
    return text.encode("utf-8")


def _iso_date(value: object) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    raise TypeError(f"the compact form cannot hold {value!r}: not valid in a data file")


def compact_path(toml_path: Path) -> Path:
    """Where the compact form of a bundled TOML file lives: beside it."""
    return toml_path.with_name(COMPACT_NAME)


def document_for(toml_bytes: bytes, compact_file: Path) -> dict[str, Any] | None:
    """The document the compact file holds, if it was made from exactly ``toml_bytes``.

    None when the file is missing, unreadable, of another layout, or made from other bytes.
    """
    try:
        wrapper = json.loads(compact_file.read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(wrapper, dict)
        or wrapper.get("format") != FORMAT
        or wrapper.get("toml_digest") != _digest(toml_bytes)
        or not isinstance(wrapper.get("document"), dict)
    ):
        return None
    document: dict[str, Any] = wrapper["document"]
    return document


def _digest(data: bytes) -> str:
    """The TOML's length and CRC-32: enough to tell that it was edited since the build.

    Not a defence against tampering: the compact form sits beside the package's own modules
    and is as trusted as they are; this only keeps an edited TOML from being shadowed. zlib is
    loaded already at start-up, hashlib would cost ~2 ms.
    """
    return f"{len(data)}:{zlib.crc32(data):08x}"


def main(argv: list[str] | None = None) -> int:
    """``python -m coophistory.bundle data/events.toml``: write the compact form beside it."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m coophistory.bundle TOML_FILE\n")
        return 2
    from coophistory.files import write_atomic  # noqa: PLC0415 - the build hook never calls main

    source = Path(args[0])
    write_atomic(compact_path(source), compact(source.read_bytes()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
