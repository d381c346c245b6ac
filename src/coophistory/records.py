"""The typed records of the history: sources, bodies, cooperative types, laws, mandates, events.

Every record is a frozen, slotted attrs class, built with keywords; references between records
are ids, resolved by :class:`coophistory.History`. These classes are the one statement of the
data file's schema: each table's keys are a class's fields, in the order a curator writes them,
required when they have no default; field metadata says what loading checks beyond the types
(ids, references, non-empty lists, years). Loading, the lossless export and the CSV columns
are derived from them (:mod:`coophistory.schema`).
"""

from __future__ import annotations

from typing import Final, Literal

import attrs
import pendulum

from coophistory import prose
from coophistory.dates import HistoricalDate
from coophistory.periods import Period

__all__ = [
    "FLAT",
    "FUNCTIONS",
    "HOLDS",
    "ID",
    "LAW_KINDS",
    "NON_EMPTY",
    "SCHEMA_VERSION",
    "TABLES",
    "YEAR",
    "Body",
    "Citation",
    "Claim",
    "Conflict",
    "CoopType",
    "Event",
    "Figure",
    "FormerName",
    "Function",
    "Handover",
    "Law",
    "Mandate",
    "Records",
    "Source",
    "refers",
]

Function = Literal["supervision", "promotion"]
FUNCTIONS: Final[tuple[Function, ...]] = ("supervision", "promotion")
#: The relation a body holding each function has to a type (the graph's edge names).
HOLDS: Final[dict[Function, str]] = {"supervision": "supervises", "promotion": "promotes"}

# --- what loading needs beyond the types: stated on the fields, read by coophistory.schema ---

#: An id: lowercase kebab-case, unique within its table.
ID: Final = {"id": True}
#: A list that must hold at least one item.
NON_EMPTY: Final = {"non_empty": True}
#: A year: a whole number from 1 to 9999.
YEAR: Final = {"year": True}
#: A record whose keys sit in its parent's table (a claim's ``source`` and ``locator``).
FLAT: Final = {"flat": True}


def refers(table: str) -> dict[str, object]:
    """The metadata of a field holding ids of records in ``table`` (checked on loading)."""
    return {"id": True, "refers": table}


LAW_KINDS: Final[dict[str, str]] = {
    "constitution": "Constitution",
    "code": "Code",
    "law": "Law",
    "decree-law": "Decree-Law",
    "legislative-decree": "Legislative Decree",
    "supreme-decree": "Supreme Decree",
    "ministerial-resolution": "Ministerial Resolution",
    "resolution": "Resolution",
    "bill": "Bill",
}


@attrs.frozen(kw_only=True)
class Source:
    """A citable document: a study, a law's text, a news item, a web page."""

    id: str = attrs.field(metadata=ID)
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = attrs.field(default=None, metadata=YEAR)
    url: str | None = None
    archived_url: str | None = None
    accessed: HistoricalDate | None = None
    kind: str | None = None
    language: str | None = None
    note: str | None = None

    def cite(self, locator: str, *, lang: str = "en") -> str:
        """How a reader sees a citation of it: ``Historia (FENACREP), history page``.

        >>> Source(id="s", title="Historia", publisher="FENACREP").cite("history page")
        'Historia (FENACREP), history page'
        """
        return prose.citation(self.title, self.publisher or self.author, locator, lang=lang)


@attrs.frozen
class Citation:
    """A pointer into a source: its id and a precise locator such as ``§1.2, fn 18``."""

    source: str = attrs.field(metadata=refers("sources"))
    locator: str

    def __str__(self) -> str:
        """Return ``source, locator``: how a citation reads when its source is not at hand."""
        return prose.citation(self.source, None, self.locator, lang="en")


@attrs.frozen(kw_only=True)
class FormerName:
    """A name a body went by until a date (the first day of its next name)."""

    name: str
    name_es: str | None = None
    acronym: str | None = None
    until: HistoricalDate


