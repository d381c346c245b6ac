"""Graphviz diagrams of the history, for reports and notebooks, and writing them to files.

Every diagram function returns a :class:`graphviz.Digraph`: it displays inline in Jupyter and
renders to any format Graphviz knows. DOT source is built as text; the ``dot`` program runs
only in :func:`write` (or when a notebook displays a diagram). This package is the only part
of coophistory that imports graphviz: one module per diagram, the shared style, the back end.

Dates are shown no finer than they are known (:meth:`HistoricalDate.display`), names are
escaped so that any name renders literally, and one colour-blind-safe palette (Okabe-Ito)
and one font serve every diagram.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from coophistory.render.backend import FORMATS, write
    from coophistory.render.handover_view import handovers
    from coophistory.render.lanes_view import lanes
    from coophistory.render.snapshot_view import snapshot
    from coophistory.render.style import PALETTE
    from coophistory.render.timeline_view import timeline

__all__ = ["FORMATS", "PALETTE", "VIEWS", "handovers", "lanes", "snapshot", "timeline", "write"]

#: The diagrams there are, by name, each with the module that draws it (imported when used, so
#: that naming the views does not import graphviz).
VIEWS: Final = {
    "handovers": "handover_view",
    "timeline": "timeline_view",
    "snapshot": "snapshot_view",
    "lanes": "lanes_view",
}
_HOMES: Final = {**VIEWS, "write": "backend", "FORMATS": "backend", "PALETTE": "style"}


def __getattr__(name: str) -> Any:
    """Import the module behind a diagram, ``write`` or a constant on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
