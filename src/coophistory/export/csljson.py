"""CSL-JSON export: every source as a bibliography item, as Zotero, Pandoc and citeproc read it.

Text is on one line with control characters shown as escapes. Dates keep their precision
(``date-parts`` hold only the known parts); an author or publisher that is an institution is a
``literal`` name, never split into given and family names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from coophistory.dates import HistoricalDate
from coophistory.export.cite import item_type
from coophistory.export.lossless import json_text
from coophistory.records import Source
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["item", "render", "render_sources"]

# Kinds whose publisher is the periodical or blog the item appeared in.
_CONTAINED = ("article-newspaper", "post-weblog")


def render(history: History) -> str:
    """Every source of the history as a CSL-JSON array."""
    return render_sources(history.sources())


def render_sources(sources: Iterable[Source], notes: Mapping[str, str] | None = None) -> str:
    """The given sources as a CSL-JSON array; ``notes`` adds a note to an item by source id."""
    notes = notes or {}
    return json_text([item(s, notes.get(s.id)) for s in sources])


def item(source: Source, note: str | None = None) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
    data: dict[str, Any] = {"id": source.id, "type": item_type(source, "csl-json")}
    data["title"] = _text(source.title)
    if source.author:
        data["author"] = [{"literal": _text(source.author)}]
    if source.publisher:
        data["publisher"] = _text(source.publisher)
        if source.kind in _CONTAINED:
            data["container-title"] = data["publisher"]
    if source.year is not None:
        data["issued"] = {"date-parts": [[source.year]]}
    if source.url:
        data["URL"] = source.url
    if source.accessed is not None:
        data["accessed"] = _date(source.accessed)
    if source.language:
        data["language"] = source.language
    if note:
        data["note"] = _text(note)
    return data


def _text(value: str) -> str:
    """One line, control characters shown as escapes, as in the other bibliography formats."""
    return show_controls(" ".join(value.split()))


def _date(date: HistoricalDate) -> dict[str, Any]:
    point = date.start or date.end
    assert point is not None  # noqa: S101 - a date has a closed side
    parts = [p for p in (point.year, point.month, point.day) if p is not None]
    return {"date-parts": [parts]}
