"""Exports: lossless JSON, CSV, JSON-LD read by rdflib, TimelineJS, GraphML, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib

import coophistory
from coophistory import OutputError, export
from coophistory.export import graphml, jsonld, lossless, tables, timelinejs
from coophistory.files import write_atomic
from coophistory.records import FUNCTIONS, TABLES
from coophistory.schema import columns

from .conftest import TINY
from .generated import history_document, toml_text

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
CH = rdflib.Namespace(jsonld.VOCAB)


def _round_trip(history: coophistory.History, tmp_path: Path) -> coophistory.History:
    return coophistory.load(export.write(history, "json", tmp_path / "history.json"))


# --- JSON ------------------------------------------------------------------------------------


def test_json_round_trip_tiny(tiny: coophistory.History, tmp_path: Path) -> None:
    """The tiny world written as JSON loads back equal."""
    assert _round_trip(tiny, tmp_path) == tiny


def test_json_round_trip_bundled(bundled: coophistory.History, tmp_path: Path) -> None:
    """The bundled data written as JSON loads back equal, versions kept."""
    again = _round_trip(bundled, tmp_path)
    assert again == bundled
    assert (again.schema_version, again.dataset_version) == (
        bundled.schema_version,
        bundled.dataset_version,
    )


@pytest.mark.parametrize("seed", range(40))
def test_json_round_trip_generated(seed: int, tmp_path: Path) -> None:
    """Varied generated histories, written as real TOML, survive the JSON round trip."""
    source = tmp_path / "generated.toml"
    source.write_text(toml_text(history_document(seed)), encoding="utf-8")
    history = coophistory.load(source)
    assert _round_trip(history, tmp_path) == history


def test_json_round_trip_of_several_files(tmp_path: Path) -> None:
    """A history from several files keeps its joined dataset_version through JSON."""
    extra = tmp_path / "extra.toml"
    extra.write_text(
        toml_text(
            {
                "schema_version": 1,
                "dataset_version": "extra-1",
                "sources": [{"id": "extra", "title": "Extra"}],
                "events": [
                    {
                        "id": "extra-event",
                        "date": "1999~",
                        "kind": "census",
                        "title": "More",
                        "citations": [{"source": "extra", "locator": "p. 1"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    history = coophistory.load(TINY, extra)
    assert history.dataset_version == "tiny-1+extra-1"
    assert _round_trip(history, tmp_path) == history


def test_json_has_the_toml_schema(tiny: coophistory.History) -> None:
    """The document has the TOML tables and keys only, dates as EDTF text, defaults omitted."""
    document = lossless.to_document(tiny)
    assert set(document) <= {"schema_version", "dataset_version", *TABLES}
    assert document["schema_version"] == 1
    assert document["dataset_version"] == "tiny-1"
    for table in TABLES:
        for row in document.get(table, []):
            assert set(row) <= set(columns(table))
    fenacrep = document["mandates"][4]
    assert fenacrep["start"] == "1992/1993"
    assert "joint" not in fenacrep
    assert "id" not in fenacrep
    assert fenacrep["citations"] == [{"source": "study", "locator": "§1.2"}]
    assert document["conflicts"][0]["claims"][1] == {
        "value": "1993",
        "source": "report",
        "locator": "p. 4",
    }
    assert document["events"][1]["figures"] == [
        {"value": 1245, "unit": "cooperatives", "label": "cooperatives counted", "as_of": "2017"}
    ]
    smv = next(b for b in document["bodies"] if b["id"] == "smv")
    assert list(smv["former_names"][0]) == ["name", "name_es", "acronym", "until"]
    assert document["laws"][0]["promulgated"] == "1964-12-14"


# --- CSV -------------------------------------------------------------------------------------


def _csv(history: coophistory.History, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(tables.render(history, table))))


@pytest.mark.parametrize("table", export.CSV_TABLES)
def test_csv_has_a_header_and_a_row_per_record(tiny: coophistory.History, table: str) -> None:
    """Each table has its TOML keys as header and one row per record (or handover)."""
    rows = _csv(tiny, table)
    if table == "handovers":
        expected: list[object] = [h for f in FUNCTIONS for h in tiny.handovers(function=f)]
    elif table == "figures":
        expected = [f for event in tiny.records.events for f in event.figures]
    else:
        expected = list(getattr(tiny.records, table))
    assert len(rows) == len(expected)


def test_csv_cells(tiny: coophistory.History) -> None:
    """Dates stay EDTF text, references are ids, several values are joined by '; '."""
    rows = _csv(tiny, "mandates")
    fenacrep = rows[4]
    assert (fenacrep["body"], fenacrep["delegated_by"], fenacrep["start"]) == (
        "fenacrep",
        "sbs",
        "1992/1993",
    )
    assert fenacrep["citations"] == "study, §1.2"
    types = _csv(tiny, "coop_types")
    assert types[2]["aliases"] == "COOPAC; SACCO; credit union; cooperativa de ahorro y crédito"
    assert _csv(tiny, "events")[1]["date"] == "2017"


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    """A cell a spreadsheet would run as a formula starts with a quote instead."""
    path = tmp_path / "hostile.toml"
    text = TINY.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'title = "First national cooperative census"', 'title = "=HYPERLINK(\\"http://x\\")"'
        ).replace(
            'title = "Half of new cooperatives are agricultural"',
            'title = "@SUM(1)"\ndescription = "-2+3"',
        ),
        encoding="utf-8",
    )
    rows = _csv(coophistory.load(path), "events")
    assert [r["title"] for r in rows][1:] == ['\'=HYPERLINK("http://x")', "'@SUM(1)"]
    assert rows[2]["description"] == "'-2+3"
    assert tables._cell("+1") == "'+1"


# --- JSON-LD ---------------------------------------------------------------------------------


def _rdf(history: coophistory.History, base: str = jsonld.DEFAULT_BASE) -> rdflib.Graph:
    return rdflib.Graph().parse(data=jsonld.render(history, base), format="json-ld")


@pytest.mark.parametrize("name", ["tiny", "bundled"])
def test_jsonld_keeps_every_mandate_law_and_citation(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The JSON-LD, read by rdflib, has a node per mandate and law, a Derivation per citation."""
    history: coophistory.History = request.getfixturevalue(name)
    graph = _rdf(history)
    r = history.records
    assert len(set(graph.subjects(rdflib.RDF.type, CH.Mandate))) == len(r.mandates)
    assert len(set(graph.subjects(rdflib.RDF.type, CH.Law))) == len(r.laws)
    citations = sum(
        len(record.citations)
        for table in ("bodies", "coop_types", "laws", "mandates", "events")
        for record in getattr(r, table)
    )
    citations += sum(len(c.claims) for c in r.conflicts)
    assert len(set(graph.subjects(rdflib.RDF.type, PROV.Derivation))) == citations
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    assert len(set(graph.subjects(rdflib.RDF.type, org.Organization))) == len(r.bodies)


