"""The shape of the house: which module may import what, how long a module may grow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "coophistory"
MODULES = sorted(SRC.rglob("*.py"))
MAX_LINES = 400


def _name(path: Path) -> str:
    return ".".join(path.relative_to(SRC.parent).with_suffix("").parts)


def _imported(path: Path) -> set[str]:
    """The top-level packages a module imports anywhere in it (typing-only imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_the_modules_are_found() -> None:
    """The checks below see every module, the packages' too."""
    names = {_name(p) for p in MODULES}
    assert {"coophistory.graph", "coophistory.render.style", "coophistory.loading"} <= {
        n.removesuffix(".__init__") for n in names
    }


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_networkx_only_in_the_graph_module(path: Path) -> None:
    """Networkx is imported by coophistory.graph and nowhere else."""
    if _name(path) != "coophistory.graph":
        assert "networkx" not in _imported(path)


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_graphviz_only_in_the_render_package(path: Path) -> None:
    """Graphviz is imported inside coophistory.render and nowhere else."""
    if not _name(path).startswith("coophistory.render."):
        assert "graphviz" not in _imported(path)


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_documentation_tooling_in_the_package(path: Path) -> None:
    """The site's generators live in docs/gen/, outside the wheel: no module imports them."""
    assert not _imported(path) & {"mkdocs", "griffe", "mkdocstrings", "docs"}


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_module_is_short_and_says_its_concern(path: Path) -> None:
    """Each module holds one concern: at most about 400 lines, opening with a one-line summary."""
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES
    docstring = ast.get_docstring(ast.parse(text), clean=False)
    assert docstring, "no module docstring"
    summary = docstring.splitlines()[0]
    assert summary.strip(), "the docstring does not open with its summary"
    assert summary.endswith("."), f"the summary is not one sentence on one line: {summary!r}"
