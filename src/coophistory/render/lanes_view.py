"""The lanes diagram: one lane per concrete type across time, a bar per holder (a Gantt chart)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import graphviz
import pendulum

from coophistory import names, prose
from coophistory.grammar import English, grammar
from coophistory.periods import DateLike, as_of_range
from coophistory.render.style import (
    PALETTE,
    Canvas,
    html_text,
    names_over_time,
    plain,
)

if TYPE_CHECKING:
    from coophistory.answers import LineageStep
    from coophistory.history import History

__all__ = ["lanes"]

_PX_PER_YEAR: Final = 14
_PX_PER_CHAR: Final = 6.2


def lanes(
    history: History,
    *,
    function: str = "supervision",
    start: DateLike | None = None,
    end: DateLike | None = None,
    title: str | None = None,
    sources: bool = True,
    lang: str = "en",
) -> graphviz.Digraph:
    """One lane per concrete type across time, a bar for each holder's stretch (a Gantt chart).

    A lighter bar is an uncertain stretch: a boundary known only to the month or year, or
    disputed. Bars are named as the bodies were named at the time. ``start`` and ``end``
    clip the lanes to the half-open range [start, end); ``lang`` is the language of every
    word in it.
    """
    function = names.function(function)
    low, high = as_of_range(start, end)
    forms = grammar(lang)
    canvas = Canvas(
        history,
        "lanes",
        title or prose.lanes_title(forms.function(function), lang=forms.lang),
        sources=sources,
        forms=forms,
    )
    notes = canvas.notes
    lineages = {
        t.id: _clip(history.lineage(t.id, function=function), low, high)
        for t in history.concrete_types()
    }
    steps = [s for lineage in lineages.values() for s in lineage]
    if not steps:
        canvas.frame.node(
            "empty",
            plain(prose.no_mandate(forms.function(function), lang=forms.lang)),
            shape="plaintext",
        )
        return canvas.finish()
    first = min(s.start.year for s in steps) // 10 * 10 if low is None else low.year
    # Three years or more of room after the last change, for the open bars and their arrows.
    last = (max(d.year for s in steps for d in (s.start, s.end) if d) + 3) // 10 * 10 + 10
    axis = _Axis(pendulum.Date(first, 1, 1), pendulum.Date(last, 1, 1) if high is None else high)
    colours: dict[str, str] = {}
    for step in steps:
        for body in (*step.bodies, *step.possible):
            colours.setdefault(body.id, PALETTE[1 + len(colours) % (len(PALETTE) - 1)])
    widths = {
        y: axis.x(pendulum.Date(y + 10, 1, 1)) - axis.x(pendulum.Date(y, 1, 1))
        for y in range(first, last, 10)
    }
    ticks = "".join(
        f'<TD WIDTH="{width}" '
        f'FIXEDSIZE="TRUE" HEIGHT="16" ALIGN="LEFT" BORDER="1" SIDES="L" COLOR="#6F6F6F">'
        f"{f' {y}' if width >= 5 * _PX_PER_CHAR + 4 else ''}</TD>"  # a label only if it fits
        for y, width in widths.items()
        if width > 0  # a range's end may fall before the last decade
    )
    rows = [f"<TR><TD></TD><TD>{_strip(ticks)}</TD></TR>"]
    for type_id, lineage in lineages.items():
        mark = notes.mark(c for s in lineage for m in s.mandates for c in m.citations)
        name = f"{forms.type_name(history.coop_type(type_id))}{mark}"
        rows.append(
            f'<TR><TD ALIGN="RIGHT">{html_text(name)}</TD>'
            f"<TD>{_strip(_lane(history, lineage, axis, colours, forms))}</TD></TR>"
        )
    legend = "".join(
        f'<TD BGCOLOR="{colour}" WIDTH="14" FIXEDSIZE="TRUE" HEIGHT="14"></TD>'
        f'<TD ALIGN="LEFT">{html_text(names_over_time(history.body(body), forms))}</TD>'
        for body, colour in colours.items()
    )
    legend += (
        f'<TD BGCOLOR="{_tint(PALETTE[1])}" WIDTH="14" FIXEDSIZE="TRUE" HEIGHT="14"></TD>'
        f'<TD ALIGN="LEFT">{html_text(prose.key_uncertain_bar(lang=forms.lang))}</TD>'
    )
    rows.append(f'<TR><TD></TD><TD ALIGN="LEFT">{_strip(legend, spacing=4)}</TD></TR>')
    table = f'<<TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0">{"".join(rows)}</TABLE>>'
    canvas.frame.node("lanes", table, shape="plaintext")
    return canvas.finish()


def _clip(
    lineage: Sequence[LineageStep], low: pendulum.Date | None, high: pendulum.Date | None
) -> tuple[LineageStep, ...]:
    """The steps within [low, high), cut at its ends (None: open)."""
    clipped = []
    for step in lineage:
        begin = step.start if low is None else max(step.start, low)
        finish = step.end if high is None else min(step.end or high, high)
        if finish is None or begin < finish:
            clipped.append(attrs.evolve(step, start=begin, end=finish))
    return tuple(clipped)


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


def _lane(
    history: History,
    lineage: Sequence[Any],
    axis: _Axis,
    colours: dict[str, str],
    forms: English,
) -> str:
    """A lane's cells; a stretch held jointly shows one stripe per holder, one above another."""
    rows = max((len(s.bodies) + len(s.possible) for s in lineage), default=1) or 1
    start = axis.x(lineage[0].start) if lineage else 0
    cells = [_cell(axis.x(axis.start), start, [(None, "")], rows)] if lineage else []
    for step in lineage:
        holders = (*step.bodies, *step.possible)
        cuts = sorted(
            {
                step.start,
                *(
                    f.until.earliest
                    for b in holders
                    for f in b.former_names
                    if f.until.earliest and step.start < f.until.earliest < (step.end or axis.end)
                ),
            }
        )
        for begin, finish in zip(cuts, [*cuts[1:], step.end], strict=True):
            stripes: list[tuple[str | None, str]] = []
            for body in holders:
                colour: str | None = colours[body.id]
                name = forms.body_label(body, begin)
                if step.possible and colour:
                    colour, name = _tint(colour), f"{name}?"
                if step.end is None and finish is None:
                    name = f"{name} →"
                stripes.append((colour, name))
            cells.append(_cell(axis.x(begin), axis.x(finish), stripes or [(None, "")], rows))
    # A type nobody held the function over is an empty lane (an empty row is not valid HTML).
    return "".join(cells) or _cell(axis.x(axis.start), axis.x(axis.end), [(None, "")], rows)


