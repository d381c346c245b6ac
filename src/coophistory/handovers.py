"""Deriving lineages (who held a function over a type, stretch by stretch) and handovers."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

import attrs
import pendulum

from coophistory.answers import LineageStep
from coophistory.names import unique
from coophistory.records import Body, Function, Handover, Mandate
from coophistory.taxonomy import Taxonomy
from coophistory.timeline import Found, Index

__all__ = ["Lineages"]

# A handover before its types are worked out: from bodies, to bodies, incoming mandate keys
_Key = tuple[tuple[Body, ...], tuple[Body, ...], tuple[str, ...]]


class Lineages:
    """Each (type, function)'s lineage, derived once from the as-of index, and the handovers."""

    __slots__ = ("_horizon", "_index", "_lineages", "_tree")

    def __init__(self, index: Index, taxonomy: Taxonomy, horizon: int | None = None) -> None:
        """``horizon``: the last day of the record as an ordinal (``None``: no horizon)."""
        self._index, self._tree, self._horizon = index, taxonomy, horizon
        self._lineages: dict[tuple[str, str], tuple[LineageStep, ...]] = {}

    def lineage(self, type_id: str, function: str) -> tuple[LineageStep, ...]:
        """The stretches of time and their holders for a type, first to last."""
        key = (type_id, function)
        if key not in self._lineages:
            self._lineages[key] = self._build(type_id, function)
        return self._lineages[key]

    def _build(self, type_id: str, function: str) -> tuple[LineageStep, ...]:
        steps: list[LineageStep] = []
        stretches = list(self._stretches(type_id, function))
        if self._horizon is not None:
            stretches = _beyond(stretches, self._horizon)
        for ordinal, found in stretches:
            bodies, maybe = found.bodies, found.possible
            if steps and (steps[-1].bodies, steps[-1].possible) == (bodies, maybe):
                continue
            steps.append(
                LineageStep(pendulum.Date.fromordinal(ordinal), None, bodies, maybe, found.mandates)
            )
        closed = [attrs.evolve(step, end=after.start) for step, after in itertools.pairwise(steps)]
        closed += steps[-1:]
        # A trailing stretch with nobody is dropped only once it has closed the one before it.
        while closed and not (closed[-1].bodies or closed[-1].possible):
            closed.pop()
        return tuple(closed)

    def _stretches(self, type_id: str, function: str) -> Iterator[tuple[int, Found]]:
        """Each day some holder changes and what held from then on, as the answers give it.

        An abstract type holds what its concrete subtypes hold, together: a body certain for
        one of them is certain, one only possible for each subtype it appears in is possible.
        """
        if not self._tree.is_abstract(type_id):
            resolved = self._index.resolved(type_id, function)
            yield from zip(resolved.starts, resolved.found, strict=True)
            return
        parts = [self._index.resolved(t, function) for t in self._tree.concrete_below(type_id)]
        for ordinal in sorted({o for part in parts for o in part.starts}):
            found = [part.at(ordinal) for part in parts]
            bodies = unique(b for f in found for b in f.bodies)
            maybe = unique(b for f in found for b in f.possible)
            possible = tuple(b for b in maybe if b not in bodies)
            mandates = tuple({m.key: m for f in found for m in f.mandates}.values())
            yield ordinal, Found(bodies, possible, mandates, (), (), ())

    def handovers(self, function: Function, root: str | None) -> tuple[Handover, ...]:
        """Every passing of ``function`` from some bodies to others, in date order.

        ``root``, when given, keeps the types within it and names only types within it.
        """
        if root is not None:
            scope = self._tree.concrete_under(root)
            within: frozenset[str] | None = frozenset((root, *self._tree.descendants(root)))
        else:
            scope, within = frozenset(self._tree.concrete()), None
        groups: dict[_Key, set[str]] = defaultdict(set)
        incoming_of: dict[_Key, tuple[Mandate, ...]] = {}
        for type_id in sorted(scope):
            previous: tuple[Body, ...] = ()
            for step in self.lineage(type_id, function):
                if not step.certain or not step.bodies:
                    continue
                arriving = [b for b in step.bodies if b not in previous]
                leaving = [b for b in previous if b not in step.bodies]
                if arriving and leaving:
                    arriving_ids = {b.id for b in arriving}
                    incoming = tuple(m for m in step.mandates if m.body in arriving_ids)
                    key = (previous, step.bodies, tuple(m.key for m in incoming))
                    groups[key].add(type_id)
                    incoming_of[key] = incoming
                previous = step.bodies
        found = [
            self._handover(function, key, incoming_of[key], types, within)
            for key, types in groups.items()
        ]
        return tuple(sorted(found, key=lambda h: (h.date.sort_key(), h.coop_types)))

    def _handover(
        self,
        function: Function,
        key: _Key,
        incoming: tuple[Mandate, ...],
        types: set[str],
        within: frozenset[str] | None,
    ) -> Handover:
        from_bodies, to_bodies, _ = key
        coop_types = unique(t for m in incoming for t in m.coop_types)
        if self._tree.concrete_of(coop_types) != types or not (
            within is None or within >= set(coop_types)
        ):
            coop_types = self._tree.cover(types, within)
        leftover = self._tree.concrete_of(coop_types) - types
        return Handover(
            date=min(m.start for m in incoming),
            function=function,
            coop_types=coop_types,
            from_bodies=from_bodies,
            to_bodies=to_bodies,
            excluding=self._tree.cover(leftover, within) if leftover else (),
            basis=unique(law for m in incoming for law in m.basis),
            citations=tuple(unique(c for m in incoming for c in m.citations)),
            mandates=incoming,
        )


def _beyond(stretches: list[tuple[int, Found]], horizon: int) -> list[tuple[int, Found]]:
    """The stretches up to the record's last day, then that day's holders as only possible.

    Answers about days after the record give them so.
    """
    kept = [(ordinal, found) for ordinal, found in stretches if ordinal <= horizon]
    if kept and (kept[-1][1].bodies or kept[-1][1].possible):
        last = kept[-1][1]
        unsure = last._replace(bodies=(), possible=(*last.bodies, *last.possible))
        kept.append((horizon + 1, unsure))
    return kept