@attrs.frozen(kw_only=True)
class Body:
    """A public body or a federation, with the names it has borne."""

    id: str = attrs.field(metadata=ID)
    name: str
    name_es: str | None = None
    acronyms: tuple[str, ...] = ()
    kind: str
    founded: HistoricalDate | None = None
    dissolved: HistoricalDate | None = None
    created_by: str | None = attrs.field(default=None, metadata=refers("laws"))
    dissolved_by: str | None = attrs.field(default=None, metadata=refers("laws"))
    former_names: tuple[FormerName, ...] = ()
    citations: tuple[Citation, ...] = attrs.field(metadata=NON_EMPTY)
    conflicts: tuple[str, ...] = attrs.field(default=(), metadata=refers("conflicts"))
    note: str | None = None

    @property
    def acronym(self) -> str | None:
        """The present acronym, if it has one."""
        return self.acronyms[0] if self.acronyms else None

    def _former_on(self, day: pendulum.Date) -> FormerName | None:
        for former in sorted(self.former_names, key=lambda f: f.until):
            if former.until.earliest is not None and day < former.until.earliest:
                return former
        return None

    def name_on(self, day: pendulum.Date) -> str:
        """The English name the body bore on ``day``.

        A renaming takes effect on the earliest day its date may stand for.
        """
        former = self._former_on(day)
        return self.name if former is None else former.name

    def acronym_on(self, day: pendulum.Date) -> str | None:
        """The acronym the body used on ``day`` (CONASEV in 2000, SMV in 2015)."""
        former = self._former_on(day)
        return self.acronym if former is None else former.acronym

    def label_on(self, day: pendulum.Date) -> str:
        """The acronym of the day if it had one, else its name of the day."""
        return self.acronym_on(day) or self.name_on(day)


@attrs.frozen(kw_only=True)
class CoopType:
    """A kind of cooperative in the taxonomy rooted at ``cooperative``.

    An ``abstract`` type only groups others (``financial``): no cooperative is of it directly.
    """

    id: str = attrs.field(metadata=ID)
    name: str
    name_es: str | None = None
    parent: str | None = attrs.field(default=None, metadata=refers("coop_types"))
    aliases: tuple[str, ...] = ()
    abstract: bool = False
    citations: tuple[Citation, ...] = attrs.field(metadata=NON_EMPTY)
    note: str | None = None


@attrs.frozen(kw_only=True)
class Law:
    """A legal instrument: a law, decree, resolution or bill, with its dates kept apart."""

    id: str = attrs.field(metadata=ID)
    kind: str
    number: str
    title: str
    title_es: str | None = None
    promulgated: HistoricalDate | None = None
    published: HistoricalDate | None = None
    in_force: HistoricalDate | None = None
    citations: tuple[Citation, ...] = attrs.field(metadata=NON_EMPTY)
    conflicts: tuple[str, ...] = attrs.field(default=(), metadata=refers("conflicts"))
    note: str | None = None
    note_es: str | None = None

    @property
    def date(self) -> HistoricalDate | None:
        """The earliest known of its promulgation, publication and entry into force."""
        known = [d for d in (self.promulgated, self.published, self.in_force) if d is not None]
        return min(known) if known else None

    @property
    def label(self) -> str:
        """How a reader names it, e.g. ``Law 30822`` or ``Supreme Decree 004-91-TR``."""
        return f"{LAW_KINDS.get(self.kind, self.kind.title())} {self.number}"