def test_jsonld_details(tiny: coophistory.History) -> None:
    """Inline context, EDTF literals, handovers as ChangeEvents, IRIs under the chosen base."""
    document = jsonld.document(tiny, "https://example.org/coop/")
    assert isinstance(document["@context"], dict)
    graph = _rdf(tiny, "https://example.org/coop/")
    fenacrep = rdflib.URIRef("https://example.org/coop/body/fenacrep")
    assert (
        fenacrep,
        rdflib.RDF.type,
        rdflib.URIRef("http://www.w3.org/ns/org#Organization"),
    ) in graph
    starts = {str(o) for o in graph.objects(None, CH.start)}
    assert "1992/1993" in starts
    literal = next(o for o in graph.objects(None, CH.start) if str(o) == "1992/1993")
    assert isinstance(literal, rdflib.Literal)
    assert str(literal.datatype) == jsonld.EDTF
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    changes = set(graph.subjects(rdflib.RDF.type, CH.Handover))
    assert len(changes) == len(tiny.handovers()) + len(tiny.handovers(function="promotion"))
    assert any((c, org.resultingOrganization, fenacrep) in graph for c in changes)
    named = {s for s in graph.subjects() if isinstance(s, rdflib.URIRef)}
    assert named
    assert all(str(s).startswith("https://example.org/coop/") for s in named)


# --- TimelineJS ------------------------------------------------------------------------------


