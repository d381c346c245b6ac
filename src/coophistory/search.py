"""A ranked search over a history's records: names first, then titles, then prose.

Case, accents and hyphens are ignored; every word asked must occur in the field matched.

>>> from coophistory import load
>>> [hit.id for hit in search(load(), "conasev")][:1]
['smv']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

import attrs

from coophistory import prose_analyst as prose
from coophistory.grammar import English, grammar

if TYPE_CHECKING:
    from coophistory.history import History

__all__ = ["Hit", "fold", "hit_lines", "search"]

# How much a match in each kind of field counts: names first, then titles, then prose.
_WEIGHTS: Final = {"id": 4, "name": 4, "acronym": 4, "alias": 3, "title": 3, "text": 1}


@attrs.frozen
class Hit:
    """A record matching a search: kind, id, label, the field matched, the match in context."""

    kind: str
    id: str
    label: str
    field: str
    context: str
    score: int

    def to_dict(self) -> dict[str, Any]:
        """The hit as plain data, the shape ``coophistory search --json`` prints."""
        return attrs.asdict(self)


def search(history: History, text: str, *, lang: str = "en") -> list[Hit]:
    """Records whose names, aliases, titles, descriptions or notes hold every word of ``text``.

    Case and accents are ignored, and both languages' texts are searched; the best-scoring
    field of each record is kept, best first. ``lang`` is the language of the hits' labels.
    """
    words = fold(text)[0].split()
    if not words:
        return []
    best: dict[tuple[str, str], Hit] = {}
    for kind, ident, label, field, weight, value in _fields(history, grammar(lang)):
        folded, origin = fold(value)
        if not all(word in folded for word in words):
            continue
        phrase = " ".join(words)
        score = weight * 10 + (5 if folded.strip() == phrase else 0)
        score += (2 if phrase in folded else 0) + sum(f" {w} " in f" {folded} " for w in words)
        marked = phrase if phrase in folded else words[0]
        hit = Hit(kind, ident, label, field, _context(value, folded, origin, marked), score)
        key = (kind, ident)
        if key not in best or best[key].score < score:
            best[key] = hit
    return sorted(best.values(), key=lambda h: (-h.score, h.kind, h.id))


def _fields(history: History, forms: English) -> Iterator[tuple[str, str, str, str, int, str]]:
    """Every searchable text: (kind, id, label, field, weight, text), labels told by ``forms``."""
    for b in history.bodies():
        former = [n for f in b.former_names for n in (f.name, f.name_es, f.acronym) if n]
        name = forms.present_name(b)
        yield from _each("body", b.id, name, "id", [b.id])
        yield from _each("body", b.id, name, "name", [*_both(forms, b.name, b.name_es), *former])
        yield from _each("body", b.id, name, "acronym", b.acronyms)
        yield from _each("body", b.id, name, "text", [b.note])
    for t in history.coop_types():
        name = forms.type_name(t)
        yield from _each("type", t.id, name, "id", [t.id])
        yield from _each("type", t.id, name, "name", _both(forms, t.name, t.name_es))
        yield from _each("type", t.id, name, "alias", t.aliases)
        yield from _each("type", t.id, name, "text", [t.note])
    for law in history.laws():
        label = forms.law_label(law)
        yield from _each("law", law.id, label, "name", [law.label])
        yield from _each("law", law.id, label, "title", _both(forms, law.title, law.title_es))
        yield from _each("law", law.id, label, "text", [law.note])
    for event in history.records.events:
        title = forms.event_title(event)
        yield from _each(
            "event", event.id, title, "title", _both(forms, event.title, event.title_es)
        )
        yield from _each(
            "event", event.id, title, "text", _both(forms, event.description, event.description_es)
        )
    for source in history.sources():
        yield from _each("source", source.id, source.title, "title", [source.title])
        yield from _each("source", source.id, source.title, "text", [source.note])
    for conflict in history.conflicts():
        title = forms.conflict_title(conflict)
        yield from _each(
            "conflict", conflict.id, title, "title", _both(forms, conflict.title, conflict.title_es)
        )
        yield from _each("conflict", conflict.id, title, "text", [conflict.description])


def _both(forms: English, english: str | None, spanish: str | None) -> list[str | None]:
    """Both languages' texts, the one ``forms`` speaks first: it wins a tie in the ranking."""
    return [spanish, english] if forms.lang == "es" else [english, spanish]


def _each(
    kind: str, ident: str, label: str, field: str, values: Iterable[str | None]
) -> Iterator[tuple[str, str, str, str, int, str]]:
    for value in values:
        if value:
            yield kind, ident, label, field, _WEIGHTS[field], value


def fold(text: str) -> tuple[str, list[int]]:
    """Fold case, accents and hyphens; give each folded character's position in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        plain = "".join(
            c
            for c in unicodedata.normalize("NFKD", char.casefold())
            if not unicodedata.combining(c)
        )
        plain = " " if plain in ("-", "_", "\n", "\t") else plain
        folded.append(plain)
        origin += [i] * len(plain)
    return "".join(folded), origin


def _context(value: str, folded: str, origin: list[int], word: str, width: int = 30) -> str:
    """The match with up to ``width`` characters either side, marked with brackets."""
    at = folded.index(word)
    first, last = origin[at], origin[at + len(word) - 1] + 1
    low, high = max(0, first - width), min(len(value), last + width)
    before = ("…" if low else "") + value[low:first]
    after = value[last:high] + ("…" if high < len(value) else "")
    return " ".join(f"{before}[{value[first:last]}]{after}".split())


def hit_lines(hits: Iterable[Hit], lang: str = "en") -> list[str]:
    """One line per hit: kind, id, label, and the match in context; or a line saying none."""
    out = [
        prose.hit_line(
            kind=h.kind, ident=h.id, label=h.label, field=h.field, context=h.context, lang=lang
        )
        for h in hits
    ]
    return out or [prose.no_match(lang=lang)]
