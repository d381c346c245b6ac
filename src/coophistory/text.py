"""Text made safe to show: control characters become visible escapes instead of acting."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["show_controls"]

# C0 and C1 controls, DEL, the bidirectional overrides that can disguise text, and the
# characters XML 1.0 forbids (so that GraphML and Graphviz's HTML-like labels stay well formed).
_CONTROLS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def show_controls(text: str) -> str:
    r"""Replace each control character by its Python escape, shown as text.

    >>> show_controls("red \x1b[31m alert")
    'red \\x1b[31m alert'
    """
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
