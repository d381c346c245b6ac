"""The documentation's generated pages: the command-line reference, the chronology, the sources.

``python -m docs.gen.pages docs`` (``make docs-pages``) writes ``cli.md``, ``chronology.md``
and ``sources.md`` into the folder given. They are committed; ``tests/test_docs.py`` builds
them again in memory and fails when a committed page differs, so they cannot go stale.

Everything taken from the data is escaped, so a title or a note can never turn into Markdown
(or HTML, or a doctest) by accident.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

from docs.gen.cli_page import cli_page
from docs.gen.markup import (
    HEADER,
    cite,
    cites,
    code,
    conflict_anchor,
    figure,
    link,
    md,
    source_anchor,
)

from coophistory import prose
from coophistory.dates import HistoricalDate
from coophistory.history import History, load
from coophistory.records import (
    FUNCTIONS,
    Body,
    Conflict,
    CoopType,
    Event,
    Law,
    Mandate,
)

__all__ = ["PAGES", "chronology_page", "cli_page", "main", "pages", "sources_page", "write_pages"]

#: The generated pages, by file name.
PAGES: Final = ("cli.md", "chronology.md", "sources.md")

# --- the chronology --------------------------------------------------------------------------


def _decade(date: HistoricalDate) -> int:
    day = date.earliest or date.latest
    assert day is not None  # noqa: S101 - a date has at least one closed side
    return day.year // 10 * 10


def _conflict_links(history: History, ids: Iterable[str]) -> str:
    return "; ".join(
        link(history.conflict(i).title, f"sources.md#{conflict_anchor(i)}") for i in ids
    )


def _event_entry(history: History, event: Event) -> list[str]:
    head = f"- **{md(event.date.display())}** · {md(event.title)} *({md(event.kind)})*"
    body = []
    if event.description:
        body.append(md(event.description))
    if event.figures:
        body.append("Figures: " + "; ".join(figure(f) for f in event.figures) + ".")
    if event.conflicts:
        body.append(f"Sources disagree: {_conflict_links(history, event.conflicts)}.")
    body.append(f"Source: {cites(history, event.citations)}.")
    lines = [head]
    for paragraph in body:
        lines += ["", f"    {paragraph}"]
    return [*lines, ""]


def _types(history: History, type_ids: Iterable[str]) -> str:
    """Cooperative types as a reader names them: ``savings and credit cooperatives``."""
    types = [history.coop_type(t) for t in type_ids]
    root = any(t.parent is None for t in types)
    return prose.type_plural(", ".join(t.name for t in types), root=root, lang="en")


def _names(bodies: Iterable[Body], date: HistoricalDate) -> str:
    day = date.earliest
    return ", ".join(b.label_on(day) if day else b.name for b in bodies)


def _handover_rows(history: History) -> list[str]:
    rows = ["| date | function | cooperatives | from | to | under | source |", "|---" * 7 + "|"]
    handovers = [h for function in FUNCTIONS for h in history.handovers(function=function)]
    for step in sorted(handovers, key=lambda h: (h.date.sort_key(), h.function)):
        types = _types(history, step.coop_types)
        laws = ", ".join(history.law(law).label for law in step.basis) or "—"
        rows.append(
            f"| {md(step.date.display())} | {step.function} | {md(types)} "
            f"| {md(_names(step.from_bodies, step.date))} "
            f"| {md(_names(step.to_bodies, step.date))} | {md(laws)} "
            f"| {cites(history, step.citations)} |"
        )
    return rows


def chronology_page(history: History) -> str:
    """The whole history as one page: the handovers, then every event, grouped by decade."""
    events = history.events()
    by_decade: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_decade[_decade(event.date)].append(event)
    lines = [
        HEADER.format(origin="bundled data in data/events.toml"),
        "# Chronology",
        "",
        f"Everything the bundled dataset (version {md(history.dataset_version)}, "
        f"current to {md(str(history.current_to) if history.current_to else 'no set day')}) "
        f"records, oldest first: {len(events)} events in {len(by_decade)} decades, each with "
        "its source; a question about a later day is answered as not certain. "
        "A date is shown as precisely as the sources give it and no more: `1978` is some day "
        "in 1978, `2008-10` some day in October 2008, `c. 1970` about 1970, `1992?` a year "
        "the source is unsure of, and `1992/1993` a span (often one the sources dispute). "
        "Where sources disagree the entry says so and links to the "
        "[disagreement](sources.md#disagreements), with every side cited.",
        "",
        "Decades: " + " · ".join(f"[{d}s](#{d}s)" for d in by_decade),
        "",
        "## Who held supervision and promotion {#handovers}",
        "",
        "Each row is a day on which a function passed from some bodies to others, derived from "
        "the mandates (see the [data model](data-model.md#from-mandates-to-answers)); a year "
        "alone means the hand-over happened some time that year. Bodies are named as they "
        "were called then.",
        "",
        *_handover_rows(history),
        "",
        "![How supervision and promotion passed from body to body](diagrams/handovers.svg)",
    ]
    for decade, chosen in by_decade.items():
        lines += ["", f"## {decade}s {{#{decade}s}}", ""]
        for event in chosen:
            lines += _event_entry(history, event)
    return "\n".join(lines).rstrip() + "\n"


# --- the sources and the disagreements -------------------------------------------------------


def _record_name(history: History, record: object) -> str:
    """How the sources page names a citing record, in Markdown."""
    if isinstance(record, Body):
        return f"body {md(record.name)}" + (f" ({md(record.acronym)})" if record.acronym else "")
    if isinstance(record, CoopType):
        return f"cooperative type {md(record.name)}"
    if isinstance(record, Law):
        return f"{md(record.label)}, {md(record.title)}"
    if isinstance(record, Mandate):
        assert record.start.earliest is not None  # noqa: S101 - a mandate's start is closed
        holder = history.body(record.body).label_on(record.start.earliest)
        types = _types(history, record.coop_types)
        span = f"from {record.start.display()}" + (
            f" to {record.end.display()}" if record.end else ""
        )
        return md(f"{record.function} of {types} by {holder}, {span}")
    if isinstance(record, Event):
        return (
            f"{md(record.date.display())}: "
            f"{link(record.title, f'chronology.md#{_decade(record.date)}s')}"
        )
    if isinstance(record, Conflict):
        return f"disagreement {link(record.title, f'#{conflict_anchor(record.id)}')}"
    raise TypeError(f"not a citing record: {record!r}")  # pragma: no cover - internal misuse


def _citing(history: History) -> dict[str, dict[int, tuple[object, list[str]]]]:
    """For each source id, the records citing it and where in it (by record), in page order."""
    found: dict[str, dict[int, tuple[object, list[str]]]] = defaultdict(dict)

    def add(source_id: str, record: object, locator: str) -> None:
        found[source_id].setdefault(id(record), (record, []))[1].append(locator)

    records: list[Sequence[Body | CoopType | Law | Mandate | Event]] = [
        history.bodies(),
        history.coop_types(),
        history.laws(),
        history.mandates(),
        history.events(),
    ]
    for table in records:
        for record in table:
            for citation in record.citations:
                add(citation.source, record, citation.locator)
    for conflict in history.conflicts():
        for claim in conflict.claims:
            add(claim.citation.source, conflict, f"{claim.citation.locator} (claim: {claim.value})")
    return found


def _touching(history: History) -> dict[str, list[str]]:
    """For each conflict id, the records that list it, named in Markdown."""
    found: dict[str, list[str]] = defaultdict(list)
    records: list[Sequence[Body | Law | Mandate | Event]] = [
        history.bodies(),
        history.laws(),
        history.mandates(),
        history.events(),
    ]
    for table in records:
        for record in table:
            for conflict_id in record.conflicts:
                found[conflict_id].append(_record_name(history, record))
    return found


def _source_section(
    history: History, citing: dict[str, dict[int, tuple[object, list[str]]]]
) -> Iterator[str]:
    for source in history.sources():
        yield f"### {md(source.title)} {{#{source_anchor(source.id)}}}"
        yield ""
        details = [f"id {code(source.id)}"]
        details += [md(d) for d in (source.author, source.publisher) if d]
        if source.year is not None:
            details.append(str(source.year))
        if source.url:
            details.append(link(source.url, source.url))
        yield " · ".join(details)
        yield ""
        if source.note:
            yield f"*{md(source.note)}*"
            yield ""
        uses = list(citing.get(source.id, {}).values())
        count = len(uses)
        yield f"Cited by {count} record{'s' if count != 1 else ''}:" if uses else "Not cited."
        yield ""
        for record, locators in uses:
            yield f"- {_record_name(history, record)} — at {md('; '.join(locators))}"
        yield ""


def _conflict_section(history: History) -> Iterator[str]:
    touching = _touching(history)
    for conflict in history.conflicts():
        yield f"### {md(conflict.title)} {{#{conflict_anchor(conflict.id)}}}"
        yield ""
        if conflict.description:
            yield md(conflict.description)
            yield ""
        yield "| claim | source | note |"
        yield "|---|---|---|"
        for claim in conflict.claims:
            mark = " **(preferred)**" if claim.value == conflict.preferred else ""
            yield (
                f"| {md(claim.value)}{mark} | {cite(history, claim.citation, '')} "
                f"| {md(claim.note or '')} |"
            )
        yield ""
        if conflict.preferred is not None:
            reason = f" {md(conflict.reason)}" if conflict.reason else ""
            yield f"**Preferred:** {md(conflict.preferred)}.{reason}"
        else:
            yield "**Not settled:** the dataset keeps every claim and prefers none."
        yield ""
        if touching.get(conflict.id):
            yield "Records it touches: " + "; ".join(touching[conflict.id]) + "."
            yield ""


def sources_page(history: History) -> str:
    """Every source with the records citing it, then every disagreement with its claims."""
    citing = _citing(history)
    lines = [
        HEADER.format(origin="bundled data in data/events.toml"),
        "# Sources and disagreements",
        "",
        f"The bundled dataset (version {md(history.dataset_version)}) cites "
        f"{len(history.sources())} sources. Each is listed below with every record that "
        "cites it and the exact place in the source (the locator), so that any fact can be "
        "checked against the document it came from. Where sources disagree, the "
        f"{len(history.conflicts())} [disagreements](#disagreements) at the end give every "
        "claim with its citation; none is silently resolved. How curators cite and record "
        "disagreements is described in the [curating guide](curating.md).",
        "",
        "## Sources",
        "",
        *_source_section(history, citing),
        "## Disagreements {#disagreements}",
        "",
        "A preferred claim is one a better source settles; the reason says why. Mandates "
        "whose start or end is disputed carry the whole disputed span as their date, so "
        "questions about a day inside it are answered as not certain.",
        "",
        *_conflict_section(history),
    ]
    return "\n".join(lines).rstrip() + "\n"


# --- writing ---------------------------------------------------------------------------------


def pages(history: History) -> dict[str, str]:
    """Every generated page's text, by file name (see :data:`PAGES`)."""
    return {
        "cli.md": cli_page(),
        "chronology.md": chronology_page(history),
        "sources.md": sources_page(history),
    }


def write_pages(history: History, folder: str | Path) -> list[Path]:
    """Write every generated page into ``folder``; return the paths written."""
    written = []
    for name, text in pages(history).items():
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Write the documentation's generated pages: ``python -m docs.gen.pages docs``."""
    parser = argparse.ArgumentParser(prog="python -m docs.gen.pages", description=main.__doc__)
    parser.add_argument("folder", type=Path, help="the documentation folder (docs)")
    args = parser.parse_args(argv)
    for path in write_pages(load(), args.folder):
        print(path)  # noqa: T201 - the command reports what it wrote


if __name__ == "__main__":
    main()
