"""Every sentence and label of the analyst's tools: changes, look-ups, notebooks, citations.

The second half of :mod:`coophistory.prose`, apart only to keep each module short: the same
rules hold. One function per message, each a whole sentence with named placeholders written as
``"...".format(...)`` on a literal, so that a catalog can replace each message whole. Values
arrive already formatted; this module only words them. The messages it shares with the rest
of the command line (``types_except``, ``event_line``) are prose's own, re-exported.
"""

from __future__ import annotations

from collections.abc import Iterable

from coophistory.i18n import gettext, pgettext
from coophistory.prose import event_line, types_except
from coophistory.prose_timeline import (
    about,
    day_month_year,
    either_year,
    era_headline,
    month_name,
    month_year,
    or_earlier,
    or_later,
    perhaps,
    perhaps_about,
    pinpoint,
    span,
)

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
    "record_kind",
    "span",
    "step_line",
    "types_except",
    "yes_no",
]

# --- what changed between two dates ------------------------------------------------------------


def changes_heading(*, start: str, end: str, lang: str = "en") -> str:
    """The first line of ``diff``: ``From 2018-06-01 to 2019-06-01:``."""
    return gettext("From {start} to {end}:", lang=lang).format(start=start, end=end)


def change_line(
    *,
    date: str,
    function: str,
    types: str,
    before: str,
    after: str,
    laws: str,
    certain: bool,
    lang: str = "en",
) -> str:
    """One change on a line; ``laws`` may be empty."""
    if laws and certain:
        return gettext(
            "{date}  {function} of {types}: {before} → {after} ({laws})", lang=lang
        ).format(date=date, function=function, types=types, before=before, after=after, laws=laws)
    if laws:
        return gettext(
            "{date}  {function} of {types}: {before} → {after} ({laws}) (not certain)", lang=lang
        ).format(date=date, function=function, types=types, before=before, after=after, laws=laws)
    if certain:
        return gettext("{date}  {function} of {types}: {before} → {after}", lang=lang).format(
            date=date, function=function, types=types, before=before, after=after
        )
    return gettext(
        "{date}  {function} of {types}: {before} → {after} (not certain)", lang=lang
    ).format(date=date, function=function, types=types, before=before, after=after)


def no_change(*, lang: str = "en") -> str:
    """Said when nobody's holdings changed between the two dates."""
    return gettext("no change of holders", lang=lang)


def holders(certain: Iterable[str], possible: Iterable[str], *, lang: str = "en") -> str:
    """Holders on a line: ``FENACREP``, ``INCOOP? + MTPE?`` (``?``: possibly), or ``nobody``."""
    named = list(certain) + [gettext("{name}?", lang=lang).format(name=name) for name in possible]
    return " + ".join(named) or gettext("nobody", lang=lang)


def laws_heading(*, lang: str = "en") -> str:
    """The heading of the laws dated between two dates."""
    return gettext("Laws dated in the period:", lang=lang)


def events_heading(*, lang: str = "en") -> str:
    """The heading of the events dated between two dates."""
    return gettext("Events in the period:", lang=lang)


def law_line(*, date: str, label: str, title: str, lang: str = "en") -> str:
    """One law on a line."""
    return gettext("{date}  {label}: {title}", lang=lang).format(
        date=date, label=label, title=title
    )


def change_columns(*, lang: str = "en") -> tuple[str, ...]:
    """The column labels of a table of changes."""
    return (
        gettext("date", lang=lang),
        gettext("function", lang=lang),
        gettext("types", lang=lang),
        gettext("before", lang=lang),
        gettext("after", lang=lang),
        gettext("certain", lang=lang),
        gettext("laws", lang=lang),
    )


def yes_no(value: bool, *, lang: str = "en") -> str:
    """A yes or no in a table cell."""
    return gettext("yes", lang=lang) if value else gettext("no", lang=lang)


# --- look-ups ------------------------------------------------------------------------------------


def list_columns(kind: str, *, lang: str = "en") -> tuple[str, ...]:
    """The column labels of the ``types``, ``bodies``, ``laws`` or ``sources`` listing."""
    return {
        "types": (
            gettext("id", lang=lang),
            gettext("name", lang=lang),
            gettext("name (es)", lang=lang),
            gettext("parent", lang=lang),
            gettext("aliases", lang=lang),
        ),
        "bodies": (
            gettext("id", lang=lang),
            gettext("acronyms", lang=lang),
            gettext("name", lang=lang),
            gettext("name (es)", lang=lang),
            gettext("founded", lang=lang),
            gettext("dissolved", lang=lang),
        ),
        "laws": (
            gettext("id", lang=lang),
            gettext("label", lang=lang),
            gettext("date", lang=lang),
            gettext("title", lang=lang),
            gettext("title (es)", lang=lang),
        ),
        "sources": (
            gettext("id", lang=lang),
            gettext("title", lang=lang),
            gettext("by", lang=lang),
            gettext("year", lang=lang),
            gettext("read", lang=lang),
        ),
    }[kind]


def read_on(day: str | None, *, lang: str = "en") -> str:
    """Whether a source was read: ``read 2026-11-20`` or ``not read``."""
    return (
        gettext("not read", lang=lang)
        if day is None
        else gettext("read {day}", lang=lang).format(day=day)
    )


def record_heading(*, name: str, ident: str, details: str, lang: str = "en") -> str:
    """The first line of ``show``: ``Securities Market Superintendency [smv] (SMV, CONASEV)``."""
    if details:
        return gettext("{name} [{ident}] ({details})", lang=lang).format(
            name=name, ident=ident, details=details
        )
    return gettext("{name} [{ident}]", lang=lang).format(name=name, ident=ident)


