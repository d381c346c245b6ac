"""Misuse through the Python API gets the Python convention, and no answer can be corrupted.

Issue #11 part 2: a wrong type is a TypeError saying what was expected (never an
AttributeError from inside, never a string read letter by letter); an int is a year; dates are
ASCII; a reversed range or an unknown kind is refused; every collection returned is immutable.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import pytest

import coophistory
from coophistory import export, render, review
from coophistory import graph as graphs
from coophistory.errors import (
    CoopHistoryError,
    DataError,
    InvalidDateError,
    InvalidOptionError,
    ReversedRangeError,
    UnknownNameError,
    WrongTypeError,
)

from .conftest import tiny_variant

History = coophistory.History
# A folder that does not exist: a misuse that got as far as writing fails there, writing nothing.
NOWHERE = Path("/nonexistent-coophistory-test-folder")

# --- a wrong type is a TypeError that says what was expected ------------------------------

MISUSES: dict[str, Callable[[History], Any]] = {
    "supervisor type None": lambda h: h.supervisor(None, "2000"),  # type: ignore[arg-type]
    "supervisor type int": lambda h: h.supervisor(5, "2000"),  # type: ignore[arg-type]
    "supervisor date None": lambda h: h.supervisor("housing", None),  # type: ignore[arg-type]
    "supervisor date float": lambda h: h.supervisor("housing", 2000.0),  # type: ignore[arg-type]
    "supervisor date bool": lambda h: h.supervisor("housing", True),
    "supervisor function None": lambda h: h.supervisor(
        "housing",
        "2000",
        function=None,  # type: ignore[arg-type]
    ),
    "supervision_on date None": lambda h: h.supervision_on(None),  # type: ignore[arg-type]
    "supervision_on function None": lambda h: h.supervision_on(
        "2000",
        function=None,  # type: ignore[arg-type]
    ),
    "lineage None": lambda h: h.lineage(None),  # type: ignore[arg-type]
    "lineage function 1": lambda h: h.lineage("housing", function=1),  # type: ignore[arg-type]
    "handovers int": lambda h: h.handovers(5),  # type: ignore[arg-type]
    "handovers function None": lambda h: h.handovers(function=None),  # type: ignore[arg-type]
    "events type list": lambda h: h.events(coop_type=["housing"]),  # type: ignore[arg-type]
    "events kind int": lambda h: h.events(kind=5),  # type: ignore[arg-type]
    "events start list": lambda h: h.events(["1990"]),  # type: ignore[arg-type]
    "body None": lambda h: h.body(None),  # type: ignore[arg-type]
    "coop_type int": lambda h: h.coop_type(5),  # type: ignore[arg-type]
    "law None": lambda h: h.law(None),  # type: ignore[arg-type]
    "source None": lambda h: h.source(None),  # type: ignore[arg-type]
    "conflict None": lambda h: h.conflict(None),  # type: ignore[arg-type]
    "ancestors None": lambda h: h.ancestors(None),  # type: ignore[arg-type]
    "descendants None": lambda h: h.descendants(None),  # type: ignore[arg-type]
    "graph_at None": lambda h: h.graph_at(None),  # type: ignore[arg-type]
    "render.handovers bare type": lambda h: render.handovers(h, "housing"),
    "render.handovers type None item": lambda h: render.handovers(h, [None]),  # type: ignore[list-item]
    "render.handovers bare function": lambda h: render.handovers(h, functions="supervision"),
    "render.snapshot bare function": lambda h: render.snapshot(h, "2000", functions="promotion"),
    "render.snapshot functions None": lambda h: render.snapshot(
        h,
        "2000",
        functions=None,  # type: ignore[arg-type]
    ),
    "render.timeline bare kind": lambda h: render.timeline(h, kinds="law"),
    "render.lanes function None": lambda h: render.lanes(h, function=None),  # type: ignore[arg-type]
    "graph.chain type None": lambda h: graphs.chain(h, None),  # type: ignore[arg-type]
    "load a list": lambda h: coophistory.load(["a.toml", "b.toml"]),  # type: ignore[arg-type]
    "load None": lambda h: coophistory.load(None),  # type: ignore[arg-type]
    "export.write format None": lambda h: export.write(h, None, NOWHERE / "x.json"),  # type: ignore[call-overload]
    "jsonld base None": lambda h: export.write(h, "jsonld", NOWHERE / "x.jsonld", base=None),
}


@pytest.mark.parametrize("misuse", MISUSES.values(), ids=MISUSES.keys())
def test_a_wrong_type_is_a_type_error_saying_what_was_expected(
    bundled: History, misuse: Callable[[History], Any]
) -> None:
    """Each misuse raises our TypeError ("... must be ..., not T"), nothing from inside."""
    with pytest.raises(TypeError) as caught:
        misuse(bundled)
    assert isinstance(caught.value, WrongTypeError)
    assert isinstance(caught.value, CoopHistoryError)
    assert re.search(r" must be .+, not \w+$", str(caught.value)), str(caught.value)


def test_a_bare_string_is_never_read_letter_by_letter(bundled: History) -> None:
    """``render.handovers(h, "housing")`` used to look up a type called 'h'."""
    with pytest.raises(WrongTypeError, match="list or tuple of strings"):
        render.handovers(bundled, "housing")
    with pytest.raises(WrongTypeError, match="kinds must be"):
        render.timeline(bundled, kinds="census")


def test_a_list_tuple_or_generator_of_names_is_accepted(bundled: History) -> None:
    """The collection forms are all read the same way."""
    as_list = render.handovers(bundled, ["housing"], functions=["supervision"]).source
    as_tuple = render.handovers(bundled, ("housing",), functions=("supervision",)).source
    as_generator = render.handovers(bundled, (t for t in ["housing"])).source
    assert as_list == as_tuple
    assert as_generator != as_list  # both functions by default: a different diagram
    assert (
        render.timeline(bundled, kinds={"law"}).source
        == render.timeline(bundled, kinds=["law"]).source
    )


# --- an int is a year; a bool is not ------------------------------------------------------


def test_an_int_is_that_year(bundled: History) -> None:
    """``h.supervisor("housing", 2000)`` is the question about "2000"."""
    assert bundled.supervisor("housing", 2000) == bundled.supervisor("housing", "2000")
    assert bundled.events(1990, 2000) == bundled.events("1990", "2000")
    assert bundled.supervision_on(1995) == bundled.supervision_on("1995")
    assert str(bundled.supervisor("housing", 2000).on) == "2000"


def test_a_bool_is_refused_even_after_the_year_it_equals(bundled: History) -> None:
    """True == 1 and hashes alike: the as-of cache must not hand True the answer for year 1."""
    bundled.supervisor("housing", 1)
    with pytest.raises(WrongTypeError, match="not bool"):
        bundled.supervisor("housing", True)


@pytest.mark.parametrize("year", [0, -5, 10000])
def test_a_year_out_of_range_is_an_invalid_date(bundled: History, year: int) -> None:
    """EDTF's four digits write the years 1 to 9999."""
    with pytest.raises(InvalidDateError, match="from 1 to 9999"):
        bundled.supervisor("housing", year)


