"""The curator's review of the bundled data: what a researcher could not check.

Two questions are asked of a :class:`~coophistory.History`, using only its public records:

- which records rest only on sources nobody has read (no ``accessed`` day), unless the
  record's note (an event's or conflict's description) says why it is kept, in a sentence
  beginning "Kept because", "Kept although", "Kept though", "Kept since" or "Kept as";
- which citations point at a whole document or only at a top-level section, rather than at a
  place inside it (see :func:`is_pinpointed`).

>>> import coophistory
>>> h = coophistory.load()
>>> [c.locator for c in coarse_citations(h, source="context-study")]
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from coophistory.history import History
from coophistory.records import Body, Citation, Conflict, CoopType, Event, Law, Mandate, Source

__all__ = [
    "TABLES",
    "Finding",
    "coarse_citations",
    "is_pinpointed",
    "resting_on_unread",
    "unread_sources",
]

Cited = Body | CoopType | Law | Mandate | Event | Conflict

#: The tables whose records carry citations (a conflict's are those of its claims).
TABLES: Final[tuple[str, ...]] = ("bodies", "coop_types", "laws", "mandates", "events", "conflicts")

# A locator is pinpointed when it names one of these places inside a document. A section
# counts only with a subsection (§1.2, not §1); a paragraph, page, article, numeral, footnote,
# figure or table needs its number; a list item, example or table row is named in quotes.
_PLACES: Final[tuple[str, ...]] = (
    r"§\s*\d+\.\d+",  # a subsection: §1.2, §2.3.1
    r"\b(?:fn|footnotes?|notes?)\.?\s*\d+",  # a footnote: fn 15, note 3
    r"\b(?:tables?|figures?|slides?)\s+\d+",  # a table, figure or slide by number
    r"\b(?:sidebar|box|chart)\b",  # a set-off element of a page
    r"\b(?:pp?\.|pages?)\s*\d+",  # a page: p. 26, pages 4-6, issuu page 207
    r"\b(?:para(?:graph)?s?\.?)\s*\d+",  # a paragraph by number: para 3, paragraphs 1-2
    r"\b(?:opening|first|last|closing|final)\s+paragraphs?\b",  # a paragraph by position
    r"\b(?:entry|paragraph)\s+(?:of|dated)\s+\d{4}",  # a date-stamped entry or paragraph
    r"\b(?:arts?\.|articles?)\s*\d+",  # an article: art. 26, arts. 1-2
    r"\bnumerals?\s+\d+",  # a numeral of an article
    r"\b(?:final|transitional|complementary)\s+(?:and\s+\w+\s+)?provisions?\b",
    r"\b(?:preamble|recitals|heading|header|closing formula|date line|repeal clause)\b",
    r"\brecitals?\s+\d+",  # a numbered recital (considerando) of a resolution or decree
    r"\b(?:passage|paragraphs|provision)\s+on\s+\w+",  # a passage named by its subject
    r"\bsection\s+[A-Z0-9](?:\.\d+)*\b",  # a lettered or numbered section of a page: section A
    r"\b(?:rows?|items?|examples?)\s+'",  # a table row, list item or dated example, quoted
)
_PLACE: Final = re.compile("|".join(_PLACES), re.IGNORECASE)
_KEPT: Final = re.compile(r"\bKept (?:because|although|though|since|as)\b", re.IGNORECASE)


@attrs.frozen
class Finding:
    """One record the review flags, with the citations that make it flagged."""

    table: str
    record: str
    citations: tuple[Citation, ...]

    def __str__(self) -> str:
        """Return ``table record: source, locator; …``."""
        return f"{self.table} {self.record}: " + "; ".join(str(c) for c in self.citations)


def is_pinpointed(locator: str) -> bool:
    """Whether a locator names a place inside its document, not the whole or a top-level part.

    >>> [is_pinpointed(x) for x in ("§1.1.2, para 2", "§1, fn 5", "§2.3.1, Table 1, row 'Mining'")]
    [True, True, True]
    >>> [is_pinpointed(x) for x in ("§1", "news item", "history page", "text of the decree")]
    [False, False, False, False]
    >>> is_pinpointed("news item of 2026-01-26, paragraphs 1-3"), is_pinpointed("art. 26")
    (True, True)
    """
    return _PLACE.search(locator) is not None


def _records(history: History) -> Iterator[tuple[str, str, Cited]]:
    records = history.records
    for table in TABLES:
        record: Cited
        for record in getattr(records, table):
            name = record.key if isinstance(record, Mandate) else record.id
            yield table, name, record


def _explains_why_kept(record: Cited) -> bool:
    text = record.description if isinstance(record, Event | Conflict) else record.note
    return text is not None and _KEPT.search(text) is not None


def unread_sources(history: History) -> tuple[Source, ...]:
    """The sources without an ``accessed`` day: nobody has recorded reading them."""
    return tuple(s for s in history.records.sources if s.accessed is None)


def resting_on_unread(history: History) -> tuple[Finding, ...]:
    """The records whose every citation is of an unread source, unless their note says why.

    A conflict counts as a record whose citations are those of its claims.
    """
    unread = {s.id for s in unread_sources(history)}
    return tuple(
        Finding(table, name, record.citations)
        for table, name, record in _records(history)
        if record.citations
        and all(c.source in unread for c in record.citations)
        and not _explains_why_kept(record)
    )


def coarse_citations(history: History, source: str | None = None) -> tuple[Finding, ...]:
    """The citations (of ``source`` only, if given) whose locator is not pinpointed.

    One finding per record, listing its coarse citations. A ``source`` that the history does
    not hold raises UnknownNameError, with the close ids.
    """
    if source is not None:
        history.source(source)
    found = []
    for table, name, record in _records(history):
        coarse = tuple(
            c
            for c in record.citations
            if (source is None or c.source == source) and not is_pinpointed(c.locator)
        )
        if coarse:
            found.append(Finding(table, name, coarse))
    return tuple(found)