def mandate_line(
    *, start: str, function: str, types: str, end: str, body: str, laws: str, lang: str = "en"
) -> str:
    """A mandate on a line; ``end``, ``body`` and ``laws`` may be empty."""
    line = gettext("{start}  mandate: {function} of {types}", lang=lang).format(
        start=start, function=function, types=types
    )
    if body:
        line = gettext("{line} by {body}", lang=lang).format(line=line, body=body)
    if end:
        line = gettext("{line} until {end}", lang=lang).format(line=line, end=end)
    return gettext("{line} ({laws})", lang=lang).format(line=line, laws=laws) if laws else line


def received_line(
    *, date: str, function: str, types: str, others: str, laws: str, lang: str = "en"
) -> str:
    """A handover seen by the body receiving it; ``laws`` may be empty."""
    line = gettext("{date}  received {function} of {types} from {others}", lang=lang).format(
        date=date, function=function, types=types, others=others
    )
    return gettext("{line} ({laws})", lang=lang).format(line=line, laws=laws) if laws else line


def handed_line(
    *, date: str, function: str, types: str, others: str, laws: str, lang: str = "en"
) -> str:
    """A handover seen by the body handing it over; ``laws`` may be empty."""
    line = gettext("{date}  handed {function} of {types} to {others}", lang=lang).format(
        date=date, function=function, types=types, others=others
    )
    return gettext("{line} ({laws})", lang=lang).format(line=line, laws=laws) if laws else line


def law_date(date: str, *, lang: str = "en") -> str:
    """A law's date under its heading."""
    return gettext("date: {date}", lang=lang).format(date=date)


def law_created(name: str, *, lang: str = "en") -> str:
    """A body a law created."""
    return gettext("created {name}", lang=lang).format(name=name)


def law_dissolved(name: str, *, lang: str = "en") -> str:
    """A body a law dissolved."""
    return gettext("dissolved {name}", lang=lang).format(name=name)


def law_based(mandate: str, *, lang: str = "en") -> str:
    """A mandate a law is the basis of."""
    return gettext("basis of {mandate}", lang=lang).format(mandate=mandate)


def cited_by_event(*, date: str, title: str, lang: str = "en") -> str:
    """An event citing a law."""
    return gettext("cited by event {date}: {title}", lang=lang).format(date=date, title=title)


def cited_by(*, kind: str, ident: str, locator: str, lang: str = "en") -> str:
    """A record citing a source, and where in it."""
    return gettext("cited by {kind} {ident}: {locator}", lang=lang).format(
        kind=record_kind(kind, lang=lang), ident=ident, locator=locator
    )


def lineage_heading(function: str, *, lang: str = "en") -> str:
    """The heading of a type's lineage under one function."""
    return gettext("{function}:", lang=lang).format(function=function)


def step_line(*, start: str, end: str | None, holders: str, lang: str = "en") -> str:
    """A stretch of a lineage: ``1979-01-01 to 1992-01-01  ministry-of-labor``."""
    if end is None:
        return gettext("{start} to today  {holders}", lang=lang).format(
            start=start, holders=holders
        )
    return gettext("{start} to {end}  {holders}", lang=lang).format(
        start=start, end=end, holders=holders
    )


def hit_line(
    *, kind: str, ident: str, label: str, field: str, context: str, lang: str = "en"
) -> str:
    """A search hit: what matched, and the match in context; kind and field told in ``lang``."""
    fields = {
        "id": pgettext("search field", "id", lang=lang),
        "name": pgettext("search field", "name", lang=lang),
        "acronym": pgettext("search field", "acronym", lang=lang),
        "alias": pgettext("search field", "alias", lang=lang),
        "title": pgettext("search field", "title", lang=lang),
        "text": pgettext("search field", "text", lang=lang),
    }
    return gettext("{kind} {ident}: {label} — {field}: {context}", lang=lang).format(
        kind=record_kind(kind, lang=lang),
        ident=ident,
        label=label,
        field=fields.get(field, field),
        context=context,
    )


def record_kind(kind: str, *, lang: str = "en") -> str:
    """What kind of record it is, in a line: ``body``, ``law``, ``disagreement``."""
    kinds = {
        "body": pgettext("search hit", "body", lang=lang),
        "type": pgettext("search hit", "type", lang=lang),
        "law": pgettext("search hit", "law", lang=lang),
        "mandate": pgettext("search hit", "mandate", lang=lang),
        "event": pgettext("search hit", "event", lang=lang),
        "source": pgettext("search hit", "source", lang=lang),
        "conflict": pgettext("search hit", "disagreement", lang=lang),
    }
    return kinds.get(kind, kind)


def no_match(*, lang: str = "en") -> str:
    """Said when a search finds nothing."""
    return gettext("no match", lang=lang)


# --- notebooks -----------------------------------------------------------------------------------


def answer_rows(*, lang: str = "en") -> tuple[str, ...]:
    """The row labels of an answer's table."""
    return (
        gettext("on", lang=lang),
        gettext("type", lang=lang),
        gettext("function", lang=lang),
        gettext("held by", lang=lang),
        gettext("possibly", lang=lang),
        gettext("under", lang=lang),
        gettext("sources", lang=lang),
        gettext("certain", lang=lang),
    )


def handover_columns(*, lang: str = "en") -> tuple[str, ...]:
    """The column labels of a table of handovers."""
    return (
        gettext("date", lang=lang),
        gettext("function", lang=lang),
        gettext("types", lang=lang),
        gettext("except", lang=lang),
        gettext("from", lang=lang),
        gettext("to", lang=lang),
        gettext("laws", lang=lang),
    )
