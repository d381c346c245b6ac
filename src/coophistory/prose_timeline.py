"""The words of the analyst's bibliographies and timelines: dates in words, eras, pinpoints.

Split from :mod:`coophistory.prose_analyst` (which re-exports every function here) to keep each
module short; the same rules hold: one function per message, each a whole message with named
placeholders, in the language asked for.
"""

from __future__ import annotations

from coophistory.i18n import gettext

__all__ = [
    "about",
    "day_month_year",
    "either_year",
    "era_headline",
    "month_name",
    "month_year",
    "or_earlier",
    "or_later",
    "perhaps",
    "perhaps_about",
    "pinpoint",
    "span",
]


def pinpoint(locators: str, *, lang: str = "en") -> str:
    """The places an answer cites in a source, in the entry's note."""
    return gettext("Cited at {locators}.", lang=lang).format(locators=locators)


def era_headline(*, body: str, function: str, types: str, lang: str = "en") -> str:
    """A mandate as a TimelineJS era: ``FENACREP: supervision of savings-and-credit``."""
    return gettext("{body}: {function} of {types}", lang=lang).format(
        body=body, function=function, types=types
    )


def month_name(month: int, *, lang: str = "en") -> str:
    """A month's name, 1 to 12."""
    names = (
        gettext("January", lang=lang),
        gettext("February", lang=lang),
        gettext("March", lang=lang),
        gettext("April", lang=lang),
        gettext("May", lang=lang),
        gettext("June", lang=lang),
        gettext("July", lang=lang),
        gettext("August", lang=lang),
        gettext("September", lang=lang),
        gettext("October", lang=lang),
        gettext("November", lang=lang),
        gettext("December", lang=lang),
    )
    return names[month - 1]


def month_year(*, month: str, year: int, lang: str = "en") -> str:
    """A month of a year: ``June 1992``."""
    return gettext("{month} {year}", lang=lang).format(month=month, year=year)


def day_month_year(*, day: int, month: str, year: int, lang: str = "en") -> str:
    """A day: ``14 December 1964``."""
    return gettext("{day} {month} {year}", lang=lang).format(day=day, month=month, year=year)


def about(date: str, *, lang: str = "en") -> str:
    """An approximate date: ``about 1970``."""
    return gettext("about {date}", lang=lang).format(date=date)


def perhaps(date: str, *, lang: str = "en") -> str:
    """An uncertain date: ``perhaps 1978``."""
    return gettext("perhaps {date}", lang=lang).format(date=date)


def perhaps_about(date: str, *, lang: str = "en") -> str:
    """A date both uncertain and approximate."""
    return gettext("perhaps about {date}", lang=lang).format(date=date)


def either_year(*, first: str, second: str, lang: str = "en") -> str:
    """A date the sources put in one of two years: ``1992 or 1993``."""
    return gettext("{first} or {second}", lang=lang).format(first=first, second=second)


def span(*, first: str, second: str, lang: str = "en") -> str:
    """A span of time, with an en dash between the two sides."""
    return gettext("{first}\u2013{second}", lang=lang).format(first=first, second=second)


def or_later(date: str, *, lang: str = "en") -> str:
    """A date open at its end: ``1992 or later``."""
    return gettext("{date} or later", lang=lang).format(date=date)


def or_earlier(date: str, *, lang: str = "en") -> str:
    """A date open at its start: ``2000 or earlier``."""
    return gettext("{date} or earlier", lang=lang).format(date=date)
