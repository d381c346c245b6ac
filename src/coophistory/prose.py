"""Every sentence and label users read: answers, command-line lines, diagram titles and keys.

Each sentence is one whole message with named placeholders, one function per sentence, so a
translation replaces each message whole instead of gluing fragments. Values arrive already
formatted (names, dates, joined lists); this module only words them.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "answer_by_type",
    "answer_certain",
    "answer_mixed",
    "answer_nobody",
    "answer_possible",
    "any_of",
    "citation",
    "conflict_claim",
    "conflict_reason",
    "during",
    "group_certain",
    "group_mixed",
    "group_nobody",
    "group_possible",
    "handover_line",
    "holder",
    "on_day",
    "record_ends",
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


def answer_by_type(*, when: str, function: str, types: str, groups: str, laws: str) -> str:
    """The sentence of a class of types whose subtypes had different holders (``groups``)."""
    if laws:
        return "{when}, {function} of {types} was divided: {groups}, under {laws}.".format(
            when=when, function=function, types=types, groups=groups, laws=laws
        )
    return "{when}, {function} of {types} was divided: {groups}.".format(
        when=when, function=function, types=types, groups=groups
    )


def group_certain(*, types: str, bodies: str, first: bool = True) -> str:
    """The clause of some subtypes and their holders: ``housing cooperatives lay with SMV``."""
    if first:
        return "{types} lay with {bodies}".format(types=types, bodies=bodies)
    return "{types} with {bodies}".format(types=types, bodies=bodies)


def group_possible(*, types: str, possible: str) -> str:
    """The clause of some subtypes with only possible holders."""
    return "{types} possibly with {possible} (not certain)".format(types=types, possible=possible)


def group_mixed(*, types: str, bodies: str, possible: str) -> str:
    """The clause of some subtypes with certain and possible holders."""
    return "{types} with {bodies}, and possibly also {possible} (not certain)".format(
        types=types, bodies=bodies, possible=possible
    )


def group_nobody(*, types: str) -> str:
    """The clause of some subtypes for which no mandate is recorded."""
    return "for {types} no mandate is recorded".format(types=types)


def record_ends(*, day: str) -> str:
    """The sentence of an answer about a day after the data is current to."""
    return "The record ends on {day}: what held then may not have held later.".format(day=day)


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


def handover_headline(*, function: str, types: str, givers: str, receivers: str) -> str:
    """A handover as a headline, without its date: ``supervision of housing: CONASEV → SMV``."""
    return "{function} of {types}: {givers} → {receivers}".format(
        function=function, types=types, givers=givers, receivers=receivers
    )


def joins(types: str) -> str:
    """A joining edge's line naming the types: ``joins, for agrarian user``."""
    return "joins, for {types}".format(types=types)


def except_types(types: str) -> str:
    """The subtypes a handover left behind, on a line of their own: ``except housing``."""
    return "except {types}".format(types=types)


def types_except(types: str, excluding: str) -> str:
    """Types with the subtypes that stayed behind: ``financial except savings-and-credit``."""
    return "{types} except {excluding}".format(types=types, excluding=excluding)


def event_line(*, date: str, kind: str, title: str) -> str:
    """One event on a line."""
    return "{date}  [{kind}] {title}".format(date=date, kind=kind, title=title)


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


def version_line(*, program: str, version: str, dataset: str, current_to: str) -> str:
    """What ``--version`` prints: the program's and the data's versions (``current_to`` or "")."""
    if current_to:
        return "{program} {version} (data {dataset}, current to {current_to})".format(
            program=program, version=version, dataset=dataset, current_to=current_to
        )
    return "{program} {version} (data {dataset})".format(
        program=program, version=version, dataset=dataset
    )


def valid_files(*, files: str, history: str) -> str:
    """What ``validate`` says of files without problems."""
    return "{files}: no problems ({history})".format(files=files, history=history)


def option_not_for(*, option: str, command: str) -> str:
    """A usage error: an option given to a command that does not read it."""
    return f"{option} does not apply to {command}"


def rests_on_unread(*, table: str, record: str, sources: str) -> str:
    """A validation warning: a record whose every citation is of a source nobody has read."""
    return (
        f"warning: {table} {record} rests only on unread sources ({sources}): "
        "record when each was read (accessed), or say in its note why it is kept"
    )


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


def key_delegation_possible() -> str:
    """The key's entry for a delegation to a body only possibly in force that day."""
    return "delegates, possibly (not certain)"


def key_joins() -> str:
    """The key's entry for a body joining the holders of a function, who keep it."""
    return "joins the holders (held jointly from then on)"


def key_possible() -> str:
    """The key's entry for a dashed, possible line."""
    return "possibly, not certainly"


def key_uncertain_bar() -> str:
    """The lanes key's entry for a lighter, uncertain bar."""
    return (
        "lighter: uncertain (date known only to the month or year, disputed, "
        "or after the record ends)"
    )


def key_law() -> str:
    """The timeline key's entry for a law box."""
    return "law, decree or resolution"


def key_event() -> str:
    """The timeline key's entry for an event box."""
    return "other event"
