"""HTML tables for Jupyter: an answer, a list of handovers, and what changed between two days.

Every cell is escaped, so a name holding markup shows as text and never runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from coophistory import prose_analyst as prose
from coophistory.grammar import English, grammar
from coophistory.i18n import SOURCE_LANGUAGE
from coophistory.records import Body, CoopType, Handover, Law

if TYPE_CHECKING:
    from coophistory.answers import Answer

__all__ = ["Handovers", "answer_html", "html_table"]


def html_table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A small HTML table with a header row, every cell escaped."""
    import html  # noqa: PLC0415 - only a notebook shows HTML; html.entities costs start-up

    def row(cells: Iterable[str], tag: str) -> str:
        inner = "".join(f"<{tag}>{html.escape(str(cell))}</{tag}>" for cell in cells)
        return f"<tr>{inner}</tr>"

    body = "".join(row(cells, "td") for cells in rows)
    return f"<table><thead>{row(head, 'th')}</thead><tbody>{body}</tbody></table>"


def answer_html(answer: Answer, lang: str = SOURCE_LANGUAGE) -> str:
    """An answer as a two-column table: the day, type, function, holders, laws and sources."""
    forms = grammar(lang)
    values = (
        forms.date(answer.on),
        forms.type_name(answer.coop_type),
        forms.function(answer.function),
        ", ".join(forms.body_described(b, answer.day) for b in answer.bodies),
        ", ".join(forms.body_described(b, answer.day) for b in answer.possible),
        ", ".join(forms.law_label(law) for law in answer.laws),
        "; ".join(answer._cite(c, forms.lang) for c in answer.citations),
        prose.yes_no(answer.certain, lang=forms.lang),
    )
    return html_table(("", ""), zip(prose.answer_rows(lang=forms.lang), values, strict=True))


class Handovers(tuple[Handover, ...]):
    """The handovers :meth:`History.handovers` gives: a tuple that shows as a table in Jupyter.

    It keeps the history's types and laws by id, to name them in words in its table.
    """

    _types: Mapping[str, CoopType]
    _laws: Mapping[str, Law]

    def __new__(
        cls,
        handovers: Iterable[Handover] = (),
        types: Mapping[str, CoopType] | None = None,
        laws: Mapping[str, Law] | None = None,
    ) -> Handovers:
        """The handovers, with the types and laws they name (ids are shown for any missing)."""
        made = super().__new__(cls, handovers)
        made._types = types or {}
        made._laws = laws or {}
        return made

    def _repr_html_(self) -> str:
        """An HTML table, one row per handover, bodies named as on its first day, escaped."""
        return self.html()

    def html(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The table in ``lang``: its headers, dates, functions and bodies' labels."""
        forms = grammar(lang)
        rows = [
            (
                forms.date(h.date),
                forms.function(h.function),
                self._types_text(h.coop_types, forms),
                self._types_text(h.excluding, forms),
                ", ".join(_label(b, h, forms) for b in h.from_bodies),
                ", ".join(_label(b, h, forms) for b in h.to_bodies),
                ", ".join(
                    forms.law_label(self._laws[i]) if i in self._laws else i for i in h.basis
                ),
            )
            for h in self
        ]
        return html_table(prose.handover_columns(lang=forms.lang), rows)

    def _types_text(self, ids: Iterable[str], forms: English) -> str:
        """``savings and credit cooperatives``; an id the history lacks, as it is."""
        return ", ".join(forms.types_label(self._types[i]) if i in self._types else i for i in ids)


def _label(body: Body, handover: Handover, forms: English) -> str:
    day = handover.date.earliest
    return body.id if day is None else forms.body_label(body, day)
