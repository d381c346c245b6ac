"""Exports of a history: a registry of formats, one module each, imported only when used.

``json`` is the lossless document (:mod:`~coophistory.export.lossless`) that
``coophistory.load`` reads back; ``csv`` is one table (:mod:`~coophistory.export.tables`);
``jsonld`` (:mod:`~coophistory.export.jsonld`), ``graphml``
(:mod:`~coophistory.export.graphml`) and ``timelinejs`` (:mod:`~coophistory.export.timelinejs`)
feed other tools; ``csl-json``, ``bibtex`` and ``ris`` write every source as a bibliography
entry (:mod:`~coophistory.export.cite`); ``html`` is the offline explorer page
(:mod:`~coophistory.export.html`). Each module has ``render(history, **options) -> str``.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, overload

from coophistory import arguments
from coophistory.errors import UnknownChoiceError
from coophistory.records import TABLES

if TYPE_CHECKING:
    from coophistory.files import Destination
    from coophistory.history import History

__all__ = ["CSV_TABLES", "FORMATS", "write"]

#: The export formats, each with the module that writes it.
FORMATS: Final = {
    "json": "lossless",
    "csv": "tables",
    "jsonld": "jsonld",
    "graphml": "graphml",
    "timelinejs": "timelinejs",
    "csl-json": "csljson",
    "bibtex": "bibtex",
    "ris": "ris",
    "html": "html",
}
#: The tables ``csv`` writes: every table of the data, the derived handovers, and the figures.
CSV_TABLES: Final = (*TABLES, "handovers", "figures")


@overload
def write(history: History, fmt: str, path: str | os.PathLike[str], **options: Any) -> Path: ...
@overload
def write(history: History, fmt: str, path: BinaryIO, **options: Any) -> None: ...
def write(history: History, fmt: str, path: Destination, **options: Any) -> Path | None:
    """Write ``history`` to ``path`` in one of FORMATS; options go to the format.

    ``csv`` takes ``table=``, ``jsonld`` takes ``base=``. An unknown format raises
    UnknownChoiceError (also a ValueError) naming the formats there are. A regular file is
    replaced atomically (through a symbolic link, the file it points to); a character device
    or a FIFO is written directly; ``path`` may also be an open binary stream such as
    ``sys.stdout.buffer``. Returns the file written, or None for a stream (see
    ``coophistory.files.write_output``).
    """
    from coophistory.files import write_output  # noqa: PLC0415 - off the `who` path

    arguments.name(fmt, "an export format")
    if fmt not in FORMATS:
        raise UnknownChoiceError("export format", fmt, tuple(FORMATS))
    module = importlib.import_module(f"coophistory.export.{FORMATS[fmt]}")
    text: str = module.render(history, **options)
    return write_output(path, text)
