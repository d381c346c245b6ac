"""JSON-LD export, inline ``@context``: W3C vocabularies where they fit, ``ch:`` for the rest.

Bodies are ``org:Organization``; handovers, foundings and dissolutions ``org:ChangeEvent``;
sources ``prov:Entity`` and every citation a ``prov:Derivation`` (qualified by a locator);
titles ``dcterms:title``; dates EDTF literals; mandates, laws, cooperative types, events and
conflicts use the small vocabulary documented in ``docs/jsonld.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, urlsplit

from coophistory import arguments
from coophistory.errors import InvalidOptionError
from coophistory.export.lossless import json_text
from coophistory.i18n import N_
from coophistory.records import FUNCTIONS

if TYPE_CHECKING:
    from coophistory.dates import HistoricalDate
    from coophistory.history import History
    from coophistory.records import (
        Body,
        Citation,
        Conflict,
        CoopType,
        Event,
        Handover,
        Law,
        Mandate,
        Source,
    )

__all__ = ["CONTEXT", "DEFAULT_BASE", "VOCAB", "check_base", "document", "render"]

DEFAULT_BASE: Final = "urn:coophistory:"
VOCAB: Final = "urn:coophistory:vocab:"
EDTF: Final = "http://id.loc.gov/datatypes/edtf/EDTF"

CONTEXT: Final[dict[str, Any]] = {
    "ch": VOCAB,
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "edtf": "http://id.loc.gov/datatypes/edtf/",
}


# An IRI scheme (RFC 3987 keeps RFC 3986's) and the characters no IRI may hold.
_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_NOT_IN_IRI: Final = re.compile(r'[\x00-\x20\x7f<>"{}|\\^`]')
_BASE_EXPECTED: Final = N_(
    "an absolute IRI with a scheme and an authority, ending in / or #, "
    "such as https://example.org/id/"
)


def check_base(base: str) -> str:
    """``base`` if it can prefix record IRIs: the default, or an absolute IRI ending in / or #.

    Anything else raises InvalidOptionError (a ValueError):

    >>> check_base("https://example.org/coop#")
    'https://example.org/coop#'
    >>> check_base("example.org/")
    Traceback (most recent call last):
    coophistory.errors.InvalidOptionError: invalid base 'example.org/': expected an absolute IRI \
