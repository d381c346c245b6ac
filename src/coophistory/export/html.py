"""The explorer page export: one self-contained, offline HTML file (see coophistory.explorer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coophistory.explorer import render as _render

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["render"]


def render(history: History) -> str:
    """Return the explorer page of the history as HTML text."""
    return _render(history)
