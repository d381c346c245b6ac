"""The as-of index: each type's mandates cut into stretches of constant holders, for bisect."""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from coophistory.dates import HistoricalDate
from coophistory.names import unique
from coophistory.periods import DateLike, Period, as_of
from coophistory.records import Body, Citation, Conflict, Law, Mandate
from coophistory.taxonomy import Taxonomy

__all__ = ["Found", "Index", "when"]


class Found(NamedTuple):
    """What held over a type on a day or a range of days, before it becomes an Answer."""

    bodies: tuple[Body, ...]
    possible: tuple[Body, ...]
    mandates: tuple[Mandate, ...]
    laws: tuple[Law, ...]
    citations: tuple[Citation, ...]
    conflicts: tuple[Conflict, ...]  # every one listed by these records, whatever its span


_NOTHING = Found((), (), (), (), (), ())
_State = tuple[tuple[Mandate, ...], tuple[Mandate, ...]]


class _Timeline:
    """The mandates of one (type, function) cut into segments with constant status.

    Private index classes are plain slotted classes: an attrs class costs every command's
    start-up its code generation.
    """

    __slots__ = ("starts", "states")

    def __init__(self, starts: list[int], states: list[_State]) -> None:
        self.starts = starts
        self.states = states

    @classmethod
    def build(cls, mandates: Iterable[Mandate]) -> _Timeline:
        """Cut the mandates' possible and certain spans into segments of constant status."""
        spans = [(mandate, _ordinals(mandate.period)) for mandate in mandates]
        starts = sorted({o for _, ordinals in spans for o in ordinals if o is not None})
        index = {point: i for i, point in enumerate(starts)}
        certain: list[list[Mandate]] = [[] for _ in starts]
        possible: list[list[Mandate]] = [[] for _ in starts]
        for mandate, (p_start, c_start, c_end, p_end) in spans:
            # The windows of a start and an end may overlap ("1978" to "1978-03"): the
            # possible stretches stop at the possible end and resume after the certain start.
            stretches = (
                (possible, p_start, c_start if p_end is None else min(c_start, p_end)),
                (certain, c_start, c_end),
                (possible, None if c_end is None else max(c_start, c_end), p_end),
            )
            for target, low, high in stretches:
                if low is None:
                    continue
                for i in range(index[low], len(starts) if high is None else index[high]):
                    target[i].append(mandate)
        return cls(starts, [(tuple(c), tuple(p)) for c, p in zip(certain, possible, strict=True)])

    def at(self, ordinal: int) -> _State:
        """The (certain, possible) mandates on a day given as an ordinal."""
        i = bisect.bisect_right(self.starts, ordinal) - 1
        return self.states[i] if i >= 0 else ((), ())

    def between(self, low: int, high: int) -> list[int]:
        """The segment starts strictly after ``low`` and up to ``high``."""
        return self.starts[
            bisect.bisect_right(self.starts, low) : bisect.bisect_right(self.starts, high)
        ]


_EMPTY = _Timeline([], [])


class Resolved:
    """A type's answers for single days, subtypes overriding ancestors already worked out.

    ``found[i]`` holds from ``starts[i]`` until the next start; before the first, nothing.
    """

    __slots__ = ("found", "starts")

    def __init__(self, starts: list[int], found: list[Found]) -> None:
        self.starts = starts
        self.found = found

    def at(self, ordinal: int) -> Found:
        """The answer's parts on a day given as an ordinal."""
        i = bisect.bisect_right(self.starts, ordinal) - 1
        return self.found[i] if i >= 0 else _NOTHING


def _ordinals(period: Period) -> tuple[int, int, int | None, int | None]:
    """A period's possible start, certain start, certain end and possible end, as ordinals."""
    c_end, p_end = period.certain_end, period.possible_end
    return (
        period.possible_start.toordinal(),
        period.certain_start.toordinal(),
        None if c_end is None else c_end.toordinal(),
        None if p_end is None else p_end.toordinal(),
    )


