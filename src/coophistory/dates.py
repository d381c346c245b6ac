"""Historical dates, a subset of EDTF: parsing, precision, windows and their order.

The subset: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, each optionally followed by ``?``
(uncertain), ``~`` (approximate) or ``%`` (both), and intervals ``A/B`` where either side
may be ``..`` (open). A date keeps its precision: ``1978`` is the whole of 1978, never
1978-01-01.

Ordering: dates sort by their earliest possible day, then by their latest possible day
(an open start sorts before every day, an open end after every day), then by their text,
so that ``1978 < 1978-03 < 1978-03-02 < 1979`` and sorting is total and stable.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from typing import Final

import attrs
import pendulum

from coophistory.errors import InvalidDateError, WrongTypeError
from coophistory.i18n import N_

__all__ = [
    "DatePoint",
    "HistoricalDate",
    "Precision",
    "Status",
    "parse_date",
    "shift",
    "to_day",
]

_POINT = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<flag>[?~%])?"
)
_OPEN: Final = ".."
_MIN_DAY: Final = pendulum.Date(1, 1, 1)
_MAX_DAY: Final = pendulum.Date(9999, 12, 31)


class Precision(enum.IntEnum):
    """How finely a date is known; a larger value is finer."""

    YEAR = 1
    MONTH = 2
    DAY = 3

    def __str__(self) -> str:
        """Return the lowercase name, e.g. ``year``."""
        return self.name.lower()


class Status(enum.Enum):
    """Whether something holds on a day: for certain, possibly, or certainly not."""

    CERTAIN = "certain"
    POSSIBLE = "possible"
    NONE = "none"


@attrs.frozen
class DatePoint:
    """One date of year, month or day precision, possibly uncertain or approximate."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        """How finely this date is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> pendulum.Date:
        """The first day this date may stand for."""
        return pendulum.Date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> pendulum.Date:
        """The last day this date may stand for."""
        if self.day is not None:
            return self.earliest
        if self.month is not None:
            return self.earliest.end_of("month")
        return pendulum.Date(self.year, 12, 31)

    @property
    def fuzzy_earliest(self) -> pendulum.Date:
        """The earliest day, widened by one unit of precision when flagged ``?``, ``~`` or ``%``."""
        if not (self.uncertain or self.approximate):
            return self.earliest
        return shift(self.earliest, self.precision, -1)

    @property
    def fuzzy_latest(self) -> pendulum.Date:
        """The latest day, widened by one unit of precision when flagged."""
        if not (self.uncertain or self.approximate):
            return self.latest
        widened = shift(self.latest, self.precision, 1)
        return widened.end_of("month") if self.precision is Precision.MONTH else widened

    @property
    def flag(self) -> str:
        """The EDTF qualifier: ``?``, ``~``, ``%`` or the empty string."""
        if self.uncertain and self.approximate:
            return "%"
        return "?" if self.uncertain else "~" if self.approximate else ""

    def __str__(self) -> str:
        """Return the EDTF text, e.g. ``1992-06~``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + self.flag


_UNITS: Final = {Precision.YEAR: "years", Precision.MONTH: "months", Precision.DAY: "days"}


def shift(day: pendulum.Date, precision: Precision, units: int) -> pendulum.Date:
    """Move ``day`` by whole units of ``precision``, stopping at the calendar's ends."""
    try:
        return day.add(**{_UNITS[precision]: units})
    except (ValueError, OverflowError):
        return _MIN_DAY if units < 0 else _MAX_DAY


