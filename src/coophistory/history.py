"""The query facade: a validated history and the as-of questions users ask of it."""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum

from coophistory.answers import Answer, LineageStep
from coophistory.dataset import BUNDLED, Records, read_cached, read_records
from coophistory.dates import HistoricalDate, Period, parse_date
from coophistory.exceptions import InvalidDate, UnknownName
from coophistory.records import (
    FUNCTIONS,
    Body,
    Citation,
    Conflict,
    CoopType,
    Event,
    Function,
    Handover,
    Law,
    Mandate,
    Source,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["History", "load"]

DateLike = str | datetime.date | HistoricalDate
_T = TypeVar("_T")


class _Timeline:
    """The mandates of one (type, function) cut into segments with constant status, for bisect.

    Private index classes are plain slotted classes: an attrs class costs every command's
    start-up its code generation.
    """

    __slots__ = ("starts", "states")

    def __init__(
        self, starts: list[int], states: list[tuple[tuple[Mandate, ...], tuple[Mandate, ...]]]
    ) -> None:
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

    def at(self, ordinal: int) -> tuple[tuple[Mandate, ...], tuple[Mandate, ...]]:
        """The (certain, possible) mandates on a day given as an ordinal."""
        i = bisect.bisect_right(self.starts, ordinal) - 1
        return self.states[i] if i >= 0 else ((), ())

    def between(self, low: int, high: int) -> list[int]:
        """The segment starts strictly after ``low`` and up to ``high``."""
        return self.starts[
            bisect.bisect_right(self.starts, low) : bisect.bisect_right(self.starts, high)
        ]


_EMPTY = _Timeline([], [])

# An answer without its day: certain bodies, possible bodies, mandates, laws, citations, conflicts
_Found = tuple[
    tuple[Body, ...],
    tuple[Body, ...],
    tuple[Mandate, ...],
    tuple[Law, ...],
    tuple[Citation, ...],
    tuple[Conflict, ...],
]
_NOTHING: _Found = ((), (), (), (), (), ())


class _Resolved:
    """A type's answers for single days, subtypes overriding ancestors already worked out.

    ``found[i]`` holds from ``starts[i]`` until the next start; before the first, nothing.
    """

    __slots__ = ("found", "starts")

    def __init__(self, starts: list[int], found: list[_Found]) -> None:
        self.starts = starts
        self.found = found

    def at(self, ordinal: int) -> _Found:
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


class History:
    """The regulatory history: records, and answers to as-of questions about them.

    Build one with :func:`coophistory.load`. Two histories built from the same records compare
    equal, whatever file they came from.
    """

    def __init__(self, records: Records) -> None:
        """Index validated records; use :func:`coophistory.load` rather than calling this."""
        self._records = records
        self._sources = {s.id: s for s in records.sources}
        self._bodies = {b.id: b for b in records.bodies}
        self._types = {t.id: t for t in records.coop_types}
        self._laws = {law.id: law for law in records.laws}
        self._conflicts = {c.id: c for c in records.conflicts}
        self._children: dict[str, list[str]] = defaultdict(list)
        for coop_type in records.coop_types:
            if coop_type.parent is not None:
                self._children[coop_type.parent].append(coop_type.id)
        self._by_level: dict[tuple[str, str], list[Mandate]] = defaultdict(list)
        for mandate in records.mandates:
            for type_id in mandate.coop_types:
                self._by_level[(type_id, mandate.function)].append(mandate)
        self._timelines: dict[tuple[str, str], _Timeline] = {}
        self._lineages: dict[tuple[str, str], list[LineageStep]] = {}
        self._resolved_cache: dict[tuple[str, str], _Resolved] = {}
        self._concrete_cache: dict[str, frozenset[str]] = {}
        self._graph: nx.MultiDiGraph | None = None

    # --- identity -------------------------------------------------------------------------

    @property
    def records(self) -> Records:
        """Every record, as loaded."""
        return self._records

    @property
    def schema_version(self) -> int:
        """The version of the file format."""
        return self._records.schema_version

    @property
    def dataset_version(self) -> str:
        """The version of the data (files joined with ``+``)."""
        return self._records.dataset_version

    @property
    def current_to(self) -> HistoricalDate | None:
        """The day the data was last brought up to date (the earliest, over several files)."""
        return self._records.current_to

    def __eq__(self, other: object) -> bool:
        """Histories are equal when their records are."""
        return isinstance(other, History) and self._records == other._records

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """Summarise the history's size."""
        r = self._records
        return (
            f"<History {r.dataset_version}: {len(r.bodies)} bodies, {len(r.coop_types)} types, "
            f"{len(r.laws)} laws, {len(r.mandates)} mandates, {len(r.events)} events>"
        )

    # --- records --------------------------------------------------------------------------

    def sources(self) -> tuple[Source, ...]:
        """Every source, in file order."""
        return self._records.sources

    def bodies(self) -> tuple[Body, ...]:
        """Every body, in file order."""
        return self._records.bodies

    def coop_types(self) -> tuple[CoopType, ...]:
        """Every cooperative type, in file order."""
        return self._records.coop_types

    def laws(self) -> tuple[Law, ...]:
        """Every law, decree and resolution, in file order."""
        return self._records.laws

    def mandates(self) -> tuple[Mandate, ...]:
        """Every mandate, in file order."""
        return self._records.mandates

    def conflicts(self) -> tuple[Conflict, ...]:
        """Every recorded disagreement between sources, in file order."""
        return self._records.conflicts

    def concrete_types(self) -> tuple[CoopType, ...]:
        """The types a cooperative actually is: every type not marked ``abstract``."""
        return tuple(t for t in self._records.coop_types if not t.abstract)

    def source(self, ident: str) -> Source:
        """The source with this id."""
        return _lookup("source", ident, self._sources, {})

    def conflict(self, ident: str) -> Conflict:
        """The conflict with this id."""
        return _lookup("conflict", ident, self._conflicts, {})

    def body(self, name: str) -> Body:
        """A body by id, acronym, or English or Spanish name, present or former.

        >>> load().body("CONASEV").id
        'smv'
        """
        return _lookup("body", name, self._bodies, self._body_names)

    def coop_type(self, name: str) -> CoopType:
        """A cooperative type by id, English or Spanish name or alias, ignoring case and accents.

        >>> load().coop_type("Cooperativa de ahorro y credito").id
        'savings-and-credit'
        """
        return _lookup("cooperative type", name, self._types, self._type_names)

    def law(self, name: str) -> Law:
        """A law by id, number as written (``15260``, ``004-91-TR``) or label (``Law 15260``).

        A number shared by several instruments is ambiguous and raises UnknownName listing them.

        >>> load().law("30822").label
        'Law 30822'
        """
        return _lookup("law", name, self._laws, self._law_names)

    @functools.cached_property
    def _body_names(self) -> dict[str, set[str]]:
        names: dict[str, set[str]] = defaultdict(set)
        for body in self._records.bodies:
            for name in (
                body.name,
                body.name_es,
                *body.acronyms,
                *(n for f in body.former_names for n in (f.name, f.name_es, f.acronym)),
            ):
                if name:
                    names[_normal(name)].add(body.id)
        return names

    @functools.cached_property
    def _type_names(self) -> dict[str, set[str]]:
        names: dict[str, set[str]] = defaultdict(set)
        for coop_type in self._records.coop_types:
            for name in (coop_type.name, coop_type.name_es, *coop_type.aliases):
                if name:
                    names[_normal(name)].add(coop_type.id)
        return names

    @functools.cached_property
    def _law_names(self) -> dict[str, set[str]]:
        names: dict[str, set[str]] = defaultdict(set)
        for law in self._records.laws:
            for name in (law.number, law.label):
                names[_normal(name)].add(law.id)
        return names

    # --- taxonomy -------------------------------------------------------------------------

    def ancestors(self, coop_type: str) -> tuple[str, ...]:
        """The type's id followed by its parent's, up to the root."""
        return self._ancestors(self.coop_type(coop_type).id)

    def _ancestors(self, type_id: str) -> tuple[str, ...]:
        return self._ancestry[type_id]

    @functools.cached_property
    def _ancestry(self) -> dict[str, tuple[str, ...]]:
        chains: dict[str, tuple[str, ...]] = {}
        for type_id in self._types:
            chain = [type_id]
            while (parent := self._types[chain[-1]].parent) is not None:
                chain.append(parent)
            chains[type_id] = tuple(chain)
        return chains

    def descendants(self, coop_type: str) -> tuple[str, ...]:
        """The ids of every type below this one, depth first, in file order."""
        return self._descendants(self.coop_type(coop_type).id)

    def _descendants(self, type_id: str) -> tuple[str, ...]:
        found: list[str] = []
        for child in self._children.get(type_id, ()):
            found += [child, *self._descendants(child)]
        return tuple(found)

    def _concrete_under(self, type_id: str) -> frozenset[str]:
        under = self._concrete_cache.get(type_id)
        if under is None:
            under = frozenset(
                t for t in (type_id, *self._descendants(type_id)) if not self._types[t].abstract
            )
            self._concrete_cache[type_id] = under
        return under

    # --- as-of answers --------------------------------------------------------------------

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
        for level in self._ancestors(type_id):
            level_certain, level_possible = self._timeline(level, function).at(ordinal)
            (possible if maybe_overridden else certain).extend(level_certain)
            possible.extend(level_possible)
            if any(not m.joint for m in level_certain):
                break
            maybe_overridden = maybe_overridden or any(not m.joint for m in level_possible)
        return certain, possible

    def supervisor(self, coop_type: str, on: DateLike, function: str = "supervision") -> Answer:
        """Who held ``function`` over ``coop_type`` on ``on``, under which law, per which source.

        ``on`` is a day (ISO text, a date or a pendulum Date); an imprecise EDTF date such as
        ``"1978"`` is answered across its whole span, certain only for what held throughout.

        >>> h = load()
        >>> answer = h.supervisor("savings-and-credit", "1995-06-01")
        >>> [b.id for b in answer.bodies], answer.certain
        (['fenacrep'], True)
        """
        type_id = self.coop_type(coop_type).id
        checked = _function(function)
        when, low, high = _when(on)
        if low == high:  # one day: a bisect in the type's resolved timeline
            found = self._resolved(type_id, checked).at(low)
        else:
            found = self._across(type_id, checked, low, high)
        bodies, possible, mandates, laws, citations, conflicts = found
        return Answer(
            coop_type=self._types[type_id],
            on=when,
            function=checked,
            bodies=bodies,
            possible=possible,
            mandates=mandates,
            laws=laws,
            citations=citations,
            conflicts=conflicts,
            bodies_by_id=self._bodies,
            sources_by_id=self._sources,
        )

    def _across(self, type_id: str, function: str, low: int, high: int) -> _Found:
        """What held on every day from ``low`` to ``high``: certain only if it held throughout."""
        days = {low}
        for level in self._ancestors(type_id):
            days.update(self._timeline(level, function).between(low, high))
        return self._found_on(type_id, function, sorted(days))

    def _found_on(self, type_id: str, function: str, days: Sequence[int]) -> _Found:
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
        return self._found(tuple(seen.values()), certain_ids, possible_ids - certain_ids)

    def _resolved(self, type_id: str, function: str) -> _Resolved:
        key = (type_id, function)
        resolved = self._resolved_cache.get(key)
        if resolved is None:
            resolved = self._build_resolved(type_id, function)
            self._resolved_cache[key] = resolved
        return resolved

    def _change_points(self, type_id: str, function: str) -> list[int]:
        """Every day on which a mandate of the type or an ancestor may start or stop holding."""
        levels = self._ancestors(type_id)
        return sorted({p for level in levels for p in self._timeline(level, function).starts})

    def _build_resolved(self, type_id: str, function: str) -> _Resolved:
        """Every ancestor's timeline merged into the type's answers, one per stretch of days."""
        points = self._change_points(type_id, function)
        starts: list[int] = []
        answers: list[_Found] = []
        for ordinal in points:
            found = self._found_on(type_id, function, [ordinal])
            if answers and found[:3] == answers[-1][:3]:
                continue
            starts.append(ordinal)
            answers.append(found)
        return _Resolved(starts, answers)

    def _found(
        self, mandates: tuple[Mandate, ...], certain: set[str], possible: set[str]
    ) -> _Found:
        ordered = _unique(m.body for m in mandates)
        return (
            tuple(self._bodies[b] for b in ordered if b in certain),
            tuple(self._bodies[b] for b in ordered if b in possible),
            mandates,
            tuple(self._laws[i] for i in _unique(i for m in mandates for i in m.basis)),
            tuple(_unique(c for m in mandates for c in m.citations)),
            tuple(self._conflicts[i] for i in _unique(i for m in mandates for i in m.conflicts)),
        )

    def supervision_on(self, on: DateLike, function: str = "supervision") -> dict[str, Answer]:
        """The answer for every concrete type on one day, keyed by type id."""
        return {t.id: self.supervisor(t.id, on, function) for t in self.concrete_types()}

    def lineage(self, coop_type: str, function: str = "supervision") -> list[LineageStep]:
        """The stretches of time and their holders for a type, first to last, uncertain ones too.

        >>> [step.bodies or step.possible for step in load().lineage("housing")][:3]
        [('incoop',), ('incoop', 'ministry-of-labor'), ('ministry-of-labor',)]
        """
        return self._lineage(self.coop_type(coop_type).id, _function(function))

    def _lineage(self, type_id: str, function: str) -> list[LineageStep]:
        key = (type_id, function)
        if key not in self._lineages:
            self._lineages[key] = self._build_lineage(type_id, function)
        return self._lineages[key]

    def _build_lineage(self, type_id: str, function: str) -> list[LineageStep]:
        resolved = self._resolved(type_id, function)
        steps: list[LineageStep] = []
        for ordinal, (bodies, possible, mandates, *_) in zip(
            resolved.starts, resolved.found, strict=True
        ):
            ids, maybe = tuple(b.id for b in bodies), tuple(b.id for b in possible)
            if steps and (steps[-1].bodies, steps[-1].possible) == (ids, maybe):
                continue
            steps.append(
                LineageStep(pendulum.Date.fromordinal(ordinal), None, ids, maybe, mandates)
            )
        closed = [attrs.evolve(step, end=after.start) for step, after in itertools.pairwise(steps)]
        closed += steps[-1:]
        # A trailing stretch with nobody is dropped only once it has closed the one before it.
        while closed and not (closed[-1].bodies or closed[-1].possible):
            closed.pop()
        return closed

    def handovers(
        self, coop_type: str | None = None, function: str = "supervision"
    ) -> list[Handover]:
        """Every passing of a function from some bodies to others, in date order.

        The first holders of a chain did not receive it from anybody, and a body joining the
        holders of a joint mandate takes nothing from them: neither is a handover. Asked about
        one type, each handover names types within it (the mandate may have covered more).
        """
        checked = _function(function)
        if coop_type:
            root = self.coop_type(coop_type).id
            scope = self._concrete_under(root)
            within: frozenset[str] | None = frozenset((root, *self._descendants(root)))
        else:
            scope, within = frozenset(t.id for t in self.concrete_types()), None
        groups: dict[tuple[Any, ...], set[str]] = defaultdict(set)
        incoming_of: dict[tuple[Any, ...], tuple[Mandate, ...]] = {}
        for type_id in sorted(scope):
            previous: tuple[str, ...] = ()
            for step in self._lineage(type_id, checked):
                if not step.certain or not step.bodies:
                    continue
                arriving = [b for b in step.bodies if b not in previous]
                leaving = [b for b in previous if b not in step.bodies]
                if arriving and leaving:
                    incoming = tuple(m for m in step.mandates if m.body in arriving)
                    key = (previous, step.bodies, tuple(m.key for m in incoming))
                    groups[key].add(type_id)
                    incoming_of[key] = incoming
                previous = step.bodies
        handovers = [
            self._handover(checked, key, incoming_of[key], types, within)
            for key, types in groups.items()
        ]
        return sorted(handovers, key=lambda h: (h.date.sort_key(), h.coop_types))

    def _handover(
        self,
        function: Function,
        key: tuple[Any, ...],
        incoming: tuple[Mandate, ...],
        types: set[str],
        within: frozenset[str] | None,
    ) -> Handover:
        from_bodies, to_bodies, _ = key
        coop_types = _unique(t for m in incoming for t in m.coop_types)
        if self._concrete_of(coop_types) != types or not (
            within is None or within >= set(coop_types)
        ):
            coop_types = self._cover(types, within)
        leftover = self._concrete_of(coop_types) - types
        return Handover(
            date=min(m.start for m in incoming),
            function=function,
            coop_types=coop_types,
            from_bodies=from_bodies,
            to_bodies=to_bodies,
            excluding=self._cover(leftover, within) if leftover else (),
            basis=_unique(law for m in incoming for law in m.basis),
            citations=tuple(_unique(c for m in incoming for c in m.citations)),
            mandates=incoming,
        )

    def _concrete_of(self, coop_types: Iterable[str]) -> set[str]:
        return set().union(*(self._concrete_under(t) for t in coop_types))

    def _cover(self, types: set[str], within: frozenset[str] | None = None) -> tuple[str, ...]:
        """The fewest types (all ``within``, when given) covering exactly ``types``, in file order.

        Each type climbs to its highest ancestor still covered by ``types``, so the work grows
        with the types given and their depth, not with the whole taxonomy.
        """
        tops: set[str] = set()
        for type_id in types:
            top = type_id
            for ancestor in self._ancestors(type_id)[1:]:
                if within is not None and ancestor not in within:
                    break
                if not self._concrete_under(ancestor) <= types:
                    break
                top = ancestor
            tops.add(top)
        return tuple(sorted(tops, key=self._position.__getitem__))

    @functools.cached_property
    def _position(self) -> dict[str, int]:
        return {t.id: i for i, t in enumerate(self._records.coop_types)}

    # --- events ---------------------------------------------------------------------------

    def events(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        coop_type: str | None = None,
        kind: str | None = None,
    ) -> list[Event]:
        """Events whose dates overlap the half-open range [start, end), in date order.

        ``coop_type`` keeps events about that type, its subtypes or its ancestors.
        """
        low = _as_of(start).earliest if start is not None else None
        high = _as_of(end).earliest if end is not None else None
        related: set[str] | None = None
        if coop_type is not None:
            type_id = self.coop_type(coop_type).id
            related = {*self._ancestors(type_id), *self._descendants(type_id)}
        chosen = [
            event
            for event in self._records.events
            if (low is None or event.date.latest is None or event.date.latest >= low)
            and (high is None or event.date.earliest is None or event.date.earliest < high)
            and (kind is None or event.kind == kind)
            and (related is None or bool(related.intersection(event.coop_types)))
        ]
        return sorted(chosen, key=lambda e: e.date.sort_key())

    # --- graph (networkx is imported only here, on first use) -----------------------------

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The history as a frozen networkx MultiDiGraph, built on first use."""
        if self._graph is None:
            from coophistory import graph as graphs  # noqa: PLC0415 - networkx off the query path

            self._graph = graphs.build(self)
        return self._graph

    def graph_at(self, on: DateLike) -> nx.MultiDiGraph:
        """A frozen view of the graph holding what was in force on ``on``."""
        from coophistory import graph as graphs  # noqa: PLC0415 - networkx off the query path

        return graphs.at(self, self.graph, _as_of(on))


def _function(function: str) -> Function:
    for known in FUNCTIONS:
        if function == known:
            return known
    import difflib  # noqa: PLC0415 - only for a miss, off the start-up path

    raise UnknownName(
        "function", function, difflib.get_close_matches(function, FUNCTIONS, n=2, cutoff=0.3)
    )


def _as_of(on: DateLike) -> HistoricalDate:
    if isinstance(on, datetime.datetime):
        on = on.date()
    try:
        when = parse_date(on)
    except InvalidDate:
        raise
    if when.earliest is None or when.latest is None:
        raise InvalidDate(str(when), "an as-of date cannot be open-ended")
    return when


def _when(on: DateLike) -> tuple[HistoricalDate, int, int]:
    """The as-of date and its first and last days as ordinals; parsed once per distinct value."""
    try:
        return _cached_when(on)
    except TypeError:  # unhashable, so not a date: let the parser say what is wrong
        return _when_of(on)


def _when_of(on: DateLike) -> tuple[HistoricalDate, int, int]:
    when = _as_of(on)
    return (when, *_ordinal_bounds(when))


_cached_when = functools.lru_cache(maxsize=8192)(_when_of)


def _ordinal_bounds(when: HistoricalDate) -> tuple[int, int]:
    """The first and last day of a closed date, as ordinals."""
    if when.earliest is None or when.latest is None:
        raise InvalidDate(str(when), "an as-of date cannot be open-ended")
    return when.earliest.toordinal(), when.latest.toordinal()


def _normal(name: str) -> str:
    """Fold case, accents, hyphens and spacing: ``Ahorro-y-Crédito`` → ``ahorro y credito``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").replace("_", " ").split())


def _lookup(kind: str, name: str, by_id: Mapping[str, _T], by_name: Mapping[str, set[str]]) -> _T:
    if name in by_id:
        return by_id[name]
    matches = by_name.get(_normal(name), set())
    if len(matches) == 1:
        return by_id[next(iter(matches))]
    if matches:
        raise UnknownName(kind, name, sorted(matches), ambiguous=True)
    import difflib  # noqa: PLC0415 - only for a miss, off the start-up path

    candidates = {_normal(i): i for i in by_id} | {n: sorted(ids)[0] for n, ids in by_name.items()}
    close = difflib.get_close_matches(_normal(name), list(candidates), n=3, cutoff=0.6)
    raise UnknownName(kind, name, _unique(candidates[c] for c in close))


def _unique(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


_BUNDLED_LOCK = threading.Lock()


@functools.cache
def _build_bundled() -> History:
    return History(read_cached(BUNDLED))


def _bundled() -> History:
    """The one bundled History: threads that ask at once wait for it to be built, once."""
    with _BUNDLED_LOCK:
        return _build_bundled()


def load(*paths: str | Path) -> History:
    """Load a history: the bundled data (parsed once), or exactly the files given.

    Files are TOML, or the lossless JSON export (by extension); they are validated together and
    every problem is raised at once as a DataError. To extend the bundled data, pass it too:
    ``load(coophistory.BUNDLED, "extra.toml")``.

    >>> load().supervisor("savings-and-credit", "2019-01-01").bodies[0].acronym
    'SBS'
    """
    if not paths:
        return _bundled()
    return History(read_records([Path(p) for p in paths]))
