"""The ``dot`` back end: running Graphviz's ``dot`` ourselves and writing what it makes.

``dot`` runs as a child we own: its messages are captured and never reach the user (a failure
is one line of ours), and if we are interrupted while it runs it is killed and reaped.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import BinaryIO, Final, overload

import graphviz

from coophistory.errors import OutputError, RenderError
from coophistory.files import Destination, check_writable, write_output
from coophistory.i18n import N_

__all__ = ["FORMATS", "write"]

#: The file extensions :func:`write` knows, and the Graphviz format each one asks for.
FORMATS: Final = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
INSTALL: Final = N_(
    "Graphviz's dot program was not found on PATH; install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "conda: conda install graphviz) or write a .dot file instead"
)


@overload
def write(
    diagram: graphviz.Digraph, path: str | os.PathLike[str], fmt: str | None = None
) -> Path: ...
@overload
def write(diagram: graphviz.Digraph, path: BinaryIO, fmt: str | None = None) -> None: ...
def write(diagram: graphviz.Digraph, path: Destination, fmt: str | None = None) -> Path | None:
    """Write a diagram to ``path`` in ``fmt`` (svg, png, pdf, dot), by default its extension's.

    A regular file is written whole or not at all (a temporary file in the same folder, then
    renamed; through a symbolic link, the file it points to); a character device or a FIFO is
    written directly; ``path`` may be an open binary stream (then ``fmt`` is needed). Raises
    OutputError for an unknown format or a path that cannot be written, and RenderError when
    Graphviz's ``dot`` program is missing or fails.
    """
    known = sorted(set(FORMATS.values()))
    if fmt is None:
        if not isinstance(path, str | os.PathLike):
            raise OutputError.worded(
                N_("writing a diagram to a stream needs a format: one of {formats}"),
                formats=", ".join(known),
            )
        fmt = FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            extensions = ", ".join(FORMATS)
            shown = os.fspath(path)
            raise OutputError.worded(
                N_("cannot tell the format of {path}: use one of {extensions}"),
                path=repr(shown),
                extensions=extensions,
            )
    elif fmt not in known:
        raise OutputError.worded(
            N_("unknown diagram format {format}: use one of {formats}"),
            format=repr(fmt),
            formats=", ".join(known),
        )
    if isinstance(path, str | os.PathLike):
        check_writable(path)
    data = diagram.source.encode("utf-8") if fmt == "dot" else _run_dot(diagram.source, fmt)
    return write_output(path, data)


def _run_dot(source: str, fmt: str) -> bytes:
    """Run ``dot -T<fmt>`` on ``source`` and return what it prints.

    Graphviz's own messages are captured and never shown: a failure is one line of ours. If we
    are interrupted (Ctrl-C) or fail while ``dot`` runs, it is killed and reaped, never orphaned.
    """
    try:
        process = subprocess.Popen(
            ["dot", f"-T{fmt}"],  # noqa: S607 - Graphviz's dot, found on PATH as documented
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError as err:
        raise RenderError.worded(INSTALL) from err
    except OSError as err:
        raise RenderError.worded(
            N_("cannot run Graphviz's dot: {reason}"), reason=err.strerror or str(err)
        ) from err
    try:
        output, messages = process.communicate(source.encode("utf-8"))
    except BaseException:
        process.kill()
        process.wait()
        raise
    if process.returncode != 0:
        raise _failure(process.returncode, messages)
    return output


def _failure(status: int, messages: bytes) -> RenderError:
    """One line saying why dot failed, in our words (its own text may be long or hostile)."""
    if b"longer than 16384" in messages:
        return RenderError.worded(
            N_(
                "Graphviz's dot could not render the diagram: a label is longer than the 16,384 "
                "characters Graphviz allows; shorten the text, or write the .dot source instead"
            )
        )
    if status < 0:
        return RenderError.worded(
            N_(
                "Graphviz's dot was stopped by signal {signal} without rendering the diagram; "
                "write the .dot source to see it"
            ),
            signal=-status,
        )
    return RenderError.worded(
        N_(
            "Graphviz's dot exited with status {status} without rendering the diagram; write "
            "the .dot source to see it"
        ),
        status=status,
    )
