"""The CLI's ``render`` command and the GraphML export, through the command line."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import coophistory
from coophistory import export

from .conftest import TINY
from .test_cli import DATA, assert_user_error, call


@pytest.mark.parametrize(
    ("view", "options"),
    [
        ("handovers", []),
        ("timeline", ["--from", "1960", "--to", "2020"]),
        ("snapshot", ["--on", "2000-01-01"]),
        ("lanes", ["--function", "promotion"]),
    ],
)
def test_render_writes_dot(
    view: str, options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each view renders to a .dot file (no dot binary needed), printing nothing."""
    target = tmp_path / f"{view}.dot"
    status, out, err = call(capsys, *DATA, "render", view, "-o", str(target), *options)
    assert (status, out, err) == (0, "", "")
    assert "digraph" in target.read_text(encoding="utf-8")


@pytest.mark.dot
def test_render_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With Graphviz installed, the format follows the extension."""
    target = tmp_path / "handovers.svg"
    status, _, err = call(capsys, *DATA, "render", "handovers", "-o", str(target))
    assert status == 0, err
    assert "<svg" in target.read_text(encoding="utf-8")


def test_render_user_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A snapshot without --on, a bad date, or an unwritable path: one line, non-zero."""
    status, _, err = call(capsys, *DATA, "render", "snapshot", "-o", str(tmp_path / "s.dot"))
    assert_user_error(status, err, "render snapshot needs --on DATE")
    status, _, err = call(
        capsys, *DATA, "render", "snapshot", "--on", "20x0", "-o", str(tmp_path / "s.dot")
    )
    assert_user_error(status, err, "invalid date '20x0'")
    status, _, err = call(
        capsys, *DATA, "render", "handovers", "-o", str(tmp_path / "missing" / "h.dot")
    )
    assert_user_error(status, err)


def test_graphml_export_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The exported GraphML reads back in networkx with every node and edge of the graph."""
    target = tmp_path / "history.graphml"
    status, _, err = call(capsys, *DATA, "export", "graphml", "-o", str(target))
    assert status == 0, err
    graph = coophistory.load(TINY).graph
    back = nx.read_graphml(target, force_multigraph=True)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["body:sbs"]["kind"] == "body"
    assert back.nodes["body:sbs"]["record"] == "sbs"


def test_graphml_of_bundled_data(bundled: coophistory.History, tmp_path: Path) -> None:
    """The bundled history's graph is written and read back."""
    path = export.write(bundled, "graphml", tmp_path / "bundled.graphml")
    assert (
        nx.read_graphml(path, force_multigraph=True).number_of_nodes()
        == bundled.graph.number_of_nodes()
    )
