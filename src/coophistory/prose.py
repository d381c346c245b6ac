"""Every sentence and label users read: answers, command-line lines, diagram titles and keys.

Each sentence is one whole message with named placeholders, one function per sentence, so a
translation replaces each message whole instead of gluing fragments. Values arrive already
formatted (names, dates, joined lists); this module only words them.
"""

from __future__ import annotations

from collections.abc import Iterable

from coophistory.i18n import SOURCE_LANGUAGE, gettext, ngettext
from coophistory.prose_diagrams import (
    decade,
    delegates,
    delegation_edge,
    handovers_title,
    key_delegation,
    key_delegation_possible,
    key_event,
    key_heading,
    key_joins,
    key_law,
    key_possible,
    key_uncertain_bar,
    lanes_title,
    named_until,
    no_holder,
    no_mandate,
    snapshot_title,
    sources_heading,
    timeline_title,
)

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
    "decade",
    "delegates",
    "delegation_edge",
    "during",
    "group_certain",
    "group_mixed",
    "group_nobody",
    "group_possible",
    "handover_line",
    "handovers_title",
    "holder",
    "key_delegation",
    "key_delegation_possible",
    "key_event",
    "key_heading",
    "key_joins",
    "key_law",
    "key_possible",
    "key_uncertain_bar",
    "lanes_title",
    "named_until",
    "no_holder",
    "no_mandate",
    "on_day",
    "record_ends",
    "snapshot_title",
    "sources_disagree",
    "sources_heading",
    "sources_sentence",
    "timeline_title",
    "type_plural",
]

# --- the pieces of an answer ----------------------------------------------------------------


def on_day(day: str, *, lang: str) -> str:
    """When an answer about one day holds: ``On 1995-06-01``."""
    return gettext("On {day}", lang=lang).format(day=day)


def during(span: str, *, lang: str) -> str:
    """When an answer about an imprecise date holds: ``During 1978``."""
    return gettext("During {span}", lang=lang).format(span=span)


def type_plural(name: str, *, root: bool = False, lang: str) -> str:
    """A type named as its cooperatives: ``housing cooperatives``; the root is all of them."""
    if root:
        return gettext("all cooperatives", lang=lang)
    if name.lower().endswith("cooperatives"):
        return name
    return gettext("{name} cooperatives", lang=lang).format(name=name)


def all_of(items: Iterable[str], *, lang: str) -> str:
    """Items joined as a list of all of them: ``A, B and C``."""
    return _joined(list(items), gettext("{most} and {last}", lang=lang))


def any_of(items: Iterable[str], *, lang: str) -> str:
    """Items joined as alternatives: ``A, B or C``."""
    return _joined(list(items), gettext("{most} or {last}", lang=lang))


