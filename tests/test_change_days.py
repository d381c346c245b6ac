"""change_days: on any day it does not list, every answer is the day before's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import coophistory
from coophistory import History
from coophistory.answers import Answer
from coophistory.change_days import ChangeDays, change_days
from coophistory.dates import HistoricalDate
from coophistory.errors import UnknownNameError
from coophistory.records import FUNCTIONS, Body

from .generated import history_document, toml_text


def _answer(history: History, type_id: str, day: pendulum.Date, function: str) -> Any:
    """What an answer says, less the day itself: holders named as on the day, laws, sources."""
    return _said(history.supervisor(type_id, day, function=function), day)


def _said(answer: Answer, day: pendulum.Date) -> Any:
    def named(bodies: tuple[Body, ...]) -> list[tuple[str, str, str | None]]:
        return [(b.id, b.name_on(day), b.acronym_on(day)) for b in bodies]

    return (
        answer.certain,
        named(answer.bodies),
        named(answer.possible),
        [m.key for m in answer.mandates],
        [law.id for law in answer.laws],
        answer.citations,
        [c.id for c in answer.conflicts],
        answer.record_ends,
        {t: _said(a, day) for t, a in answer.by_type.items()},
    )


def _days(history: History, listed: tuple[pendulum.Date, ...]) -> list[pendulum.Date]:
    """Days to try: around every date the records give, around each listed day, and a sweep.

    An answer can only turn where some date of the data begins or ends, so the days around
    each of them (found by walking every record, whatever field holds the date) are where a
    missing day would show.
    """
    sweep = [pendulum.Date(1860, 1, 1).add(days=97 * n) for n in range(630)]
    edges = [*listed, *_boundaries(history.records)]
    near = [d.add(days=k) for d in edges for k in (-1, 0, 1, 2) if 1 < d.year < 9999]
    return sorted({*sweep, *near})


def _boundaries(value: Any) -> Iterator[pendulum.Date]:
    """The first day and the day after the last of every date held anywhere in ``value``."""
    if isinstance(value, HistoricalDate):
        if value.earliest is not None:
            yield value.earliest
        if value.latest is not None and value.latest.year < 9999:
            yield value.latest.add(days=1)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _boundaries(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _boundaries(item)


def _histories() -> list[Any]:
    return [
        pytest.param("bundled", id="bundled"),
        *(pytest.param(s, id=f"gen{s}") for s in range(6)),
    ]


@pytest.fixture
def history(request: pytest.FixtureRequest, tmp_path: Path) -> History:
    """The bundled history, or a generated one written as TOML and loaded."""
    if request.param == "bundled":
        return coophistory.load()
    path = tmp_path / "generated.toml"
    path.write_text(toml_text(history_document(request.param)), encoding="utf-8")
    return coophistory.load(path)


@pytest.mark.parametrize("history", _histories(), indirect=True)
def test_answers_change_only_on_the_days_listed(history: History) -> None:
    """Every type (abstract ones too) and function: an unlisted day answers as the day before."""
    changes = ChangeDays(history)
    for coop_type in history.coop_types():
        for function in FUNCTIONS:
            listed = changes.of(coop_type.id, function=function)
            assert list(listed) == sorted(set(listed))
            stated = set(listed)
            for day in _days(history, listed):
                if day in stated:
                    continue
                before = _answer(history, coop_type.id, day.subtract(days=1), function)
                assert _answer(history, coop_type.id, day, function) == before, (
                    coop_type.id,
                    function,
                    str(day),
                )


def test_the_listed_days_hold_the_known_turns() -> None:
    """The bundled record's turns are there: INCOOP's law, 1978, FENACREP's years, the SBS."""
    days = {str(d) for d in change_days(coophistory.load(), "savings-and-credit")}
    assert {"1964-12-14", "1978-01-01", "1992-01-01", "1994-01-01", "2019-01-01"} <= days
    # the day after the day the record is current to (2026-01-26): answers stop being certain
    assert "2026-01-27" in days


def test_an_abstract_type_gathers_its_subtypes_days() -> None:
    """A parent type's days are those of each concrete type below it."""
    h = coophistory.load()
    below = [t for t in h.descendants("financial") if not h.coop_type(t).abstract]
    gathered = {d for t in below for d in change_days(h, t, function="promotion")}
    assert set(change_days(h, "financial", function="promotion")) == gathered


def test_names_are_read_as_everywhere_and_mistakes_named() -> None:
    """Types and functions are read as every query reads them; mistakes raise our errors."""
    h = coophistory.load()
    assert change_days(h, "ahorro y crédito") == change_days(h, "savings-and-credit")
    with pytest.raises(UnknownNameError, match="savings-and-credit"):
        change_days(h, "savings-and-credits")
    with pytest.raises(UnknownNameError, match="supervision"):
        change_days(h, "housing", function="supervisoin")
