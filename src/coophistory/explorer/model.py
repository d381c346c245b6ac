"""What the explorer page shows, as plain data: the script's JSON and the template's sections.

Everything here is read from :class:`History`'s public API. The day answers come from
:mod:`coophistory.explorer.timelines`; the rest (handovers, chronology, sources, disagreements)
is listed here in the order the page shows it, with bilingual labels as ``[en, es]`` pairs.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from operator import methodcaller
from typing import TYPE_CHECKING, Any, Final

from coophistory.explorer.bilingual import cited, dated, each, localized_locator, told
from coophistory.explorer.labels import LANGUAGES, labels
from coophistory.explorer.timelines import Timelines, day_number, resolve
from coophistory.grammar import grammar
from coophistory.names import normal
from coophistory.records import FUNCTIONS
from coophistory.render.style import PALETTE as _PALETTE

if TYPE_CHECKING:
    import pendulum

    from coophistory.dates import HistoricalDate
    from coophistory.history import History
    from coophistory.records import Body, Citation, Conflict, Handover

__all__ = ["FIRST_DAY", "page_model"]

#: The slider starts here (the first cooperatives) unless the record starts earlier.
FIRST_DAY: Final = datetime.date(1866, 1, 1)


def page_model(history: History, today: datetime.date | None = None) -> dict[str, Any]:
    """The page's data: ``script`` (embedded as JSON) and the sections the template writes."""
    last = _last_day(history, today)
    first = min(FIRST_DAY, *(e.date.earliest for e in history.events() if e.date.earliest))
    timelines = resolve(history, first)
    types = _types(history)
    colours = _colours(history, timelines)
    chronology = _chronology(history)
    kinds = sorted({entry["kind"] for entry in chronology})
    script: dict[str, Any] = {
        "labels": {lang: labels(lang, kinds) for lang in LANGUAGES},
        "range": [day_number(first), day_number(last)],
        "types": types,
        "laws": {law.id: each(methodcaller("law_label", law)) for law in history.laws()},
        "conflicts": {
            c.id: {
                "title": each(methodcaller("conflict_title", c)),
                "settled": c.preferred is not None,
            }
            for c in history.conflicts()
        },
        "timelines": {
            "points": timelines.points,
            "states": timelines.states,
            "names": timelines.names,
            "citations": timelines.citations,
        },
        "lanes": _lanes(history, timelines),
        "colours": colours,
        "bodies": {b: _short_names(history, b) for b in colours},
        "body_names": {
            b.id: normal(" ".join(n for n in _every_name(b) if n)) for b in history.bodies()
        },
        "dataset": history.dataset_version,
        "handovers": _handovers(history),
    }
    return {
        "script": script,
        "dataset": history.dataset_version,
        "current_to": None if history.current_to is None else str(history.current_to),
        "current_to_words": None if history.current_to is None else dated(history.current_to),
        "first": first.isoformat(),
        "last": last.isoformat(),
        "types": [t for t in types if t["concrete"]],
        "all_types": types,
        "chronology": chronology,
        "kinds": kinds,
        "bodies": [
            {"id": b.id, "name": b.acronym or b.name}
            for b in history.bodies()
            if any(b.id in entry["bodies"] for entry in chronology)
        ],
        "sources": _sources(history),
        "conflicts": _conflicts(history),
    }


def _last_day(history: History, today: datetime.date | None) -> datetime.date:
    """The day the record is current to, else today."""
    current = history.current_to
    if current is not None and current.latest is not None:
        latest = current.latest
        return datetime.date(latest.year, latest.month, latest.day)
    return today or datetime.date.today()


def _types(history: History) -> list[dict[str, Any]]:
    """Every type with its names, related types (for the chronology) and included types.

    ``related`` are the types whose events concern it, as ``History.events`` filters them;
    ``under`` are the type and its subtypes, whose rows are marked when it is chosen.
    """
    return [
        {
            "id": t.id,
            "name": [t.name, t.name_es or t.name],
            "concrete": not t.abstract,
            "related": [*history.ancestors(t.id), *history.descendants(t.id)],
            "under": [t.id, *history.descendants(t.id)],
        }
        for t in history.coop_types()
    ]


