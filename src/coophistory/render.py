"""Graphviz diagrams of the history, for reports and notebooks, and writing them to files.

Every diagram function returns a :class:`graphviz.Digraph`: it displays inline in Jupyter and
renders to any format Graphviz knows. DOT source is built as text here; the ``dot`` program
runs only in :func:`write` (or when a notebook displays a diagram).

Dates are shown no finer than they are known (:meth:`HistoricalDate.display`), names are
escaped so that any name renders literally, and one colour-blind-safe palette (Okabe-Ito)
and one font serve every diagram.
"""

from __future__ import annotations

import argparse
import html
import itertools
import os
import textwrap
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, cast, overload

import graphviz
import pendulum

from coophistory.dates import HistoricalDate, parse_date
from coophistory.exceptions import OutputError, RenderError
from coophistory.files import Destination, check_writable, write_output
from coophistory.history import DateLike, load
from coophistory.records import FUNCTIONS, Body, Citation, Law
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.answers import Answer
    from coophistory.history import History

__all__ = [
    "FORMATS",
    "PALETTE",
    "handovers",
    "lanes",
    "main",
    "snapshot",
    "timeline",
    "write",
    "write_docs_diagrams",
]

#: Okabe & Ito's colour-blind-safe palette, black first.
PALETTE: Final = (
    "#000000",
    "#0072B2",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
)
_GREY: Final = "#6F6F6F"
_FONT: Final = "Helvetica,Arial,sans-serif"
#: The file extensions :func:`write` knows, and the Graphviz format each one asks for.
FORMATS: Final = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
_INSTALL: Final = (
    "Graphviz's dot program was not found on PATH; install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "conda: conda install graphviz) or write a .dot file instead"
)


def _line(function: str, colour: str, *, possible: bool = False) -> dict[str, str]:
    """How an edge for a function is drawn: supervision thick, promotion a double line."""
    style = {"style": "dashed" if possible else "solid", "color": colour}
    if function == "promotion":
        style.update(color=f"{colour}:invis:{colour}", penwidth="1", arrowhead="onormal")
    else:
        style.update(penwidth="2.2")
    return style


# --- escaping -------------------------------------------------------------------------------


def _plain(*lines: str) -> str:
    r"""A plain label showing each line literally: dot decodes entities and expands ``\N``."""
    escaped = (graphviz.escape(show_controls(line).replace("&", "&amp;")) for line in lines)
    return cast(str, graphviz.nohtml("\\n".join(escaped)))


def _html(text: str) -> str:
    """Text for an HTML-like label, shown literally."""
    return html.escape(show_controls(text), quote=True).replace("\\", "\\\\")


def _wrap(text: str, width: int = 30) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


# --- shared pieces --------------------------------------------------------------------------


class _Notes:
    """Citations numbered in the order a diagram first cites them, listed as notes below it."""

    def __init__(self, history: History, *, enabled: bool) -> None:
        self._history = history
        self._enabled = enabled
        self._numbers: dict[Citation, int] = {}

    def mark(self, citations: Iterable[Citation]) -> str:
        """Number the citations and return a mark such as ``[1,2]`` (empty when disabled)."""
        if not self._enabled:
            return ""
        numbers = sorted({self._numbers.setdefault(c, len(self._numbers) + 1) for c in citations})
        return f" [{','.join(map(str, numbers))}]" if numbers else ""

    def label(self) -> str | None:
        """The notes as an HTML-like label, or ``None`` when there are none."""
        if not self._numbers:
            return None
        rows = []
        for citation, number in self._numbers.items():
            source = self._history.source(citation.source)
            rows.append(f"[{number}] {source.cite(citation.locator)}")
        cells = '<TR><TD ALIGN="LEFT"><B>Sources</B></TD></TR>' + "".join(
            f'<TR><TD ALIGN="LEFT">{_html(row)}</TD></TR>' for row in rows
        )
        return f'<<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0">{cells}</TABLE>>'


