"""The ``dot`` back end: writing a diagram to a file in the format its extension names."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import graphviz

from coophistory.errors import OutputError, RenderError
from coophistory.files import check_writable, write_atomic

__all__ = ["FORMATS", "write"]

#: The file extensions :func:`write` knows, and the Graphviz format each one asks for.
FORMATS: Final = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
INSTALL: Final = (
    "Graphviz's dot program was not found on PATH; install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "conda: conda install graphviz) or write a .dot file instead"
)


def write(diagram: graphviz.Digraph, path: str | os.PathLike[str]) -> Path:
    """Write a diagram to ``path`` in the format its extension names (.svg, .png, .pdf, .dot).

    The file is written whole or not at all (a temporary file in the same folder, then
    renamed). Raises OutputError for an unknown extension or a path that cannot be written,
    and RenderError when Graphviz's ``dot`` program is missing or fails.
    """
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        raise OutputError(f"cannot tell the format of {str(target)!r}: use one of {known}")
    check_writable(target)
    data = diagram.source.encode("utf-8") if fmt == "dot" else _pipe(diagram, fmt)
    return write_atomic(target, data)


def _pipe(diagram: graphviz.Digraph, fmt: str) -> bytes:
    try:
        return diagram.pipe(format=fmt)  # type: ignore[no-any-return]
    except graphviz.ExecutableNotFound as err:
        raise RenderError(INSTALL) from err
    except graphviz.CalledProcessError as err:
        stderr = err.stderr.decode("utf-8", "replace") if err.stderr else ""
        raise RenderError(f"Graphviz's dot failed to render the diagram: {stderr.strip()}") from err
