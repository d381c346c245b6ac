"""Every export says what the library answers: the same mandates, handovers, functions, dates.

Each export is written to a real file, read back with an independent reader (the csv module,
rdflib, networkx, json) and compared with the history's own mandates and handovers, on the
bundled data and on generated histories written as TOML.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib

import coophistory
from coophistory import History, export
from coophistory.records import FUNCTIONS

from .generated import history_document, toml_text

CH = rdflib.Namespace("urn:coophistory:vocab:")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
BASE = "https://example.org/coop/"

# (body, function, types, start, end, delegated_by), types sorted, dates as EDTF text
MandateFact = tuple[str, str, tuple[str, ...], str, str | None, str | None]
# (function, date, types, excluding, from, to), lists sorted
HandoverFact = tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _mandates(history: History) -> dict[str, MandateFact]:
    return {
        m.key: (
            m.body,
            m.function,
            tuple(sorted(m.coop_types)),
            str(m.start),
            None if m.end is None else str(m.end),
            m.delegated_by,
        )
        for m in history.mandates()
    }


def _handovers(history: History) -> list[HandoverFact]:
    return sorted(
        (
            h.function,
            str(h.date),
            tuple(sorted(h.coop_types)),
            tuple(sorted(h.excluding)),
            tuple(sorted(b.id for b in h.from_bodies)),
            tuple(sorted(b.id for b in h.to_bodies)),
        )
        for f in FUNCTIONS
        for h in history.handovers(function=f)
    )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(sorted(cell.split("; "))) if cell else ()


def _written(history: History, fmt: str, tmp_path: Path, **options: Any) -> Path:
    return export.write(history, fmt, tmp_path / f"out.{fmt}", **options)


def _histories() -> list[Any]:
    return [
        pytest.param("bundled", id="bundled"),
        *(pytest.param(s, id=f"gen{s}") for s in range(8)),
    ]


@pytest.fixture
def history(request: pytest.FixtureRequest, tmp_path: Path) -> History:
    """The bundled history, or a generated one written as TOML and loaded."""
    which = request.param
    if which == "bundled":
        return coophistory.load()
    path = tmp_path / "generated.toml"
    path.write_text(toml_text(history_document(which)), encoding="utf-8")
    return coophistory.load(path)


pytestmark = pytest.mark.parametrize("history", _histories(), indirect=True)


def test_json_says_what_the_answers_say(history: History, tmp_path: Path) -> None:
    """The lossless JSON loads back to the same mandates, handovers and answers."""
    again = coophistory.load(_written(history, "json", tmp_path))
    assert _mandates(again) == _mandates(history)
    assert _handovers(again) == _handovers(history)
    days = {str(m.start) for m in history.mandates()} | {"1995-06-01", "2020-01-01"}
    for coop_type in history.coop_types():
        for day in sorted(days):
            for function in FUNCTIONS:
                mine = history.supervisor(coop_type.id, day, function=function).to_dict()
                theirs = again.supervisor(coop_type.id, day, function=function).to_dict()
                assert mine == theirs


def test_csv_tables_say_what_the_answers_say(history: History, tmp_path: Path) -> None:
    """The mandates table has every mandate; the handovers table every handover, both functions."""
    with _written(history, "csv", tmp_path, table="mandates").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    expected = sorted(_mandates(history).values(), key=repr)
    assert (
        sorted(
            (
                (
                    r["body"],
                    r["function"],
                    _split(r["coop_types"]),
                    r["start"],
                    r["end"] or None,
                    r["delegated_by"] or None,
                )
                for r in rows
            ),
            key=repr,
        )
        == expected
    )
    with _written(history, "csv", tmp_path, table="handovers").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert sorted(
        (
            r["function"],
            r["date"],
            _split(r["coop_types"]),
            _split(r["excluding"]),
            _split(r["from_bodies"]),
            _split(r["to_bodies"]),
        )
        for r in rows
    ) == _handovers(history)


def test_jsonld_says_what_the_answers_say(history: History, tmp_path: Path) -> None:
    """Read with rdflib, the mandates and handovers are the library's."""
    graph = rdflib.Graph().parse(_written(history, "jsonld", tmp_path, base=BASE), format="json-ld")

    def ident(node: Any) -> str:
        return str(node).rsplit("/", 1)[1]

    def ids(subject: Any, predicate: Any) -> tuple[str, ...]:
        return tuple(sorted(ident(o) for o in graph.objects(subject, predicate)))

    def text(subject: Any, predicate: Any) -> str | None:
        value = graph.value(subject, predicate)
        return None if value is None else str(value)

    found = [
        (
            ident(graph.value(m, CH.body)),
            text(m, CH.function),
            ids(m, CH.coopType),
            text(m, CH.start),
            text(m, CH.end),
            next(iter(ids(m, CH.delegatedBy)), None),
        )
        for m in graph.subjects(rdflib.RDF.type, CH.Mandate)
    ]
    assert sorted(found, key=repr) == sorted(_mandates(history).values(), key=repr)
    handovers = [
        (
            text(h, CH.function),
            text(h, DCT.date),
            ids(h, CH.coopType),
            ids(h, CH.excludingCoopType),
            ids(h, ORG.originalOrganization),
            ids(h, ORG.resultingOrganization),
        )
        for h in graph.subjects(rdflib.RDF.type, CH.Handover)
    ]
    assert sorted(handovers, key=repr) == sorted(_handovers(history), key=repr)