# --- dates are ASCII -----------------------------------------------------------------------

NON_ASCII_DATES = [
    "\uff12\uff10\uff10\uff10",
    "\u0662\u0660\u0660\u0660",
    "\u0967\u096f\u096f\u096b",
    "1995-\u0660\u0666-01",
    "\uff11\uff19\uff19\uff15-06-01",
]


@pytest.mark.parametrize("text", NON_ASCII_DATES)
def test_non_ascii_digits_are_refused_in_queries(bundled: History, text: str) -> None:
    """Full-width and other Unicode digits used to be read as years."""
    with pytest.raises(InvalidDateError, match="ASCII") as caught:
        bundled.supervisor("housing", text)
    assert text in str(caught.value)
    with pytest.raises(InvalidDateError):
        coophistory.parse_date(text)
    with pytest.raises(InvalidDateError):
        bundled.events(text)


def test_non_ascii_digits_are_refused_in_data_files(tmp_path: Path) -> None:
    """A data file's date in full-width digits is a problem naming the text."""
    broken = tiny_variant(tmp_path, '"1964-12-14"', '"\uff11\uff19\uff16\uff14-12-14"')
    with pytest.raises(DataError) as caught:
        coophistory.load(broken)
    assert any(
        "\uff11\uff19\uff16\uff14-12-14" in str(p) and "ASCII" in str(p)
        for p in caught.value.problems
    )


# --- ranges and kinds ----------------------------------------------------------------------

REVERSED: dict[str, Callable[[History], Any]] = {
    "events": lambda h: h.events("2020", "2010"),
    "events int": lambda h: h.events(2020, 2010),
    "render.timeline": lambda h: render.timeline(h, "2020", "2010"),
    "render.lanes": lambda h: render.lanes(h, start="2020", end="2010"),
    "render.handovers": lambda h: render.handovers(h, start="2020-01-02", end="2020-01-01"),
}


@pytest.mark.parametrize("call", REVERSED.values(), ids=REVERSED.keys())
def test_a_reversed_range_is_an_error(bundled: History, call: Callable[[History], Any]) -> None:
    """A range that ends before it starts used to be answered as if open."""
    with pytest.raises(ReversedRangeError, match="ends before it starts"):
        call(bundled)


def test_an_empty_range_is_not_reversed(bundled: History) -> None:
    """[2000, 2000) is empty, not an error."""
    assert bundled.events("2000", "2000") == ()