class _Canvas:
    """A diagram being drawn: a titled cluster to draw in, and notes listed below it."""

    def __init__(
        self, history: History, name: str, title: str, *, sources: bool, rankdir: str = "TB"
    ) -> None:
        self.notes = _Notes(history, enabled=sources)
        self.dot = graphviz.Digraph(name=name)
        self.dot.attr(
            rankdir=rankdir,
            fontname=_FONT,
            fontsize="11",
            labelloc="b",
            labeljust="l",
            nodesep="0.3",
            ranksep="0.5",
            pad="0.2",
        )
        self.dot.attr("node", fontname=_FONT, fontsize="11")
        self.dot.attr("edge", fontname=_FONT, fontsize="10")
        self.frame = graphviz.Digraph(name="cluster_diagram")
        self.frame.attr(
            label=f"<<B>{_html(title)}</B>>",
            labelloc="t",
            labeljust="c",
            fontsize="16",
            pencolor="transparent",
        )

    def finish(self) -> graphviz.Digraph:
        """The finished diagram: the drawing under its title, the notes below."""
        self.dot.subgraph(self.frame)
        label = self.notes.label()
        if label is not None:
            self.dot.attr(label=label)
        return self.dot


def _group_colours(history: History) -> dict[str, str]:
    """A colour for each branch of the type tree (the root's children); black for the root."""
    colours = {}
    for coop_type in history.coop_types():
        if coop_type.parent is None:
            colours[coop_type.id] = PALETTE[0]
    branches = [t.id for t in history.coop_types() if t.parent in colours]
    colours.update({b: PALETTE[1 + i % (len(PALETTE) - 1)] for i, b in enumerate(branches)})
    return colours


def _branch(history: History, type_ids: Iterable[str]) -> str:
    """The branch a set of types falls in: the root's child above them all, else the root."""
    branches = {history.ancestors(t)[-2:][0] for t in type_ids}
    return branches.pop() if len(branches) == 1 else history.ancestors(next(iter(type_ids)))[-1]


def _type_names(history: History, type_ids: Iterable[str]) -> str:
    return ", ".join(history.coop_type(t).name for t in type_ids)


def _law_labels(history: History, law_ids: Iterable[str]) -> str:
    return ", ".join(history.law(law).label for law in law_ids)


_DELEGATION: Final = {"style": "dotted", "arrowhead": "empty", "color": _GREY, "fontcolor": _GREY}


def _legend(
    frame: graphviz.Digraph,
    history: History,
    functions: Sequence[str],
    branches: Collection[str],
    *,
    delegation: bool,
    dashed: bool = False,
) -> None:
    """A boxed key to the line styles and colours used."""
    with frame.subgraph(name="cluster_legend") as legend:
        legend.attr(label="Key", fontsize="11", style="rounded", color=_GREY, labeljust="l")
        legend.attr("node", shape="point", width="0.05", color=_GREY)
        samples = [(f, _line(f, PALETTE[0])) for f in functions]
        if delegation:
            samples.append(("delegates (on behalf of)", _DELEGATION))
        if dashed:
            samples.append(
                ("possibly, not certainly", _line(functions[0], PALETTE[0], possible=True))
            )
        for end in "ab":
            with legend.subgraph() as column:
                column.attr(rank="same")
                for i in range(len(samples)):
                    column.node(f"key{i}{end}")
        for i, (text, style) in enumerate(samples):
            legend.edge(f"key{i}a", f"key{i}b", label=_plain(text), weight="100", **style)
        colours = _group_colours(history)
        rows = "".join(
            f'<TR><TD BGCOLOR="{colours[b]}" WIDTH="14"></TD>'
            f'<TD ALIGN="LEFT">{_html(_branch_name(history, b))}</TD></TR>'
            for b in colours
            if b in branches
        )
        if rows:
            legend.node(
                "key_colours",
                f'<<TABLE BORDER="0" CELLSPACING="3">{rows}</TABLE>>',
                shape="plaintext",
            )


def _branch_name(history: History, type_id: str) -> str:
    coop_type = history.coop_type(type_id)
    return "all cooperatives" if coop_type.parent is None else f"{coop_type.name} cooperatives"


