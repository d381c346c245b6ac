"""The historical date type: parsing, bounds, precision, flags, ordering and round trips."""

from __future__ import annotations

import datetime
import itertools

import edtf
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coophistory import HistoricalDate, InvalidDateError, Period, Precision, Status, parse_date
from coophistory.dates import to_day


def _edtf_day(value: object) -> pendulum.Date | None:
    """Turn an edtf package bound (a struct_time, or ±inf when open) into a Date."""
    if isinstance(value, float):
        return None
    return pendulum.Date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]


def test_year_keeps_its_precision() -> None:
    """'1978' is the whole year, never silently 1978-01-01."""
    year = parse_date("1978")
    assert year.precision is Precision.YEAR
    assert (year.earliest, year.latest) == (pendulum.Date(1978, 1, 1), pendulum.Date(1978, 12, 31))
    assert not year.is_exact_day
    assert year != parse_date("1978-01-01")


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2008-10", Precision.MONTH, (2008, 10, 1), (2008, 10, 31)),
        ("2000-02", Precision.MONTH, (2000, 2, 1), (2000, 2, 29)),
        ("1900-02", Precision.MONTH, (1900, 2, 1), (1900, 2, 28)),
        ("2019-01-01", Precision.DAY, (2019, 1, 1), (2019, 1, 1)),
        ("1992/1993", Precision.YEAR, (1992, 1, 1), (1993, 12, 31)),
        ("1992-06/1993", Precision.YEAR, (1992, 6, 1), (1993, 12, 31)),
    ],
)
def test_bounds_and_precision(
    text: str, precision: Precision, earliest: tuple[int, int, int], latest: tuple[int, int, int]
) -> None:
    """Strict bounds are the first and last day the text may stand for."""
    parsed = parse_date(text)
    assert parsed.precision is precision
    assert parsed.earliest == pendulum.Date(*earliest)
    assert parsed.latest == pendulum.Date(*latest)


def test_open_interval_sides_are_none() -> None:
    """An open side has no bound."""
    assert parse_date("../1992").earliest is None
    assert parse_date("1992/..").latest is None
    assert parse_date("../1992").latest == pendulum.Date(1992, 12, 31)


@pytest.mark.parametrize(
    ("text", "uncertain", "approximate"),
    [("1978", False, False), ("1978?", True, False), ("1978~", False, True), ("1978%", True, True)],
)
def test_flags(text: str, uncertain: bool, approximate: bool) -> None:
    """'?', '~' and '%' set the uncertain and approximate flags."""
    parsed = parse_date(text)
    assert (parsed.uncertain, parsed.approximate) == (uncertain, approximate)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1978?", (1977, 1, 1), (1979, 12, 31)),
        ("2008-10~", (2008, 9, 1), (2008, 11, 30)),
        ("2019-01-31%", (2019, 1, 30), (2019, 2, 1)),
        ("1978", (1978, 1, 1), (1978, 12, 31)),
    ],
)
def test_fuzzy_bounds_widen_one_unit(
    text: str, low: tuple[int, ...], high: tuple[int, ...]
) -> None:
    """A flagged date widens by one unit of its own precision on each side."""
    parsed = parse_date(text)
    assert parsed.fuzzy_earliest == pendulum.Date(*low)
    assert parsed.fuzzy_latest == pendulum.Date(*high)


@pytest.mark.parametrize("text", ["1978?", "1978~", "1850?"])
def test_fuzzy_year_bounds_agree_with_edtf(text: str) -> None:
    """At year precision the one-unit widening is what the edtf package computes too."""
    reference = edtf.parse_edtf(text)
    parsed = parse_date(text)
    assert parsed.fuzzy_earliest == _edtf_day(reference.lower_fuzzy())
    assert parsed.fuzzy_latest == _edtf_day(reference.upper_fuzzy())


def _subset_strings() -> list[str]:
    """A systematic sample of the subset: every shape, flag and interval combination."""
    points = ["1964", "1978", "2000-02", "2008-10", "1964-12-14", "2000-02-29", "2019-12-31"]
    flagged = [p + f for p in points for f in ("", "?", "~", "%")]
    sides = [*flagged, ".."]
    intervals = [
        f"{a}/{b}"
        for a, b in itertools.product(sides, repeat=2)
        if (".." in (a, b) and a != b) or (".." not in (a, b) and _in_order(a, b))
    ]
    return flagged + intervals


def _in_order(first: str, second: str) -> bool:
    return parse_date(first).sort_key()[0] <= parse_date(second).sort_key()[1]


@pytest.mark.parametrize("text", _subset_strings())
def test_strict_bounds_agree_with_edtf(text: str) -> None:
    """earliest/latest equal the edtf package's lower_strict/upper_strict on the whole subset."""
    reference = edtf.parse_edtf(text)
    parsed = parse_date(text)
    assert parsed.earliest == _edtf_day(reference.lower_strict())
    assert parsed.latest == _edtf_day(reference.upper_strict())
    assert str(parsed) == text


_points = st.builds(
    lambda y, m, d, precision, flag: (
        f"{y:04d}"
        + (f"-{m:02d}" if precision >= 2 else "")
        + (f"-{d:02d}" if precision >= 3 else "")
        + flag
    ),
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(1, 3),
    st.sampled_from(["", "?", "~", "%"]),
)


@given(_points)
def test_round_trip_and_bounds_property(text: str) -> None:
    """Every generated point parses, prints back unchanged and has earliest ≤ latest."""
    parsed = parse_date(text)
    assert str(parsed) == text
    bounds = (parsed.fuzzy_earliest, parsed.earliest, parsed.latest, parsed.fuzzy_latest)
    assert None not in bounds
    assert list(bounds) == sorted(bounds)  # type: ignore[type-var]


