"""Answers to as-of questions and the readable, cited sentence each one gives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from coophistory import prose
from coophistory.dates import HistoricalDate
from coophistory.readonly import ReadOnly
from coophistory.records import (
    Body,
    Citation,
    Conflict,
    CoopType,
    Function,
    Handover,
    Law,
    Mandate,
    Source,
)

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["Answer", "LineageStep", "body_ref", "citation_ref", "handover_dict", "law_ref"]


_NO_SUBTYPES: Mapping[str, Any] = ReadOnly({})


@attrs.frozen
class Answer:
    """Who held a function over a cooperative type on a day (or across an imprecise date).

    ``bodies`` held it for certain; ``possible`` may have held it but are not certain (the day
    falls in a boundary known only to the month or year, in a window where sources disagree, or
    after the record ends: then ``record_ends`` is the day the data is current to). ``conflicts``
    are the disagreements listed by its mandates, bodies and laws whose span holds the day.
    For an abstract type, ``by_type`` maps each concrete subtype to its own answer.
    """

    coop_type: CoopType
    on: HistoricalDate
    function: Function
    bodies: tuple[Body, ...]
    possible: tuple[Body, ...]
    mandates: tuple[Mandate, ...]
    laws: tuple[Law, ...]
    citations: tuple[Citation, ...]
    conflicts: tuple[Conflict, ...]
    _bodies_by_id: Mapping[str, Body] = attrs.field(eq=False, repr=False, alias="bodies_by_id")
    _sources_by_id: Mapping[str, Source] = attrs.field(eq=False, repr=False, alias="sources_by_id")
    by_type: Mapping[str, Answer] = attrs.field(default=_NO_SUBTYPES, eq=False, repr=False)
    record_ends: HistoricalDate | None = None

    @property
    def certain(self) -> bool:
        """True when no body is only possibly in force, for every subtype, within the record.

        ``by_type`` holds, for an abstract type, each concrete subtype's answer (read-only, in
        taxonomy order); ``record_ends`` is set when the day asked goes beyond the day the data
        is current to, and such an answer is never certain.
        """
        return (
            not self.possible
            and self.record_ends is None
            and all(a.certain for a in self.by_type.values())
        )

    @property
    def day(self) -> pendulum.Date:
        """The day names are given for: the asked day, or the first day of an imprecise date."""
        assert self.on.earliest is not None  # noqa: S101 - queries take closed dates only
        return self.on.earliest

    def describe_body(self, body: Body) -> str:
        """Name a body as it was called on the day: ``CONASEV (National Supervisory ...)``."""
        name = body.name_on(self.day)
        acronym = body.acronym_on(self.day)
        return f"{acronym} ({name})" if acronym and acronym != name else name

    def _holder(self, body: Body) -> str:
        name = body.name_on(self.day)
        acronym = body.acronym_on(self.day)
        details = [name] if acronym and acronym != name else []
        details += [
            prose.on_behalf_of(self._bodies_by_id[d].label_on(self.day))
            for d in self.delegators(body)
            if d in self._bodies_by_id
        ]
        return prose.holder(acronym or name, details)

    def delegators(self, body: Body) -> tuple[str, ...]:
        """The ids of the bodies on whose behalf ``body`` held the function."""
        return tuple(
            sorted(
                {
                    m.delegated_by
                    for m in self.mandates
                    if m.body == body.id and m.delegated_by is not None
                }
            )
        )

    def __str__(self) -> str:
        """One sentence: who held the function, under which law, according to which source."""
        when = prose.on_day(str(self.on)) if self.on.is_exact_day else prose.during(str(self.on))
        words = {
            "when": when,
            "function": self.function,
            "types": prose.type_plural(self.coop_type.name, root=self.coop_type.parent is None),
        }
        bodies = prose.all_of(self._holder(b) for b in self.bodies)
        possible = prose.any_of(self._holder(b) for b in self.possible)
        laws = prose.all_of(law.label for law in self.laws)
        groups = _groups(self.by_type)
        if len(groups) > 1:
            sentences = [prose.answer_by_type(**words, groups=self._grouped(groups), laws=laws)]
        elif not self.bodies and not self.possible:
            sentences = [prose.answer_nobody(**words)]
        elif not self.possible:
            sentences = [prose.answer_certain(**words, bodies=bodies, laws=laws)]
        elif not self.bodies:
            sentences = [prose.answer_possible(**words, possible=possible, laws=laws)]
        else:
            sentences = [prose.answer_mixed(**words, bodies=bodies, possible=possible, laws=laws)]
        if self.record_ends is not None:
            sentences.append(prose.record_ends(day=str(self.record_ends)))
        open_questions = [c.title for c in self.conflicts if c.preferred is None]
        if open_questions:
            sentences.append(prose.sources_disagree(open_questions))
        if self.citations:
            sentences.append(prose.sources_sentence(self._cite(c) for c in self.citations))
        return " ".join(sentences)

    def _grouped(self, groups: list[list[Answer]]) -> str:
        """Each group of subtypes with the same holders, and who held the function over it."""
        parts = []
        for first, group in enumerate(groups):
            types = prose.all_of(prose.type_plural(a.coop_type.name) for a in group)
            bodies = prose.all_of(self._holder(b) for b in group[0].bodies)
            possible = prose.any_of(self._holder(b) for b in group[0].possible)
            if bodies and possible:
                parts.append(prose.group_mixed(types=types, bodies=bodies, possible=possible))
            elif bodies:
                parts.append(prose.group_certain(types=types, bodies=bodies, first=first == 0))
            elif possible:
                parts.append(prose.group_possible(types=types, possible=possible))
            else:
                parts.append(prose.group_nobody(types=types))
        return "; ".join(parts)

    def _cite(self, citation: Citation) -> str:
        source = self._sources_by_id.get(citation.source)
        return source.cite(citation.locator) if source else str(citation)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter, every text escaped."""
        from coophistory.notebook import answer_html  # noqa: PLC0415 - only in notebooks

        return answer_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The answer as plain data, the shape ``coophistory who --json`` prints."""
        return {
            "coop_type": self.coop_type.id,
            "on": str(self.on),
            "function": self.function,
            "certain": self.certain,
            "bodies": [self._body_dict(b) for b in self.bodies],
            "possible": [self._body_dict(b) for b in self.possible],
            "laws": [law_ref(law) for law in self.laws],
            "citations": [citation_ref(c) for c in self.citations],
            "conflicts": [c.id for c in self.conflicts],
            "record_ends": None if self.record_ends is None else str(self.record_ends),
            "by_type": {t: a.to_dict() for t, a in self.by_type.items()},
            "sentence": str(self),
        }

    def _body_dict(self, body: Body) -> dict[str, Any]:
        return body_ref(body, self.day) | {"delegated_by": list(self.delegators(body))}


def _groups(by_type: Mapping[str, Answer]) -> list[list[Answer]]:
    """The subtypes' answers grouped by the same certain and possible holders, first seen first."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Answer]] = {}
    for answer in by_type.values():
        key = (tuple(b.id for b in answer.bodies), tuple(b.id for b in answer.possible))
        groups.setdefault(key, []).append(answer)
    return list(groups.values())