# --- the handover diagram -------------------------------------------------------------------


def handovers(
    history: History,
    coop_types: Iterable[str] | None = None,
    functions: Sequence[str] = FUNCTIONS,
    *,
    title: str | None = None,
    sources: bool = True,
) -> graphviz.Digraph:
    """Who handed which function to whom, when and under which law, left to right in time.

    ``coop_types`` narrows it to some types (and their subtypes); ``sources`` numbers the
    citations behind each handover and lists them as notes.
    """
    canvas = _Canvas(
        history,
        "handovers",
        title or "Who supervised and promoted cooperatives, and when",
        sources=sources,
        rankdir="LR",
    )
    frame, notes = canvas.frame, canvas.notes
    frame.attr("node", shape="box", style="rounded", color=_GREY, margin="0.15,0.08")
    colours = _group_colours(history)
    scopes = list(coop_types) if coop_types is not None else [None]
    steps = {
        h: None for scope in scopes for f in functions for h in history.handovers(scope, function=f)
    }
    bodies: dict[str, None] = {}
    used: set[str] = set()
    for step in sorted(steps, key=lambda h: h.date.sort_key()):
        branch = _branch(history, step.coop_types)
        used.add(branch)
        label = [
            f"{step.date.display()}"
            + (f" · {_law_labels(history, step.basis)}" if step.basis else "")
        ]
        if history.coop_type(branch).parent is not None or len(step.coop_types) > 1:
            label += _wrap(_type_names(history, step.coop_types), 34)
        if step.excluding:
            label += _wrap(f"except {_type_names(history, step.excluding)}", 34)
        label[-1] += notes.mark(step.citations)
        for giver in step.from_bodies:
            for receiver in (b for b in step.to_bodies if b != giver):
                bodies.update(dict.fromkeys((giver, receiver)))
                frame.edge(
                    giver,
                    receiver,
                    label=_plain(*label),
                    fontcolor=colours[branch],
                    **_line(step.function, colours[branch]),
                )
    delegated = [
        m
        for m in history.mandates()
        if m.delegated_by and m.function in functions and m.body in bodies
    ]
    for mandate in delegated:
        assert mandate.delegated_by is not None  # noqa: S101 - filtered above
        bodies.setdefault(mandate.delegated_by, None)
        span = f"from {mandate.start.display()}" + (
            f" to {mandate.end.display()}" if mandate.end else ""
        )
        frame.edge(
            mandate.delegated_by,
            mandate.body,
            constraint="false",
            label=_plain(f"delegates {span}{notes.mark(mandate.citations)}"),
            **_DELEGATION,
        )
    for body_id in bodies:
        frame.node(body_id, _body_label(history.body(body_id)))
    _legend(frame, history, functions, used, delegation=bool(delegated))
    return canvas.finish()


def _body_label(body: Body) -> str:
    """A body across time: every acronym it used, its present name, and when it was renamed."""
    renamings = sorted(body.former_names, key=lambda f: f.until)
    lines = [f"<B>{_html(_names_over_time(body))}</B>"]
    if body.acronym:
        lines += [f'<FONT POINT-SIZE="9">{_html(line)}</FONT>' for line in _wrap(body.name)]
    lines += [
        f'<FONT POINT-SIZE="8"><I>{_html(f"{f.acronym or f.name} until {f.until.display()}")}'
        "</I></FONT>"
        for f in renamings
    ]
    return f"<{'<BR/>'.join(lines)}>"


def _names_over_time(body: Body) -> str:
    """Every acronym (or name) a body went by, oldest first: ``CONASEV / SMV``."""
    renamings = sorted(body.former_names, key=lambda f: f.until)
    heads = [f.acronym or f.name for f in renamings] + [body.acronym or body.name]
    return " / ".join(dict.fromkeys(heads))


# --- the timeline ---------------------------------------------------------------------------