@functools.total_ordering
@attrs.frozen(eq=True, order=False)
class HistoricalDate:
    """A date as a historian knows it: a single :class:`DatePoint` or an interval of two.

    >>> d = parse_date("1978")
    >>> d.earliest, d.latest, str(d.precision)
    (Date(1978, 1, 1), Date(1978, 12, 31), 'year')
    >>> str(parse_date("1992/1993"))
    '1992/1993'
    """

    start: DatePoint | None
    end: DatePoint | None
    is_interval: bool = False

    @property
    def earliest(self) -> pendulum.Date | None:
        """The first day it may stand for; ``None`` for an open start."""
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> pendulum.Date | None:
        """The last day it may stand for; ``None`` for an open end."""
        return None if self.end is None else self.end.latest

    @property
    def fuzzy_earliest(self) -> pendulum.Date | None:
        """The earliest day, widened for a flagged start (the EDTF "fuzzy" bound)."""
        return None if self.start is None else self.start.fuzzy_earliest

    @property
    def fuzzy_latest(self) -> pendulum.Date | None:
        """The latest day, widened for a flagged end."""
        return None if self.end is None else self.end.fuzzy_latest

    @property
    def precision(self) -> Precision:
        """How finely it is known: the coarsest precision of its (closed) sides."""
        return min(p.precision for p in self._points)

    @property
    def uncertain(self) -> bool:
        """Whether any side is flagged ``?`` or ``%``."""
        return any(p.uncertain for p in self._points)

    @property
    def approximate(self) -> bool:
        """Whether any side is flagged ``~`` or ``%``."""
        return any(p.approximate for p in self._points)

    @property
    def is_exact_day(self) -> bool:
        """Whether it names one day with no doubt: day precision, no flag, not an interval."""
        return (
            not self.is_interval
            and self.precision is Precision.DAY
            and not (self.uncertain or self.approximate)
        )

    @property
    def _points(self) -> tuple[DatePoint, ...]:
        return tuple(p for p in (self.start, self.end) if p is not None)

    def sort_key(self) -> tuple[pendulum.Date, pendulum.Date, str]:
        """The key dates sort by: earliest day, latest day, then text."""
        return (self.earliest or _MIN_DAY, self.latest or _MAX_DAY, str(self))

    def __lt__(self, other: object) -> bool:
        """Order by :meth:`sort_key` (see the module's docstring)."""
        if not isinstance(other, HistoricalDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        """Return the EDTF text it was parsed from."""
        if not self.is_interval:
            return str(self.start)
        return f"{self.start or _OPEN}/{self.end or _OPEN}"

    def __repr__(self) -> str:
        """Return ``HistoricalDate('1978')``."""
        return f"HistoricalDate({str(self)!r})"

    def display(self) -> str:
        """Return the date for a reader, no finer than it is known.

        >>> [parse_date(t).display() for t in ("1978", "2008-10", "1992~", "1992?", "1992/1993")]
        ['1978', '2008-10', 'c. 1992', '1992?', '1992/1993']
        >>> parse_date("1992/..").display(), parse_date("../2000").display()
        ('1992 or later', '2000 or earlier')
        """
        start = None if self.start is None else _display_point(self.start)
        end = None if self.end is None else _display_point(self.end)
        if not self.is_interval:
            return str(start)
        if end is None:
            return f"{start} or later"
        if start is None:
            return f"{end} or earlier"
        return f"{start}/{end}"


def _display_point(point: DatePoint) -> str:
    """A point as a reader writes it: ``c. 1992`` when approximate, ``1992?`` when uncertain."""
    text = str(attrs.evolve(point, uncertain=False, approximate=False))
    return f"{'c. ' if point.approximate else ''}{text}{'?' if point.uncertain else ''}"


@functools.lru_cache(maxsize=4096)
def _parse_text(text: str) -> HistoricalDate:
    if not text.isascii():
        raise InvalidDateError(text, "EDTF dates are written in ASCII, with the digits 0-9")
    if "/" in text:
        parts = text.split("/")
        if len(parts) != 2:
            raise InvalidDateError(text, N_("an interval has exactly one '/'"))
        left, right = (None if part == _OPEN else _parse_point(text, part) for part in parts)
        if left is None and right is None:
            raise InvalidDateError(text, N_("an interval needs at least one closed side"))
        if left is not None and right is not None and left.earliest > right.latest:
            raise InvalidDateError(text, N_("the interval ends before it starts"))
        return HistoricalDate(left, right, is_interval=True)
    point = _parse_point(text, text)
    return HistoricalDate(point, point)


def _parse_point(text: str, part: str) -> DatePoint:
    match = _POINT.fullmatch(part)
    if match is None:
        raise InvalidDateError(
            text, N_("expected YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ?, ~ or %")
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year == 0:
        raise InvalidDateError(text, N_("year 0000 is not supported"))
    if month is not None and not 1 <= month <= 12:
        raise InvalidDateError(text, N_("there is no month {month}"), month=f"{month:02d}")
    if day is not None:
        try:
            datetime.date(year, month or 1, day)
        except ValueError:
            raise InvalidDateError(
                text,
                N_("there is no day {day} in {month}"),
                day=f"{day:02d}",
                month=f"{year:04d}-{month:02d}",
            ) from None
    flag = match["flag"]
    return DatePoint(year, month, day, uncertain=flag in ("?", "%"), approximate=flag in ("~", "%"))


def parse_date(value: str | datetime.date | HistoricalDate) -> HistoricalDate:
    """Parse EDTF text (or take a TOML/Python date as day precision) into a :class:`HistoricalDate`.

    >>> parse_date("2008-10").precision
    <Precision.MONTH: 2>
    >>> parse_date(datetime.date(2019, 1, 1))
    HistoricalDate('2019-01-01')
    >>> parse_date("1992-02-30")
    Traceback (most recent call last):
    coophistory.errors.InvalidDateError: invalid date '1992-02-30': there is no day 30 in 1992-02
    """
    if isinstance(value, HistoricalDate):
        return value
    if isinstance(value, datetime.datetime):
        raise InvalidDateError(value, N_("a date and time is not a date; pass its .date()"))
    if isinstance(value, datetime.date):
        point = DatePoint(value.year, value.month, value.day)
        return HistoricalDate(point, point)
    if not isinstance(value, str):
        raise WrongTypeError(N_("a date"), N_("EDTF text or a datetime.date"), value)
    return _parse_text(value)


def to_day(value: str | datetime.date) -> pendulum.Date:
    """Turn an ISO day (``YYYY-MM-DD``), a date or a datetime into a pendulum Date.

    A year or month alone is refused here: it is not one day.

    >>> to_day("1995-06-01")
    Date(1995, 6, 1)
    """
    if isinstance(value, datetime.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    parsed = parse_date(value)
    if not parsed.is_exact_day:
        raise InvalidDateError(value, N_("expected one day, YYYY-MM-DD"))
    assert parsed.earliest is not None  # noqa: S101 - an exact day has both bounds
    return parsed.earliest
