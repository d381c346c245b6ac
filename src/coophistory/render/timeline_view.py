"""The timeline diagram: the chronology down a time axis, by decade, laws apart from events."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING, Final

import graphviz

from coophistory import arguments, names, prose
from coophistory.dates import HistoricalDate
from coophistory.grammar import grammar
from coophistory.periods import DateLike, as_of_range, overlaps
from coophistory.records import Law
from coophistory.render.style import (
    GREY,
    PALETTE,
    Canvas,
    plain,
    wrap,
)

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["timeline"]

# How a law and another event are boxed, in the chronology and in its key alike.
_LAW_STYLE: Final = {"shape": "box", "color": PALETTE[1], "fillcolor": "#DCEAF5", "style": "filled"}
_EVENT_STYLE: Final = {
    "shape": "box",
    "color": PALETTE[5],
    "fillcolor": "#FBEFD5",
    "style": "rounded,filled",
}


def timeline(
    history: History,
    start: DateLike | None = None,
    end: DateLike | None = None,
    *,
    kinds: Collection[str] | None = None,
    title: str | None = None,
    sources: bool = True,
    lang: str = "en",
) -> graphviz.Digraph:
    """The chronology down a time axis grouped by decade, laws boxed apart from other events.

    ``start`` and ``end`` keep what overlaps the half-open range, as :meth:`History.events`
    does; ``kinds`` (a list) keeps events of those kinds, and laws only if ``"law"`` is among
    them. A kind no event has raises UnknownNameError naming the close ones. ``lang`` is the
    language of its labels (events' titles too, where the data gives them in it).
    """
    if kinds is not None:
        known = {"law", *(e.kind for e in history.events())}
        kinds = [names.choice("event kind", k, known) for k in arguments.names(kinds, "kinds")]
    forms = grammar(lang)
    canvas = Canvas(
        history,
        "timeline",
        title or prose.timeline_title(lang=forms.lang),
        sources=sources,
        forms=forms,
    )
    frame, notes = canvas.frame, canvas.notes
    frame.attr(ranksep="0.25", nodesep="0.25")
    entries: dict[int, list[tuple[str, str, dict[str, str]]]] = defaultdict(list)
    low, high = as_of_range(start, end)
    events = [e for e in history.events(start, end) if kinds is None or e.kind in kinds]
    laws = [
        law
        for law in history.laws()
        if law.date is not None
        and (kinds is None or "law" in kinds)
        and overlaps(law.date, low, high)
    ]
    for law in sorted(laws, key=lambda law: (_sort_date(law).sort_key(), law.id)):
        lines = [
            f"{forms.date(_sort_date(law))} · {forms.law_label(law)}",
            *wrap(forms.law_title(law), 40),
        ]
        lines[-1] += notes.mark(law.citations)
        entries[_year(_sort_date(law))].append(
            (
                f"law.{law.id}",
                plain(*lines),
                _LAW_STYLE,
            )
        )
    for event in events:
        lines = [
            f"{forms.date(event.date)} · {forms.event_kind(event.kind)}",
            *wrap(forms.event_title(event), 40),
        ]
        lines[-1] += notes.mark(event.citations)
        entries[_year(event.date)].append(
            (
                f"event.{event.id}",
                plain(*lines),
                _EVENT_STYLE,
            )
        )
    years = sorted(entries)
    for decade in sorted({y // 10 * 10 for y in years}):
        with frame.subgraph(name=f"cluster_{decade}s") as cluster:
            cluster.attr(
                label=prose.decade(decade, lang=forms.lang),
                labeljust="l",
                style="rounded,filled",
                fillcolor="#F4F4F4",
                color="#D0D0D0",
                fontsize="12",
            )
            for year in (y for y in years if decade <= y < decade + 10):
                with cluster.subgraph() as row:
                    row.attr(rank="same")
                    row.node(f"year.{year}", f"<<B>{year}</B>>", shape="plaintext", fontsize="13")
                    previous = f"year.{year}"
                    for ident, label, style in entries[year]:
                        row.node(ident, label, **style)
                        row.edge(previous, ident, color=GREY, arrowhead="none", style="dotted")
                        previous = ident
    for earlier, later in itertools.pairwise(years):
        frame.edge(
            f"year.{earlier}",
            f"year.{later}",
            color=GREY,
            penwidth="2",
            arrowhead="none",
            weight="100",
        )
    _law_key(frame, forms.lang)
    return canvas.finish()


def _law_key(frame: graphviz.Digraph, lang: str) -> None:
    with frame.subgraph(name="cluster_legend") as legend:
        legend.attr(
            label=prose.key_heading(lang=lang),
            style="rounded",
            color=GREY,
            labeljust="l",
            fontsize="11",
            fillcolor="white",
        )
        legend.node("key_law", prose.key_law(lang=lang), **_LAW_STYLE)
        legend.node("key_event", prose.key_event(lang=lang), **_EVENT_STYLE)


def _sort_date(law: Law) -> HistoricalDate:
    assert law.date is not None  # noqa: S101 - callers keep dated laws only
    return law.date


def _year(date: HistoricalDate) -> int:
    day = date.earliest or date.latest
    assert day is not None  # noqa: S101 - a date has a closed side
    return day.year
