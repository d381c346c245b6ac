"""The resolved timelines the page looks days up in: the library's answers at every change point.

For each concrete type and function, every day on which the answer may change
(:mod:`coophistory.change_days`) is asked of :meth:`History.supervisor`; runs of equal answers
are merged. The page then finds a day's answer by bisecting these points: it does no date
reasoning of its own.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final

from coophistory.change_days import ChangeDays
from coophistory.explorer.bilingual import cited
from coophistory.explorer.labels import LANGUAGES
from coophistory.grammar import grammar
from coophistory.records import FUNCTIONS

if TYPE_CHECKING:
    from coophistory.answers import Answer
    from coophistory.history import History
    from coophistory.records import Body

__all__ = [
    "EPOCH",
    "Timelines",
    "day_number",
    "resolve",
]

#: Days are given to the page as days since 1970-01-01, as JavaScript's Date counts them.
EPOCH: Final = datetime.date(1970, 1, 1).toordinal()


def day_number(day: datetime.date) -> int:
    """The day as days since 1970-01-01."""
    return day.toordinal() - EPOCH


class Timelines:
    """Distinct answer states, and per type and function the days each state starts on.

    A state is ``{"k": certain, "b": [[body id, name, [names of delegators]]], "p": [[body id,
    name]], "l": [law ids], "s": [citations], "x": [conflict ids]}``, where a name indexes
    ``names`` (English and Spanish, as on the day) and a citation indexes ``citations``
    (source id and the citation as a reader sees it). ``points[type][function]`` lists
    ``[day, state]`` pairs.
    """

    __slots__ = (
        "_citation_index",
        "_index",
        "_name_index",
        "citations",
        "names",
        "points",
        "states",
    )

    def __init__(self) -> None:
        self.states: list[dict[str, Any]] = []
        self.names: list[tuple[str, ...]] = []
        self.citations: list[tuple[str, ...]] = []
        self._index: dict[str, int] = {}
        self._name_index: dict[tuple[str, ...], int] = {}
        self._citation_index: dict[tuple[str, ...], int] = {}
        self.points: dict[str, dict[str, list[list[int]]]] = defaultdict(dict)

    def state(self, history: History, answer: Answer) -> int:
        """The index of the answer's state, added when new."""
        state = self._state(history, answer)
        key = repr(state)
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = len(self.states)
            self.states.append(state)
        return index

    def _state(self, history: History, answer: Answer) -> dict[str, Any]:
        """What the page shows of an answer, with bodies named as on the answer's day."""
        day = answer.day

        def named(body: Body) -> int:
            en, es = (grammar(lang).body_described(body, day) for lang in LANGUAGES)
            return _intern(self.names, self._name_index, (en, es))

        return {
            "k": answer.certain,
            "b": [
                [b.id, named(b), [named(history.body(d)) for d in answer.delegators(b)]]
                for b in answer.bodies
            ],
            "p": [[b.id, named(b)] for b in answer.possible],
            "l": [law.id for law in answer.laws],
            "s": [
                _intern(
                    self.citations,
                    self._citation_index,
                    (c.source, *cited(history, c.source, c.locator)),
                )
                for c in answer.citations
            ],
            "x": [c.id for c in answer.conflicts],
        }


def _intern(
    table: list[tuple[str, ...]], index: dict[tuple[str, ...], int], item: tuple[str, ...]
) -> int:
    found = index.get(item)
    if found is None:
        found = index[item] = len(table)
        table.append(item)
    return found


def resolve(history: History, first: datetime.date) -> Timelines:
    """Every concrete type's answers for both functions, from ``first`` on."""
    timelines = Timelines()
    changes = ChangeDays(history)
    for coop_type in history.concrete_types():
        for function in FUNCTIONS:
            found = changes.of(coop_type.id, function=function)
            days = sorted({first, *(d for d in found if d > first)})
            points: list[list[int]] = []
            for day in days:
                index = timelines.state(
                    history, history.supervisor(coop_type.id, day, function=function)
                )
                if not points or points[-1][1] != index:
                    points.append([day_number(day), index])
            timelines.points[coop_type.id][function] = points
    return timelines
