"""The history as a networkx graph: its nodes and edges, its as-of views, and questions over it."""

from __future__ import annotations

import time

import networkx as nx
import pytest

import coophistory
from coophistory import graph

SUPERVISES = "supervises"


def held(view: graph.Graph, relation: str) -> dict[tuple[str, str], bool]:
    """The edges of one relation in a view, each with its ``certain`` flag."""
    return {(u, v): d["certain"] for u, v, d in view.edges(data=True) if d["relation"] == relation}


def test_graph_is_built_once_and_frozen(tiny: coophistory.History) -> None:
    """``h.graph`` is one frozen MultiDiGraph, the same object on every access."""
    assert isinstance(tiny.graph, nx.MultiDiGraph)
    assert tiny.graph is tiny.graph
    assert nx.is_frozen(tiny.graph)
    with pytest.raises(nx.NetworkXError):
        tiny.graph.add_node("body:intruder")


def test_nodes_are_keyed_by_kind_and_carry_their_records(tiny: coophistory.History) -> None:
    """Every record is one node ``kind:id`` with its kind and record."""
    expected = {
        **{f"body:{b.id}": b for b in tiny.bodies()},
        **{f"type:{t.id}": t for t in tiny.coop_types()},
        **{f"law:{law.id}": law for law in tiny.laws()},
        **{f"event:{e.id}": e for e in tiny.events()},
    }
    assert {n: d["record"] for n, d in tiny.graph.nodes(data=True)} == expected
    assert {d["kind"] for _, d in tiny.graph.nodes(data=True)} == {"body", "type", "law", "event"}
    assert graph.node("body", "sbs") == "body:sbs"


def test_every_edge_has_a_known_relation_a_period_and_citations(tiny: coophistory.History) -> None:
    """Each edge says what it is, when it holds (None only for subtype-of) and who says so."""
    for u, v, data in tiny.graph.edges(data=True):
        assert data["relation"] in graph.RELATIONS, (u, v)
        assert (data["period"] is None) == (data["relation"] == "subtype-of"), (u, v)
        assert data["citations"], (u, v)
    relations = {d["relation"] for _, _, d in tiny.graph.edges(data=True)}
    assert relations == set(graph.RELATIONS)


def test_parallel_mandates_are_kept_apart_by_their_keys(tiny: coophistory.History) -> None:
    """INCOOP held supervision and promotion over all types: two edges, keyed by mandate."""
    edges = tiny.graph.get_edge_data("body:incoop", "type:cooperative")
    assert {d["relation"] for d in edges.values()} == {"supervises", "promotes"}
    assert set(edges) == {m.key for m in tiny.mandates() if m.body == "incoop"}
    assert all(d["basis"] == ("law-15260",) for d in edges.values())


def test_mandate_edges_know_their_law_and_delegation(tiny: coophistory.History) -> None:
    """SBS delegates to FENACREP; Law 30822 grants SBS its mandate; laws made and unmade INCOOP."""
    g = tiny.graph
    delegation = next(iter(g.get_edge_data("body:sbs", "body:fenacrep").values()))
    assert delegation["relation"] == "delegates"
    assert str(delegation["period"].start) == "1992/1993"
    grants = g.get_edge_data("law:law-30822", "body:sbs")
    assert [d["relation"] for d in grants.values()] == ["grants"]
    assert [d["relation"] for d in g.get_edge_data("law:law-15260", "body:incoop").values()].count(
        "creates"
    ) == 1
    assert "dissolves" in [
        d["relation"] for d in g.get_edge_data("law:dl-25879", "body:incoop").values()
    ]


def test_handovers_are_edges_with_their_basis(tiny: coophistory.History) -> None:
    """FENACREP handed supervision to SBS on 2019-01-01 under Law 30822."""
    (data,) = tiny.graph.get_edge_data("body:fenacrep", "body:sbs").values()
    assert data["relation"] == "hands-over"
    assert data["basis"] == ("law-30822",)
    assert str(data["handover"].date) == "2019-01-01"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1977-12-31", {("body:incoop", "type:cooperative"): True}),
        (
            "1978-06-01",
            {
                ("body:incoop", "type:cooperative"): False,
                ("body:ministry-of-labor", "type:cooperative"): False,
            },
        ),
        ("1979-01-01", {("body:ministry-of-labor", "type:cooperative"): True}),
        (
            "1995-06-01",
            {
                ("body:fenacrep", "type:savings-and-credit"): True,
                ("body:smv", "type:non-financial"): True,
            },
        ),
        (
            "2018-12-31",
            {
                ("body:fenacrep", "type:savings-and-credit"): True,
                ("body:smv", "type:non-financial"): True,
            },
        ),
        (
            "2019-01-01",
            {
                ("body:sbs", "type:savings-and-credit"): True,
                ("body:smv", "type:non-financial"): True,
            },
        ),
    ],
)
def test_graph_at_holds_what_was_in_force(
    tiny: coophistory.History, day: str, expected: dict[tuple[str, str], bool]
) -> None:
    """Both sides of each boundary: who supervised, for certain or only possibly."""
    assert held(tiny.graph_at(day), SUPERVISES) == expected


