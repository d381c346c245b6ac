"""``changes_between`` against a day-by-day reading of ``supervisor``, and the ``diff`` command."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Final

import pendulum
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import coophistory
from coophistory import FUNCTIONS, History, InvalidDateError, UnknownNameError
from coophistory.changes import Changes

from .conftest import tiny_variant
from .test_properties import World, worlds

CHANGE_EXAMPLES: Final = 40
Verdict = tuple[frozenset[str], frozenset[str]]
Expected = tuple[str, str, datetime.date, datetime.date, Verdict, Verdict]


def _verdict(history: History, type_id: str, day: datetime.date, function: str) -> Verdict:
    answer = history.supervisor(type_id, day, function=function)
    return frozenset(b.id for b in answer.bodies), frozenset(b.id for b in answer.possible)


def day_by_day(
    history: History, type_id: str, function: str, low: datetime.date, high: datetime.date
) -> list[Expected]:
    """Walk every day: a change opens on the first day that differs, closes on a settled one."""
    settled = previous = _verdict(history, type_id, low, function)
    opened: datetime.date | None = None
    last_move = low
    found: list[Expected] = []
    day = low
    while day < high:
        day += datetime.timedelta(days=1)
        verdict = _verdict(history, type_id, day, function)
        if verdict == previous:
            continue
        previous, last_move = verdict, day
        opened = opened or day
        if not verdict[1]:  # nobody only possibly holds it: a settled state
            found.append((type_id, function, opened, day, settled, verdict))
            settled, opened = verdict, None
    if opened is not None:
        found.append((type_id, function, opened, last_move, settled, previous))
    return found


def _expanded(history: History, found: Changes) -> set[Expected]:
    got: set[Expected] = set()
    for change in found:
        before = (
            frozenset(b.id for b in change.before),
            frozenset(b.id for b in change.before_possible),
        )
        after = (
            frozenset(b.id for b in change.after),
            frozenset(b.id for b in change.after_possible),
        )
        named = {t for n in change.coop_types for t in (n, *history.descendants(n))}
        named -= {t for n in change.excluding for t in (n, *history.descendants(n))}
        for type_id in named:
            if not history.coop_type(type_id).abstract:
                start = datetime.date(change.start.year, change.start.month, change.start.day)
                end = datetime.date(change.end.year, change.end.month, change.end.day)
                got.add((type_id, change.function, start, end, before, after))
        assert change.certain is (change.start == change.end and not before[1] and not after[1])
    return got


DAYS = st.dates(datetime.date(1999, 10, 1), datetime.date(2003, 3, 31))


@settings(
    max_examples=CHANGE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(worlds(), DAYS, DAYS, st.data())
def test_changes_match_a_day_by_day_reading(
    world: World, one: datetime.date, two: datetime.date, data: st.DataObject
) -> None:
    """Every change of every concrete type in scope, and nothing else, on generated histories."""
    if one == two:
        return
    low, high = min(one, two), max(one, two)
    history = world.history
    function = data.draw(st.none() | st.sampled_from(FUNCTIONS))
    scope = data.draw(st.none() | st.sampled_from([t.id for t in history.coop_types()]))
    found = history.changes_between(low, high, function=function, coop_type=scope)
    note(f"types: {history.coop_types()}\nmandates: {history.mandates()}\nfound: {found.changes}")
    within = None if scope is None else {scope, *history.descendants(scope)}
    expected: set[Expected] = set()
    for coop_type in history.concrete_types():
        if within is not None and coop_type.id not in within:
            continue
        for checked in FUNCTIONS if function is None else (function,):
            expected.update(day_by_day(history, coop_type.id, checked, low, high))
    assert _expanded(history, found) == expected
    starts = [(c.start, c.end) for c in found]
    assert starts == sorted(starts)


def test_a_handover_known_to_the_day_is_certain_with_its_law_and_sources(
    bundled: History,
) -> None:
    """SBS took savings and credit cooperatives from FENACREP on 2019-01-01, under Law 30822."""
    found = bundled.changes_between("2018-06-01", "2019-06-01", coop_type="savings-and-credit")
    (change,) = found.changes
    assert change.certain
    assert [b.id for b in change.before] == ["fenacrep"]
    assert [b.id for b in change.after] == ["sbs"]
    assert [law.id for law in change.laws] == ["law-30822"]
    expected = bundled.handovers("savings-and-credit")
    assert [h.date for h in change.handovers] == [
        h.date for h in expected if str(h.date) == "2019-01-01"
    ]
    assert change.citations
    assert {law.id for law in found.laws} >= {"law-30822"}
    assert all(e.date.latest is None or e.date.latest >= found.start for e in found.events)


def test_a_year_only_boundary_makes_the_change_uncertain(bundled: History) -> None:
    """The 1978 move to the Ministry of Labor is known only to the year: it spans the year."""
    found = bundled.changes_between("1975", "1980", function="supervision", coop_type="housing")
    (change,) = found.changes
    assert not change.certain
    assert change.start < change.end
    assert str(change.date) == f"{change.start.isoformat()}/{change.end.isoformat()}"


@pytest.mark.parametrize(("a", "b"), [("2019-01-01", "2019-01-01"), ("2020", "2019")])
def test_equal_or_reversed_dates_are_errors(bundled: History, a: str, b: str) -> None:
    """The first date must come before the second."""
    with pytest.raises(InvalidDateError, match="must come before"):
        bundled.changes_between(a, b)


def test_unknown_function_is_an_error(bundled: History) -> None:
    """A misspelt function names the known ones."""
    with pytest.raises(UnknownNameError, match="supervision"):
        bundled.changes_between("2018", "2019", function="supervison")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coophistory", *args], capture_output=True, text=True, check=False
    )


def test_diff_prints_lines_and_json() -> None:
    """``diff`` prints a line per change; ``--json`` the same result as data."""
    text = _run("diff", "2018-06-01", "2019-06-01", "--type", "savings-and-credit")
    assert text.returncode == 0, text.stderr
    assert "FENACREP → SBS (Law 30822)" in text.stdout
    data = _run("diff", "2018-06-01", "2019-06-01", "--json", "--function", "supervision")
    expected = coophistory.load().changes_between(
        "2018-06-01", "2019-06-01", function="supervision"
    )
    assert json.loads(data.stdout) == expected.to_dict()


def test_diff_reversed_is_one_line_error() -> None:
    """Reversed dates give one line on stderr and status 1."""
    result = _run("diff", "2019-06-01", "2018-06-01")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "must come before" in result.stderr


def test_changes_render_as_escaped_html(bundled: History) -> None:
    """The Jupyter table escapes every cell."""
    found = bundled.changes_between("1990", "1995")
    table = found._repr_html_()
    assert table.startswith("<table>")
    assert table.count("<tr>") == len(found) + 1
    assert pendulum.Date(1990, 1, 1) == found.start


@pytest.mark.parametrize(
    ("span", "certain"),
    [(None, False), ('"2018-12/2019-02"', False), ('"1992/1993"', True)],
)
def test_an_unsettled_disagreement_bearing_on_a_change_makes_it_uncertain(
    tmp_path: Path, span: str | None, certain: bool
) -> None:
    """A dispute attached to the incoming mandate counts unless its span lies elsewhere."""
    path = tiny_variant(
        tmp_path,
        'start = 2019-01-01\nbasis = ["law-30822"]',
        'start = 2019-01-01\nbasis = ["law-30822"]\nconflicts = ["fenacrep-start"]',
    )
    if span is not None:
        text = path.read_text(encoding="utf-8")
        marker = 'id = "fenacrep-start"\n'
        path.write_text(text.replace(marker, f"{marker}span = {span}\n"), encoding="utf-8")
    history = coophistory.load(path)
    (change,) = history.changes_between("2018-06-01", "2019-06-01").changes
    assert [b.id for b in change.after] == ["sbs"]
    assert change.start == change.end
    assert change.certain is certain
    settled = tmp_path / "settled.toml"
    marker = 'id = "fenacrep-start"\n'
    text = path.read_text(encoding="utf-8").replace(marker, f'{marker}preferred = "1992"\n')
    settled.write_text(text, encoding="utf-8")
    assert coophistory.load(settled).changes_between("2018-06-01", "2019-06-01").changes[0].certain
