"""What the command line prints: lines with control characters shown, JSON, aligned tables."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any, Final

from coophistory.text import show_controls

__all__ = ["print_json", "print_line", "print_lines", "print_text", "table"]

# json.dumps escapes C0 controls itself; these it leaves raw.
_UNSAFE_IN_JSON: Final = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_line(stream: IO[str], text: str) -> None:
    """Write one line to ``stream``, control characters shown as escapes."""
    stream.write(show_controls(text) + "\n")


def print_lines(lines: Iterable[str]) -> None:
    """Print lines on standard output, control characters shown as escapes."""
    for line in lines:
        print_line(sys.stdout, line)


def print_json(data: Any) -> None:
    """Print data as indented JSON, characters that could disguise text escaped."""
    print_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_text(text: str) -> None:
    """Print text as it is, but for what could disguise it (bidi controls) as u-escapes."""
    sys.stdout.write(_UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines of left-aligned columns, control characters shown as escapes."""
    rows = [[show_controls(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
