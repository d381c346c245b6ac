"""Every sentence and label of the analyst's tools: changes, look-ups, notebooks, citations.

The second half of :mod:`coophistory.prose`, apart only to keep each module short: the same
rules hold. One function per message, each a whole sentence with named placeholders written as
``"...".format(...)`` on a literal, so that a catalog can replace each message whole. Values
arrive already formatted; this module only words them. The messages it shares with the rest
of the command line (``types_except``, ``event_line``) are prose's own, re-exported.
"""

from __future__ import annotations

from collections.abc import Iterable

from coophistory.prose import event_line, types_except

__all__ = [
    "about",
    "answer_rows",
    "change_columns",
    "change_line",
    "changes_heading",
    "cited_by",
    "cited_by_event",
    "day_month_year",
    "either_year",
    "era_headline",
    "event_line",
    "events_heading",
    "handed_line",
    "handover_columns",
    "hit_line",
    "holders",
    "law_based",
    "law_created",
    "law_date",
    "law_dissolved",
    "law_line",
    "laws_heading",
    "lineage_heading",
    "list_columns",
    "mandate_line",
    "month_name",
    "month_year",
    "no_change",
    "no_match",
    "or_earlier",
    "or_later",
    "perhaps",
    "perhaps_about",
    "pinpoint",
    "read_on",
    "received_line",
    "record_heading",
    "span",
    "step_line",
    "types_except",
    "yes_no",
]

# --- what changed between two dates ------------------------------------------------------------


def changes_heading(*, start: str, end: str) -> str:
    """The first line of ``diff``: ``From 2018-06-01 to 2019-06-01:``."""
    return "From {start} to {end}:".format(start=start, end=end)


def change_line(
    *, date: str, function: str, types: str, before: str, after: str, laws: str, certain: bool
) -> str:
    """One change on a line; ``laws`` may be empty."""
    if laws and certain:
        return "{date}  {function} of {types}: {before} → {after} ({laws})".format(
            date=date, function=function, types=types, before=before, after=after, laws=laws
        )
    if laws:
        return "{date}  {function} of {types}: {before} → {after} ({laws}) (not certain)".format(
            date=date, function=function, types=types, before=before, after=after, laws=laws
        )
    if certain:
        return "{date}  {function} of {types}: {before} → {after}".format(
            date=date, function=function, types=types, before=before, after=after
        )
    return "{date}  {function} of {types}: {before} → {after} (not certain)".format(
        date=date, function=function, types=types, before=before, after=after
    )


def no_change() -> str:
    """Said when nobody's holdings changed between the two dates."""
    return "no change of holders"


def holders(certain: Iterable[str], possible: Iterable[str]) -> str:
    """Holders on a line: ``FENACREP``, ``INCOOP? + MTPE?`` (``?``: possibly), or ``nobody``."""
    named = list(certain) + ["{name}?".format(name=name) for name in possible]
    return " + ".join(named) or "nobody"


def laws_heading() -> str:
    """The heading of the laws dated between two dates."""
    return "Laws dated in the period:"


def events_heading() -> str:
    """The heading of the events dated between two dates."""
    return "Events in the period:"


def law_line(*, date: str, label: str, title: str) -> str:
    """One law on a line."""
    return "{date}  {label}: {title}".format(date=date, label=label, title=title)


def change_columns() -> tuple[str, ...]:
    """The column labels of a table of changes."""
    return ("date", "function", "types", "before", "after", "certain", "laws")


def yes_no(value: bool) -> str:
    """A yes or no in a table cell."""
    return "yes" if value else "no"


# --- look-ups ------------------------------------------------------------------------------------


def list_columns(kind: str) -> tuple[str, ...]:
    """The column labels of the ``types``, ``bodies``, ``laws`` or ``sources`` listing."""
    return {
        "types": ("id", "name", "name (es)", "parent", "aliases"),
        "bodies": ("id", "acronyms", "name", "name (es)", "founded", "dissolved"),
        "laws": ("id", "label", "date", "title", "title (es)"),
        "sources": ("id", "title", "by", "year", "read"),
    }[kind]


def read_on(day: str | None) -> str:
    """Whether a source was read: ``read 2026-11-20`` or ``not read``."""
    return "not read" if day is None else "read {day}".format(day=day)


def record_heading(*, name: str, ident: str, details: str) -> str:
    """The first line of ``show``: ``Securities Market Superintendency [smv] (SMV, CONASEV)``."""
    if details:
        return "{name} [{ident}] ({details})".format(name=name, ident=ident, details=details)
    return "{name} [{ident}]".format(name=name, ident=ident)