def _short_names(history: History, body_id: str) -> list[str]:
    """A body's present acronym, or else its English and Spanish names."""
    body = history.body(body_id)
    return [body.acronym or body.name, body.acronym or body.name_es or body.name]


def _every_name(body: Body) -> Iterator[str | None]:
    """Every name and acronym the body has borne, in both languages."""
    yield from (body.name, body.name_es, *body.acronyms)
    for former in body.former_names:
        yield from (former.name, former.name_es, former.acronym)


def _lanes(history: History, timelines: Timelines) -> dict[str, list[dict[str, Any]]]:
    """Per function, the lanes: types whose answers change alike share one, in file order."""
    names = {t.id: (t.name, t.name_es or t.name) for t in history.coop_types()}
    lanes: dict[str, list[dict[str, Any]]] = {}
    for function in FUNCTIONS:
        groups: dict[str, list[str]] = {}
        for coop_type in history.concrete_types():
            points = timelines.points[coop_type.id][function]
            groups.setdefault(repr(points), []).append(coop_type.id)
        lanes[function] = [
            {
                "types": members,
                "name": [", ".join(names[m][lang] for m in members) for lang in (0, 1)],
            }
            for members in groups.values()
        ]
    return lanes


def _colours(history: History, timelines: Timelines) -> dict[str, list[str]]:
    """A palette colour and the ink that reads on it for each body holding a function."""
    colours: dict[str, list[str]] = {}
    for coop_type in history.concrete_types():
        for function in FUNCTIONS:
            for _, index in timelines.points[coop_type.id][function]:
                state = timelines.states[index]
                for body in (*state["b"], *state["p"]):
                    if body[0] not in colours:
                        colour = _PALETTE[1 + len(colours) % (len(_PALETTE) - 1)]
                        colours[body[0]] = [colour, _ink(colour)]
    return colours


def _ink(colour: str) -> str:
    """Black or white, whichever has the greater contrast on the colour (WCAG luminance)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"


def _handovers(history: History) -> list[dict[str, Any]]:
    """Every handover of either function in date order, with names as on its first day."""
    found: list[tuple[Any, dict[str, Any]]] = []
    for function in FUNCTIONS:
        for handover in history.handovers(function=function):
            day = handover.date.earliest
            assert day is not None  # noqa: S101 - a handover starts on a mandate's closed start
            found.append(
                (
                    handover.date.sort_key(),
                    {
                        "day": day.isoformat(),
                        "date": dated(handover.date),
                        "function": function,
                        "types": _type_names(history, handover.coop_types),
                        "excluding": _type_names(history, handover.excluding)
                        if handover.excluding
                        else None,
                        "move": _move(handover, day),
                        "laws": _joined(
                            [
                                each(methodcaller("law_label", history.law(law)))
                                for law in handover.basis
                            ],
                            "; ",
                        )
                        if handover.basis
                        else None,
                    },
                )
            )
    found.sort(key=lambda pair: pair[0])
    return [handover for _, handover in found]


def _move(handover: Handover, day: pendulum.Date) -> list[str]:
    """Who passed the function to whom, in each language: ``INCOOP → Ministerio de Trabajo``."""
    moves = []
    for lang in LANGUAGES:
        forms = grammar(lang)
        given = " + ".join(forms.body_label(b, day) for b in handover.from_bodies)
        taken = " + ".join(forms.body_label(b, day) for b in handover.to_bodies)
        moves.append(f"{given} → {taken}")
    return moves


def _type_names(history: History, type_ids: Iterable[str]) -> list[str]:
    """The types' cooperatives as labels, joined: ``cooperativas no financieras``, ``…``."""
    types = [history.coop_type(t) for t in type_ids]
    return _joined([each(methodcaller("types_label", t)) for t in types], ", ")


def _joined(pairs: list[list[str]], separator: str) -> list[str]:
    """``[en, es]`` pairs joined into one ``[en, es]`` pair."""
    return [separator.join(pair[lang] for pair in pairs) for lang in (0, 1)]


