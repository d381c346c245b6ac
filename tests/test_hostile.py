"""Hostile names reach every export intact and inert, and writes touch nothing but their target."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib

import coophistory
from coophistory import export, render
from coophistory.text import show_controls

from .conftest import tiny_variant

# DOT, HTML, CSV-formula, JSON and terminal syntax in one name, with a control character.
HOSTILE = '=cmd|"/C calc"!A0 <b>&amp;</b> \\N ]; node [ {"@id": "x"} \x1b[31m'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> coophistory.History:
    """The tiny world with the Ministry of Labor given the hostile name."""
    toml_name = json.dumps(HOSTILE)  # a JSON string literal is a valid TOML basic string here
    folder = tmp_path_factory.mktemp("hostile")
    path = tiny_variant(folder, 'name = "Ministry of Labor"', f"name = {toml_name}")
    history = coophistory.load(path)
    assert history.body("ministry-of-labor").name == HOSTILE
    return history


def test_jsonld_keeps_the_name_as_a_literal(hostile: coophistory.History, tmp_path: Path) -> None:
    """JSON-LD escapes the name; rdflib reads it back as one plain literal, no new nodes."""
    path = export.write(hostile, "jsonld", tmp_path / "h.jsonld")
    graph = rdflib.Graph().parse(path, format="json-ld")
    literals = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
    assert HOSTILE in literals
    assert not any(str(s) == "x" or str(s).endswith("/x") for s in graph.subjects())


def test_graphml_keeps_the_name(hostile: coophistory.History, tmp_path: Path) -> None:
    """GraphML labels nodes with the name, its control character shown as an escape."""
    path = export.write(hostile, "graphml", tmp_path / "h.graphml")
    graph = nx.read_graphml(path)
    assert graph.nodes["body:ministry-of-labor"]["label"] == show_controls(HOSTILE)
    assert graph.nodes["law:law-30822"]["label"] == "Law 30822"


def test_csv_neutralises_the_formula(hostile: coophistory.History, tmp_path: Path) -> None:
    """A name that starts like a spreadsheet formula is written with a leading quote."""
    path = export.write(hostile, "csv", tmp_path / "bodies.csv", table="bodies")
    with path.open(encoding="utf-8", newline="") as stream:
        names = [row["name"] for row in csv.DictReader(stream)]
    assert "'" + HOSTILE in names
    assert HOSTILE not in names


def test_json_round_trip_keeps_the_name(hostile: coophistory.History, tmp_path: Path) -> None:
    """The lossless export loses nothing of a hostile name."""
    path = export.write(hostile, "json", tmp_path / "h.json")
    assert coophistory.load(path) == hostile


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_export_writes_only_its_target(
    hostile: coophistory.History, tmp_path: Path, fmt: str
) -> None:
    """An export leaves exactly one file behind: the one asked for."""
    target = tmp_path / f"out.{fmt}"
    export.write(hostile, fmt, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.dot
def test_render_writes_only_its_target(hostile: coophistory.History, tmp_path: Path) -> None:
    """A diagram leaves exactly one file behind, and a failed write leaves none."""
    render.write(render.handovers(hostile), tmp_path / "h.svg")
    with pytest.raises(coophistory.OutputError):
        render.write(render.handovers(hostile), tmp_path / "missing" / "h.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.svg"]