def mandate_line(*, start: str, function: str, types: str, end: str, body: str, laws: str) -> str:
    """A mandate on a line; ``end``, ``body`` and ``laws`` may be empty."""
    line = "{start}  mandate: {function} of {types}".format(
        start=start, function=function, types=types
    )
    if body:
        line = "{line} by {body}".format(line=line, body=body)
    if end:
        line = "{line} until {end}".format(line=line, end=end)
    return "{line} ({laws})".format(line=line, laws=laws) if laws else line


def received_line(*, date: str, function: str, types: str, others: str, laws: str) -> str:
    """A handover seen by the body receiving it; ``laws`` may be empty."""
    line = "{date}  received {function} of {types} from {others}".format(
        date=date, function=function, types=types, others=others
    )
    return "{line} ({laws})".format(line=line, laws=laws) if laws else line


def handed_line(*, date: str, function: str, types: str, others: str, laws: str) -> str:
    """A handover seen by the body handing it over; ``laws`` may be empty."""
    line = "{date}  handed {function} of {types} to {others}".format(
        date=date, function=function, types=types, others=others
    )
    return "{line} ({laws})".format(line=line, laws=laws) if laws else line


def law_date(date: str) -> str:
    """A law's date under its heading."""
    return "date: {date}".format(date=date)


def law_created(name: str) -> str:
    """A body a law created."""
    return "created {name}".format(name=name)


def law_dissolved(name: str) -> str:
    """A body a law dissolved."""
    return "dissolved {name}".format(name=name)


def law_based(mandate: str) -> str:
    """A mandate a law is the basis of."""
    return "basis of {mandate}".format(mandate=mandate)


def cited_by_event(*, date: str, title: str) -> str:
    """An event citing a law."""
    return "cited by event {date}: {title}".format(date=date, title=title)


def cited_by(*, kind: str, ident: str, locator: str) -> str:
    """A record citing a source, and where in it."""
    return "cited by {kind} {ident}: {locator}".format(kind=kind, ident=ident, locator=locator)


def lineage_heading(function: str) -> str:
    """The heading of a type's lineage under one function."""
    return "{function}:".format(function=function)


def step_line(*, start: str, end: str | None, holders: str) -> str:
    """A stretch of a lineage: ``1979-01-01 to 1992-01-01  ministry-of-labor``."""
    if end is None:
        return "{start} to today  {holders}".format(start=start, holders=holders)
    return "{start} to {end}  {holders}".format(start=start, end=end, holders=holders)


def hit_line(*, kind: str, ident: str, label: str, field: str, context: str) -> str:
    """A search hit: what matched, and the match in context."""
    return "{kind} {ident}: {label} — {field}: {context}".format(
        kind=kind, ident=ident, label=label, field=field, context=context
    )


def no_match() -> str:
    """Said when a search finds nothing."""
    return "no match"


# --- notebooks -----------------------------------------------------------------------------------


def answer_rows() -> tuple[str, ...]:
    """The row labels of an answer's table."""
    return ("on", "type", "function", "held by", "possibly", "under", "sources", "certain")


def handover_columns() -> tuple[str, ...]:
    """The column labels of a table of handovers."""
    return ("date", "function", "types", "except", "from", "to", "laws")


# --- bibliographies and timelines ----------------------------------------------------------------


def pinpoint(locators: str) -> str:
    """The places an answer cites in a source, in the entry's note."""
    return "Cited at {locators}.".format(locators=locators)


def era_headline(*, body: str, function: str, types: str) -> str:
    """A mandate as a TimelineJS era: ``FENACREP: supervision of savings-and-credit``."""
    return "{body}: {function} of {types}".format(body=body, function=function, types=types)


def month_name(month: int) -> str:
    """A month's name, 1 to 12."""
    names = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    return names[month - 1]


def month_year(*, month: str, year: int) -> str:
    """A month of a year: ``June 1992``."""
    return "{month} {year}".format(month=month, year=year)


def day_month_year(*, day: int, month: str, year: int) -> str:
    """A day: ``14 December 1964``."""
    return "{day} {month} {year}".format(day=day, month=month, year=year)


def about(date: str) -> str:
    """An approximate date: ``about 1970``."""
    return "about {date}".format(date=date)


def perhaps(date: str) -> str:
    """An uncertain date: ``perhaps 1978``."""
    return "perhaps {date}".format(date=date)


def perhaps_about(date: str) -> str:
    """A date both uncertain and approximate."""
    return "perhaps about {date}".format(date=date)


def either_year(*, first: str, second: str) -> str:
    """A date the sources put in one of two years: ``1992 or 1993``."""
    return "{first} or {second}".format(first=first, second=second)


def span(*, first: str, second: str) -> str:
    """A span of time, with an en dash between the two sides."""
    return "{first}\u2013{second}".format(first=first, second=second)


def or_later(date: str) -> str:
    """A date open at its end: ``1992 or later``."""
    return "{date} or later".format(date=date)


def or_earlier(date: str) -> str:
    """A date open at its start: ``2000 or earlier``."""
    return "{date} or earlier".format(date=date)