def _chronology(history: History) -> list[dict[str, Any]]:
    """Every event and dated law, in date order, with what the filters and search need."""
    law_bodies: dict[str, set[str]] = defaultdict(set)
    law_types: dict[str, set[str]] = defaultdict(set)
    for mandate in history.mandates():
        for law_id in mandate.basis:
            law_bodies[law_id].add(mandate.body)
            law_types[law_id].update(mandate.coop_types)
    entries: list[tuple[Any, dict[str, Any]]] = []
    for event in history.events():
        entries.append(
            (
                event.date.sort_key(),
                _entry(
                    history,
                    "event",
                    event.date,
                    event.kind,
                    each(methodcaller("event_title", event)),
                    told(methodcaller("event_description", event)),
                    event.citations,
                    event.bodies,
                    event.coop_types,
                ),
            )
        )
    for law in history.laws():
        if law.date is None:
            continue
        labels, titles = each(methodcaller("law_label", law)), each(methodcaller("law_title", law))
        entry = _entry(
            history,
            "law",
            law.date,
            "law",
            [f"{label}: {title}" for label, title in zip(labels, titles, strict=True)],
            told(methodcaller("law_note", law)),
            law.citations,
            tuple(sorted(law_bodies[law.id])),
            tuple(sorted(law_types[law.id])),
        )
        entries.append((law.date.sort_key(), entry))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


def _entry(
    history: History,
    record: str,
    date: HistoricalDate,
    kind: str,
    title: list[str],
    description: list[str] | None,
    citations: Iterable[Citation],
    bodies: Iterable[str],
    types: Iterable[str],
) -> dict[str, Any]:
    cites = [(c.source, cited(history, c.source, c.locator)) for c in citations]
    return {
        "record": record,
        "edtf": str(date),
        "date": dated(date),
        "kind": kind,
        "title": title,
        "description": description,
        "citations": cites,
        "bodies": list(bodies),
        "types": list(types),
    }


def _sources(history: History) -> list[dict[str, Any]]:
    """Every source with the distinct locators cited in it, in file order."""
    locators: dict[str, dict[str, None]] = defaultdict(dict)
    tables: list[Iterable[Any]] = [
        history.bodies(),
        history.coop_types(),
        history.laws(),
        history.mandates(),
        history.events(),
    ]
    for table in tables:
        for record in table:
            for citation in record.citations:
                locators[citation.source].setdefault(citation.locator, None)
    for conflict in history.conflicts():
        for claim in conflict.claims:
            locators[claim.citation.source].setdefault(claim.citation.locator, None)
    return [
        {
            "id": s.id,
            "title": s.title,
            "details": [str(d) for d in (s.author, s.publisher, s.year, s.kind, s.language) if d],
            "url": _web(s.url),
            "archived_url": _web(s.archived_url),
            "accessed": None if s.accessed is None else dated(s.accessed),
            "note": s.note,
            "locators": [localized_locator(locator) for locator in locators.get(s.id, {})],
        }
        for s in history.sources()
    ]


def _web(url: str | None) -> str | None:
    """The address if it is a web address (a link to anything else is not made)."""
    return url if url and url.startswith(("https://", "http://")) else None


def _conflicts(history: History) -> list[dict[str, Any]]:
    """Every disagreement with its claims, each claim's citation as a reader sees it."""
    return [
        {
            "id": c.id,
            "title": each(methodcaller("conflict_title", c)),
            "description": told(methodcaller("conflict_description", c)),
            "span": None if c.span is None else dated(c.span),
            "claims": [
                {
                    "value": told(methodcaller("claim_value", claim)),
                    "source": claim.citation.source,
                    "cite": cited(history, claim.citation.source, claim.citation.locator),
                    "note": told(methodcaller("claim_note", claim)),
                    "preferred": claim.value == c.preferred,
                }
                for claim in c.claims
            ],
            "preferred": _preferred(c),
            "reason": told(methodcaller("conflict_reason", c)),
        }
        for c in history.conflicts()
    ]


def _preferred(conflict: Conflict) -> list[str] | None:
    """The preferred claim's value in each language, if the dataset prefers one."""
    if conflict.preferred is None:
        return None
    chosen = [claim for claim in conflict.claims if claim.value == conflict.preferred]
    value = told(methodcaller("claim_value", chosen[0])) if chosen else None
    return value or [conflict.preferred] * len(LANGUAGES)
