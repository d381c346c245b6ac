"""What the bibliography formats share: each source's kind of item, and the answer's citations.

A source's ``kind`` (legislation, article-newspaper, report, webpage, book, post-weblog) picks
the item type of each format; an unknown or missing kind is a generic document. ``entries``
gives the entries an answer rests on, each with its citations' locators as pinpoints.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from coophistory import prose_analyst as prose
from coophistory.records import Citation, Source

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["BIBLIOGRAPHY_FORMATS", "ITEM_TYPES", "entries", "item_type", "pinpoints"]

# Source kind → (CSL-JSON type, BibLaTeX entry type, RIS type).
ITEM_TYPES: Final[Mapping[str, tuple[str, str, str]]] = {
    "legislation": ("legislation", "misc", "STAT"),
    "article-newspaper": ("article-newspaper", "article", "NEWS"),
    "report": ("report", "report", "RPRT"),
    "webpage": ("webpage", "online", "ELEC"),
    "book": ("book", "book", "BOOK"),
    "post-weblog": ("post-weblog", "online", "BLOG"),
}
_GENERIC: Final = ("document", "misc", "GEN")
_FORMATS = ("csl-json", "bibtex", "ris")
BIBLIOGRAPHY_FORMATS: Final = {"csl-json": "csljson", "bibtex": "bibtex", "ris": "ris"}


def item_type(source: Source, fmt: str) -> str:
    """The item type of ``source`` in a format (``csl-json``, ``bibtex`` or ``ris``)."""
    return ITEM_TYPES.get(source.kind or "", _GENERIC)[_FORMATS.index(fmt)]


def pinpoints(citations: Iterable[Citation]) -> dict[str, str]:
    """Each cited source's id, in order of first citation, with its locators as a note."""
    locators: dict[str, list[str]] = {}
    for citation in citations:
        seen = locators.setdefault(citation.source, [])
        if citation.locator not in seen:
            seen.append(citation.locator)
    return {ident: prose.pinpoint("; ".join(found)) for ident, found in locators.items()}


def entries(history: History, citations: Iterable[Citation], fmt: str) -> str:
    """The entries of the cited sources in ``fmt``, each with its locators as pinpoints."""
    notes = pinpoints(citations)
    sources = [history.source(ident) for ident in notes]
    module = importlib.import_module(f"coophistory.export.{BIBLIOGRAPHY_FORMATS[fmt]}")
    text: str = module.render_sources(sources, notes)
    return text
