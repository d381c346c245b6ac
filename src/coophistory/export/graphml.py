"""GraphML export: the history's graph with every attribute value made GraphML-safe.

GraphML holds only text, numbers and booleans: records become their ids, dates their EDTF
text, periods two attributes (``<name>_start``, ``<name>_end``), a handover its ``date``,
``coop_types`` and ``excluding``, lists text joined by ``; ``,
and None is dropped.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from coophistory.dates import HistoricalDate
from coophistory.graph import Graph, graphml
from coophistory.periods import Period
from coophistory.records import Citation, Handover, Law, Mandate
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["render", "text"]


def render(history: History) -> str:
    """Return the GraphML text of the history's graph."""
    return text(history.graph)


def text(graph: Graph) -> str:
    """The GraphML text of a graph, its attributes made GraphML-safe and its nodes labelled.

    Each node gets a ``label`` (a body's or type's name, a law's label, an event's title),
    which graph tools such as Gephi and yEd show. Control characters, which XML cannot hold,
    become visible escapes.
    """
    return graphml(graph, _label, _attributes)


def _label(record: Any) -> str:
    if isinstance(record, Law):
        return record.label
    return show_controls(str(getattr(record, "name", None) or getattr(record, "title", record)))


def _attributes(data: Mapping[str, Any]) -> dict[str, Any]:
    safe: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, Handover):  # its ends are the edge's; the rest as plain values
            safe["date"] = str(value.date)
            safe["coop_types"] = _text(value.coop_types)
            if value.excluding:
                safe["excluding"] = _text(value.excluding)
        elif isinstance(value, Period):
            safe[f"{name}_start"] = str(value.start)
            if value.end is not None:
                safe[f"{name}_end"] = str(value.end)
        elif value is not None:
            safe[name] = _value(value)
    return safe


def _value(value: Any) -> str | int | float | bool:
    if isinstance(value, str):
        return show_controls(value)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    return show_controls(_text(value))


def _text(value: Any) -> str:
    if isinstance(value, HistoricalDate | Citation):
        return str(value)
    if isinstance(value, Mandate):
        return value.key
    if isinstance(value, tuple | list | set | frozenset):
        return "; ".join(_text(item) for item in value)
    if attrs.has(type(value)) and isinstance(getattr(value, "id", None), str):
        return str(value.id)
    return str(value)
