"""The days on which an as-of answer may change: on every other day it is the day before's.

An answer about a type and a function rests on the mandates at the type's level and its
ancestors', on how their bodies were called, on the disagreements whose span holds the day,
and on whether the day is past the end of the record. So it can differ from the day before's
only on a day on which

- one of those mandates may start or stop (its possible or certain start or end),
- a body of one of them (holder or delegator) takes a new name,
- a disagreement's span begins, or ends the day before,
- the record ends the day before (the day after the day the data is current to).

Some of these days change nothing (another mandate may cover the gap): the list is a superset,
which is what a table of answers per stretch of days, or a page that looks days up in one,
needs. The explorer page is built on it.

>>> from coophistory import load
>>> days = [str(d) for d in change_days(load(), "savings-and-credit")]
>>> "2019-01-01" in days, days[-1]
(True, '2026-01-27')
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

import pendulum

from coophistory.disputes import spans
from coophistory.names import function as check_function

if TYPE_CHECKING:
    from coophistory.history import History
    from coophistory.records import Mandate

__all__ = ["ChangeDays", "change_days"]

_MAX = datetime.date.max.toordinal()


def change_days(
    history: History, coop_type: str, *, function: str = "supervision"
) -> tuple[pendulum.Date, ...]:
    """Every day on which the answer about ``coop_type`` and ``function`` may change, in order.

    For an abstract type, the days of each of its concrete subtypes.
    """
    return ChangeDays(history).of(coop_type, function=function)


class ChangeDays:
    """The change days of one history, each level's worked out once over many questions."""

    def __init__(self, history: History) -> None:
        """Gather the history's mandates by type and function, and the days common to all."""
        self._history = history
        self._by_level: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
        for mandate in history.mandates():
            for type_id in mandate.coop_types:
                self._by_level[(type_id, mandate.function)].append(mandate)
        self._levels: dict[tuple[str, str], frozenset[datetime.date]] = {}
        self._common = _common_days(history)

    def of(self, coop_type: str, *, function: str = "supervision") -> tuple[pendulum.Date, ...]:
        """Every day on which the answer about the type and function may change, in order."""
        history = self._history
        checked = check_function(function)
        root = history.coop_type(coop_type)
        types = [root.id] if not root.abstract else _concrete_below(history, root.id)
        days = set(self._common)
        for type_id in types:
            for level in history.ancestors(type_id):
                days |= self._level((level, checked))
        return tuple(pendulum.Date(d.year, d.month, d.day) for d in sorted(days))

    def _level(self, key: tuple[str, str]) -> frozenset[datetime.date]:
        found = self._levels.get(key)
        if found is None:
            found = self._levels[key] = _mandate_days(self._history, self._by_level.get(key, []))
        return found


def _concrete_below(history: History, type_id: str) -> list[str]:
    concrete = {t.id for t in history.concrete_types()}
    return [t for t in history.descendants(type_id) if t in concrete]


def _mandate_days(history: History, mandates: list[Mandate]) -> frozenset[datetime.date]:
    """The days on which any of the mandates may start or stop, or a body of them is renamed."""
    days: set[datetime.date] = set()
    bodies: set[str] = set()
    for mandate in mandates:
        period = mandate.period
        ends = (
            period.possible_start,
            period.certain_start,
            period.certain_end,
            period.possible_end,
        )
        days.update(d for d in ends if d is not None)
        bodies.add(mandate.body)
        if mandate.delegated_by is not None:
            bodies.add(mandate.delegated_by)
    for body_id in bodies:
        for former in history.body(body_id).former_names:
            if former.until.earliest is not None:
                days.add(former.until.earliest)
    return frozenset(datetime.date(d.year, d.month, d.day) for d in days)


def _common_days(history: History) -> frozenset[datetime.date]:
    """The days that bound every answer: disagreements' spans and the end of the record."""
    days: set[int] = set()
    for first, last in spans(history.records).values():
        if first is not None:
            days.add(first)
        if last is not None and last < _MAX:
            days.add(last + 1)
    current = history.current_to
    if current is not None and current.latest is not None and current.latest.toordinal() < _MAX:
        days.add(current.latest.toordinal() + 1)
    return frozenset(datetime.date.fromordinal(n) for n in days)