def test_timelinejs_slides(tiny: coophistory.History) -> None:
    """One slide per event, law and handover, grouped by kind, each date with its known parts."""
    slides = timelinejs.document(tiny)["events"]
    handovers = [h for f in FUNCTIONS for h in tiny.handovers(function=f)]
    assert len(slides) == len(tiny.records.events) + len(tiny.laws()) + len(handovers)
    by_id = {s["unique_id"]: s for s in slides}
    assert by_id["event-census-2017"]["start_date"] == {"year": 2017}
    assert by_id["event-census-2017"]["group"] == "census"
    assert by_id["event-coffee-niche"]["end_date"] == {"year": 2016}
    assert by_id["law-law-29271"]["start_date"] == {"year": 2008, "month": 10}
    assert by_id["law-law-30822"]["text"]["headline"] == "Law 30822"
    assert by_id["law-dl-25879"]["group"] == "decree-law"
    assert all(s["text"]["headline"] for s in slides)


def test_timelinejs_escapes_html(tmp_path: Path) -> None:
    """Titles are HTML-escaped, since TimelineJS renders them as HTML."""
    path = tmp_path / "hostile.toml"
    path.write_text(
        TINY.read_text(encoding="utf-8").replace(
            'title = "First national cooperative census"', 'title = "<script>alert(1)</script>"'
        ),
        encoding="utf-8",
    )
    slide = next(
        s
        for s in timelinejs.document(coophistory.load(path))["events"]
        if s["unique_id"] == "event-census-2017"
    )
    assert slide["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_timelinejs_flags_keep_their_text() -> None:
    """An uncertain or open date is shown as its EDTF text."""
    assert timelinejs.slide_dates(coophistory.parse_date("../1993~")) == {
        "start_date": {"year": 1993}
    }


# --- GraphML ---------------------------------------------------------------------------------


def test_graphml_attributes_are_made_safe(tiny: coophistory.History, tmp_path: Path) -> None:
    """Records become ids, dates EDTF, periods two attributes, None dropped; networkx reads it."""
    law = tiny.law("law-30822")
    mandate = tiny.mandates()[4]
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_node("law:law-30822", kind="law", record=law, date=law.date, note=None)
    graph.add_node("body:fenacrep", kind="body", record=tiny.body("fenacrep"))
    graph.add_edge(
        "body:fenacrep",
        "law:law-30822",
        relation="mandate",
        period=mandate.period,
        citations=mandate.citations,
        mandate=mandate,
    )
    path = tmp_path / "graph.graphml"
    path.write_text(graphml.text(graph), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.nodes["law:law-30822"] == {
        "label": "Law 30822",
        "kind": "law",
        "record": "law-30822",
        "date": "2018-07",
    }
    assert back.nodes["body:fenacrep"]["label"] == tiny.body("fenacrep").name
    ((_, _, data),) = back.edges(data=True)
    assert data["period_start"] == "1992/1993"
    assert "period_end" in data
    assert data["citations"] == "study, §1.2"
    assert data["mandate"] == mandate.key


# --- atomic writes ---------------------------------------------------------------------------


def test_write_atomic_writes_text_and_bytes(tmp_path: Path) -> None:
    """Text is written as UTF-8, bytes as they are, with no temporary file left."""
    write_atomic(tmp_path / "a.txt", "año")
    write_atomic(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "año"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.bin"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (".", "is a directory"),
        ("missing/out.json", "does not exist"),
        ("file.txt/out.json", "does not exist"),
    ],
)
def test_write_atomic_refuses(tmp_path: Path, target: str, message: str) -> None:
    """A directory or a missing folder raises OutputError and writes nothing."""
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match=message):
        write_atomic(tmp_path / target, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_write_atomic_unwritable_folder(tmp_path: Path) -> None:
    """A folder the process may not write to raises OutputError, for root too."""
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    # root ignores permission bits; sysfs refuses new files even to root
    folder = locked if os.geteuid() != 0 else Path("/sys")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(folder / "coophistory-out.json", "x")
    assert list(locked.iterdir()) == []


def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export interrupted mid-way leaves the existing file whole and no temporary file."""
    target = tmp_path / "history.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export.write(coophistory.load(TINY), "json", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["history.json"]


def test_write_keeps_permissions_of_an_existing_file(tmp_path: Path) -> None:
    """Replacing a file keeps its mode; a new file gets the usual mode, not the temp file's 0600."""
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o644
    write_atomic(tmp_path / "fresh.json", "new")
    assert (tmp_path / "fresh.json").stat().st_mode & 0o044


def test_unknown_format() -> None:
    """An unknown format is a ValueError naming the known ones."""
    with pytest.raises(ValueError, match="json, csv, jsonld"):
        export.write(coophistory.load(TINY), "yaml", "x.yaml")
    assert json.loads(lossless.json_text({"a": "ñ"})) == {"a": "ñ"}
