"""The snapshot diagram: who held which function over which types on one day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import graphviz

from coophistory import arguments, names, prose
from coophistory.errors import NothingChosenError
from coophistory.grammar import English, grammar
from coophistory.periods import DateLike
from coophistory.records import FUNCTIONS
from coophistory.render.style import (
    DELEGATION,
    DELEGATION_POSSIBLE,
    GREY,
    Canvas,
    Notes,
    branch_of,
    group_colours,
    law_labels,
    legend,
    line,
    plain,
    type_names,
    wrap,
)

if TYPE_CHECKING:
    from coophistory.answers import Answer
    from coophistory.history import History

__all__ = ["snapshot"]


def snapshot(
    history: History,
    on: DateLike,
    *,
    functions: Sequence[str] = FUNCTIONS,
    title: str | None = None,
    sources: bool = True,
    lang: str = "en",
) -> graphviz.Digraph:
    """Who held which function over which types on one day, bodies named as they were then.

    Types with the same holders share one box; a dashed line is a body that only possibly
    held the function that day (the day falls where a date is known only to the month or year,
    or where sources disagree). ``lang`` is the language of every word in it.
    """
    forms = grammar(lang)
    functions = [names.function(f) for f in arguments.names(functions, "functions")]
    if not functions:
        raise NothingChosenError("function", FUNCTIONS)
    answers = {f: history.supervision_on(on, function=f) for f in functions}
    when = next(iter(next(iter(answers.values())).values())).on
    canvas = Canvas(
        history,
        "snapshot",
        title or prose.snapshot_title(forms.date(when), lang=forms.lang),
        sources=sources,
        rankdir="LR",
        forms=forms,
    )
    frame, notes = canvas.frame, canvas.notes
    frame.attr("node", shape="box", style="rounded", color=GREY)
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
    colours = group_colours(history)
    used = set()
    delegation: set[bool] = set()  # whether certain and possible delegations were drawn
    day = when.earliest
    assert day is not None  # noqa: S101 - History checks that as-of dates are closed
    bodies: dict[str, None] = {}
    for number, (key, type_ids) in enumerate(groups.items()):
        branch = branch_of(history, type_ids)
        used.add(branch)
        holders = any(certain or possible for certain, possible in key)
        lines = wrap(type_names(history, type_ids, forms), 28)
        frame.node(
            f"group{number}",
            plain(*lines, *([] if holders else [prose.no_holder(lang=forms.lang)])),
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
                    label=plain(_holding(history, answer, body_id, notes, forms)),
                    **line(function, colours[branch], possible=body_id in possible),
                )
                delegation |= _delegations(frame, history, answer, body_id, bodies, forms)
    for body_id in bodies:
        body = history.body(body_id)
        acronym, name = body.acronym_on(day), forms.body_name(body, day)
        frame.node(body_id, plain(*([acronym] if acronym else []), *wrap(name)))
    legend(
        frame,
        history,
        functions,
        used,
        delegation=False in delegation,
        dashed=True,
        possible_delegation=True in delegation,
        forms=forms,
    )
    return canvas.finish()


def _holding(history: History, answer: Answer, body_id: str, notes: Notes, forms: English) -> str:
    """An edge label: the laws behind a body's mandates in an answer, and their sources."""
    mandates = [m for m in answer.mandates if m.body == body_id]
    laws = law_labels(history, dict.fromkeys(law for m in mandates for law in m.basis), forms)
    return f"{laws}{notes.mark(c for m in mandates for c in m.citations)}".strip()


def _delegations(
    frame: graphviz.Digraph,
    history: History,
    answer: Answer,
    body_id: str,
    bodies: dict[str, None],
    forms: English,
) -> set[bool]:
    """Draw who delegated to the body; dashed when the body only possibly held it that day.

    Returns whether each drawn delegation was possible only (``{True}``, ``{False}``, both).
    """
    body = history.body(body_id)
    possible = body in answer.possible
    delegators = answer.delegators(body)
    for delegator in delegators:
        bodies.setdefault(delegator, None)
        style = DELEGATION_POSSIBLE if possible else DELEGATION
        label = plain(prose.delegation_edge(lang=forms.lang))
        frame.edge(delegator, body_id, label=label, **style)
    return {possible} if delegators else set()
