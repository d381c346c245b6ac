"""When each disagreement between sources applies: its span, known once, and the day filter.

A conflict's subject is the records that list it in their ``conflicts`` field (mandates, bodies,
laws, events); an answer rests on mandates, their bodies and their laws, so it meets the
conflicts these list. A conflict bears on an answer only on the days of its span:

- ``Conflict.span`` when the data gives it (an EDTF date or interval, its ends' widest days);
- otherwise the smallest span covering every record that lists it: a mandate's possible period,
  a body from its founding to its dissolution, a law from its earliest date on (a law stays in
  force), an event its date. An unknown or open bound leaves that side open; a conflict no
  record lists and without a span bears on no answer.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from coophistory.records import Conflict

if TYPE_CHECKING:
    from coophistory.records import Records

__all__ = ["Span", "bearing", "spans"]

#: The first and last day of a conflict's span, as ordinals; ``None`` is open on that side.
Span = tuple[int | None, int | None]

_NEVER: Span = (1, 0)


def spans(records: Records) -> dict[str, Span]:
    """Every conflict's span, by id: given in the data, or derived from the records listing it."""
    derived: dict[str, list[Span]] = {c.id: [] for c in records.conflicts}
    for mandate in records.mandates:
        period = mandate.period
        end = period.possible_end
        _note(
            derived,
            mandate.conflicts,
            (period.possible_start.toordinal(), None if end is None else end.toordinal() - 1),
        )
    for body in records.bodies:
        first = body.founded.earliest if body.founded else None
        last = body.dissolved.latest if body.dissolved else None
        _note(derived, body.conflicts, _ordinals(first, last))
    for law in records.laws:
        _note(derived, law.conflicts, _ordinals(law.date.earliest if law.date else None, None))
    for event in records.events:
        _note(derived, event.conflicts, _ordinals(event.date.earliest, event.date.latest))
    found: dict[str, Span] = {}
    for conflict in records.conflicts:
        if conflict.span is not None:
            found[conflict.id] = _ordinals(conflict.span.earliest, conflict.span.latest)
        else:
            found[conflict.id] = _hull(derived[conflict.id])
    return found


def bearing(
    conflicts: Sequence[Conflict], known: Mapping[str, Span], low: int, high: int
) -> tuple[Conflict, ...]:
    """The conflicts whose span shares a day with the days ``low`` to ``high`` (ordinals)."""
    if not conflicts:
        return ()
    chosen = []
    for conflict in conflicts:
        first, last = known.get(conflict.id, _NEVER)
        if (first is None or first <= high) and (last is None or low <= last):
            chosen.append(conflict)
    return tuple(chosen)


def _ordinals(first: datetime.date | None, last: datetime.date | None) -> Span:
    return (
        None if first is None else first.toordinal(),
        None if last is None else last.toordinal(),
    )


def _note(derived: dict[str, list[Span]], ids: Iterable[str], span: Span) -> None:
    for ident in ids:
        derived.setdefault(ident, []).append(span)


def _hull(found: list[Span]) -> Span:
    if not found:
        return _NEVER
    firsts, lasts = [f for f, _ in found], [last for _, last in found]
    return (
        None if None in firsts else min(f for f in firsts if f is not None),
        None if None in lasts else max(x for x in lasts if x is not None),
    )
