"""Look-ups for a reader: lists of records, and one record with its relations.

The ranked search is :mod:`coophistory.search`; its names are kept here too.

>>> from coophistory import load
>>> show(load(), "fenacrep").kind
'body'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from coophistory import prose_analyst as prose
from coophistory.answers import handover_dict
from coophistory.errors import UnknownNameError
from coophistory.grammar import English, grammar
from coophistory.locators import localized
from coophistory.records import FUNCTIONS, Body, CoopType, Handover, Law, Mandate, Source
from coophistory.schema import row
from coophistory.search import Hit, hit_lines, search

if TYPE_CHECKING:
    from coophistory.dates import HistoricalDate
    from coophistory.history import History

__all__ = ["KINDS", "Hit", "Shown", "hit_lines", "rows", "search", "show", "table"]

# The record lists and the table of the export each one shares its JSON rows with.
KINDS: Final = {"types": "coop_types", "bodies": "bodies", "laws": "laws", "sources": "sources"}


def rows(history: History, kind: str) -> list[dict[str, Any]]:
    """Every record of a kind (``types``, ``bodies``, ``laws``, ``sources``) as its export row."""
    table_name = KINDS[kind]
    return [row(r) for r in getattr(history.records, table_name)]


def table(history: History, kind: str, lang: str = "en") -> Sequence[Sequence[str]]:
    """A header and one row per record of a kind, for a plain-text listing, worded in ``lang``."""
    text = _optional
    rows: list[tuple[str, ...]]
    if kind == "types":
        rows = [
            (t.id, t.name, text(t.name_es), text(t.parent), ", ".join(t.aliases))
            for t in history.coop_types()
        ]
    elif kind == "bodies":
        rows = [
            (
                b.id,
                ", ".join(b.acronyms),
                b.name,
                text(b.name_es),
                text(b.founded),
                text(b.dissolved),
            )
            for b in history.bodies()
        ]
    elif kind == "laws":
        rows = [
            (law.id, law.label, text(law.date), law.title, text(law.title_es))
            for law in history.laws()
        ]
    else:
        rows = [
            (
                s.id,
                s.title,
                text(s.author or s.publisher),
                text(s.year),
                _read(s.accessed, grammar(lang)),
            )
            for s in history.sources()
        ]
    return [prose.list_columns(kind, lang=lang), *rows]


def _read(accessed: HistoricalDate | None, forms: English) -> str:
    return prose.read_on(None if accessed is None else forms.date(accessed), lang=forms.lang)


def _optional(value: object) -> str:
    return "" if value is None else str(value)


def _dated(value: HistoricalDate | None, forms: English) -> str:
    return "" if value is None else forms.listed_date(value)


# --- one record and its relations -------------------------------------------------------------


@attrs.frozen
class Shown:
    """A record's description: readable ``lines`` and the same as JSON ``data``."""

    kind: str
    lines: tuple[str, ...]
    data: dict[str, Any]


def show(history: History, name: str, lang: str = "en") -> Shown:
    """A body, law, type (by id or any name it is known by) or source, with its relations.

    Its lines are worded in ``lang``; its data keeps the export's rows.
    """
    forms = grammar(lang)
    found: list[Body | Law | CoopType | Source] = []
    misses: list[UnknownNameError] = []
    for find in (history.body, history.law, history.coop_type, history.source):
        try:
            found.append(find(name))
        except UnknownNameError as err:
            if err.ambiguous:
                raise
            misses.append(err)
    if not found:
        suggestions = [s for err in misses for s in err.suggestions]
        raise UnknownNameError("body, law, type or source", name, suggestions)
    record = found[0]
    if isinstance(record, Source):
        return _show_source(history, record, forms)
    if isinstance(record, Body):
        return _show_body(history, record, forms)
    if isinstance(record, Law):
        return _show_law(history, record, forms)
    return _show_type(history, record, forms)


def _show_body(history: History, body: Body, forms: English) -> Shown:
    dated: list[tuple[Any, str, dict[str, Any]]] = []
    for mandate in history.held_by(body.id):
        line = _mandate_line(history, mandate, forms)
        dated.append((mandate.start.sort_key(), line, {"mandate": row(mandate)}))
    for function in FUNCTIONS:
        for handover in history.handovers(function=function):
            if body not in (*handover.from_bodies, *handover.to_bodies):
                continue
            data = handover_dict(history, handover)
            incoming = body in handover.to_bodies
            line = _handover_line(history, handover, forms, incoming=incoming)
            direction = {"handover": data, "direction": "in" if incoming else "out"}
            dated.append((handover.date.sort_key(), line, direction))
    dated.sort(key=lambda item: item[0])
    heading = prose.record_heading(
        name=forms.present_name(body),
        ident=body.id,
        details=", ".join(body.acronyms),
        lang=forms.lang,
    )
    return Shown(
        "body",
        (heading, *(f"  {line}" for _, line, _ in dated)),
        {"kind": "body", "body": row(body), "history": [d for *_, d in dated]},
    )


