"""Every sentence and label users read: answers, command-line lines, diagram titles and keys.

Each sentence is one whole message with named placeholders, written as ``"...".format(...)``
on a literal, one function per sentence, so that a translation can replace each message whole
(a catalog wraps the literal) instead of gluing fragments. Values arrive already formatted
(names, dates, joined lists); this module only words them.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "answer_certain",
    "answer_mixed",
    "answer_nobody",
    "answer_possible",
    "any_of",
    "citation",
    "conflict_claim",
    "conflict_reason",
    "during",
    "handover_line",
    "holder",
    "on_day",
    "sources_disagree",
    "sources_sentence",
    "type_plural",
]

# --- the pieces of an answer ----------------------------------------------------------------


def on_day(day: str) -> str:
    """When an answer about one day holds: ``On 1995-06-01``."""
    return "On {day}".format(day=day)


def during(span: str) -> str:
    """When an answer about an imprecise date holds: ``During 1978``."""
    return "During {span}".format(span=span)


def type_plural(name: str, *, root: bool = False) -> str:
    """A type named as its cooperatives: ``housing cooperatives``; the root is all of them."""
    if root:
        return "all cooperatives"
    if name.lower().endswith("cooperatives"):
        return name
    return "{name} cooperatives".format(name=name)


def all_of(items: Iterable[str]) -> str:
    """Items joined as a list of all of them: ``A, B and C``."""
    return _joined(list(items), "{most} and {last}")


def any_of(items: Iterable[str]) -> str:
    """Items joined as alternatives: ``A, B or C``."""
    return _joined(list(items), "{most} or {last}")


def _joined(items: list[str], template: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return template.format(most=", ".join(items[:-1]), last=items[-1])


def holder(head: str, details: Iterable[str]) -> str:
    """A body holding a function, with what else a reader needs: ``SBS (Superintendency ...)``."""
    shown = list(details)
    return "{head} ({details})".format(head=head, details=", ".join(shown)) if shown else head


def on_behalf_of(body: str) -> str:
    """A holder's detail when it held the function for another body."""
    return "on behalf of {body}".format(body=body)


def citation(title: str, issuer: str | None, locator: str) -> str:
    """A citation as readers see it: ``Historia (FENACREP), history page``.

    ``title`` is the source's (or, when it is unknown, its id); ``issuer`` its publisher or
    author, if any.
    """
    if issuer:
        return "{title} ({issuer}), {locator}".format(title=title, issuer=issuer, locator=locator)
    return "{title}, {locator}".format(title=title, locator=locator)


# --- the answer's sentences -----------------------------------------------------------------


def answer_nobody(*, when: str, function: str, types: str) -> str:
    """The sentence of an answer that found no holder."""
    return "{when}, no {function} mandate is recorded for {types}.".format(
        when=when, function=function, types=types
    )


def answer_certain(*, when: str, function: str, types: str, bodies: str, laws: str) -> str:
    """The sentence of a certain answer; ``laws`` may be empty."""
    if laws:
        return "{when}, {function} of {types} lay with {bodies}, under {laws}.".format(
            when=when, function=function, types=types, bodies=bodies, laws=laws
        )
    return "{when}, {function} of {types} lay with {bodies}.".format(
        when=when, function=function, types=types, bodies=bodies
    )


def answer_possible(*, when: str, function: str, types: str, possible: str, laws: str) -> str:
    """The sentence of an answer with only possible holders; ``laws`` may be empty."""
    if laws:
        return (
            "{when}, it is not certain who held {function} of {types}: possibly {possible}, "
            "under {laws}."
        ).format(when=when, function=function, types=types, possible=possible, laws=laws)
    return "{when}, it is not certain who held {function} of {types}: possibly {possible}.".format(
        when=when, function=function, types=types, possible=possible
    )


def answer_mixed(
    *, when: str, function: str, types: str, bodies: str, possible: str, laws: str
) -> str:
    """The sentence of an answer with certain and possible holders; ``laws`` may be empty."""
    if laws:
        return (
            "{when}, {function} of {types} lay with {bodies}, and possibly also {possible} "
            "(not certain), under {laws}."
        ).format(
            when=when, function=function, types=types, bodies=bodies, possible=possible, laws=laws
        )
    return (
        "{when}, {function} of {types} lay with {bodies}, and possibly also {possible} "
        "(not certain)."
    ).format(when=when, function=function, types=types, bodies=bodies, possible=possible)


def sources_disagree(questions: Iterable[str]) -> str:
    """The sentence naming the open disagreements behind an answer."""
    return "Sources disagree: {questions}.".format(questions="; ".join(questions))


def sources_sentence(citations: Iterable[str]) -> str:
    """The sentence citing an answer's sources."""
    return "Source: {citations}.".format(citations="; ".join(citations))


# --- the command line -----------------------------------------------------------------------