@given(_points, _points)
def test_intervals_round_trip(a: str, b: str) -> None:
    """A valid interval round trips; a reversed one is refused."""
    left, right = parse_date(a), parse_date(b)
    if left.sort_key()[0] <= right.sort_key()[1]:
        assert str(parse_date(f"{a}/{b}")) == f"{a}/{b}"
    else:
        with pytest.raises(InvalidDateError):
            parse_date(f"{a}/{b}")


def test_ordering_is_documented_and_total() -> None:
    """Dates sort by earliest day, then latest day, then text; open starts first."""
    texts = ["1979", "1978-03-02", "1978", "../1950", "1978-03", "1978?", "1978/1979"]
    ordered = [str(d) for d in sorted(parse_date(t) for t in texts)]
    assert ordered == ["../1950", "1978", "1978?", "1978/1979", "1978-03", "1978-03-02", "1979"]


def test_toml_dates_are_day_precision() -> None:
    """A datetime.date (as TOML gives) is a day-precision date."""
    parsed = parse_date(datetime.date(2019, 1, 1))
    assert parsed == parse_date("2019-01-01")
    assert parsed.is_exact_day


@pytest.mark.parametrize(
    "text",
    [
        "1992-02-30",
        "19x2",
        "2019-13",
        "2019-00",
        "0000",
        "1992/1990",
        "../..",
        "1992//1993",
        "1992-1-1",
        " 1992",
        "1992?~",
        "",
        "1992-02-29T00:00",
    ],
)
def test_bad_strings_raise_a_value_error_quoting_them(text: str) -> None:
    """A bad string raises InvalidDateError (a ValueError) whose message quotes it."""
    with pytest.raises(ValueError, match="invalid date") as caught:
        parse_date(text)
    assert isinstance(caught.value, InvalidDateError)
    assert repr(text) in str(caught.value)


def test_to_day_refuses_a_year() -> None:
    """An as-of day must be a day."""
    assert to_day("1995-06-01") == pendulum.Date(1995, 6, 1)
    assert to_day(datetime.datetime(1995, 6, 1, 12, 0)) == pendulum.Date(1995, 6, 1)
    with pytest.raises(InvalidDateError, match="one day"):
        to_day("1995")


def test_repr_names_the_text() -> None:
    """The repr shows the EDTF text."""
    assert repr(parse_date("1992/1993")) == "HistoricalDate('1992/1993')"
    assert isinstance(parse_date(parse_date("1978")), HistoricalDate)


def _status(period: Period, *day: int) -> Status:
    return period.status_on(pendulum.Date(*day))


def test_year_boundaries_are_uncertain_all_year() -> None:
    """Starting '1978' is possible all 1978, certain from 1979; ending '1992', possible all 1992."""
    period = Period(parse_date("1978"), parse_date("1992"))
    assert _status(period, 1977, 12, 31) is Status.NONE
    assert _status(period, 1978, 1, 1) is Status.POSSIBLE
    assert _status(period, 1978, 12, 31) is Status.POSSIBLE
    assert _status(period, 1979, 1, 1) is Status.CERTAIN
    assert _status(period, 1991, 12, 31) is Status.CERTAIN
    assert _status(period, 1992, 1, 1) is Status.POSSIBLE
    assert _status(period, 1992, 12, 31) is Status.POSSIBLE
    assert _status(period, 1993, 1, 1) is Status.NONE


def test_day_boundaries_are_half_open() -> None:
    """An exact start holds from that day; an exact end is the first day it no longer holds."""
    period = Period(parse_date("1964-12-14"), parse_date("2019-01-01"))
    assert _status(period, 1964, 12, 13) is Status.NONE
    assert _status(period, 1964, 12, 14) is Status.CERTAIN
    assert _status(period, 2018, 12, 31) is Status.CERTAIN
    assert _status(period, 2019, 1, 1) is Status.NONE


def test_interval_and_flagged_boundaries() -> None:
    """'1992/1993' is uncertain across both years; '2008-10~' widens to September-November."""
    disputed = Period(parse_date("1992/1993"))
    assert _status(disputed, 1991, 12, 31) is Status.NONE
    assert _status(disputed, 1993, 12, 31) is Status.POSSIBLE
    assert _status(disputed, 1994, 1, 1) is Status.CERTAIN
    approximate = Period(parse_date("2008-10~"))
    assert _status(approximate, 2008, 8, 31) is Status.NONE
    assert _status(approximate, 2008, 9, 1) is Status.POSSIBLE
    assert _status(approximate, 2008, 11, 30) is Status.POSSIBLE
    assert _status(approximate, 2008, 12, 1) is Status.CERTAIN
    assert _status(approximate, 2030, 1, 1) is Status.CERTAIN


@given(_points, _points, st.sampled_from(["point", "interval", "open-start", "open-end"]))
def test_generated_strings_agree_with_edtf(a: str, b: str, shape: str) -> None:
    """On generated strings of every shape, the strict bounds are the edtf package's."""
    text = {"point": a, "interval": f"{a}/{b}", "open-start": f"../{b}", "open-end": f"{a}/.."}[
        shape
    ]
    if shape == "interval" and not _in_order(a, b):
        return
    reference = edtf.parse_edtf(text)
    parsed = parse_date(text)
    assert parsed.earliest == _edtf_day(reference.lower_strict())
    assert parsed.latest == _edtf_day(reference.upper_strict())
