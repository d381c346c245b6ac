"""The handover diagram: who handed which function to whom, when, under which law."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import graphviz
import pendulum

from coophistory import arguments, names, prose
from coophistory.grammar import English, grammar
from coophistory.periods import DateLike, as_of_range, overlaps
from coophistory.records import FUNCTIONS, Body, Mandate
from coophistory.render.style import (
    DELEGATION,
    GREY,
    Canvas,
    branch_of,
    group_colours,
    html_text,
    law_labels,
    legend,
    line,
    names_over_time,
    plain,
    type_names,
    wrap,
)

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["handovers"]


def handovers(
    history: History,
    coop_types: Iterable[str] | None = None,
    *,
    functions: Sequence[str] = FUNCTIONS,
    start: DateLike | None = None,
    end: DateLike | None = None,
    title: str | None = None,
    sources: bool = True,
    lang: str = "en",
) -> graphviz.Digraph:
    """Who handed which function to whom, when and under which law, left to right in time.

    ``coop_types`` (a list of names) narrows it to some types and their subtypes;
    ``functions`` to some functions; ``start`` and ``end`` to the handovers dated within the
    half-open range (and the delegations in force within it). ``sources`` numbers the
    citations behind each handover and lists them as notes; ``lang`` is the language of every
    word in it.
    """
    scopes: list[str | None] = [None]
    if coop_types is not None:
        scopes = list(arguments.names(coop_types, "coop_types"))
    functions = [names.function(f) for f in arguments.names(functions, "functions")]
    low, high = as_of_range(start, end)
    forms = grammar(lang)
    canvas = Canvas(
        history,
        "handovers",
        title or prose.handovers_title(lang=forms.lang),
        sources=sources,
        rankdir="LR",
        forms=forms,
    )
    frame, notes = canvas.frame, canvas.notes
    frame.attr("node", shape="box", style="rounded", color=GREY, margin="0.15,0.08")
    colours = group_colours(history)
    steps = {
        h: None
        for scope in scopes
        for f in functions
        for h in history.handovers(scope, function=f)
        if overlaps(h.date, low, high)
    }
    bodies: dict[str, None] = {}
    used: set[str] = set()
    for step in sorted(steps, key=lambda h: h.date.sort_key()):
        branch = branch_of(history, step.coop_types)
        used.add(branch)
        label = [
            forms.date(step.date)
            + (f" · {law_labels(history, step.basis, forms)}" if step.basis else "")
        ]
        if history.coop_type(branch).parent is not None or len(step.coop_types) > 1:
            label += wrap(type_names(history, step.coop_types, forms), 34)
        if step.excluding:
            excluded = type_names(history, step.excluding, forms)
            label += wrap(prose.except_types(excluded, lang=forms.lang), 34)
        label[-1] += notes.mark(step.citations)
        pairs = [(g, r) for g in step.from_bodies for r in step.to_bodies if r != g]
        _edges(frame, bodies, pairs, label, line(step.function, colours[branch]))
    joined = _joinings(history, scopes, functions)
    for (function, givers, arriving), (mandates, types) in joined.items():
        branch = branch_of(history, types)
        used.add(branch)
        basis = tuple(dict.fromkeys(law for m in mandates for law in m.basis))
        label = [
            forms.date(min(m.start for m in mandates))
            + (f" · {law_labels(history, basis, forms)}" if basis else ""),
            *wrap(prose.joins(type_names(history, types, forms), lang=forms.lang), 34),
        ]
        label[-1] += notes.mark(c for m in mandates for c in m.citations)
        style = line(function, colours[branch]) | {"arrowtail": "odiamond", "dir": "both"}
        _edges(frame, bodies, [(g, r) for g in givers for r in arriving], label, style)
    delegated = [
        m
        for m in history.mandates()
        if m.delegated_by and m.function in functions and m.body in bodies and _within(m, low, high)
    ]
    for mandate in delegated:
        assert mandate.delegated_by is not None  # noqa: S101 - filtered above
        bodies.setdefault(mandate.delegated_by, None)
        span = prose.delegates(
            forms.bound(mandate.start),
            forms.bound(mandate.end) if mandate.end else "",
            lang=forms.lang,
        )
        frame.edge(
            mandate.delegated_by,
            mandate.body,
            constraint="false",
            label=plain(f"{span}{notes.mark(mandate.citations)}"),
            **DELEGATION,
        )
    for body_id in bodies:
        frame.node(body_id, _body_label(history.body(body_id), forms))
    delegation = bool(delegated)
    legend(frame, history, functions, used, delegation=delegation, joins=bool(joined), forms=forms)
    return canvas.finish()


def _within(mandate: Mandate, low: pendulum.Date | None, high: pendulum.Date | None) -> bool:
    """Whether a mandate may be in force on some day of the half-open range [low, high)."""
    first, last = mandate.start.earliest, mandate.end.latest if mandate.end else None
    return (high is None or first is None or first < high) and (
        low is None or last is None or last >= low
    )


def _edges(
    frame: graphviz.Digraph,
    bodies: dict[str, None],
    pairs: Sequence[tuple[Body, Body]],
    label: Sequence[str],
    style: dict[str, str],
) -> None:
    """An edge from giver to receiver for each pair, labelled in the line's colour."""
    for giver, receiver in pairs:
        bodies.update(dict.fromkeys((giver.id, receiver.id)))
        colour = style["color"].split(":")[0]
        frame.edge(giver.id, receiver.id, label=plain(*label), fontcolor=colour, **style)


_Joining = tuple[str, tuple[Body, ...], tuple[Body, ...]]


def _joinings(
    history: History, scopes: Sequence[str | None], functions: Sequence[str]
) -> dict[_Joining, tuple[tuple[Mandate, ...], list[str]]]:
    """Bodies that came to hold a function jointly with its holders, who stayed: not handovers.

    Keyed by function, the holders and the bodies joining them; each with the joining mandates
    and the concrete types it happened over, in file order.
    """
    concrete = [t.id for t in history.concrete_types()]
    chosen = {
        t
        for scope in scopes
        for t in (concrete if scope is None else (scope, *history.descendants(scope)))
    }
    found: dict[_Joining, tuple[tuple[Mandate, ...], list[str]]] = {}
    for type_id in (t for t in concrete if t in chosen):
        for function in functions:
            previous: tuple[Body, ...] = ()
            for step in history.lineage(type_id, function=function):
                if not step.certain or not step.bodies:
                    continue
                arriving = tuple(b for b in step.bodies if b not in previous)
                if previous and arriving and all(b in step.bodies for b in previous):
                    ids = {b.id for b in arriving}
                    mandates = tuple(m for m in step.mandates if m.body in ids)
                    key = (function, previous, arriving)
                    found.setdefault(key, (mandates, []))[1].append(type_id)
                previous = step.bodies
    return found


def _body_label(body: Body, forms: English) -> str:
    """A body across time: every acronym it used, its present name, and when it was renamed."""
    renamings = sorted(body.former_names, key=lambda f: f.until)
    lines = [f"<B>{html_text(names_over_time(body, forms))}</B>"]
    if body.acronym:
        lines += [
            f'<FONT POINT-SIZE="9">{html_text(line)}</FONT>'
            for line in wrap(forms.present_name(body))
        ]
    renamed = (
        prose.named_until(f.acronym or forms.former_name(f), forms.bound(f.until), lang=forms.lang)
        for f in renamings
    )
    lines += [f'<FONT POINT-SIZE="8"><I>{html_text(text)}</I></FONT>' for text in renamed]
    return f"<{'<BR/>'.join(lines)}>"