def _cell(left: int, right: int, stripes: Sequence[tuple[str | None, str]], rows: int) -> str:
    """A bar from ``left`` to ``right``: one stripe per holder, the lane ``rows`` stripes high."""
    width = right - left
    if width <= 0:
        return ""
    lane = 20 if rows == 1 else 13 * rows
    height = lane // len(stripes)
    size = 10 if height >= 18 else 7
    inner = "".join(
        f'<TR><TD WIDTH="{width}" HEIGHT="{height}" FIXEDSIZE="TRUE"'
        f"{_fill(colour)}>{_label(text, width, colour, size)}</TD></TR>"
        for colour, text in stripes
    )
    return (
        f'<TD WIDTH="{width}" HEIGHT="{lane}" FIXEDSIZE="TRUE">'
        f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{inner}</TABLE></TD>'
    )


def _fill(colour: str | None) -> str:
    return f' BGCOLOR="{colour}"' if colour else ""


def _label(text: str, width: int, colour: str | None, size: int) -> str:
    """A stripe's text, when it fits in the stripe's width."""
    if not text or len(text) * _PX_PER_CHAR * size / 10 + 4 > width:
        return ""
    return f'<FONT POINT-SIZE="{size}" COLOR="{_ink(colour)}">{html_text(text)}</FONT>'


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
