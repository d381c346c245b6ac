"""Answers to as-of questions and the readable, cited sentence each one gives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from coophistory import prose
from coophistory.dates import HistoricalDate
from coophistory.grammar import English, grammar
from coophistory.i18n import SOURCE_LANGUAGE
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
        return grammar(SOURCE_LANGUAGE).body_described(body, self.day)

    def _holder(self, body: Body, forms: English) -> str:
        name = forms.body_name(body, self.day)
        head = forms.body(body, self.day)
        acronym = body.acronym_on(self.day)
        details = [name] if acronym and acronym != body.name_on(self.day) else []
        details += [
            prose.on_behalf_of(forms.body(self._bodies_by_id[d], self.day), lang=forms.lang)
            for d in self.delegators(body)
            if d in self._bodies_by_id
        ]
        return prose.holder(head, details, lang=forms.lang)

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
        return self.text()

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The answer's sentences in ``lang``, with the dates, names and laws as it writes them.

        >>> import coophistory
        >>> answer = coophistory.load().supervisor("savings-and-credit", "2019-06-01")
        >>> answer.text(lang="es").split(", en virtud")[0]
        'El 1 de junio de 2019, la supervisión de las cooperativas de ahorro y crédito estaba \
a cargo de la SBS (Superintendencia de Banca, Seguros y AFP)'
        """
        forms = grammar(lang)
        words = {
            "when": forms.when(self.on),
            "function": forms.function(self.function),
            "types": forms.types(self.coop_type),
            "lang": forms.lang,
        }
        bodies = forms.all_of(self._holder(b, forms) for b in self.bodies)
        possible = forms.any_of(self._holder(b, forms) for b in self.possible)
        laws = forms.all_of(forms.law(law) for law in self.laws)
        groups = _groups(self.by_type)
        if len(groups) > 1:
            grouped = self._grouped(groups, forms)
            sentences = [prose.answer_by_type(**words, groups=grouped, laws=laws)]
        elif not self.bodies and not self.possible:
            sentences = [prose.answer_nobody(**words)]
        elif not self.possible:
            sentences = [prose.answer_certain(**words, bodies=bodies, laws=laws)]
        elif not self.bodies:
            sentences = [prose.answer_possible(**words, possible=possible, laws=laws)]
        else:
            sentences = [prose.answer_mixed(**words, bodies=bodies, possible=possible, laws=laws)]
        if self.record_ends is not None:
            ends = forms.listed_date(self.record_ends)
            sentences.append(prose.record_ends(day=ends, lang=forms.lang))
        open_questions = [forms.conflict_title(c) for c in self.conflicts if c.preferred is None]
        if open_questions:
            sentences.append(prose.sources_disagree(open_questions, lang=forms.lang))
        if self.citations:
            cited = (self._cite(c, forms.lang) for c in self.citations)
            sentences.append(prose.sources_sentence(cited, lang=forms.lang))
        return " ".join(forms.finish(sentence) for sentence in sentences)

    def _grouped(self, groups: list[list[Answer]], forms: English) -> str:
        """Each group of subtypes with the same holders, and who held the function over it."""
        parts = []
        lang = forms.lang
        for first, group in enumerate(groups):
            types = forms.all_of(forms.types(a.coop_type) for a in group)
            bodies = forms.all_of(self._holder(b, forms) for b in group[0].bodies)
            possible = forms.any_of(self._holder(b, forms) for b in group[0].possible)
            if bodies and possible:
                parts.append(
                    prose.group_mixed(types=types, bodies=bodies, possible=possible, lang=lang)
                )
            elif bodies:
                certain = prose.group_certain(
                    types=types, bodies=bodies, first=first == 0, lang=lang
                )
                parts.append(certain)
            elif possible:
                parts.append(prose.group_possible(types=types, possible=possible, lang=lang))
            else:
                parts.append(prose.group_nobody(types=types, lang=lang))
        return "; ".join(parts)

    def _cite(self, citation: Citation, lang: str) -> str:
        source = self._sources_by_id.get(citation.source)
        return source.cite(citation.locator, lang=lang) if source else str(citation)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter, every text escaped."""
        return self.html()

    def html(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The answer as an HTML table in ``lang`` (what Jupyter shows, in English)."""
        from coophistory.notebook import answer_html  # noqa: PLC0415 - only in notebooks

        return answer_html(self, lang)

    def to_dict(self, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
        """The answer as plain data, the shape ``coophistory who --json`` prints.

        The keys are English; another ``lang`` adds its labels beside the English ones
        (``sentence_es``, ``name_es``, ``label_es``).
        """
        data = {
            "coop_type": self.coop_type.id,
            "on": str(self.on),
            "function": self.function,
            "certain": self.certain,
            "bodies": [self._body_dict(b, lang) for b in self.bodies],
            "possible": [self._body_dict(b, lang) for b in self.possible],
            "laws": [law_ref(law, lang) for law in self.laws],
            "citations": [citation_ref(c) for c in self.citations],
            "conflicts": [c.id for c in self.conflicts],
            "record_ends": None if self.record_ends is None else str(self.record_ends),
            "by_type": {t: a.to_dict(lang) for t, a in self.by_type.items()},
            "sentence": str(self),
        }
        if lang != SOURCE_LANGUAGE:
            data[f"sentence_{lang}"] = self.text(lang)
        return data

    def _body_dict(self, body: Body, lang: str) -> dict[str, Any]:
        return body_ref(body, self.day, lang) | {"delegated_by": list(self.delegators(body))}


def _groups(by_type: Mapping[str, Answer]) -> list[list[Answer]]:
    """The subtypes' answers grouped by the same certain and possible holders, first seen first."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Answer]] = {}
    for answer in by_type.values():
        key = (tuple(b.id for b in answer.bodies), tuple(b.id for b in answer.possible))
        groups.setdefault(key, []).append(answer)
    return list(groups.values())


# --- the shapes every --json output shares: the same thing always looks the same ----------


def body_ref(body: Body, day: pendulum.Date, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """Give a body as ``{"id", "name", "acronym"}``, named as it was on ``day``.

    Another ``lang`` adds its name in that language: ``name_es``.
    """
    ref = {"id": body.id, "name": body.name_on(day), "acronym": body.acronym_on(day)}
    if lang != SOURCE_LANGUAGE:
        ref[f"name_{lang}"] = grammar(lang).body_name(body, day)
    return ref


def law_ref(law: Law, lang: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    """Give a law as ``{"id", "label", "date"}``, its date the earliest known.

    Another ``lang`` adds its label in that language: ``label_es``.
    """
    date = None if law.date is None else str(law.date)
    ref: dict[str, Any] = {"id": law.id, "label": law.label, "date": date}
    if lang != SOURCE_LANGUAGE:
        ref[f"label_{lang}"] = grammar(lang).law_label(law)
    return ref


def citation_ref(citation: Citation) -> dict[str, str]:
    """Give a citation as ``{"source", "locator"}``."""
    return {"source": citation.source, "locator": citation.locator}


def handover_dict(
    history: History, handover: Handover, lang: str = SOURCE_LANGUAGE
) -> dict[str, Any]:
    """Give a handover with bodies named as on its first day, its laws and citations.

    The shape ``coophistory handovers --json`` prints; another ``lang`` adds the bodies' names
    and the laws' labels in it (``name_es``, ``label_es``).
    """
    day = handover.date.earliest or pendulum.Date(1, 1, 1)
    return {
        "date": str(handover.date),
        "function": handover.function,
        "coop_types": list(handover.coop_types),
        "excluding": list(handover.excluding),
        "from": [body_ref(b, day, lang) for b in handover.from_bodies],
        "to": [body_ref(b, day, lang) for b in handover.to_bodies],
        "laws": [law_ref(history.law(law), lang) for law in handover.basis],
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
