"""Half-open periods between historical dates, and what holds on a day or a range of days."""

from __future__ import annotations

import datetime

import attrs
import pendulum

from coophistory.dates import HistoricalDate, Precision, Status, parse_date, shift
from coophistory.errors import InvalidDateError, ReversedRangeError, WrongTypeError
from coophistory.i18n import N_

__all__ = ["DateLike", "Period", "as_of", "as_of_range", "overlaps"]

DateLike = str | int | datetime.date | HistoricalDate


def as_of(on: DateLike) -> HistoricalDate:
    """The closed date a question is asked on; a datetime counts as its calendar day.

    This is the one policy for every as-of entry point (answers, events, graphs, diagrams):
    the day of a datetime is meant, its time of day is not history's grain. An ``int`` is a
    year (``2000`` means ``"2000"``); a bool is refused.
    """
    if isinstance(on, bool) or not isinstance(on, str | int | datetime.date | HistoricalDate):
        raise WrongTypeError(N_("a date"), N_("EDTF text, a year as int or a datetime.date"), on)
    if isinstance(on, int):
        if not 1 <= on <= 9999:  # the years four digits write
            raise InvalidDateError(on, "a year is a number from 1 to 9999")
        on = f"{on:04d}"
    if isinstance(on, datetime.datetime):
        on = on.date()
    when = parse_date(on)
    if when.earliest is None or when.latest is None:
        raise InvalidDateError(str(when), N_("an as-of date cannot be open-ended"))
    return when


def as_of_range(
    start: DateLike | None, end: DateLike | None
) -> tuple[pendulum.Date | None, pendulum.Date | None]:
    """The first days of a half-open range [start, end); a missing bound stays open (None).

    A range that ends before it starts raises ReversedRangeError (an empty one is allowed).
    """
    low = None if start is None else as_of(start).earliest
    high = None if end is None else as_of(end).earliest
    if low is not None and high is not None and high < low:
        raise ReversedRangeError(start, end)
    return low, high


def overlaps(date: HistoricalDate, low: pendulum.Date | None, high: pendulum.Date | None) -> bool:
    """Whether a date overlaps the half-open range of days [low, high); None is open.

    An empty range (``high`` not after ``low``) overlaps nothing.
    """
    if low is not None and high is not None and high <= low:
        return False
    return (low is None or date.latest is None or date.latest >= low) and (
        high is None or date.earliest is None or date.earliest < high
    )


@attrs.frozen
class Period:
    """A half-open period between two historical dates, with its uncertainty windows.

    ``start`` is the first day it applies; ``end`` the first day it no longer applies
    (``None``: still in force). A boundary known only to the month or year, written as an
    interval, or flagged, is uncertain across its whole window, on either side:

    >>> p = Period(parse_date("1978"), parse_date("1992"))
    >>> days = [(1977, 12, 31), (1978, 6, 1), (1979, 1, 1), (1992, 6, 1), (1993, 1, 1)]
    >>> [p.status_on(pendulum.Date(*day)).value for day in days]
    ['none', 'possible', 'certain', 'possible', 'none']
    """

    start: HistoricalDate
    end: HistoricalDate | None = None

    @property
    def possible_start(self) -> pendulum.Date:
        """The first day on which it may apply."""
        return _window(self.start)[0]

    @property
    def certain_start(self) -> pendulum.Date:
        """The first day from which it applies for certain."""
        low, high = _window(self.start)
        return low if low == high else shift(high, Precision.DAY, 1)

    @property
    def certain_end(self) -> pendulum.Date | None:
        """The first day on which it may no longer apply (``None``: open)."""
        return None if self.end is None else _window(self.end)[0]

    @property
    def possible_end(self) -> pendulum.Date | None:
        """The first day on which it certainly no longer applies (``None``: open)."""
        if self.end is None:
            return None
        low, high = _window(self.end)
        return low if low == high else shift(high, Precision.DAY, 1)

    def status_on(self, day: pendulum.Date) -> Status:
        """Whether the period holds on ``day``: certainly, possibly, or not at all."""
        return self.status_during(day, day)

    def status_during(self, first: pendulum.Date, last: pendulum.Date) -> Status:
        """Whether it holds on every day from ``first`` to ``last`` (certain), on some, or none."""
        possible_end, certain_end = self.possible_end, self.certain_end
        if last < self.possible_start or (possible_end is not None and first >= possible_end):
            return Status.NONE
        if first >= self.certain_start and (certain_end is None or last < certain_end):
            return Status.CERTAIN
        return Status.POSSIBLE


def _window(boundary: HistoricalDate) -> tuple[pendulum.Date, pendulum.Date]:
    """The days a boundary may fall on, widened for flags; exact days give a one-day window."""
    low, high = boundary.fuzzy_earliest, boundary.fuzzy_latest
    if low is None or high is None:
        raise InvalidDateError(str(boundary), N_("a period boundary cannot be open"))
    return low, high