def test_an_unknown_event_kind_is_an_error_with_close_matches(bundled: History) -> None:
    """``kind="lwa"`` used to give an empty, plausible-looking answer."""
    with pytest.raises(UnknownNameError, match="did you mean law") as caught:
        bundled.events(kind="lwa")
    assert caught.value.suggestions[0] == "law"
    with pytest.raises(UnknownNameError, match="did you mean"):
        render.timeline(bundled, kinds=["censsu"])
    assert bundled.events(kind="census")  # a known kind still answers


# --- diagrams take the ranges and functions they document ---------------------------------


def test_lanes_are_clipped_to_a_range(bundled: History) -> None:
    """``start``/``end`` cut the lanes: no decade outside the range is drawn."""
    whole = render.lanes(bundled).source
    clipped = render.lanes(bundled, start="1990", end="2000").source
    assert "> 1980</TD>" in whole
    assert "> 1990</TD>" in clipped
    assert "> 1980</TD>" not in clipped
    assert "> 2000</TD>" not in clipped


def test_handovers_are_limited_to_a_range_and_functions(tiny: History) -> None:
    """Only the handovers dated within the range, of the functions asked, are drawn."""

    def edges(**options: Any) -> int:
        source = render.handovers(tiny, sources=False, **options).source
        drawn = [line for line in source.splitlines() if " -> " in line]
        return sum("delegates" not in line and "key" not in line for line in drawn)

    everything = edges()
    assert edges(start="1990", end="2000") < everything
    assert edges(start="1990", end="2000") > 0
    assert edges(start="2030") == 0
    assert edges(functions=["promotion"]) < everything
    assert edges(functions=["promotion"], start="2008", end="2009") == 1


# --- returned values cannot corrupt the history -------------------------------------------


def test_a_lineage_cannot_be_emptied(bundled: History) -> None:
    """``h.lineage("housing").clear()`` used to empty every later answer."""
    lineage = bundled.lineage("housing")
    with pytest.raises(AttributeError):
        lineage.clear()  # type: ignore[attr-defined]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        lineage[0].bodies = ()  # type: ignore[misc]
    assert isinstance(lineage[0].bodies, tuple)
    assert bundled.lineage("housing") == lineage
    assert bundled.handovers("housing")