# --- the shapes every --json output shares: the same thing always looks the same ----------


def body_ref(body: Body, day: pendulum.Date) -> dict[str, Any]:
    """Give a body as ``{"id", "name", "acronym"}``, named as it was on ``day``."""
    return {"id": body.id, "name": body.name_on(day), "acronym": body.acronym_on(day)}


def law_ref(law: Law) -> dict[str, Any]:
    """Give a law as ``{"id", "label", "date"}``, its date the earliest known."""
    return {"id": law.id, "label": law.label, "date": None if law.date is None else str(law.date)}


def citation_ref(citation: Citation) -> dict[str, str]:
    """Give a citation as ``{"source", "locator"}``."""
    return {"source": citation.source, "locator": citation.locator}


def handover_dict(history: History, handover: Handover) -> dict[str, Any]:
    """Give a handover with bodies named as on its first day, its laws and citations.

    The shape ``coophistory handovers --json`` prints.
    """
    day = handover.date.earliest or pendulum.Date(1, 1, 1)
    return {
        "date": str(handover.date),
        "function": handover.function,
        "coop_types": list(handover.coop_types),
        "excluding": list(handover.excluding),
        "from": [body_ref(b, day) for b in handover.from_bodies],
        "to": [body_ref(b, day) for b in handover.to_bodies],
        "laws": [law_ref(history.law(law)) for law in handover.basis],
        "citations": [citation_ref(c) for c in handover.citations],
    }


@attrs.frozen
class LineageStep:
    """A stretch of time in which the same bodies held a function over a type.

    ``start`` is its first day and ``end`` the first day after it (``None``: to this day).
    An uncertain stretch has ``possible`` bodies. ``bodies`` and ``possible`` are Body records,
    as an Answer's are.
    """

    start: pendulum.Date
    end: pendulum.Date | None
    bodies: tuple[Body, ...]
    possible: tuple[Body, ...]
    mandates: tuple[Mandate, ...] = attrs.field(eq=False, repr=False)

    @property
    def certain(self) -> bool:
        """True when no body is only possibly in force in this stretch."""
        return not self.possible