@pytest.mark.parametrize(
    ("day", "delegated"),
    [
        ("1991-12-31", {}),
        ("1992-06-01", {("body:sbs", "body:fenacrep"): False}),
        ("1995-06-01", {("body:sbs", "body:fenacrep"): True}),
        ("2018-12-31", {("body:sbs", "body:fenacrep"): True}),
        ("2019-01-01", {}),
    ],
)
def test_graph_at_delegation(
    tiny: coophistory.History, day: str, delegated: dict[tuple[str, str], bool]
) -> None:
    """SBS delegated to FENACREP from 1992/1993 (uncertain) to 2019-01-01 (exclusive)."""
    assert held(tiny.graph_at(day), "delegates") == delegated


def test_graph_at_an_imprecise_date_is_possible_across_it(tiny: coophistory.History) -> None:
    """All of 1978: INCOOP and the Ministry each possibly, neither for certain."""
    assert held(tiny.graph_at("1978"), SUPERVISES) == {
        ("body:incoop", "type:cooperative"): False,
        ("body:ministry-of-labor", "type:cooperative"): False,
    }


def test_graph_at_is_frozen_keeps_taxonomy_and_leaves_the_graph_alone(
    tiny: coophistory.History,
) -> None:
    """A view is frozen, keeps subtype-of edges always, and drops what had not happened yet."""
    before = tiny.graph.number_of_edges()
    view = tiny.graph_at("1970-01-01")
    assert nx.is_frozen(view)
    assert held(view, "subtype-of") == dict.fromkeys(
        ((f"type:{t.id}", f"type:{t.parent}") for t in tiny.coop_types() if t.parent), True
    )
    assert "law:law-30822" not in view
    assert "body:sbs" not in view
    assert view.nodes["body:incoop"]["record"] is tiny.body("incoop")
    assert tiny.graph.number_of_edges() == before
    assert all("certain" not in d for _, _, d in tiny.graph.edges(data=True))


def test_graph_at_is_cheap(tiny: coophistory.History) -> None:
    """An as-of view of the tiny world costs well under a millisecond (budget: 5 ms)."""
    tiny.graph_at("2000-01-01")
    start = time.perf_counter()
    for _ in range(100):
        tiny.graph_at("2000-01-01")
    assert (time.perf_counter() - start) / 100 < 0.005


@pytest.mark.parametrize(
    ("coop_type", "function", "bodies"),
    [
        ("savings-and-credit", "supervision", ("incoop", "ministry-of-labor", "fenacrep", "sbs")),
        ("housing", "supervision", ("incoop", "ministry-of-labor", "smv")),
        ("coffee", "promotion", ("incoop", "ministry-of-labor", "produce")),
    ],
)
def test_chain_follows_handovers(
    tiny: coophistory.History, coop_type: str, function: str, bodies: tuple[str, ...]
) -> None:
    """The chain of bodies that held a function over a type, oldest first."""
    assert graph.chain(tiny, coop_type, function=function) == bodies


def test_laws_shaping_a_types_supervision(tiny: coophistory.History) -> None:
    """Savings and credit: the general law, the 1992 decree-law, Law 30822; housing lacks 30822."""
    assert [law.id for law in graph.laws_shaping(tiny, "savings-and-credit")] == [
        "law-15260",
        "dl-25879",
        "law-30822",
    ]
    assert [law.id for law in graph.laws_shaping(tiny, "housing")] == ["law-15260", "dl-25879"]
    assert [law.id for law in graph.laws_shaping(tiny, "coffee", function="promotion")] == [
        "law-15260",
        "law-29271",
    ]


def test_bodies_a_law_created_or_dissolved(tiny: coophistory.History) -> None:
    """Law 15260 created INCOOP; Decree-Law 25879 dissolved it; Law 30822 did neither."""
    assert [b.id for b in graph.created_by(tiny, "Law 15260")] == ["incoop"]
    assert [b.id for b in graph.dissolved_by(tiny, "25879")] == ["incoop"]
    assert graph.created_by(tiny, "law-30822") == ()
