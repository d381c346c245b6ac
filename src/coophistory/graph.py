"""The history as a networkx MultiDiGraph, its as-of graphs, questions over it, and GraphML.

Nodes are keyed ``kind:id`` (``body:sbs``, ``type:housing``, ``law:law-30822``,
``event:census-2017``) so keys are unique across kinds; each carries ``kind`` and ``record``.
Every edge carries a ``relation``, a half-open ``period`` (a :class:`~coophistory.dates.Period`,
or ``None`` for a timeless fact such as ``subtype-of``) and the ``citations`` behind it:

=============  ===============  ==========================================================
relation       from → to        period, key and extra attributes
=============  ===============  ==========================================================
supervises     body → type      the mandate's; key: mandate key; ``mandate``, ``basis``
promotes       body → type      as for supervises
delegates      body → body      the delegated mandate's; key: mandate key; ``mandate``
hands-over     body → body      from its date on; ``handover``, ``basis``, ``function``
grants         law → body       the mandate it is the basis of; key: mandate key
creates        law → body       from the law's date on
dissolves      law → body       from the law's date on
concerns       event → any      from the event's date on
subtype-of     type → type      none: always
=============  ===============  ==========================================================

A law, event or handover is "in force" from its date on: by then it had happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import networkx as nx

from coophistory import names
from coophistory.dates import HistoricalDate, Status
from coophistory.periods import Period
from coophistory.readonly import ReadOnly
from coophistory.records import FUNCTIONS, HOLDS, Body, Citation, Handover, Law, Mandate

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = [
    "RELATIONS",
    "Graph",
    "at",
    "build",
    "chain",
    "created_by",
    "dissolved_by",
    "graphml",
    "laws_shaping",
    "node",
]

#: The history's graph: a frozen MultiDiGraph keyed by ``kind:id`` strings.
Graph: TypeAlias = "nx.MultiDiGraph[str]"

RELATIONS: Final = (
    *HOLDS.values(),
    "delegates",
    "hands-over",
    "grants",
    "creates",
    "dissolves",
    "concerns",
    "subtype-of",
)


def node(kind: str, ident: str) -> str:
    """The graph key of a record: ``node("body", "sbs")`` is ``"body:sbs"``."""
    return f"{kind}:{ident}"


def build(history: History) -> Graph:
    """Build the frozen graph of a history (History.graph calls this once and keeps it)."""
    graph: Graph = nx.MultiDiGraph(dataset_version=history.dataset_version)
    for kind, records in (
        ("body", history.bodies()),
        ("type", history.coop_types()),
        ("law", history.laws()),
        ("event", history.events()),
    ):
        graph.add_nodes_from((node(kind, r.id), {"kind": kind, "record": r}) for r in records)
    for coop_type in history.coop_types():
        if coop_type.parent is not None:
            _link(
                graph,
                ("type", coop_type.id),
                ("type", coop_type.parent),
                "subtype-of",
                None,
                coop_type.citations,
            )
    for mandate in history.mandates():
        _add_mandate(graph, mandate)
    for function in FUNCTIONS:
        for handover in history.handovers(function=function):
            _add_handover(graph, handover)
    _add_dated_facts(graph, history)
    return _frozen(graph)


def _frozen(graph: Graph) -> Graph:
    """The graph, made read-only in place, attributes too.

    networkx's freeze stops nodes and edges being added or removed; the attribute mappings
    (the graph's, each node's, each edge's) are made read-only here, so that no caller can
    change what every later caller of ``History.graph`` sees.
    """
    nx.freeze(graph)
    store: Any = graph  # networkx's own attribute stores, which its stubs do not describe
    store.graph = ReadOnly(graph.graph)
    for node_key, data in store._node.items():
        store._node[node_key] = ReadOnly(data)
    for source, targets in store._succ.items():
        for target, keyed in targets.items():
            for key, data in keyed.items():
                read_only = ReadOnly(data)
                keyed[key] = read_only
                store._pred[target][source][key] = read_only
    return graph


def _add_dated_facts(graph: Graph, history: History) -> None:
    """Add what laws did to bodies and what events concern, each from its date on."""
    for body in history.bodies():
        for relation, law_id in (("creates", body.created_by), ("dissolves", body.dissolved_by)):
            if law_id is not None:
                law = history.law(law_id)
                _link(
                    graph,
                    ("law", law_id),
                    ("body", body.id),
                    relation,
                    _since(law.date),
                    law.citations,
                )
    for event in history.events():
        period = _since(event.date)
        for kind, ids in (("body", event.bodies), ("type", event.coop_types), ("law", event.laws)):
            for ident in ids:
                _link(
                    graph, ("event", event.id), (kind, ident), "concerns", period, event.citations
                )


def _link(
    graph: Graph,
    tail: tuple[str, str],
    head: tuple[str, str],
    relation: str,
    period: Period | None,
    citations: Iterable[Citation],
    **extra: Any,
) -> None:
    """Add an edge between two records, keyed by ``extra["key"]`` or else by its relation."""
    key = extra.pop("key", relation)
    graph.add_edge(
        node(*tail),
        node(*head),
        key=key,
        relation=relation,
        period=period,
        citations=tuple(citations),
        **extra,
    )


def _add_mandate(graph: Graph, mandate: Mandate) -> None:
    body = ("body", mandate.body)
    extra = {
        "key": mandate.key,
        "mandate": mandate,
        "function": mandate.function,
        "basis": mandate.basis,
    }
    period, citations = mandate.period, mandate.citations
    for type_id in mandate.coop_types:
        _link(graph, body, ("type", type_id), HOLDS[mandate.function], period, citations, **extra)
    if mandate.delegated_by is not None:
        _link(graph, ("body", mandate.delegated_by), body, "delegates", period, citations, **extra)
    for law_id in mandate.basis:
        _link(graph, ("law", law_id), body, "grants", period, citations, **extra)


def _add_handover(graph: Graph, handover: Handover) -> None:
    extra = {
        "key": f"{handover.function}/{handover.date}/{'+'.join(handover.coop_types)}",
        "handover": handover,
        "function": handover.function,
        "basis": handover.basis,
    }
    for giver in handover.from_bodies:
        for receiver in (b for b in handover.to_bodies if b != giver):
            _link(
                graph,
                ("body", giver.id),
                ("body", receiver.id),
                "hands-over",
                _since(handover.date),
                handover.citations,
                **extra,
            )


def _ids(bodies: Iterable[Body]) -> tuple[str, ...]:
    return tuple(body.id for body in bodies)


def _since(date: HistoricalDate | None) -> Period | None:
    """From a date on; ``None`` (always) when the date is unknown or open-ended."""
    if date is None or date.earliest is None or date.latest is None:
        return None
    return Period(date)


def _status(period: Period | None, on: HistoricalDate) -> Status:
    """Whether a period held throughout ``on`` (certain), on some of its days, or on none."""
    if period is None:
        return Status.CERTAIN
    low, high = on.earliest, on.latest
    assert low is not None  # noqa: S101 - History checks that as-of dates are closed
    assert high is not None  # noqa: S101
    return period.status_during(low, high)


def at(history: History, graph: Graph, on: HistoricalDate) -> Graph:
    """A frozen graph of the edges in force on ``on``, and their endpoints.

    Each edge is marked ``certain`` when it held throughout ``on``, else it held only possibly
    (``on`` falls in an uncertainty window).
    An imprecise ``on`` such as ``1978`` keeps what held on any of its days.
    """
    view: Graph = nx.MultiDiGraph(**graph.graph, on=on)
    for u, v, key, data in graph.edges(keys=True, data=True):
        held = _status(data["period"], on)
        if held is not Status.NONE:
            view.add_edge(u, v, key, **data, certain=held is Status.CERTAIN)
    view.add_nodes_from((n, graph.nodes[n]) for n in list(view))
    return _frozen(view)


def _relations(graph: Graph, relation: str) -> Iterable[tuple[str, str, dict[str, Any]]]:
    return ((u, v, d) for u, v, d in graph.edges(data=True) if d["relation"] == relation)


def chain(history: History, coop_type: str, *, function: str = "supervision") -> tuple[str, ...]:
    """The ids of the bodies that held ``function`` over a type, in the order they took it.

    Follows the ``hands-over`` edges that cover the type (or one of its ancestors), oldest
    first: in the tiny test world, savings and credit went INCOOP, Ministry of Labor,
    FENACREP, SBS.
    """
    lineage = set(history.ancestors(coop_type))
    steps = sorted(
        {
            d["handover"]
            for _, _, d in _relations(history.graph, "hands-over")
            if d["function"] == function and lineage.intersection(d["handover"].coop_types)
        },
        key=lambda h: (h.date.sort_key(), _ids(h.from_bodies), _ids(h.to_bodies)),
    )
    if not steps:
        return ()
    bodies = [*_ids(steps[0].from_bodies), *(b for step in steps for b in _ids(step.to_bodies))]
    return tuple(b for i, b in enumerate(bodies) if i == 0 or bodies[i - 1] != b)


def laws_shaping(
    history: History, coop_type: str, *, function: str = "supervision"
) -> tuple[Law, ...]:
    """The laws that granted ``function`` over a type or its ancestors, oldest first."""
    targets = {node("type", t) for t in history.ancestors(coop_type)}
    relation = HOLDS[names.function(function)]
    graph = history.graph
    mandates = {
        key
        for u, v, key, d in graph.edges(keys=True, data=True)
        if d["relation"] == relation and v in targets
    }
    laws = {
        graph.nodes[u]["record"]
        for u, _, key, d in graph.edges(keys=True, data=True)
        if d["relation"] == "grants" and key in mandates
    }
    return tuple(sorted(laws, key=_law_order))


def _law_order(law: Law) -> tuple[Any, ...]:
    return (law.date is None, law.date.sort_key() if law.date else (), law.id)


def created_by(history: History, law: str) -> tuple[Body, ...]:
    """The bodies a law created (by id, number or label)."""
    return _bodies_from(history, law, "creates")


def dissolved_by(history: History, law: str) -> tuple[Body, ...]:
    """The bodies a law dissolved (by id, number or label)."""
    return _bodies_from(history, law, "dissolves")


def _bodies_from(history: History, law: str, relation: str) -> tuple[Body, ...]:
    graph = history.graph
    source = node("law", history.law(law).id)
    return tuple(
        graph.nodes[v]["record"]
        for _, v, d in graph.out_edges(source, data=True)
        if d["relation"] == relation
    )


def graphml(
    graph: Graph,
    label: Callable[[Any], str],
    attributes: Callable[[Mapping[str, Any]], dict[str, Any]],
) -> str:
    """GraphML text of a copy of ``graph``, each node labelled and every attribute mapped.

    ``attributes`` turns each graph, node and edge attribute set into values GraphML can hold;
    ``label`` names a node's record.
    """
    safe: Graph = nx.MultiDiGraph()
    safe.graph.update(attributes(graph.graph))
    for node_key, data in graph.nodes(data=True):
        safe.add_node(node_key, label=label(data.get("record")), **attributes(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        safe.add_edge(source, target, key=key, **attributes(data))
    return "\n".join(nx.generate_graphml(safe)) + "\n"