def timeline(
    history: History,
    start: DateLike | None = None,
    end: DateLike | None = None,
    kinds: Collection[str] | None = None,
    *,
    title: str | None = None,
    sources: bool = True,
) -> graphviz.Digraph:
    """The chronology down a time axis grouped by decade, laws boxed apart from other events.

    ``start`` and ``end`` keep what overlaps the half-open range, as :meth:`History.events`
    does; ``kinds`` keeps events of those kinds, and laws only if ``"law"`` is among them.
    """
    canvas = _Canvas(history, "timeline", title or "Chronology", sources=sources)
    frame, notes = canvas.frame, canvas.notes
    frame.attr(ranksep="0.25", nodesep="0.25")
    entries: dict[int, list[tuple[str, str, dict[str, str]]]] = defaultdict(list)
    events = [e for e in history.events(start, end) if kinds is None or e.kind in kinds]
    laws = [
        law
        for law in history.laws()
        if law.date is not None
        and (kinds is None or "law" in kinds)
        and _overlaps(law.date, start, end)
    ]
    for law in sorted(laws, key=lambda law: (_sort_date(law).sort_key(), law.id)):
        lines = [f"{_sort_date(law).display()} · {law.label}", *_wrap(law.title, 40)]
        lines[-1] += notes.mark(law.citations)
        entries[_year(_sort_date(law))].append(
            (
                f"law.{law.id}",
                _plain(*lines),
                {"shape": "box", "color": PALETTE[1], "fillcolor": "#DCEAF5", "style": "filled"},
            )
        )
    for event in events:
        lines = [f"{event.date.display()} · {event.kind}", *_wrap(event.title, 40)]
        lines[-1] += notes.mark(event.citations)
        entries[_year(event.date)].append(
            (
                f"event.{event.id}",
                _plain(*lines),
                {
                    "shape": "box",
                    "color": PALETTE[5],
                    "fillcolor": "#FBEFD5",
                    "style": "rounded,filled",
                },
            )
        )
    years = sorted(entries)
    for decade in sorted({y // 10 * 10 for y in years}):
        with frame.subgraph(name=f"cluster_{decade}s") as cluster:
            cluster.attr(
                label=f"{decade}s",
                labeljust="l",
                style="rounded,filled",
                fillcolor="#F4F4F4",
                color="#D0D0D0",
                fontsize="12",
            )
            for year in (y for y in years if decade <= y < decade + 10):
                with cluster.subgraph() as row:
                    row.attr(rank="same")
                    row.node(f"year.{year}", f"<<B>{year}</B>>", shape="plaintext", fontsize="13")
                    previous = f"year.{year}"
                    for ident, label, style in entries[year]:
                        row.node(ident, label, **style)
                        row.edge(previous, ident, color=_GREY, arrowhead="none", style="dotted")
                        previous = ident
    for earlier, later in itertools.pairwise(years):
        frame.edge(
            f"year.{earlier}",
            f"year.{later}",
            color=_GREY,
            penwidth="2",
            arrowhead="none",
            weight="100",
        )
    _law_key(frame)
    return canvas.finish()


def _law_key(frame: graphviz.Digraph) -> None:
    with frame.subgraph(name="cluster_legend") as legend:
        legend.attr(
            label="Key",
            style="rounded",
            color=_GREY,
            labeljust="l",
            fontsize="11",
            fillcolor="white",
        )
        legend.node(
            "key_law",
            "law, decree or resolution",
            shape="box",
            color=PALETTE[1],
            fillcolor="#DCEAF5",
            style="filled",
        )
        legend.node(
            "key_event",
            "other event",
            shape="box",
            color=PALETTE[5],
            fillcolor="#FBEFD5",
            style="rounded,filled",
        )


def _sort_date(law: Law) -> HistoricalDate:
    assert law.date is not None  # noqa: S101 - callers keep dated laws only
    return law.date


def _year(date: HistoricalDate) -> int:
    day = date.earliest or date.latest
    assert day is not None  # noqa: S101 - a date has a closed side
    return day.year


def _overlaps(date: HistoricalDate, start: DateLike | None, end: DateLike | None) -> bool:
    """Whether a date overlaps the half-open range [start, end), as History.events reads it."""
    low = None if start is None else parse_date(start).earliest
    high = None if end is None else parse_date(end).earliest
    return (low is None or date.latest is None or date.latest >= low) and (
        high is None or date.earliest is None or date.earliest < high
    )


# --- the snapshot ---------------------------------------------------------------------------


def snapshot(
    history: History,
    on: DateLike,
    functions: Sequence[str] = FUNCTIONS,
    *,
    title: str | None = None,
    sources: bool = True,
) -> graphviz.Digraph:
    """Who held which function over which types on one day, bodies named as they were then.

    Types with the same holders share one box; a dashed line is a body that only possibly
    held the function that day (the day falls where a date is known only to the month or year,
    or where sources disagree).
    """
    answers = {f: history.supervision_on(on, f) for f in functions}
    when = next(iter(next(iter(answers.values())).values())).on
    canvas = _Canvas(
        history,
        "snapshot",
        title or f"Who held what on {when.display()}",
        sources=sources,
        rankdir="LR",
    )
    frame, notes = canvas.frame, canvas.notes
    frame.attr("node", shape="box", style="rounded", color=_GREY)
    groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for type_id in answers[functions[0]]:
        key = tuple(
            (
                tuple(b.id for b in answers[f][type_id].bodies),
                tuple(b.id for b in answers[f][type_id].possible),
            )
            for f in functions
        )
        groups[key].append(type_id)
    colours = _group_colours(history)
    used = set()
    delegation = False
    day = when.earliest
    assert day is not None  # noqa: S101 - History checks that as-of dates are closed
    bodies: dict[str, None] = {}
    for number, (key, type_ids) in enumerate(groups.items()):
        branch = _branch(history, type_ids)
        used.add(branch)
        holders = any(certain or possible for certain, possible in key)
        lines = _wrap(_type_names(history, type_ids), 28)
        frame.node(
            f"group{number}",
            _plain(*lines, *([] if holders else ["(no holder recorded)"])),
            color=colours[branch],
            penwidth="2",
            style="rounded,filled",
            fillcolor="white",
        )
        for function, (certain, possible) in zip(functions, key, strict=True):
            answer = answers[function][type_ids[0]]
            for body_id in (*certain, *possible):
                bodies.setdefault(body_id, None)
                frame.edge(
                    body_id,
                    f"group{number}",
                    label=_plain(_holding(history, answer, body_id, notes)),
                    **_line(function, colours[branch], possible=body_id in possible),
                )
                delegation = _delegations(frame, history, answer, body_id, bodies) or delegation
    for body_id in bodies:
        body = history.body(body_id)
        acronym, name = body.acronym_on(day), body.name_on(day)
        frame.node(body_id, _plain(*([acronym] if acronym else []), *_wrap(name)))
    _legend(frame, history, functions, used, delegation=delegation, dashed=True)
    return canvas.finish()


def _holding(history: History, answer: Answer, body_id: str, notes: _Notes) -> str:
    """An edge label: the laws behind a body's mandates in an answer, and their sources."""
    mandates = [m for m in answer.mandates if m.body == body_id]
    laws = _law_labels(history, dict.fromkeys(law for m in mandates for law in m.basis))
    return f"{laws}{notes.mark(c for m in mandates for c in m.citations)}".strip()


def _delegations(
    frame: graphviz.Digraph, history: History, answer: Answer, body_id: str, bodies: dict[str, None]
) -> bool:
    delegators = answer.delegators(history.body(body_id))
    for delegator in delegators:
        bodies.setdefault(delegator, None)
        frame.edge(delegator, body_id, label=_plain("delegates"), **_DELEGATION)
    return bool(delegators)


# --- the lanes ------------------------------------------------------------------------------

_PX_PER_YEAR: Final = 14
_PX_PER_CHAR: Final = 6.2


def lanes(
    history: History,
    function: str = "supervision",
    *,
    title: str | None = None,
    sources: bool = True,
) -> graphviz.Digraph:
    """One lane per concrete type across time, a bar for each holder's stretch (a Gantt chart).

    A lighter bar is an uncertain stretch: a boundary known only to the month or year, or
    disputed. Bars are named as the bodies were named at the time.
    """
    canvas = _Canvas(
        history,
        "lanes",
        title or f"{function.capitalize()} of each cooperative type over time",
        sources=sources,
    )
    notes = canvas.notes
    lineages = {t.id: history.lineage(t.id, function) for t in history.concrete_types()}
    steps = [s for lineage in lineages.values() for s in lineage]
    if not steps:
        canvas.frame.node("empty", _plain(f"No {function} mandate is recorded."), shape="plaintext")
        return canvas.finish()
    first = min(s.start.year for s in steps) // 10 * 10
    last = (max(d.year for s in steps for d in (s.start, s.end) if d) + 5) // 10 * 10 + 10
    axis = _Axis(pendulum.Date(first, 1, 1), pendulum.Date(last, 1, 1))
    colours: dict[str, str] = {}
    for step in steps:
        for body in (*step.bodies, *step.possible):
            colours.setdefault(body, PALETTE[1 + len(colours) % (len(PALETTE) - 1)])
    ticks = "".join(
        f'<TD WIDTH="{axis.x(pendulum.Date(y + 10, 1, 1)) - axis.x(pendulum.Date(y, 1, 1))}" '
        f'FIXEDSIZE="TRUE" HEIGHT="16" ALIGN="LEFT" BORDER="1" SIDES="L" COLOR="#6F6F6F"> {y}</TD>'
        for y in range(first, last, 10)
    )
    rows = [f"<TR><TD></TD><TD>{_strip(ticks)}</TD></TR>"]
    for type_id, lineage in lineages.items():
        mark = notes.mark(c for s in lineage for m in s.mandates for c in m.citations)
        name = f"{history.coop_type(type_id).name}{mark}"
        rows.append(
            f'<TR><TD ALIGN="RIGHT">{_html(name)}</TD>'
            f"<TD>{_strip(_lane(history, lineage, axis, colours))}</TD></TR>"
        )
    legend = "".join(
        f'<TD BGCOLOR="{colour}" WIDTH="14" FIXEDSIZE="TRUE" HEIGHT="14"></TD>'
        f'<TD ALIGN="LEFT">{_html(_names_over_time(history.body(body)))}</TD>'
        for body, colour in colours.items()
    )
    legend += (
        f'<TD BGCOLOR="{_tint(PALETTE[1])}" WIDTH="14" FIXEDSIZE="TRUE" HEIGHT="14"></TD>'
        '<TD ALIGN="LEFT">lighter: uncertain (date known only to the month or year, '
        "or disputed)</TD>"
    )
    rows.append(f'<TR><TD></TD><TD ALIGN="LEFT">{_strip(legend, spacing=4)}</TD></TR>')
    table = f'<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0">{"".join(rows)}</TABLE>>'
    canvas.frame.node("lanes", table, shape="plaintext")
    return canvas.finish()


class _Axis:
    """Maps days to pixels, so every lane cuts at the same place for the same day."""

    def __init__(self, start: pendulum.Date, end: pendulum.Date) -> None:
        self.start, self.end = start, end

    def x(self, day: pendulum.Date | None) -> int:
        """The pixel offset of a day from the axis start; ``None`` is the axis end."""
        day = self.end if day is None else min(day, self.end)
        return round((day - self.start).in_days() * _PX_PER_YEAR / 365.25)


def _strip(cells: str, spacing: int = 0) -> str:
    """One row of cells as a table of its own, so each lane sets its own cell widths."""
    return f'<TABLE BORDER="0" CELLSPACING="{spacing}" CELLPADDING="0"><TR>{cells}</TR></TABLE>'


def _lane(history: History, lineage: Sequence[Any], axis: _Axis, colours: dict[str, str]) -> str:
    cells = [_cell(axis.x(axis.start), axis.x(lineage[0].start), None, "")] if lineage else []
    for step in lineage:
        holders = (*step.bodies, *step.possible)
        cuts = sorted(
            {
                step.start,
                *(
                    f.until.earliest
                    for b in holders
                    for f in history.body(b).former_names
                    if f.until.earliest and step.start < f.until.earliest < (step.end or axis.end)
                ),
            }
        )
        for begin, finish in zip(cuts, [*cuts[1:], step.end], strict=True):
            names = " + ".join(history.body(b).label_on(begin) for b in holders)
            colour = colours[holders[0]] if holders else None
            if step.possible and colour:
                colour = _tint(colour)
                names = f"{names}?"
            if step.end is None and finish is None:
                names = f"{names} →"
            cells.append(_cell(axis.x(begin), axis.x(finish), colour, names))
    return "".join(cells)


def _cell(left: int, right: int, colour: str | None, text: str) -> str:
    width = right - left
    if width <= 0:
        return ""
    fits = text and len(text) * _PX_PER_CHAR + 4 <= width
    fill = f' BGCOLOR="{colour}"' if colour else ""
    content = f'<FONT POINT-SIZE="10" COLOR="{_ink(colour)}">{_html(text)}</FONT>' if fits else ""
    return f'<TD WIDTH="{width}" HEIGHT="20" FIXEDSIZE="TRUE"{fill}>{content}</TD>'


def _tint(colour: str) -> str:
    """The colour mixed 65% with white: the lighter shade for an uncertain stretch."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * 0.65):02X}" for c in channels)


def _ink(colour: str | None) -> str:
    """Black or white, whichever reads better on the colour."""
    if colour is None:
        return "#000000"
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "#FFFFFF"


# --- writing --------------------------------------------------------------------------------


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
            raise OutputError(f"writing a diagram to a stream needs a format: one of {known}")
        fmt = FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            extensions = ", ".join(FORMATS)
            raise OutputError(
                f"cannot tell the format of {os.fspath(path)!r}: use one of {extensions}"
            )
    elif fmt not in known:
        raise OutputError(f"unknown diagram format {fmt!r}: use one of {', '.join(known)}")
    if isinstance(path, str | os.PathLike):
        check_writable(path)
    data = diagram.source.encode("utf-8") if fmt == "dot" else _pipe(diagram, fmt)
    return write_output(path, data)


def _pipe(diagram: graphviz.Digraph, fmt: str) -> bytes:
    try:
        return diagram.pipe(format=fmt)  # type: ignore[no-any-return]
    except graphviz.ExecutableNotFound as err:
        raise RenderError(_INSTALL) from err
    except graphviz.CalledProcessError as err:
        stderr = err.stderr.decode("utf-8", "replace") if err.stderr else ""
        raise RenderError(f"Graphviz's dot failed to render the diagram: {stderr.strip()}") from err


#: The diagrams the documentation shows, by file stem, each built from a history alone.
DOCS_DIAGRAMS: Final[dict[str, Callable[[History], graphviz.Digraph]]] = {
    "handovers": handovers,
    "lanes": lanes,
    "timeline": timeline,
}


def write_docs_diagrams(history: History, folder: str | os.PathLike[str]) -> list[Path]:
    """Write each of DOCS_DIAGRAMS as ``<name>.dot`` (checked for staleness) and ``<name>.svg``."""
    written = []
    for name, draw in DOCS_DIAGRAMS.items():
        diagram = draw(history)
        for suffix in (".dot", ".svg"):
            target = Path(folder) / f"{name}{suffix}"
            write(diagram, target)
            written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Write the documentation's diagrams: ``python -m coophistory.render docs/diagrams``."""
    parser = argparse.ArgumentParser(prog="python -m coophistory.render", description=main.__doc__)
    parser.add_argument("folder", type=Path, help="where to write the .dot and .svg files")
    parser.add_argument("data", nargs="*", help="data files (default: the bundled data)")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    for path in write_docs_diagrams(load(*args.data), args.folder):
        print(path)  # noqa: T201 - the command reports what it wrote


if __name__ == "__main__":
    main()
