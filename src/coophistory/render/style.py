"""The look shared by every diagram: palette, fonts, escaping, the canvas, notes and legend."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Final, cast

import graphviz

from coophistory import prose
from coophistory.grammar import English, grammar
from coophistory.records import Body, Citation
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.history import History

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
GREY: Final = "#6F6F6F"
FONT: Final = "Helvetica,Arial,sans-serif"


def line(function: str, colour: str, *, possible: bool = False) -> dict[str, str]:
    """How an edge for a function is drawn: supervision thick, promotion a double line."""
    style = {"style": "dashed" if possible else "solid", "color": colour}
    if function == "promotion":
        style.update(color=f"{colour}:invis:{colour}", penwidth="1", arrowhead="onormal")
    else:
        style.update(penwidth="2.2")
    return style


# --- escaping -------------------------------------------------------------------------------


#: The most characters of one text a diagram shows; a longer text ends in "…" (the data and
#: the exports keep it whole). Graphviz refuses an HTML-like label over 16,384 characters.
LONGEST_TEXT: Final = 500


def shorten(text: str) -> str:
    """The text, or its first LONGEST_TEXT - 1 characters and "…" when it is longer."""
    return text if len(text) <= LONGEST_TEXT else text[: LONGEST_TEXT - 1] + "…"


def plain(*lines: str) -> str:
    r"""A plain label showing each line literally: dot decodes entities and expands ``\N``."""
    escaped = (
        graphviz.escape(show_controls(shorten(line)).replace("&", "&amp;")) for line in lines
    )
    return cast(str, graphviz.nohtml("\\n".join(escaped)))


def html_text(text: str) -> str:
    """Text for an HTML-like label, shown literally (and shortened, as ``shorten`` says)."""
    return html.escape(show_controls(shorten(text)), quote=True).replace("\\", "\\\\")


def wrap(text: str, width: int = 30) -> list[str]:
    """The (shortened) text cut into lines of at most ``width`` characters, words kept whole."""
    return textwrap.wrap(shorten(text), width, break_long_words=False, break_on_hyphens=False) or [
        ""
    ]


# --- shared pieces --------------------------------------------------------------------------


class Notes:
    """Citations numbered in the order a diagram first cites them, listed as notes below it."""

    def __init__(self, history: History, *, enabled: bool, lang: str = "en") -> None:
        self._history = history
        self._enabled = enabled
        self._lang = lang
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
            rows.append(f"[{number}] {source.cite(citation.locator, lang=self._lang)}")
        heading = html_text(prose.sources_heading(lang=self._lang))
        cells = f'<TR><TD ALIGN="LEFT"><B>{heading}</B></TD></TR>' + "".join(
            f'<TR><TD ALIGN="LEFT">{html_text(row)}</TD></TR>' for row in rows
        )
        return f'<<TABLE BORDER="0" CELLPADDING="1" CELLSPACING="0">{cells}</TABLE>>'


class Canvas:
    """A diagram being drawn: a titled cluster to draw in, and notes listed below it.

    ``forms`` words it: its language's dates, names and laws (:func:`coophistory.grammar`).
    """

    def __init__(
        self,
        history: History,
        name: str,
        title: str,
        *,
        sources: bool,
        rankdir: str = "TB",
        forms: English | None = None,
    ) -> None:
        self.forms = forms or grammar("en")
        self.notes = Notes(history, enabled=sources, lang=self.forms.lang)
        self.dot = graphviz.Digraph(name=name)
        self.dot.attr(
            rankdir=rankdir,
            fontname=FONT,
            fontsize="11",
            labelloc="b",
            labeljust="l",
            nodesep="0.3",
            ranksep="0.5",
            pad="0.2",
        )
        self.dot.attr("node", fontname=FONT, fontsize="11")
        self.dot.attr("edge", fontname=FONT, fontsize="10")
        self.frame = graphviz.Digraph(name="cluster_diagram")
        self.frame.attr(
            label=f"<<B>{html_text(title)}</B>>",
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


def group_colours(history: History) -> dict[str, str]:
    """A colour for each branch of the type tree (the root's children); black for the root."""
    colours = {}
    for coop_type in history.coop_types():
        if coop_type.parent is None:
            colours[coop_type.id] = PALETTE[0]
    branches = [t.id for t in history.coop_types() if t.parent in colours]
    colours.update({b: PALETTE[1 + i % (len(PALETTE) - 1)] for i, b in enumerate(branches)})
    return colours


def branch_of(history: History, type_ids: Iterable[str]) -> str:
    """The branch a set of types falls in: the root's child above them all, else the root."""
    branches = {history.ancestors(t)[-2:][0] for t in type_ids}
    return branches.pop() if len(branches) == 1 else history.ancestors(next(iter(type_ids)))[-1]


def type_names(history: History, type_ids: Iterable[str], forms: English) -> str:
    """The types' names in the diagram's language, joined by commas."""
    return ", ".join(forms.type_name(history.coop_type(t)) for t in type_ids)


def law_labels(history: History, law_ids: Iterable[str], forms: English) -> str:
    """The laws' labels in the diagram's language, joined by commas."""
    return ", ".join(forms.law_label(history.law(law)) for law in law_ids)


DELEGATION: Final = {"style": "dotted", "arrowhead": "empty", "color": GREY, "fontcolor": GREY}
#: A delegation to a body only possibly in force on the day drawn: dashed, as other doubts are.
DELEGATION_POSSIBLE: Final = DELEGATION | {"style": "dashed"}


def legend(
    frame: graphviz.Digraph,
    history: History,
    functions: Sequence[str],
    branches: Collection[str],
    *,
    delegation: bool,
    dashed: bool = False,
    forms: English,
    possible_delegation: bool = False,
    joins: bool = False,
) -> None:
    """A boxed key to the line styles and colours used."""
    lang = forms.lang
    with frame.subgraph(name="cluster_legend") as legend:
        legend.attr(
            label=prose.key_heading(lang=lang),
            fontsize="11",
            style="rounded",
            color=GREY,
            labeljust="l",
        )
        legend.attr("node", shape="point", width="0.05", color=GREY)
        samples = [(forms.function(f), line(f, PALETTE[0])) for f in functions]
        if delegation:
            samples.append((prose.key_delegation(lang=lang), DELEGATION))
        if joins:
            joining = line(functions[0], PALETTE[0]) | {"arrowtail": "odiamond", "dir": "both"}
            samples.append((prose.key_joins(lang=lang), joining))
        if possible_delegation:
            samples.append((prose.key_delegation_possible(lang=lang), DELEGATION_POSSIBLE))
        if dashed:
            samples.append(
                (prose.key_possible(lang=lang), line(functions[0], PALETTE[0], possible=True))
            )
        for end in "ab":
            with legend.subgraph() as column:
                column.attr(rank="same")
                for i in range(len(samples)):
                    column.node(f"key{i}{end}")
        for i, (text, style) in enumerate(samples):
            legend.edge(f"key{i}a", f"key{i}b", label=plain(text), weight="100", **style)
        colours = group_colours(history)
        rows = "".join(
            f'<TR><TD BGCOLOR="{colours[b]}" WIDTH="14"></TD>'
            f'<TD ALIGN="LEFT">{html_text(branch_name(history, b, forms))}</TD></TR>'
            for b in colours
            if b in branches
        )
        if rows:
            legend.node(
                "key_colours",
                f'<<TABLE BORDER="0" CELLSPACING="3">{rows}</TABLE>>',
                shape="plaintext",
            )


def branch_name(history: History, type_id: str, forms: English) -> str:
    """What a branch colour stands for in a legend: ``financial cooperatives``."""
    return forms.types_label(history.coop_type(type_id))


def names_over_time(body: Body, forms: English) -> str:
    """Every acronym (or name) a body went by, oldest first: ``CONASEV / SMV``."""
    renamings = sorted(body.former_names, key=lambda f: f.until)
    heads = [f.acronym or forms.former_name(f) for f in renamings]
    heads.append(body.acronym or forms.present_name(body))
    return " / ".join(dict.fromkeys(heads))