with a scheme and an authority, ending in / or #, such as https://example.org/id/
    """
    arguments.name(base, "base")
    if base == DEFAULT_BASE:
        return base
    parts = urlsplit(base)
    if (
        not _SCHEME.fullmatch(parts.scheme)
        or not parts.netloc
        or not base.endswith(("/", "#"))
        or _NOT_IN_IRI.search(base)
    ):
        raise InvalidOptionError("base", base, _BASE_EXPECTED)
    return base


def render(history: History, base: str = DEFAULT_BASE) -> str:
    """Return the JSON-LD text of the history, record IRIs under ``base``."""
    return json_text(document(history, base))


def document(history: History, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """Return the JSON-LD document: an inline context and a graph of every record.

    ``base`` is checked by :func:`check_base`.
    """
    check_base(base)
    return {"@context": CONTEXT, "@graph": _Builder(history, base).nodes()}


class _Builder:
    """Turns records into JSON-LD nodes, naming each record by an IRI under one base."""

    def __init__(self, history: History, base: str) -> None:
        self.history = history
        self.base = base
        self.changes: dict[str, list[dict[str, str]]] = {}

    def iri(self, kind: str, ident: str) -> dict[str, str]:
        return {"@id": f"{self.base}{kind}/{quote(ident, safe='')}"}

    def refs(self, kind: str, idents: Sequence[str]) -> list[dict[str, str]]:
        return [self.iri(kind, i) for i in idents]

    def nodes(self) -> list[dict[str, Any]]:
        r = self.history.records
        nodes = [
            {
                **self.iri("dataset", "dataset"),
                "@type": ["prov:Entity", "ch:Dataset"],
                "ch:schemaVersion": r.schema_version,
                "owl:versionInfo": r.dataset_version,
            }
        ]
        handovers = [
            self.handover(number, handover)
            for function in FUNCTIONS
            for number, handover in enumerate(self.history.handovers(function=function), start=1)
        ]
        nodes += [self.source(s) for s in r.sources]
        for body in r.bodies:
            nodes += self.body(body)
        nodes += [self.coop_type(t) for t in r.coop_types]
        nodes += [self.law(law) for law in r.laws]
        nodes += [self.mandate(m) for m in r.mandates]
        nodes += [self.event(e) for e in r.events]
        nodes += [self.conflict(c) for c in r.conflicts]
        return nodes + handovers

    def cited(self, node: dict[str, Any], citations: tuple[Citation, ...]) -> dict[str, Any]:
        """Add ``prov:wasDerivedFrom`` and one qualified ``prov:Derivation`` per citation."""
        if citations:
            node["prov:wasDerivedFrom"] = _unique(self.iri("source", c.source) for c in citations)
            node["prov:qualifiedDerivation"] = [
                {
                    "@type": "prov:Derivation",
                    "prov:entity": self.iri("source", c.source),
                    "ch:locator": c.locator,
                }
                for c in citations
            ]
        return node

    def source(self, source: Source) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("source", source.id),
            "@type": ["prov:Entity", "dcterms:BibliographicResource"],
            "dcterms:identifier": source.id,
            "dcterms:title": source.title,
        }
        _put(node, "dcterms:creator", source.author)
        _put(node, "dcterms:publisher", source.publisher)
        if source.year is not None:
            node["dcterms:issued"] = {"@value": f"{source.year:04d}", "@type": "xsd:gYear"}
        if source.url is not None:
            node["rdfs:seeAlso"] = {"@id": source.url}
        _put(node, "skos:note", source.note)
        return node

    def body(self, body: Body) -> list[dict[str, Any]]:
        """Return the organization, and a ChangeEvent for its founding and its dissolution."""
        me = self.iri("body", body.id)
        node: dict[str, Any] = {
            **me,
            "@type": "org:Organization",
            "dcterms:identifier": body.id,
            "skos:prefLabel": _labels(body.name, body.name_es),
            "ch:bodyKind": body.kind,
        }
        if body.acronyms:
            node["skos:altLabel"] = list(body.acronyms)
        if body.former_names:
            node["ch:formerName"] = [
                {
                    "@type": "ch:FormerName",
                    "skos:prefLabel": _labels(f.name, f.name_es),
                    **({"skos:altLabel": f.acronym} if f.acronym else {}),
                    "ch:until": _date(f.until),
                }
                for f in body.former_names
            ]
        self.conflicted(node, body.conflicts)
        _put(node, "skos:note", body.note)
        events = []
        changed_by = list(self.changes.get(body.id, []))
        for role, date, law in (
            ("founded", body.founded, body.created_by),
            ("dissolved", body.dissolved, body.dissolved_by),
        ):
            if date is None and law is None:
                continue
            change: dict[str, Any] = {
                **self.iri("change", f"{role}-{body.id}"),
                "@type": "org:ChangeEvent",
                "ch:changeKind": role,
            }
            change[
                "org:resultingOrganization" if role == "founded" else "org:originalOrganization"
            ] = me
            if date is not None:
                change["dcterms:date"] = _date(date)
            if law is not None:
                change["prov:used"] = self.iri("law", law)
            changed_by.append({"@id": change["@id"]})
            if role == "founded":
                node["org:resultedFrom"] = {"@id": change["@id"]}
            events.append(change)
        if changed_by:
            node["org:changedBy"] = _unique(changed_by)
        return [self.cited(node, body.citations), *events]

    def coop_type(self, coop_type: CoopType) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("coop-type", coop_type.id),
            "@type": ["ch:CoopType", "skos:Concept"],
            "dcterms:identifier": coop_type.id,
            "skos:prefLabel": _labels(coop_type.name, coop_type.name_es),
            "ch:abstract": coop_type.abstract,
        }
        if coop_type.parent is not None:
            node["skos:broader"] = self.iri("coop-type", coop_type.parent)
        if coop_type.aliases:
            node["skos:altLabel"] = list(coop_type.aliases)
        _put(node, "skos:note", coop_type.note)
        return self.cited(node, coop_type.citations)

    def law(self, law: Law) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("law", law.id),
            "@type": ["ch:Law", "prov:Entity"],
            "dcterms:identifier": law.id,
            "ch:lawKind": law.kind,
            "ch:number": law.number,
            "rdfs:label": law.label,
            "dcterms:title": _labels(law.title, law.title_es),
        }
        for key, date in (
            ("ch:promulgated", law.promulgated),
            ("ch:published", law.published),
            ("ch:inForce", law.in_force),
        ):
            if date is not None:
                node[key] = _date(date)
        self.conflicted(node, law.conflicts)
        _put_told(node, "skos:note", law.note, law.note_es)
        return self.cited(node, law.citations)

    def mandate(self, mandate: Mandate) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("mandate", mandate.key),
            "@type": "ch:Mandate",
            "ch:body": self.iri("body", mandate.body),
            "ch:function": mandate.function,
            "ch:coopType": self.refs("coop-type", mandate.coop_types),
            "ch:start": _date(mandate.start),
            "ch:joint": mandate.joint,
        }
        if mandate.id is not None:
            node["dcterms:identifier"] = mandate.id
        if mandate.end is not None:
            node["ch:end"] = _date(mandate.end)
        if mandate.basis:
            node["ch:basis"] = self.refs("law", mandate.basis)
        if mandate.delegated_by is not None:
            node["ch:delegatedBy"] = self.iri("body", mandate.delegated_by)
        self.conflicted(node, mandate.conflicts)
        _put(node, "skos:note", mandate.note)
        return self.cited(node, mandate.citations)

    def event(self, event: Event) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("event", event.id),
            "@type": "ch:Event",
            "dcterms:identifier": event.id,
            "dcterms:date": _date(event.date),
            "ch:eventKind": event.kind,
            "dcterms:title": _labels(event.title, event.title_es),
        }
        _put_told(node, "dcterms:description", event.description, event.description_es)
        for key, kind, idents in (
            ("ch:body", "body", event.bodies),
            ("ch:coopType", "coop-type", event.coop_types),
            ("ch:law", "law", event.laws),
        ):
            if idents:
                node[key] = self.refs(kind, idents)
        if event.figures:
            node["ch:figure"] = [
                {
                    "@type": "ch:Figure",
                    "rdf:value": f.value,
                    "ch:unit": f.unit,
                    "rdfs:label": f.label,
                    **({"ch:asOf": _date(f.as_of)} if f.as_of is not None else {}),
                }
                for f in event.figures
            ]
        self.conflicted(node, event.conflicts)
        return self.cited(node, event.citations)

    def conflict(self, conflict: Conflict) -> dict[str, Any]:
        node: dict[str, Any] = {
            **self.iri("conflict", conflict.id),
            "@type": "ch:Conflict",
            "dcterms:identifier": conflict.id,
            "dcterms:title": _labels(conflict.title, conflict.title_es),
            "ch:claim": [
                self.cited(
                    {
                        "@type": "ch:Claim",
                        "rdf:value": claim.value,
                        **({"skos:note": _labels(claim.note, claim.note_es)} if claim.note else {}),
                    },
                    (claim.citation,),
                )
                for claim in conflict.claims
            ],
        }
        _put_told(node, "dcterms:description", conflict.description, conflict.description_es)
        _put(node, "ch:preferred", conflict.preferred)
        _put_told(node, "ch:reason", conflict.reason, conflict.reason_es)
        return node

    def conflicted(self, node: dict[str, Any], conflicts: tuple[str, ...]) -> None:
        if conflicts:
            node["ch:conflict"] = self.refs("conflict", conflicts)

    def handover(self, number: int, handover: Handover) -> dict[str, Any]:
        """Return a derived handover: a ChangeEvent from one set of holders to the next."""
        node: dict[str, Any] = {
            **self.iri("handover", f"{handover.function}-{number}"),
            "@type": ["org:ChangeEvent", "ch:Handover"],
            "dcterms:date": _date(handover.date),
            "ch:function": handover.function,
            "ch:coopType": self.refs("coop-type", handover.coop_types),
            "org:originalOrganization": self.refs("body", [b.id for b in handover.from_bodies]),
            "org:resultingOrganization": self.refs("body", [b.id for b in handover.to_bodies]),
            "prov:wasDerivedFrom": [self.iri("mandate", m.key) for m in handover.mandates],
        }
        for body in (*handover.from_bodies, *handover.to_bodies):
            self.changes.setdefault(body.id, []).append({"@id": node["@id"]})
        if handover.basis:
            node["ch:basis"] = self.refs("law", handover.basis)
        if handover.excluding:
            node["ch:excludingCoopType"] = self.refs("coop-type", handover.excluding)
        return node


def _date(date: HistoricalDate) -> dict[str, str]:
    return {"@value": str(date), "@type": EDTF}


def _labels(english: str, spanish: str | None) -> list[dict[str, str]]:
    labels = [{"@value": english, "@language": "en"}]
    return [*labels, {"@value": spanish, "@language": "es"}] if spanish else labels


def _put_told(node: dict[str, Any], key: str, english: str | None, spanish: str | None) -> None:
    """Put a text and its Spanish telling, each tagged with its language, if there is one."""
    if english is not None:
        node[key] = _labels(english, spanish)


def _put(node: dict[str, Any], key: str, value: str | None) -> None:
    if value is not None:
        node[key] = value


def _unique(items: Any) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