def _mandate_line(history: History, mandate: Mandate, forms: English, *, by: bool = False) -> str:
    """A mandate on a line: with its laws as a body holds it, with its body as a law bases it."""
    return prose.mandate_line(
        start=forms.listed_date(mandate.start),
        function=forms.function(mandate.function),
        types=forms.types_of(map(history.coop_type, mandate.coop_types)),
        end=_dated(mandate.end, forms),
        body=mandate.body if by else "",
        laws="" if by else ", ".join(forms.law_label(history.law(i)) for i in mandate.basis),
        lang=forms.lang,
    )


def _handover_line(history: History, handover: Handover, forms: English, *, incoming: bool) -> str:
    """A handover seen from one side: received from, or handed to, the other bodies."""
    others = handover.from_bodies if incoming else handover.to_bodies
    day = handover.date.earliest or handover.date.latest
    assert day is not None  # noqa: S101 - a handover's date is closed
    words = prose.received_line if incoming else prose.handed_line
    return words(
        date=forms.listed_date(handover.date),
        function=forms.function(handover.function),
        types=forms.types_of(
            map(history.coop_type, handover.coop_types), map(history.coop_type, handover.excluding)
        ),
        others=", ".join(forms.body_label(b, day) for b in others),
        laws=", ".join(forms.law_label(history.law(law)) for law in handover.basis),
        lang=forms.lang,
    )


def _show_law(history: History, law: Law, forms: English) -> Shown:
    created = [b for b in history.bodies() if b.created_by == law.id]
    dissolved = [b for b in history.bodies() if b.dissolved_by == law.id]
    based = [m for m in history.mandates() if law.id in m.basis]
    events = [e for e in history.records.events if law.id in e.laws]
    lang = forms.lang
    name = f"{forms.law_label(law)}: {forms.law_title(law)}"
    lines = [
        prose.record_heading(name=name, ident=law.id, details="", lang=lang),
        prose.law_date(_dated(law.date, forms), lang=lang),
        *(prose.law_created(forms.present_name(b), lang=lang) for b in created),
        *(prose.law_dissolved(forms.present_name(b), lang=lang) for b in dissolved),
        *(prose.law_based(_mandate_line(history, m, forms, by=True), lang=lang) for m in based),
        *(
            prose.cited_by_event(
                date=forms.listed_date(e.date), title=forms.event_title(e), lang=lang
            )
            for e in events
        ),
    ]
    return Shown(
        "law",
        (lines[0], *(f"  {line}" for line in lines[1:])),
        {
            "kind": "law",
            "law": row(law),
            "created": [b.id for b in created],
            "dissolved": [b.id for b in dissolved],
            "mandates": [row(m) for m in based],
            "events": [e.id for e in events],
        },
    )


def _show_type(history: History, coop_type: CoopType, forms: English) -> Shown:
    lang = forms.lang
    heading = prose.record_heading(
        name=forms.type_name(coop_type), ident=coop_type.id, details="", lang=lang
    )
    lines = [heading]
    data: dict[str, Any] = {"kind": "type", "type": row(coop_type)}
    for function in FUNCTIONS:
        steps = history.lineage(coop_type.id, function=function)
        lines.append(f"  {prose.lineage_heading(forms.function(function), lang=lang)}")
        lines += [
            "    "
            + prose.step_line(
                start=forms.day(s.start),
                end=None if s.end is None else forms.day(s.end),
                holders=prose.holders(
                    [forms.body_label(b, s.start) for b in s.bodies],
                    [forms.body_label(b, s.start) for b in s.possible],
                    lang=lang,
                ),
                lang=lang,
            )
            for s in steps
        ]
        data[function] = [
            {
                "start": s.start.isoformat(),
                "end": None if s.end is None else s.end.isoformat(),
                "bodies": [b.id for b in s.bodies],
                "possible": [b.id for b in s.possible],
            }
            for s in steps
        ]
    return Shown("type", tuple(lines), data)


def _show_source(history: History, source: Source, forms: English) -> Shown:
    lang = forms.lang
    citing = list(_citing(history, source.id))
    issuer = source.author or source.publisher or ""
    lines = [prose.record_heading(name=source.title, ident=source.id, details=issuer, lang=lang)]
    lines += [f"  {value}" for value in (source.url, _read(source.accessed, forms)) if value]
    lines += [
        "  "
        + prose.cited_by(kind=kind, ident=ident, locator=localized(locator, lang=lang), lang=lang)
        for kind, ident, locator in citing
    ]
    return Shown(
        "source",
        tuple(lines),
        {
            "kind": "source",
            "source": row(source),
            "cited_by": [{"kind": k, "id": i, "locator": loc} for k, i, loc in citing],
        },
    )


def _citing(history: History, source_id: str) -> Iterator[tuple[str, str, str]]:
    """Each (record kind, id, locator) citing the source, in file order."""
    tables: tuple[tuple[str, Iterable[Any]], ...] = (
        ("body", history.bodies()),
        ("type", history.coop_types()),
        ("law", history.laws()),
        ("mandate", history.mandates()),
        ("event", history.records.events),
        ("conflict", history.conflicts()),
    )
    for kind, records in tables:
        for record in records:
            for citation in record.citations:
                if citation.source == source_id:
                    ident = record.key if kind == "mandate" else record.id
                    yield kind, ident, citation.locator
