"""TimelineJS export (Knight Lab's JSON): a slide per event, law and handover; mandates as eras.

A date keeps its precision: a year-only date is written as a year alone, never as January 1st.
An imprecise or disputed date also gets a ``display_date`` in words ("about 1970 to 1973" with
an en dash, "1992 or 1993") instead of raw EDTF. Each mandate is an era, from its start to its
end (or to the day the data is current to). Text is HTML-escaped: TimelineJS renders HTML.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import pendulum

from coophistory import prose, prose_analyst
from coophistory.dates import DatePoint, HistoricalDate, Precision
from coophistory.export.lossless import json_text
from coophistory.grammar import grammar
from coophistory.records import FUNCTIONS

if TYPE_CHECKING:
    from coophistory.history import History
    from coophistory.records import Citation, Handover

__all__ = ["date_in_words", "document", "eras", "render", "slide_dates"]


def render(history: History) -> str:
    """Return the TimelineJS JSON text of the history."""
    return json_text(document(history))


def document(history: History) -> dict[str, Any]:
    """Return the TimelineJS document: a title slide, then events, laws and handovers by date."""
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
    for function in FUNCTIONS:
        for number, handover in enumerate(history.handovers(function=function), start=1):
            headline = _handover_headline(history, handover)
            text = sources(handover.citations)
            slide = _slide(
                f"handover-{function}-{number}", handover.date, headline, text, "handover"
            )
            dated.append((handover.date, slide))
    dated.sort(key=lambda pair: pair[0].sort_key())
    return {
        "title": {
            "text": {
                "headline": "coophistory",
                "text": html.escape(f"Dataset {history.dataset_version}", quote=False),
            }
        },
        "events": [slide for _, slide in dated],
        "eras": eras(history),
    }


def eras(history: History) -> list[dict[str, Any]]:
    """Each mandate as an era, from its first possible day to its last (or the data's day)."""
    current = history.current_to
    until = current.latest if current is not None and current.latest else pendulum.Date.today()
    found = []
    for mandate in sorted(history.mandates(), key=lambda m: m.start.sort_key()):
        first = mandate.start.start or mandate.start.end
        last = None if mandate.end is None else (mandate.end.end or mandate.end.start)
        assert first is not None  # noqa: S101 - a mandate's start is closed
        body = history.body(mandate.body)
        headline = prose_analyst.era_headline(
            body=body.label_on(mandate.start.earliest or until),
            function=mandate.function,
            types=", ".join(mandate.coop_types),
        )
        found.append(
            {
                "start_date": _point(first),
                "end_date": _point(last) if last is not None else _day(until),
                "text": {"headline": html.escape(headline, quote=False)},
            }
        )
    return found


def _day(day: pendulum.Date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _handover_headline(history: History, handover: Handover) -> str:
    """``supervision of housing cooperatives: CONASEV → SMV``, bodies named as on its first day."""
    day = handover.date.earliest
    assert day is not None  # noqa: S101 - a handover's date is a mandate's start, closed
    named = history.coop_type
    return prose.handover_headline(
        function=handover.function,
        types=grammar("en").types_of(
            map(named, handover.coop_types), map(named, handover.excluding)
        ),
        givers=" + ".join(b.label_on(day) for b in handover.from_bodies),
        receivers=" + ".join(b.label_on(day) for b in handover.to_bodies),
        lang="en",
    )


def _slide(
    unique_id: str, date: HistoricalDate, headline: str, text: str, group: str
) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "unique_id": unique_id,
        **slide_dates(date),
        "text": {"headline": html.escape(headline, quote=False), "text": text},
        "group": group,
    }
    if date.uncertain or date.approximate or date.is_interval:
        slide["display_date"] = html.escape(date_in_words(date), quote=False)
    return slide


def date_in_words(date: HistoricalDate) -> str:
    """A date as a reader says it: ``about 1970`` to ``1973``, ``1992 or 1993``, ``June 1992``.

    >>> from coophistory import parse_date
    >>> date_in_words(parse_date("1970~/1973~")) == "about 1970\u20131973"
    True
    >>> [date_in_words(parse_date(t)) for t in ("1992/1993", "1978?", "1992-06~", "../2000")]
    ['1992 or 1993', 'perhaps 1978', 'about June 1992', '2000 or earlier']
    """
    start, end = date.start, date.end
    if not date.is_interval and start is not None:
        return _flagged(_words(start), start)
    if start is None or end is None:
        known = start or end
        assert known is not None  # noqa: S101 - a date has a closed side
        open_side = prose_analyst.or_later if end is None else prose_analyst.or_earlier
        return open_side(_flagged(_words(known), known))
    plain = not (date.uncertain or date.approximate)
    years = start.precision is Precision.YEAR and end.precision is Precision.YEAR
    if plain and years and end.year == start.year + 1:
        return prose_analyst.either_year(first=_words(start), second=_words(end))
    span = prose_analyst.span(first=_words(start), second=_words(end))
    flags = DatePoint(start.year, uncertain=date.uncertain, approximate=date.approximate)
    return _flagged(span, flags)


def _words(point: DatePoint) -> str:
    if point.month is None:
        return str(point.year)
    month = prose_analyst.month_name(point.month)
    if point.day is None:
        return prose_analyst.month_year(month=month, year=point.year)
    return prose_analyst.day_month_year(day=point.day, month=month, year=point.year)


def _flagged(text: str, point: DatePoint) -> str:
    if point.uncertain and point.approximate:
        return prose_analyst.perhaps_about(text)
    if point.approximate:
        return prose_analyst.about(text)
    if point.uncertain:
        return prose_analyst.perhaps(text)
    return text


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