def _joined(items: list[str], template: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return template.format(most=", ".join(items[:-1]), last=items[-1])


def holder(head: str, details: Iterable[str], *, lang: str) -> str:
    """A body holding a function, with what else a reader needs: ``SBS (Superintendency ...)``."""
    shown = list(details)
    return (
        gettext("{head} ({details})", lang=lang).format(head=head, details=", ".join(shown))
        if shown
        else head
    )


def on_behalf_of(body: str, *, lang: str) -> str:
    """A holder's detail when it held the function for another body."""
    return gettext("on behalf of {body}", lang=lang).format(body=body)


def citation(title: str, issuer: str | None, locator: str, *, lang: str) -> str:
    """A citation as readers see it: ``Historia (FENACREP), history page``.

    ``title`` is the source's (or its id); ``issuer`` its publisher or author, if any; the
    locator is reworded in ``lang`` when its words allow (:mod:`coophistory.locators`).
    """
    if lang != SOURCE_LANGUAGE:
        from coophistory.locators import localized  # noqa: PLC0415 - not on the English path

        locator = localized(locator, lang=lang)
    if issuer:
        return gettext("{title} ({issuer}), {locator}", lang=lang).format(
            title=title, issuer=issuer, locator=locator
        )
    return gettext("{title}, {locator}", lang=lang).format(title=title, locator=locator)


# --- the answer's sentences -----------------------------------------------------------------


def answer_nobody(*, when: str, function: str, types: str, lang: str) -> str:
    """The sentence of an answer that found no holder."""
    return gettext("{when}, no {function} mandate is recorded for {types}.", lang=lang).format(
        when=when, function=function, types=types
    )


def answer_certain(
    *, when: str, function: str, types: str, bodies: str, laws: str, lang: str
) -> str:
    """The sentence of a certain answer; ``laws`` may be empty."""
    if laws:
        return gettext(
            "{when}, {function} of {types} lay with {bodies}, under {laws}.", lang=lang
        ).format(when=when, function=function, types=types, bodies=bodies, laws=laws)
    return gettext("{when}, {function} of {types} lay with {bodies}.", lang=lang).format(
        when=when, function=function, types=types, bodies=bodies
    )


def answer_possible(
    *, when: str, function: str, types: str, possible: str, laws: str, lang: str
) -> str:
    """The sentence of an answer with only possible holders; ``laws`` may be empty."""
    if laws:
        return (
            gettext(
                "{when}, it is not certain who held {function} of {types}: possibly {possible}, "
                "under {laws}.",
                lang=lang,
            )
        ).format(when=when, function=function, types=types, possible=possible, laws=laws)
    return gettext(
        "{when}, it is not certain who held {function} of {types}: possibly {possible}.", lang=lang
    ).format(when=when, function=function, types=types, possible=possible)


def answer_mixed(
    *, when: str, function: str, types: str, bodies: str, possible: str, laws: str, lang: str
) -> str:
    """The sentence of an answer with certain and possible holders; ``laws`` may be empty."""
    if laws:
        return (
            gettext(
                "{when}, {function} of {types} lay with {bodies}, and possibly also {possible} "
                "(not certain), under {laws}.",
                lang=lang,
            )
        ).format(
            when=when, function=function, types=types, bodies=bodies, possible=possible, laws=laws
        )
    return (
        gettext(
            "{when}, {function} of {types} lay with {bodies}, and possibly also {possible} "
            "(not certain).",
            lang=lang,
        )
    ).format(when=when, function=function, types=types, bodies=bodies, possible=possible)


def answer_by_type(
    *, when: str, function: str, types: str, groups: str, laws: str, lang: str
) -> str:
    """The sentence of a class of types whose subtypes had different holders (``groups``)."""
    if laws:
        return gettext(
            "{when}, {function} of {types} was divided: {groups}, under {laws}.", lang=lang
        ).format(when=when, function=function, types=types, groups=groups, laws=laws)
    return gettext("{when}, {function} of {types} was divided: {groups}.", lang=lang).format(
        when=when, function=function, types=types, groups=groups
    )


def group_certain(*, types: str, bodies: str, first: bool = True, lang: str) -> str:
    """The clause of some subtypes and their holders: ``housing cooperatives lay with SMV``."""
    if first:
        return gettext("{types} lay with {bodies}", lang=lang).format(types=types, bodies=bodies)
    return gettext("{types} with {bodies}", lang=lang).format(types=types, bodies=bodies)


def group_possible(*, types: str, possible: str, lang: str) -> str:
    """The clause of some subtypes with only possible holders."""
    return gettext("{types} possibly with {possible} (not certain)", lang=lang).format(
        types=types, possible=possible
    )


def group_mixed(*, types: str, bodies: str, possible: str, lang: str) -> str:
    """The clause of some subtypes with certain and possible holders."""
    return gettext(
        "{types} with {bodies}, and possibly also {possible} (not certain)", lang=lang
    ).format(types=types, bodies=bodies, possible=possible)


def group_nobody(*, types: str, lang: str) -> str:
    """The clause of some subtypes for which no mandate is recorded."""
    return gettext("for {types} no mandate is recorded", lang=lang).format(types=types)


def record_ends(*, day: str, lang: str) -> str:
    """The sentence of an answer about a day after the data is current to."""
    return gettext(
        "The record ends on {day}: what held then may not have held later.", lang=lang
    ).format(day=day)


def sources_disagree(questions: Iterable[str], *, lang: str) -> str:
    """The sentence naming the open disagreements behind an answer."""
    return gettext("Sources disagree: {questions}.", lang=lang).format(
        questions="; ".join(questions)
    )


def sources_sentence(citations: Iterable[str], *, lang: str) -> str:
    """The sentence citing an answer's sources."""
    cited = list(citations)
    # TRANSLATORS: English writes "Source:" however many sources follow; {citations} lists them.
    return ngettext("Source: {citations}.", "Source: {citations}.", len(cited), lang=lang).format(
        citations="; ".join(cited)
    )


# --- the command line -----------------------------------------------------------------------


def handover_line(
    *, date: str, function: str, types: str, givers: str, receivers: str, laws: str, lang: str
) -> str:
    """One handover on a line; ``laws`` may be empty."""
    values = {"date": date, "function": function, "types": types, "laws": laws}
    values |= {"givers": givers, "receivers": receivers}
    if laws:
        return gettext(
            "{date}  {function} of {types}: {givers} → {receivers} ({laws})", lang=lang
        ).format(**values)
    return gettext("{date}  {function} of {types}: {givers} → {receivers}", lang=lang).format(
        **values
    )


def handover_headline(*, function: str, types: str, givers: str, receivers: str, lang: str) -> str:
    """A handover as a headline, without its date: ``supervision of housing: CONASEV → SMV``."""
    return gettext("{function} of {types}: {givers} → {receivers}", lang=lang).format(
        function=function, types=types, givers=givers, receivers=receivers
    )


def joins(types: str, *, lang: str) -> str:
    """A joining edge's line naming the types: ``joins, for agrarian user``."""
    return gettext("joins, for {types}", lang=lang).format(types=types)


def except_types(types: str, *, lang: str) -> str:
    """The subtypes a handover left behind, on a line of their own: ``except housing``."""
    return gettext("except {types}", lang=lang).format(types=types)


def types_except(types: str, excluding: str, *, lang: str) -> str:
    """Types with the subtypes that stayed behind: ``financial except savings-and-credit``."""
    return gettext("{types} except {excluding}", lang=lang).format(types=types, excluding=excluding)


def event_line(*, date: str, kind: str, title: str, lang: str) -> str:
    """One event on a line."""
    return gettext("{date}  [{kind}] {title}", lang=lang).format(date=date, kind=kind, title=title)


def conflict_heading(*, ident: str, title: str, lang: str) -> str:
    """The first line of a conflict."""
    return gettext("{ident}: {title}", lang=lang).format(ident=ident, title=title)


def conflict_claim(*, value: str, preferred: bool, citation: str, note: str, lang: str) -> str:
    """One claim of a conflict, on an indented line; ``note`` may be empty."""
    template = (
        gettext("  - {value} (preferred): {citation}", lang=lang)
        if preferred
        else gettext("  - {value}: {citation}", lang=lang)
    )
    line = template.format(value=value, citation=citation)
    return gettext("{line} ({note})", lang=lang).format(line=line, note=note) if note else line


def conflict_reason(reason: str, *, lang: str) -> str:
    """Why a conflict's preferred claim is preferred, on an indented line."""
    return gettext("  reason: {reason}", lang=lang).format(reason=reason)


def type_heading(*, lang: str) -> str:
    """The heading of the column of cooperative types in a table."""
    return gettext("type", lang=lang)


def possibly_note(*, lang: str) -> str:
    """The note under a table of holders in which some are only possible."""
    return gettext("(?: possibly; not certain on that date)", lang=lang)


def version_line(*, program: str, version: str, dataset: str, current_to: str, lang: str) -> str:
    """What ``--version`` prints: the program's and the data's versions (``current_to`` or "")."""
    if current_to:
        return gettext(
            "{program} {version} (data {dataset}, current to {current_to})", lang=lang
        ).format(program=program, version=version, dataset=dataset, current_to=current_to)
    return gettext("{program} {version} (data {dataset})", lang=lang).format(
        program=program, version=version, dataset=dataset
    )


def usage_error(*, prog: str, message: str, lang: str) -> str:
    """A mistake in the command's arguments, on one line."""
    return gettext("{prog}: error: {message} (see '{prog} --help')", lang=lang).format(
        prog=prog, message=message
    )


def error_line(*, prog: str, message: str, lang: str) -> str:
    """An error the command met, on one line."""
    return gettext("{prog}: error: {message}", lang=lang).format(prog=prog, message=message)


def valid_files(*, files: str, history: str, lang: str) -> str:
    """What ``validate`` says of files without problems."""
    return gettext("{files}: no problems ({history})", lang=lang).format(
        files=files, history=history
    )


def option_not_for(*, option: str, command: str, lang: str) -> str:
    """A usage error: an option given to a command that does not read it."""
    return gettext("{option} does not apply to {command}", lang=lang).format(
        option=option, command=command
    )


def rests_on_unread(*, table: str, record: str, sources: str, lang: str) -> str:
    """A validation warning: a record whose every citation is of a source nobody has read."""
    return (
        gettext(
            "warning: {table} {record} rests only on unread sources ({sources}): "
            "record when each was read (accessed), or say in its note why it is kept",
            lang=lang,
        )
    ).format(table=table, record=record, sources=sources)


def snapshot_needs_a_day(*, lang: str) -> str:
    """The usage error of a snapshot asked for without ``--on``."""
    return gettext("render snapshot needs --on DATE", lang=lang)
