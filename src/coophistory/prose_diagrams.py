"""The words of the diagrams: titles, keys, edge labels, in the language asked for.

Split from :mod:`coophistory.prose` (which re-exports every function here) to keep each module
short; the same rules hold: one function per message, each a whole message with named
placeholders.
"""

from __future__ import annotations

from coophistory.i18n import gettext

__all__ = [
    "decade",
    "delegates",
    "delegation_edge",
    "handovers_title",
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
    "snapshot_title",
    "sources_heading",
    "timeline_title",
]


def handovers_title(*, lang: str) -> str:
    """The handover diagram's default title."""
    return gettext("Who supervised and promoted cooperatives, and when", lang=lang)


def lanes_title(function: str, *, lang: str) -> str:
    """The lanes diagram's default title."""
    return gettext("{function} of each cooperative type over time", lang=lang).format(
        function=function.capitalize()
    )


def snapshot_title(day: str, *, lang: str) -> str:
    """The snapshot diagram's default title."""
    return gettext("Who held what on {day}", lang=lang).format(day=day)


def timeline_title(*, lang: str) -> str:
    """The timeline diagram's default title."""
    return gettext("Chronology", lang=lang)


def no_mandate(function: str, *, lang: str) -> str:
    """What the lanes diagram shows when no mandate of the function is recorded."""
    return gettext("No {function} mandate is recorded.", lang=lang).format(function=function)


def no_holder(*, lang: str) -> str:
    """A snapshot box of types that nobody held anything over."""
    return gettext("(no holder recorded)", lang=lang)


def delegates(start: str, end: str, *, lang: str) -> str:
    """A delegation edge's label; ``end`` may be empty (still delegated)."""
    if end:
        return gettext("delegates from {start} to {end}", lang=lang).format(start=start, end=end)
    return gettext("delegates from {start}", lang=lang).format(start=start)


def delegation_edge(*, lang: str) -> str:
    """A delegation edge's label where its dates are not shown."""
    return gettext("delegates", lang=lang)


def named_until(name: str, until: str, *, lang: str) -> str:
    """A body's former name and the day it stopped being used."""
    return gettext("{name} until {until}", lang=lang).format(name=name, until=until)


def decade(year: int, *, lang: str) -> str:
    """A decade's label: ``1970s``."""
    return gettext("{year}s", lang=lang).format(year=year)


def sources_heading(*, lang: str) -> str:
    """The heading of a diagram's numbered source notes."""
    return gettext("Sources", lang=lang)


def key_heading(*, lang: str) -> str:
    """The heading of a diagram's key."""
    return gettext("Key", lang=lang)


def key_delegation(*, lang: str) -> str:
    """The key's entry for a delegation line."""
    return gettext("delegates (on behalf of)", lang=lang)


def key_delegation_possible(*, lang: str) -> str:
    """The key's entry for a delegation to a body only possibly in force that day."""
    return gettext("delegates, possibly (not certain)", lang=lang)


def key_joins(*, lang: str) -> str:
    """The key's entry for a body joining the holders of a function, who keep it."""
    return gettext("joins the holders (held jointly from then on)", lang=lang)


def key_possible(*, lang: str) -> str:
    """The key's entry for a dashed, possible line."""
    return gettext("possibly, not certainly", lang=lang)


def key_uncertain_bar(*, lang: str) -> str:
    """The lanes key's entry for a lighter, uncertain bar."""
    return gettext(
        "lighter: uncertain (date known only to the month or year, disputed, "
        "or after the record ends)",
        lang=lang,
    )


def key_law(*, lang: str) -> str:
    """The timeline key's entry for a law box."""
    return gettext("law, decree or resolution", lang=lang)


def key_event(*, lang: str) -> str:
    """The timeline key's entry for an event box."""
    return gettext("other event", lang=lang)