class Index:
    """Every (type, function)'s timeline and resolved answers, built on first use."""

    __slots__ = ("_bodies", "_by_level", "_conflicts", "_laws", "_resolved", "_timelines", "_tree")

    def __init__(
        self,
        mandates: Iterable[Mandate],
        taxonomy: Taxonomy,
        bodies: Mapping[str, Body],
        laws: Mapping[str, Law],
        conflicts: Mapping[str, Conflict],
    ) -> None:
        self._tree = taxonomy
        self._bodies, self._laws, self._conflicts = bodies, laws, conflicts
        self._by_level: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
        for mandate in mandates:
            for type_id in mandate.coop_types:
                self._by_level[(type_id, mandate.function)].append(mandate)
        self._timelines: dict[tuple[str, str], _Timeline] = {}
        self._resolved: dict[tuple[str, str], Resolved] = {}

    def _timeline(self, type_id: str, function: str) -> _Timeline:
        key = (type_id, function)
        timeline = self._timelines.get(key)
        if timeline is None:
            mandates = self._by_level.get(key)
            timeline = _Timeline.build(mandates) if mandates else _EMPTY
            self._timelines[key] = timeline
        return timeline

    def _resolve(
        self, type_id: str, function: str, ordinal: int
    ) -> tuple[list[Mandate], list[Mandate]]:
        """The certain and possible mandates on a day, a subtype's overriding its ancestors'."""
        certain: list[Mandate] = []
        possible: list[Mandate] = []
        maybe_overridden = False
        for level in self._tree.ancestors(type_id):
            level_certain, level_possible = self._timeline(level, function).at(ordinal)
            (possible if maybe_overridden else certain).extend(level_certain)
            possible.extend(level_possible)
            if any(not m.joint for m in level_certain):
                break
            maybe_overridden = maybe_overridden or any(not m.joint for m in level_possible)
        return certain, possible

    def across(self, type_id: str, function: str, low: int, high: int) -> Found:
        """What held on every day from ``low`` to ``high``, by the general span algorithm."""
        days = {low}
        for level in self._tree.ancestors(type_id):
            days.update(self._timeline(level, function).between(low, high))
        return self._found_on(type_id, function, sorted(days))

    def _found_on(self, type_id: str, function: str, days: Sequence[int]) -> Found:
        """What held on each of ``days`` (in order): certain only if certain on all of them."""
        certain_ids: set[str] | None = None
        seen: dict[str, Mandate] = {}
        possible_ids: set[str] = set()
        for ordinal in days:
            certain, possible = self._resolve(type_id, function, ordinal)
            ids = {m.body for m in certain}
            certain_ids = ids if certain_ids is None else certain_ids & ids
            possible_ids |= ids | {m.body for m in possible}
            for mandate in (*certain, *possible):
                seen.setdefault(mandate.key, mandate)
        certain_ids = certain_ids or set()
        return self._gather(tuple(seen.values()), certain_ids, possible_ids - certain_ids)

    def resolved(self, type_id: str, function: str) -> Resolved:
        """The type's answers for single days, one per stretch of days with the same holders."""
        key = (type_id, function)
        resolved = self._resolved.get(key)
        if resolved is None:
            resolved = self._resolved[key] = self._build_resolved(type_id, function)
        return resolved

    def _build_resolved(self, type_id: str, function: str) -> Resolved:
        """Every ancestor's timeline merged into the type's answers, one per stretch of days."""
        levels = self._tree.ancestors(type_id)
        points = sorted({p for level in levels for p in self._timeline(level, function).starts})
        starts: list[int] = []
        answers: list[Found] = []
        for ordinal in points:
            found = self._found_on(type_id, function, [ordinal])
            if answers and found[:3] == answers[-1][:3]:
                continue
            starts.append(ordinal)
            answers.append(found)
        return Resolved(starts, answers)

    def _gather(
        self, mandates: tuple[Mandate, ...], certain: set[str], possible: set[str]
    ) -> Found:
        ordered = unique(m.body for m in mandates)
        laws = tuple(self._laws[i] for i in unique(i for m in mandates for i in m.basis))
        # Every disagreement listed by what the answer rests on; History keeps those of the day.
        disputed = unique(
            (
                *(i for m in mandates for i in m.conflicts),
                *(i for b in ordered if b in certain | possible for i in self._bodies[b].conflicts),
                *(i for law in laws for i in law.conflicts),
            )
        )
        return Found(
            tuple(self._bodies[b] for b in ordered if b in certain),
            tuple(self._bodies[b] for b in ordered if b in possible),
            mandates,
            laws,
            tuple(unique(c for m in mandates for c in m.citations)),
            tuple(self._conflicts[i] for i in disputed),
        )


def _when_of(on: DateLike) -> tuple[HistoricalDate, int, int]:
    day = as_of(on)
    assert day.earliest is not None  # noqa: S101 - as_of closes it
    assert day.latest is not None  # noqa: S101 - as_of closes it
    return day, day.earliest.toordinal(), day.latest.toordinal()


_cached_when = functools.lru_cache(maxsize=8192, typed=True)(_when_of)  # True is not 1


def when(on: DateLike) -> tuple[HistoricalDate, int, int]:
    """The as-of date and its first and last days as ordinals; parsed once per distinct value."""
    try:
        return _cached_when(on)
    except TypeError:  # unhashable, so not a date: let the parser say what is wrong
        return _when_of(on)
