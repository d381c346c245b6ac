"""TimelineJS export (Knight Lab's JSON format): one slide per event and per law.

A date keeps its precision: a year-only date is written as a year alone, never as January 1st.
Text is HTML-escaped, since TimelineJS renders it as HTML.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from coophistory.dates import DatePoint, HistoricalDate
from coophistory.export.lossless import json_text

if TYPE_CHECKING:
    from coophistory.history import History
    from coophistory.records import Citation

__all__ = ["document", "render", "slide_dates"]


def render(history: History) -> str:
    """Return the TimelineJS JSON text of the history."""
    return json_text(document(history))


def document(history: History) -> dict[str, Any]:
    """Return the TimelineJS document: a title slide, then events and laws in date order."""
    titles = {s.id: s.title for s in history.sources()}

    def sources(citations: tuple[Citation, ...]) -> str:
        cited = "; ".join(f"{titles.get(c.source, c.source)}, {c.locator}" for c in citations)
        return f"<p>Source: {html.escape(cited, quote=False)}</p>"

    dated: list[tuple[HistoricalDate, dict[str, Any]]] = []
    for event in history.records.events:
        text = f"<p>{html.escape(event.description, quote=False)}</p>" if event.description else ""
        dated.append(
            (
                event.date,
                _slide(
                    f"event-{event.id}",
                    event.date,
                    event.title,
                    text + sources(event.citations),
                    event.kind,
                ),
            )
        )
    for law in history.laws():
        if law.date is None:
            continue
        text = f"<p>{html.escape(law.title, quote=False)}</p>" + sources(law.citations)
        dated.append((law.date, _slide(f"law-{law.id}", law.date, law.label, text, law.kind)))
    dated.sort(key=lambda pair: pair[0].sort_key())
    return {
        "title": {
            "text": {
                "headline": "coophistory",
                "text": html.escape(f"Dataset {history.dataset_version}", quote=False),
            }
        },
        "events": [slide for _, slide in dated],
    }


def _slide(
    unique_id: str, date: HistoricalDate, headline: str, text: str, group: str
) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "unique_id": unique_id,
        **slide_dates(date),
        "text": {"headline": html.escape(headline, quote=False), "text": text},
        "group": group,
    }
    if date.uncertain or date.approximate or date.start is None or date.end is None:
        slide["display_date"] = str(date)
    return slide


def slide_dates(date: HistoricalDate) -> dict[str, Any]:
    """``start_date`` (and ``end_date`` for a closed interval) with only the known parts."""
    first = date.start or date.end
    assert first is not None  # noqa: S101 - a date has at least one closed side
    dates = {"start_date": _point(first)}
    if date.is_interval and date.start is not None and date.end is not None:
        dates["end_date"] = _point(date.end)
    return dates


def _point(point: DatePoint) -> dict[str, int]:
    parts = {"year": point.year, "month": point.month, "day": point.day}
    return {key: value for key, value in parts.items() if value is not None}