@attrs.frozen(kw_only=True)
class Mandate:
    """A body holding a function over cooperative types for a half-open period, on a legal basis."""

    id: str | None = attrs.field(default=None, metadata=ID)
    body: str = attrs.field(metadata=refers("bodies"))
    delegated_by: str | None = attrs.field(default=None, metadata=refers("bodies"))
    function: Function
    coop_types: tuple[str, ...] = attrs.field(metadata=refers("coop_types") | NON_EMPTY)
    start: HistoricalDate
    end: HistoricalDate | None = None
    basis: tuple[str, ...] = attrs.field(default=(), metadata=refers("laws"))
    joint: bool = False
    citations: tuple[Citation, ...] = attrs.field(metadata=NON_EMPTY)
    conflicts: tuple[str, ...] = attrs.field(default=(), metadata=refers("conflicts"))
    note: str | None = None

    @property
    def key(self) -> str:
        """A key unique within a valid history: its id, or body, function, types and start."""
        if self.id is not None:
            return self.id
        return f"{self.body}/{self.function}/{'+'.join(self.coop_types)}/{self.start}"

    @property
    def label(self) -> str:
        """A short description, e.g. ``fenacrep → savings-and-credit``."""
        return f"{self.body} → {', '.join(self.coop_types)}"

    @property
    def period(self) -> Period:
        """The half-open period in which it applies, with its uncertainty windows."""
        return Period(self.start, self.end)


@attrs.frozen(kw_only=True)
class Figure:
    """A number reported by an event, with its unit and the date it describes."""

    value: float
    unit: str
    label: str
    as_of: HistoricalDate | None = None


@attrs.frozen(kw_only=True)
class Event:
    """A dated happening: a founding, a reform, a census, a programme, a reported figure."""

    id: str = attrs.field(metadata=ID)
    date: HistoricalDate
    kind: str
    title: str
    title_es: str | None = None
    description: str | None = None
    description_es: str | None = None
    bodies: tuple[str, ...] = attrs.field(default=(), metadata=refers("bodies"))
    coop_types: tuple[str, ...] = attrs.field(default=(), metadata=refers("coop_types"))
    laws: tuple[str, ...] = attrs.field(default=(), metadata=refers("laws"))
    figures: tuple[Figure, ...] = ()
    citations: tuple[Citation, ...] = attrs.field(metadata=NON_EMPTY)
    conflicts: tuple[str, ...] = attrs.field(default=(), metadata=refers("conflicts"))


@attrs.frozen
class Claim:
    """One source's side of a disagreement."""

    value: str
    citation: Citation = attrs.field(metadata=FLAT)
    note: str | None = None
    value_es: str | None = None
    note_es: str | None = None


@attrs.frozen(kw_only=True)
class Conflict:
    """A fact on which sources disagree, each claim with its citation."""

    id: str = attrs.field(metadata=ID)
    title: str
    title_es: str | None = None
    description: str | None = None
    description_es: str | None = None
    span: HistoricalDate | None = None
    claims: tuple[Claim, ...]
    preferred: str | None = None
    reason: str | None = None
    reason_es: str | None = None

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The citations of every claim."""
        return tuple(claim.citation for claim in self.claims)


@attrs.frozen
class Handover:
    """Derived: on ``date``, ``function`` over ``coop_types`` passed from some bodies to others.

    ``coop_types`` include their subtypes, except those in ``excluding``, which stayed.
    ``from_bodies`` and ``to_bodies`` are Body records, as an Answer's ``bodies`` are.
    """

    date: HistoricalDate
    function: Function
    coop_types: tuple[str, ...]
    from_bodies: tuple[Body, ...]
    to_bodies: tuple[Body, ...]
    excluding: tuple[str, ...]
    basis: tuple[str, ...]
    citations: tuple[Citation, ...]
    mandates: tuple[Mandate, ...] = attrs.field(eq=False, repr=False, default=())


SCHEMA_VERSION: Final = 1
TABLES: Final = ("sources", "bodies", "coop_types", "laws", "mandates", "events", "conflicts")


@attrs.frozen
class Records:
    """Every record of a validated history, in file order (files in the order given)."""

    schema_version: int
    dataset_version: str
    current_to: HistoricalDate | None
    sources: tuple[Source, ...]
    bodies: tuple[Body, ...]
    coop_types: tuple[CoopType, ...]
    laws: tuple[Law, ...]
    mandates: tuple[Mandate, ...]
    events: tuple[Event, ...]
    conflicts: tuple[Conflict, ...]
