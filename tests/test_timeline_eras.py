"""TimelineJS: mandates as eras, and imprecise or disputed dates shown in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import coophistory
from coophistory import FUNCTIONS, History, parse_date
from coophistory.export import timelinejs

from .conftest import tiny_variant

EN_DASH = "\u2013"


def _tuple(point: dict[str, int]) -> tuple[int, int, int]:
    return (point["year"], point.get("month", 1), point.get("day", 1))


def test_each_mandate_is_an_era_over_its_period(bundled: History) -> None:
    """One era per mandate, from the start's first known part to the end's (or current_to)."""
    eras = timelinejs.document(bundled)["eras"]
    mandates = sorted(bundled.mandates(), key=lambda m: m.start.sort_key())
    assert len(eras) == len(mandates)
    current = bundled.current_to
    for era, mandate in zip(eras, mandates, strict=True):
        assert mandate.start.earliest is not None
        assert era["start_date"]["year"] == mandate.start.earliest.year
        start, end = _tuple(era["start_date"]), _tuple(era["end_date"])
        assert start <= end
        if mandate.end is not None and mandate.end.latest is not None:
            assert era["end_date"]["year"] == mandate.end.latest.year
        elif current is not None and current.latest is not None:
            assert end == (current.latest.year, current.latest.month, current.latest.day)
        assert mandate.function in era["text"]["headline"]


def test_era_headlines_are_escaped(tmp_path: Path) -> None:
    """A body's acronym holding markup is escaped in the era's headline."""
    path = tiny_variant(tmp_path, 'acronyms = ["MTPE"]', 'acronyms = ["<b>MTPE</b>"]')
    eras = timelinejs.document(coophistory.load(path))["eras"]
    assert any("&lt;b&gt;MTPE&lt;/b&gt;" in e["text"]["headline"] for e in eras)
    assert not any("<b>" in e["text"]["headline"] for e in eras)


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("1970~/1973~", f"about 1970{EN_DASH}1973"),
        ("1992/1993", "1992 or 1993"),
        ("1992?", "perhaps 1992"),
        ("1992-06~", "about June 1992"),
        ("1992%", "perhaps about 1992"),
        ("2000/2020", f"2000{EN_DASH}2020"),
        ("1992/..", "1992 or later"),
        ("2019-01-01/2019-03-31", f"1 January 2019{EN_DASH}31 March 2019"),
    ],
)
def test_dates_in_words(edtf: str, words: str) -> None:
    """The issue's examples and their neighbours."""
    assert timelinejs.date_in_words(parse_date(edtf)) == words


def test_only_imprecise_or_disputed_slides_get_words(bundled: History) -> None:
    """A slide shows words exactly when its date is flagged or a span, naming both years."""
    dates = {f"event-{e.id}": e.date for e in bundled.records.events}
    dates |= {f"law-{law.id}": law.date for law in bundled.laws() if law.date is not None}
    for function in FUNCTIONS:
        handovers = bundled.handovers(function=function)
        dates |= {f"handover-{function}-{n}": h.date for n, h in enumerate(handovers, start=1)}
    for slide in timelinejs.document(bundled)["events"]:
        date = dates[slide["unique_id"]]
        imprecise = date.uncertain or date.approximate or date.is_interval
        assert ("display_date" in slide) == imprecise, slide["unique_id"]
        if imprecise:
            for side in (date.start, date.end):
                if side is not None:
                    assert str(side.year) in slide["display_date"]
    json.dumps(timelinejs.document(bundled))  # still plain JSON data
