"""The History facade and load(): a thin layer over names, taxonomy, timeline and handovers."""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coophistory import arguments
from coophistory.answers import Answer, LineageStep
from coophistory.classes import combine
from coophistory.dates import HistoricalDate
from coophistory.disputes import Span, bearing, spans
from coophistory.handovers import Lineages
from coophistory.loading import BUNDLED, read_bundled, read_records
from coophistory.names import body_names, choice, law_names, lookup, type_names
from coophistory.names import function as check_function
from coophistory.periods import DateLike, as_of, as_of_range, overlaps
from coophistory.readonly import ReadOnly
from coophistory.records import (
    Body,
    Conflict,
    CoopType,
    Event,
    Function,
    Law,
    Mandate,
    Records,
    Source,
)
from coophistory.taxonomy import Taxonomy
from coophistory.timeline import Index, when

if TYPE_CHECKING:
    from coophistory.changes import Changes
    from coophistory.graph import Graph
    from coophistory.notebook import Handovers

__all__ = ["DateLike", "History", "load"]


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
        self._tree = Taxonomy(records.coop_types)
        self._index = Index(records.mandates, self._tree, self._bodies, self._laws, self._conflicts)
        self._lineages = Lineages(self._index, self._tree, self._horizon)
        self._graph: Graph | None = None
        # What an answer may read of the history, read-only: no answer can change the history.
        self._bodies_view = ReadOnly(self._bodies)
        self._sources_view = ReadOnly(self._sources)

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
        return lookup("source", ident, self._sources, {})

    def conflict(self, ident: str) -> Conflict:
        """The conflict with this id."""
        return lookup("conflict", ident, self._conflicts, {})

    def body(self, name: str) -> Body:
        """A body by id, acronym, or English or Spanish name (``la SBS`` too), present or former.

        >>> load().body("CONASEV").id
        'smv'
        """
        spanish = _spanish("find_body", bodies=self._records.bodies)
        return lookup("body", name, self._bodies, self._body_names, also=spanish)

    def coop_type(self, name: str) -> CoopType:
        """A cooperative type by id, English or Spanish name or alias, ignoring case and accents.

        Spanish ones singular or plural, with or without ``cooperativa(s) de`` (``agrarias``).

        >>> load().coop_type("Cooperativa de ahorro y credito").id
        'savings-and-credit'
        """
        spanish = _spanish("find_type", coop_types=self._records.coop_types)
        return lookup("cooperative type", name, self._types, self._type_names, also=spanish)

    def law(self, name: str) -> Law:
        """A law by id, number as written (``15260``, ``004-91-TR``) or label (``Law 15260``).

        A number shared by several instruments is ambiguous: UnknownNameError lists them.
        Spanish designations too: ``Ley N.° 30822``, ``D.L. 25879``, ``D.S. 074-90-TR``.

        >>> load().law("30822").label
        'Law 30822'
        """
        spanish = _spanish("find_law", laws=self._records.laws)
        return lookup("law", name, self._laws, self._law_names, also=spanish)

    @functools.cached_property
    def _body_names(self) -> dict[str, set[str]]:
        return body_names(self._records.bodies)

    @functools.cached_property
    def _type_names(self) -> dict[str, set[str]]:
        return type_names(self._records.coop_types)

    @functools.cached_property
    def _law_names(self) -> dict[str, set[str]]:
        return law_names(self._records.laws)

    # --- taxonomy -------------------------------------------------------------------------

    def ancestors(self, coop_type: str) -> tuple[str, ...]:
        """The type's id followed by its parent's, up to the root."""
        return self._tree.ancestors(self.coop_type(coop_type).id)

    def descendants(self, coop_type: str) -> tuple[str, ...]:
        """The ids of every type below this one, depth first, in file order."""
        return self._tree.descendants(self.coop_type(coop_type).id)

    # --- as-of answers --------------------------------------------------------------------

    def supervisor(self, coop_type: str, on: DateLike, *, function: str = "supervision") -> Answer:
        """Who held ``function`` over ``coop_type`` on ``on``, under which law, per which source.

        ``on`` is a day (ISO text, a date or a pendulum Date); an imprecise EDTF date such as
        ``"1978"`` is answered across its whole span, certain only for what held throughout.

        >>> h = load()
        >>> answer = h.supervisor("savings-and-credit", "1995-06-01")
        >>> [b.id for b in answer.bodies], answer.certain
        (['fenacrep'], True)
        """
        chosen = self.coop_type(coop_type)
        checked = check_function(function)
        if not chosen.abstract:
            return self._answer(chosen.id, on, checked)
        by_type = {t: self._answer(t, on, checked) for t in self._tree.concrete_below(chosen.id)}
        return combine(
            chosen,
            when(on)[0],
            checked,
            by_type,
            bodies_by_id=self._bodies,
            sources_by_id=self._sources,
        )

    def _answer(self, type_id: str, on: DateLike, function: Function) -> Answer:
        """A concrete type's answer: within the record, or beyond it (then never certain)."""
        day, low, high = when(on)
        horizon = self._horizon
        beyond = horizon is not None and high > horizon
        first, last = (min(low, horizon), horizon) if beyond and horizon else (low, high)
        if first == last:  # one day: a bisect in the type's resolved timeline
            found = self._index.resolved(type_id, function).at(first)
        else:
            found = self._index.across(type_id, function, first, last)
        bodies, possible, mandates, laws, citations, conflicts = found
        if beyond:  # what held on the last day of the record may or may not have held after it
            bodies, possible = (), (*bodies, *possible)
        return Answer(
            coop_type=self._types[type_id],
            on=day,
            function=function,
            bodies=bodies,
            possible=possible,
            mandates=mandates,
            laws=laws,
            citations=citations,
            conflicts=bearing(conflicts, self._conflict_spans, low, high),
            bodies_by_id=self._bodies_view,
            sources_by_id=self._sources_view,
            record_ends=self.current_to if beyond else None,
        )

    @functools.cached_property
    def _horizon(self) -> int | None:
        """The last day of the record as an ordinal: the day the data is current to, if given."""
        current = self._records.current_to
        return None if current is None or current.latest is None else current.latest.toordinal()

    @functools.cached_property
    def _conflict_spans(self) -> dict[str, Span]:
        """Each conflict's span, worked out once."""
        return spans(self._records)

    def supervision_on(
        self, on: DateLike, *, function: str = "supervision"
    ) -> Mapping[str, Answer]:
        """The answer for every concrete type on one day, keyed by type id (read-only)."""
        return ReadOnly(
            {t.id: self.supervisor(t.id, on, function=function) for t in self.concrete_types()}
        )

    def lineage(self, coop_type: str, *, function: str = "supervision") -> tuple[LineageStep, ...]:
        """The stretches of time and their holders for a type, first to last, uncertain ones too.

        Each step's ``bodies`` and ``possible`` are Body records, as in an Answer.

        >>> [[b.id for b in s.bodies or s.possible] for s in load().lineage("housing")][:3]
        [['incoop'], ['incoop', 'ministry-of-labor'], ['ministry-of-labor']]
        """
        return self._lineages.lineage(self.coop_type(coop_type).id, check_function(function))

    def handovers(
        self, coop_type: str | None = None, *, function: str = "supervision"
    ) -> Handovers:
        """Every passing of a function from some bodies to others, in date order.

        The first holders of a chain did not receive it from anybody, and a body joining the
        holders of a joint mandate takes nothing from them: neither is a handover. Asked about
        one type, each handover names types within it (the mandate may have covered more).
        """
        from coophistory.notebook import Handovers  # noqa: PLC0415 - off the `who` path

        checked = check_function(function)
        root = self.coop_type(coop_type).id if coop_type else None
        return Handovers(self._lineages.handovers(checked, root), self._types, self._laws)

    def held_by(self, body: str) -> tuple[Mandate, ...]:
        """Every mandate the body (id, name or acronym) held, in order of their start.

        >>> [m.function for m in load().held_by("FENACREP")]
        ['supervision']
        """
        ident = self.body(body).id
        held = (m for m in self._records.mandates if m.body == ident)
        return tuple(sorted(held, key=lambda m: (m.start.sort_key(), m.function)))

    def changes_between(
        self, a: DateLike, b: DateLike, *, function: str | None = None, coop_type: str | None = None
    ) -> Changes:
        """What changed from ``a`` to ``b``: see :func:`coophistory.changes.changes_between`."""
        from coophistory.changes import changes_between  # noqa: PLC0415 - off the `who` path

        return changes_between(self, a, b, function=function, coop_type=coop_type)

    # --- events ---------------------------------------------------------------------------

    def events(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        coop_type: str | None = None,
        kind: str | None = None,
    ) -> tuple[Event, ...]:
        """Events whose dates overlap the half-open range [start, end), in date order.

        ``coop_type`` keeps events about that type, its subtypes or its ancestors; ``kind``
        must be a kind some event has (else UnknownNameError with the close ones). A range
        that ends before it starts raises ReversedRangeError.
        """
        low, high = as_of_range(start, end)
        if kind is not None:
            choice("event kind", kind, (e.kind for e in self._records.events))
        related: set[str] | None = None
        if coop_type is not None:
            type_id = self.coop_type(coop_type).id
            related = {*self._tree.ancestors(type_id), *self._tree.descendants(type_id)}
        chosen = [
            event
            for event in self._records.events
            if overlaps(event.date, low, high)
            and (kind is None or event.kind == kind)
            and (related is None or bool(related.intersection(event.coop_types)))
        ]
        return tuple(sorted(chosen, key=lambda e: e.date.sort_key()))

    # --- graph (networkx is imported only here, on first use) -----------------------------

    @property
    def graph(self) -> Graph:
        """The history as a frozen networkx MultiDiGraph, built on first use."""
        if self._graph is None:
            from coophistory import graph as graphs  # noqa: PLC0415 - networkx off the query path

            self._graph = graphs.build(self)
        return self._graph

    def graph_at(self, on: DateLike) -> Graph:
        """A frozen copy of the graph holding what was in force on ``on``, built anew each call.

        Each edge carries ``certain``: whether it held throughout ``on``.
        """
        from coophistory import graph as graphs  # noqa: PLC0415 - networkx off the query path

        return graphs.at(self, self.graph, as_of(on))


def _spanish(finder: str, **records: Any) -> Callable[[str], Any]:
    """A reading of Spanish names, imported on a miss: not on the path of an English answer."""
    return lambda name: getattr(importlib.import_module("coophistory.spanish_names"), finder)(
        name, **records
    )


_BUNDLED_LOCK = threading.Lock()


@functools.cache
def _build_bundled() -> History:
    return History(read_bundled(BUNDLED))


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
    arguments.paths(paths)
    return History(read_records([Path(p) for p in paths]))
