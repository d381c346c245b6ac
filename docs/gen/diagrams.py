"""The diagrams the documentation shows, written by ``make diagrams`` into docs/diagrams/.

Each is written as ``.dot`` (committed; ``tests/test_render.py`` fails when it is stale) and
``.svg`` (what the pages show).
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import graphviz

from coophistory import History, load, render

__all__ = ["DOCS_DIAGRAMS", "main", "write_docs_diagrams"]

#: The diagrams the documentation shows, by file stem, each built from a history alone.
DOCS_DIAGRAMS: Final[dict[str, Callable[[History], graphviz.Digraph]]] = {
    "handovers": render.handovers,
    "lanes": render.lanes,
    "timeline": render.timeline,
    # The Spanish pages' diagrams (docs/*.es.md).
    "handovers.es": functools.partial(render.handovers, lang="es"),
    "lanes.es": functools.partial(render.lanes, lang="es"),
}


def write_docs_diagrams(history: History, folder: str | os.PathLike[str]) -> list[Path]:
    """Write each of DOCS_DIAGRAMS as ``<name>.dot`` (checked for staleness) and ``<name>.svg``."""
    written = []
    for name, draw in DOCS_DIAGRAMS.items():
        diagram = draw(history)
        for suffix in (".dot", ".svg"):
            written.append(render.write(diagram, Path(folder) / f"{name}{suffix}"))
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Write the documentation's diagrams: ``python -m docs.gen.diagrams docs/diagrams``."""
    parser = argparse.ArgumentParser(prog="python -m docs.gen.diagrams", description=main.__doc__)
    parser.add_argument("folder", type=Path, help="where to write the .dot and .svg files")
    parser.add_argument("data", nargs="*", help="data files (default: the bundled data)")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    for path in write_docs_diagrams(load(*args.data), args.folder):
        print(path)  # noqa: T201 - the command reports what it wrote


if __name__ == "__main__":
    main()
