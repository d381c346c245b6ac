"""BibTeX export (BibLaTeX types): every source as an entry LaTeX and reference managers read.

Text is UTF-8 with LaTeX's special characters escaped and control characters shown as escapes,
so no title can end its field early or run a command. Titles are braced to keep their case;
an institutional author is braced whole, so it is never split into given and family names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Final

from coophistory.export.cite import item_type
from coophistory.records import Source
from coophistory.text import show_controls

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["escape", "render", "render_sources"]

_SPECIAL: Final = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE: Final = re.compile("|".join(re.escape(c) for c in _SPECIAL))
# Where the publisher goes, by entry type.
_PUBLISHER_FIELD: Final = {
    "article": "journaltitle",
    "report": "institution",
    "online": "organization",
}


def escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: specials escaped, controls shown, one line."""
    shown = show_controls(" ".join(text.split()))
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], shown)


def render(history: History) -> str:
    """Every source of the history as BibTeX entries."""
    return render_sources(history.sources())


def render_sources(sources: Iterable[Source], notes: Mapping[str, str] | None = None) -> str:
    """The given sources as BibTeX entries; ``notes`` adds a note to an entry by source id."""
    notes = notes or {}
    return "\n".join(_entry(s, notes.get(s.id)) for s in sources)


def _entry(source: Source, note: str | None) -> str:
    kind = item_type(source, "bibtex")
    fields: list[tuple[str, str]] = [("title", "{" + escape(source.title) + "}")]
    if source.author:
        fields.append(("author", "{" + escape(source.author) + "}"))
    if source.publisher:
        fields.append((_PUBLISHER_FIELD.get(kind, "publisher"), escape(source.publisher)))
    if source.year is not None:
        fields.append(("year", str(source.year)))
    if source.url:
        fields.append(("url", escape(source.url)))
    if source.accessed is not None:
        fields.append(("urldate", str(source.accessed)))
    if source.language:
        fields.append(("langid", escape(source.language)))
    if note:
        fields.append(("note", escape(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{_key(source.id)},\n{body}\n}}\n"


def _key(ident: str) -> str:
    """A citation key from a source id: characters BibTeX keys cannot hold become hyphens."""
    return re.sub(r"[^A-Za-z0-9_:.\-]", "-", ident)