def test_handovers_and_events_are_tuples_of_frozen_records(bundled: History) -> None:
    """Neither the collections nor the records in them can change."""
    for found in (bundled.handovers(), bundled.handovers(function="promotion"), bundled.events()):
        assert isinstance(found, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            found[0].date = None  # type: ignore[misc,assignment]
    handover = bundled.handovers()[0]
    assert all(
        isinstance(getattr(handover, f.name), tuple | str | coophistory.HistoricalDate)
        for f in attrs.fields(type(handover))
    )


def test_supervision_on_is_read_only(bundled: History) -> None:
    """The mapping of answers by type refuses assignment and deletion."""
    answers = bundled.supervision_on("2000")
    with pytest.raises(TypeError):
        answers["housing"] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        del answers["housing"]  # type: ignore[attr-defined]
    assert "housing" in bundled.supervision_on("2000")


def test_an_answer_shares_nothing_mutable(bundled: History) -> None:
    """An answer's fields are tuples; its lookups are read-only views; to_dict is a copy."""
    answer = bundled.supervisor("savings-and-credit", "2000")
    for field in ("bodies", "possible", "mandates", "laws", "citations", "conflicts"):
        assert isinstance(getattr(answer, field), tuple)
    fields = attrs.astuple(answer, recurse=False)
    lookups: list[Any] = [v for v in fields if isinstance(v, Mapping)]
    assert len(lookups) == 3  # bodies and sources by id (shared with the History), by_type
    for mapping in lookups:
        with pytest.raises(TypeError):
            mapping["fenacrep"] = None
    first = answer.to_dict()
    first["bodies"].clear()
    assert bundled.supervisor("savings-and-credit", "2000").to_dict()["bodies"]
    assert bundled.body("fenacrep").id == "fenacrep"


def test_every_record_field_is_immutable(bundled: History) -> None:
    """Records are frozen and hold tuples, never lists, dicts or sets."""
    records = bundled.records
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        records.mandates = ()  # type: ignore[misc]
    for table in ("sources", "bodies", "coop_types", "laws", "mandates", "events", "conflicts"):
        rows = getattr(records, table)
        assert isinstance(rows, tuple)
        for record in rows:
            for value in attrs.astuple(record, recurse=False):
                assert not isinstance(value, list | dict | set), (table, value)
    for listing in (
        bundled.sources(),
        bundled.bodies(),
        bundled.coop_types(),
        bundled.laws(),
        bundled.mandates(),
        bundled.conflicts(),
        bundled.concrete_types(),
        bundled.ancestors("housing"),
        bundled.descendants("cooperative"),
        review.resting_on_unread(bundled),
        review.coarse_citations(bundled),
        graphs.chain(bundled, "housing"),
    ):
        assert isinstance(listing, tuple)


@pytest.mark.parametrize("view", ["graph", "graph_at"])
def test_graph_views_cannot_be_changed(bundled: History, view: str) -> None:
    """Node, edge and graph attributes of the shared graph used to be writable in place."""
    graph = bundled.graph if view == "graph" else bundled.graph_at("2000")
    node, _ = next(iter(graph.nodes(data=True)))
    source, target, key = next(iter(graph.edges(keys=True)))
    with pytest.raises(nx.NetworkXError):
        graph.add_node("intruder")
    with pytest.raises(TypeError):
        graph.nodes[node]["record"] = None
    with pytest.raises(TypeError):
        graph.edges[source, target, key]["relation"] = "forged"
    with pytest.raises(TypeError):
        graph.graph["dataset_version"] = "forged"
    assert bundled.graph.graph["dataset_version"] == bundled.dataset_version
    assert "record" in bundled.graph.nodes[node] or view == "graph_at"


def test_graph_at_is_built_from_an_unchanged_graph(bundled: History) -> None:
    """Two views of the same day are equal: nothing leaks from one call to the next."""
    first = bundled.graph_at("1995")
    second = bundled.graph_at(1995)
    assert sorted(first.edges(keys=True)) == sorted(second.edges(keys=True))
    assert graphs.chain(bundled, "housing") == graphs.chain(bundled, "housing")


# --- the JSON-LD base is an absolute IRI ---------------------------------------------------

BAD_BASES = [
    "foo",
    "example.org/",
    "/relative/",
    "https://example.org/id",
    "https:///id/",
    "http://a b/",
    "urn:other:",
    "",
    "1http://example.org/",
]


@pytest.mark.parametrize("base", BAD_BASES)
def test_a_jsonld_base_that_is_not_an_absolute_iri_is_refused(
    bundled: History, tmp_path: Path, base: str
) -> None:
    """The error is ours, a ValueError, and nothing is written."""
    out = tmp_path / "out.jsonld"
    with pytest.raises(InvalidOptionError, match="absolute IRI") as caught:
        export.write(bundled, "jsonld", out, base=base)
    assert isinstance(caught.value, ValueError)
    assert "\n" not in str(caught.value)
    assert not out.exists()


@pytest.mark.parametrize(
    "base", ["https://example.org/id/", "http://example.org/coop#", "urn:coophistory:"]
)
def test_an_absolute_iri_base_is_used(bundled: History, tmp_path: Path, base: str) -> None:
    """Good bases (and the default URN) prefix every record IRI."""
    out = export.write(bundled, "jsonld", tmp_path / "out.jsonld", base=base)
    assert f'"@id": "{base}body/fenacrep"' in out.read_text(encoding="utf-8")


def test_a_date_object_still_works(bundled: History) -> None:
    """The checks let the documented types through."""
    day = datetime.date(1995, 6, 1)
    assert bundled.supervisor("savings-and-credit", day) == bundled.supervisor(
        "savings-and-credit", "1995-06-01"
    )


def test_an_unknown_review_source_is_an_error_with_close_matches(bundled: History) -> None:
    """``coarse_citations(source=...)`` used to answer () for a misspelt source."""
    with pytest.raises(UnknownNameError, match="did you mean context-study"):
        review.coarse_citations(bundled, source="context-studdy")
    assert review.coarse_citations(bundled, source="context-study") == ()


def test_a_one_day_range_of_lanes_has_no_label_too_wide_for_its_cell(bundled: History) -> None:
    """A tick too narrow for its year is drawn without it, so Graphviz has nothing to warn of."""
    source = render.lanes(bundled, start="1995-06-01", end="1995-06-02").source
    assert "> 1995</TD>" not in source


def test_read_only_answers_and_graphs_still_pickle_and_copy(bundled: History) -> None:
    """Read-only lookups must not cost what worked before: pickling (multiprocessing) and copies."""
    import copy  # noqa: PLC0415 - only this test
    import pickle  # noqa: PLC0415 - only this test; the data is our own

    answer = bundled.supervisor("savings-and-credit", "2000")
    again = pickle.loads(pickle.dumps(answer))  # noqa: S301 - our own bytes
    assert again == answer
    assert str(again) == str(answer)
    assert copy.deepcopy(answer) == answer
    graph = pickle.loads(pickle.dumps(bundled.graph))  # noqa: S301 - our own bytes
    assert sorted(graph.edges(keys=True)) == sorted(bundled.graph.edges(keys=True))
    writable = bundled.graph.copy()
    node = next(iter(writable))
    writable.nodes[node]["note"] = "mine"
    assert "note" not in bundled.graph.nodes[node]
