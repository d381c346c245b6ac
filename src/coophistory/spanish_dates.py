"""Dates as Peruvians write them: ``1 de junio de 1995``, ``en 1978``, ``entre 1992 y 1993``.

pendulum gives the Spanish month names; the rest is how a date reads after a preposition or on
its own, no finer than it is known.

>>> from coophistory.dates import parse_date
>>> [when(parse_date(t)) for t in ("1995-06-01", "2008-06", "1978", "1992/1993")]
['el 1 de junio de 1995', 'en junio de 2008', 'en 1978', 'entre 1992 y 1993']
"""

from __future__ import annotations

from collections.abc import Callable

import pendulum

from coophistory.dates import DatePoint, HistoricalDate, Precision

__all__ = ["bound", "date", "day", "when"]


def day(value: pendulum.Date) -> str:
    """A day as Peruvians write it: ``1 de junio de 1995``.

    >>> day(pendulum.Date(1995, 6, 1))
    '1 de junio de 1995'
    """
    return value.format("D [de] MMMM [de] YYYY", locale="es")


def _point(point: DatePoint) -> str:
    """A point no finer than it is known: ``1978``, ``junio de 2008``, ``1 de junio de 1995``."""
    first = point.earliest
    if point.precision is Precision.YEAR:
        return str(point.year)
    if point.precision is Precision.MONTH:
        return first.format("MMMM [de] YYYY", locale="es")
    return day(first)


def _flagged(point: DatePoint) -> str:
    """A point with its flags in Spanish: ``ca. 1992`` approximate, ``¿1992?`` uncertain."""
    text = _point(point)
    if point.approximate:
        text = f"ca. {text}"
    return f"¿{text}?" if point.uncertain else text


def date(value: HistoricalDate) -> str:
    """A date as a noun, as in a list or a diagram: ``1 de junio de 1995``, ``junio de 2008``.

    >>> from coophistory.dates import parse_date
    >>> [date(parse_date(t)) for t in ("1978", "1992~", "1992?", "1992/1993", "1992/..")]
    ['1978', 'ca. 1992', '¿1992?', 'entre 1992 y 1993', '1992 o después']
    """
    start = None if value.start is None else _flagged(value.start)
    end = None if value.end is None else _flagged(value.end)
    if not value.is_interval:
        return str(start)
    if end is None:
        return f"{start} o después"
    if start is None:
        return f"{end} o antes"
    return when(value)


def _when_point(point: DatePoint) -> str:
    """A point after a preposition: ``el 1 de junio de 1995``, ``en junio de 2008``, ``en 1978``."""
    text = _point(point)
    if point.precision is Precision.DAY:
        text = f"el {text}"
    elif not point.approximate:
        text = f"en {text}"
    if point.approximate:
        text = f"hacia {text}"
    return f"¿{text}?" if point.uncertain else text


def when(value: HistoricalDate) -> str:
    """A date as an adverb, to open or close a sentence: ``el 1 de junio de 1995``, ``en 1978``.

    >>> from coophistory.dates import parse_date
    >>> [when(parse_date(t)) for t in ("1992~", "1995-06-01~", "../2000", "1995-06-01/1995-07")]
    ['hacia 1992', 'hacia el 1 de junio de 1995', 'en 2000 o antes', \
'entre el 1 de junio de 1995 y julio de 1995']
    """
    return _spoken(value, _when_point, "entre {start} y {end}")


def _flagged_article(point: DatePoint) -> str:
    """A point after ``entre`` or ``y``: days take ``el``, months and years nothing."""
    text = _flagged(point)
    return f"el {text}" if point.precision is Precision.DAY and not point.approximate else text


def bound(value: HistoricalDate) -> str:
    """A date after ``desde`` or ``hasta``: ``el 1 de enero de 2019``, ``1992 o 1993``.

    >>> from coophistory.dates import parse_date
    >>> [bound(parse_date(t)) for t in ("2019-01-01", "2008-10", "1992/1993", "1992/..")]
    ['el 1 de enero de 2019', 'octubre de 2008', '1992 o 1993', '1992 o después']
    """
    return _spoken(value, _flagged_article, "{start} o {end}")


def _spoken(value: HistoricalDate, point: Callable[[DatePoint], str], between: str) -> str:
    """A date read with ``point`` for each side; ``between`` joins the sides of an interval."""
    if not value.is_interval:
        assert value.start is not None  # noqa: S101 - a single point is closed
        return point(value.start)
    if value.end is None:
        assert value.start is not None  # noqa: S101 - an interval has a closed side
        return f"{point(value.start)} o después"
    if value.start is None:
        return f"{point(value.end)} o antes"
    return between.format(start=_flagged_article(value.start), end=_flagged_article(value.end))
