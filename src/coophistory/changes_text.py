"""The readable lines of a :class:`~coophistory.changes.Changes`, in any language with a catalog.

What changed between two dates, a line per change (date, function, types, before → after,
laws), then the laws and events of the period; names, laws and functions as the language
writes them (:func:`coophistory.grammar.grammar`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from coophistory import prose_analyst as prose
from coophistory.grammar import English, grammar

if TYPE_CHECKING:
    import pendulum

    from coophistory.changes import Change, Changes
    from coophistory.records import Body, CoopType

__all__ = ["change_line", "holders", "lines", "types_text"]


def holders(
    certain: tuple[Body, ...], possible: tuple[Body, ...], day: pendulum.Date, forms: English
) -> str:
    """Name holders as on ``day``: ``FENACREP``, ``INCOOP? + MTPE?``, or ``nobody``."""
    return prose.holders(
        [forms.body_label(b, day) for b in certain],
        [forms.body_label(b, day) for b in possible],
        lang=forms.lang,
    )


def types_text(change: Change, forms: English, records: Mapping[str, CoopType]) -> str:
    """The types of a change in words: ``all cooperatives except financial cooperatives``.

    A type missing from ``records`` is shown by its id.
    """
    if not all(t in records for t in (*change.coop_types, *change.excluding)):
        named = ", ".join(change.coop_types)
        left_out = ", ".join(change.excluding)
        return prose.types_except(named, left_out, lang=forms.lang) if left_out else named
    return forms.types_of(
        (records[t] for t in change.coop_types), (records[t] for t in change.excluding)
    )


def change_line(change: Change, forms: English, records: Mapping[str, CoopType]) -> str:
    """One line for a change: date, function, types, before → after, laws, and doubt."""
    return prose.change_line(
        date=forms.listed_date(change.date),
        function=forms.function(change.function),
        types=types_text(change, forms, records),
        before=holders(change.before, change.before_possible, change.start.subtract(days=1), forms),
        after=holders(change.after, change.after_possible, change.end, forms),
        laws=", ".join(forms.law_label(law) for law in change.laws),
        certain=change.certain,
        lang=forms.lang,
    )


def lines(found: Changes, lang: str = "en") -> list[str]:
    """The readable lines of a result, in ``lang``: changes, then laws and events of the period."""
    forms = grammar(lang)
    out = [prose.changes_heading(start=forms.day(found.start), end=forms.day(found.end), lang=lang)]
    no_change = f"  {prose.no_change(lang=lang)}"
    out += [f"  {change_line(c, forms, found.type_records)}" for c in found.changes] or [no_change]
    if found.laws:
        out.append(prose.laws_heading(lang=lang))
        out += [
            "  "
            + prose.law_line(
                date=forms.listed_date(law.date) if law.date else "",
                label=forms.law_label(law),
                title=forms.law_title(law),
                lang=lang,
            )
            for law in found.laws
        ]
    if found.events:
        out.append(prose.events_heading(lang=lang))
        out += [
            "  "
            + prose.event_line(
                date=forms.listed_date(e.date),
                kind=forms.event_kind(e.kind),
                title=forms.event_title(e),
                lang=lang,
            )
            for e in found.events
        ]
    return out