def handover_line(
    *, date: str, function: str, types: str, givers: str, receivers: str, laws: str
) -> str:
    """One handover on a line; ``laws`` may be empty."""
    if laws:
        return "{date}  {function} of {types}: {givers} → {receivers} ({laws})".format(
            date=date,
            function=function,
            types=types,
            givers=givers,
            receivers=receivers,
            laws=laws,
        )
    return "{date}  {function} of {types}: {givers} → {receivers}".format(
        date=date, function=function, types=types, givers=givers, receivers=receivers
    )


def except_types(types: str) -> str:
    """The subtypes a handover left behind, on a line of their own: ``except housing``."""
    return "except {types}".format(types=types)


def types_except(types: str, excluding: str) -> str:
    """Types with the subtypes that stayed behind: ``financial except savings-and-credit``."""
    return "{types} except {excluding}".format(types=types, excluding=excluding)


def event_line(*, date: str, kind: str, title: str) -> str:
    """One event on a line."""
    return "{date}  [{kind}] {title}".format(date=date, kind=kind, title=title)


def source_line(*, ident: str, title: str, details: str, url: str) -> str:
    """One source on a line; ``details`` (author, publisher, year) and ``url`` may be empty."""
    line = "{ident}: {title}".format(ident=ident, title=title)
    if details:
        line = "{ident}: {title} ({details})".format(ident=ident, title=title, details=details)
    return "{line} <{url}>".format(line=line, url=url) if url else line


def conflict_heading(*, ident: str, title: str) -> str:
    """The first line of a conflict."""
    return "{ident}: {title}".format(ident=ident, title=title)


def conflict_claim(*, value: str, preferred: bool, citation: str, note: str) -> str:
    """One claim of a conflict, on an indented line; ``note`` may be empty."""
    template = "  - {value} (preferred): {citation}" if preferred else "  - {value}: {citation}"
    line = template.format(value=value, citation=citation)
    return "{line} ({note})".format(line=line, note=note) if note else line


def conflict_reason(reason: str) -> str:
    """Why a conflict's preferred claim is preferred, on an indented line."""
    return "  reason: {reason}".format(reason=reason)


def possibly_note() -> str:
    """The note under a table of holders in which some are only possible."""
    return "(?: possibly; not certain on that date)"


def valid_files(*, files: str, history: str) -> str:
    """What ``validate`` says of files without problems."""
    return "{files}: no problems ({history})".format(files=files, history=history)


def snapshot_needs_a_day() -> str:
    """The usage error of a snapshot asked for without ``--on``."""
    return "render snapshot needs --on DATE"


# --- diagrams -------------------------------------------------------------------------------


def handovers_title() -> str:
    """The handover diagram's default title."""
    return "Who supervised and promoted cooperatives, and when"


def lanes_title(function: str) -> str:
    """The lanes diagram's default title."""
    return "{function} of each cooperative type over time".format(function=function.capitalize())


def snapshot_title(day: str) -> str:
    """The snapshot diagram's default title."""
    return "Who held what on {day}".format(day=day)


def timeline_title() -> str:
    """The timeline diagram's default title."""
    return "Chronology"


def no_mandate(function: str) -> str:
    """What the lanes diagram shows when no mandate of the function is recorded."""
    return "No {function} mandate is recorded.".format(function=function)


def no_holder() -> str:
    """A snapshot box of types that nobody held anything over."""
    return "(no holder recorded)"


def delegates(start: str, end: str) -> str:
    """A delegation edge's label; ``end`` may be empty (still delegated)."""
    if end:
        return "delegates from {start} to {end}".format(start=start, end=end)
    return "delegates from {start}".format(start=start)


def named_until(name: str, until: str) -> str:
    """A body's former name and the day it stopped being used."""
    return "{name} until {until}".format(name=name, until=until)


def decade(year: int) -> str:
    """A decade's label: ``1970s``."""
    return "{year}s".format(year=year)


def branch_label(name: str, *, root: bool = False) -> str:
    """What a branch colour stands for in a diagram's key."""
    return type_plural(name, root=root)


def sources_heading() -> str:
    """The heading of a diagram's numbered source notes."""
    return "Sources"


def key_heading() -> str:
    """The heading of a diagram's key."""
    return "Key"


def key_delegation() -> str:
    """The key's entry for a delegation line."""
    return "delegates (on behalf of)"


def key_possible() -> str:
    """The key's entry for a dashed, possible line."""
    return "possibly, not certainly"


def key_uncertain_bar() -> str:
    """The lanes key's entry for a lighter, uncertain bar."""
    return "lighter: uncertain (date known only to the month or year, or disputed)"


def key_law() -> str:
    """The timeline key's entry for a law box."""
    return "law, decree or resolution"


def key_event() -> str:
    """The timeline key's entry for an event box."""
    return "other event"


# === the analyst's tools: changes, look-ups, notebooks, bibliographies, timelines ===

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
