"""RIS export: every source as a record, the format reference managers import.

Each tag is on one line: newlines in a value become spaces and control characters are shown as
escapes, so a value cannot start a tag of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from coophistory.export.cite import item_type
from coophistory.records import Source
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["render", "render_sources"]


def render(history: History) -> str:
    """Every source of the history as RIS records."""
    return render_sources(history.sources())


def render_sources(sources: Iterable[Source], notes: Mapping[str, str] | None = None) -> str:
    """The given sources as RIS records; ``notes`` adds a note to a record by source id."""
    notes = notes or {}
    return "".join(_record(s, notes.get(s.id)) for s in sources)


def _record(source: Source, note: str | None) -> str:
    tags: list[tuple[str, str]] = [("TY", item_type(source, "ris")), ("ID", source.id)]
    tags.append(("TI", source.title))
    if source.author:
        tags.append(("AU", source.author))
    if source.publisher:
        tags.append(("PB", source.publisher))
    if source.year is not None:
        tags.append(("PY", str(source.year)))
    if source.url:
        tags.append(("UR", source.url))
    if source.accessed is not None:
        tags.append(("Y2", str(source.accessed)))
    if source.language:
        tags.append(("LA", source.language))
    if note:
        tags.append(("N1", note))
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags]
    return "\n".join([*lines, "ER  - ", ""]) + "\n"


def _one_line(value: str) -> str:
    return show_controls(" ".join(value.split()))