def test_graphml_says_what_the_answers_say(history: History, tmp_path: Path) -> None:
    """Read with networkx, the holding, delegation and hand-over edges are the library's."""
    graph = nx.read_graphml(_written(history, "graphml", tmp_path), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    held: dict[str, dict[str, Any]] = defaultdict(lambda: {"types": set(), "by": None})
    passed: dict[str, set[tuple[str, str]]] = defaultdict(set)
    facts: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        assert not any("(" in str(value) and "=" in str(value) for value in data.values()), data
        relation = data["relation"]
        if relation in ("supervises", "promotes"):
            entry = held[key]
            entry["types"].add(v.removeprefix("type:"))
            entry["fact"] = (u.removeprefix("body:"), data["function"])
            entry["dates"] = (data["period_start"], data.get("period_end"))
        elif relation == "delegates":
            held[key]["by"] = u.removeprefix("body:")
        elif relation == "hands-over":
            passed[key].add((u.removeprefix("body:"), v.removeprefix("body:")))
            facts[key] = (
                data["function"],
                data["date"],
                _split(data["coop_types"]),
                _split(data.get("excluding", "")),
            )
    mandates = {
        key: (*e["fact"], tuple(sorted(e["types"])), *e["dates"], e["by"])
        for key, e in held.items()
    }
    assert mandates == _mandates(history)
    expected_pairs = {
        (h.function, str(h.date), tuple(sorted(h.coop_types)), tuple(sorted(h.excluding))): {
            (g.id, r.id) for g in h.from_bodies for r in h.to_bodies if g != r
        }
        for f in FUNCTIONS
        for h in history.handovers(function=f)
    }
    assert {facts[key]: pairs for key, pairs in passed.items()} == {
        k: v for k, v in expected_pairs.items() if v
    }


def test_timelinejs_says_what_the_answers_say(history: History, tmp_path: Path) -> None:
    """One slide per event, law and handover, each on its date, handovers with both functions."""
    document = json.loads(_written(history, "timelinejs", tmp_path).read_text(encoding="utf-8"))
    slides = {s["unique_id"]: s for s in document["events"]}
    dated_laws = [law for law in history.laws() if law.date is not None]
    expected = {f"event-{e.id}" for e in history.records.events}
    expected |= {f"law-{law.id}" for law in dated_laws}
    for function in FUNCTIONS:
        for number, handover in enumerate(history.handovers(function=function), start=1):
            slide = slides[f"handover-{function}-{number}"]
            expected.add(slide["unique_id"])
            start, day = handover.date.start or handover.date.end, handover.date.earliest
            assert start is not None
            assert day is not None
            assert slide["start_date"]["year"] == start.year
            assert slide["text"]["headline"].startswith(function)
            for body in (*handover.from_bodies, *handover.to_bodies):
                assert body.label_on(day) in slide["text"]["headline"]
    assert set(slides) == expected
