"""Names as people write them in Spanish: law designations, cooperative types, bodies.

Each function takes the records to search, so that the lookup of names can try them after ids,
English names and aliases. Accents, case, dots and spacing do not matter; a name that fits two
records is an error listing both, never a silent pick; a miss suggests close Spanish names.

>>> parse_law("D.S. N° 074-90-TR")
LawKey(kind='supreme-decree', number='74-90-TR')
>>> parse_law("Resolución S.B.S. N.° 480-2019")
LawKey(kind='resolution', number='SBS 480-2019')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Final, NamedTuple

from coophistory.errors import UnknownNameError
from coophistory.records import Body, CoopType, Law
from coophistory.spanish import plural

__all__ = [
    "LawKey",
    "find_body",
    "find_law",
    "find_type",
    "law_key",
    "parse_law",
    "spanish_type_names",
]


class LawKey(NamedTuple):
    """A law as its kind and number, the number in a canonical form (``74-90-TR``)."""

    kind: str
    number: str


def _fold(text: str) -> str:
    """Case and accents folded, spacing collapsed; ``°`` and ``º`` kept (they are not accents)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def _canonical_number(number: str) -> str:
    """A law number to compare by: upper case, no dots in its issuer, no leading zeros.

    >>> _canonical_number("074-90-tr"), _canonical_number("s.b.s. 0480-2019")
    ('74-90-TR', 'SBS 480-2019')
    """
    parts = number.upper().split()
    if len(parts) > 1:
        parts[:-1] = [p.replace(".", "") for p in parts[:-1]]
    last = "-".join(s.lstrip("0") or "0" if s.isdigit() else s for s in parts[-1].split("-"))
    return " ".join([*parts[:-1], last])


def law_key(kind: str, number: str) -> LawKey:
    """The key a law is found by: its kind and its canonical number."""
    return LawKey(kind, _canonical_number(number))


# The kinds, as written in full or abbreviated; more specific forms first (D.Leg. before D.L.).
_DOT: Final = r"\.?\s*"
_KINDS: Final[tuple[tuple[str, str], ...]] = (
    (
        "legislative-decree",
        rf"decreto\s+legislativo|d{_DOT}leg(?:islativo)?{_DOT}|d{_DOT}lgs?{_DOT}",
    ),
    ("decree-law", rf"decreto[\s-]*ley|d{_DOT}l{_DOT}"),
    ("supreme-decree", rf"decreto\s+supremo|d{_DOT}s{_DOT}"),
    ("ministerial-resolution", rf"resolucion\s+ministerial|r{_DOT}m{_DOT}"),
    ("bill", r"proyecto\s+de\s+ley"),
    ("law", r"ley"),
    ("resolution", rf"(?:resolucion|res{_DOT})(?:\s*(?P<issuer>[a-z](?:[a-z]|\.\s*[a-z])*\.?))?"),
    ("constitution", r"constitucion(?:\s+politica)?(?:\s+del\s+peru)?(?:\s+de)?"),
)
# "N.°", "N°", "Nº", "N.º", "No.", "Nro.", "Núm.", "número", "#": all say "number".
_MARK: Final = r"(?:(?:n\s*\.?\s*[°º]|nro|num|numero|no|n)\s*\.?|#)?"
_LAW: Final = re.compile(
    rf"(?:(?:la|el)\s+)?(?:{'|'.join(f'(?P<k{i}>{p})' for i, (_, p) in enumerate(_KINDS))})"
    rf"\s*{_MARK}\s*(?P<number>\d[\w./-]*)"
)


def parse_law(text: str) -> LawKey | None:
    """The kind and number of a Spanish law designation, or None if ``text`` is not one.

    >>> parse_law("Decreto Ley 25879"), parse_law("DL 25879") == parse_law("d.l. 25879")
    (LawKey(kind='decree-law', number='25879'), True)
    >>> parse_law("Ley Nº 30822"), parse_law("la ley general de cooperativas")
    (LawKey(kind='law', number='30822'), None)
    """
    match = _LAW.fullmatch(_fold(text))
    if match is None:
        return None
    for index, (kind, _) in enumerate(_KINDS):
        if match[f"k{index}"] is not None:
            number = match["number"]
            if kind == "resolution" and match["issuer"]:
                number = f"{match['issuer'].replace('.', '').replace(' ', '')} {number}"
            return law_key(kind, number)
    return None  # pragma: no cover - one alternative always matched


def find_law(text: str, laws: Iterable[Law]) -> Law | None:
    """The law ``text`` designates in Spanish, None when it is not a Spanish designation.

    A designation that parses but names no law we know raises UnknownNameError with close matches.
    """
    key = parse_law(text)
    if key is None:
        return None
    by_key = {law_key(law.kind, law.number): law for law in laws}
    if key in by_key:
        return by_key[key]
    same_kind = {f"{k.kind} {k.number}": law.id for k, law in by_key.items() if k.kind == key.kind}
    close = difflib.get_close_matches(f"{key.kind} {key.number}", list(same_kind), n=3, cutoff=0.6)
    raise UnknownNameError("law", text, [same_kind[c] for c in close])


def _one(kind: str, text: str, asked: str, found: set[str], index: dict[str, set[str]]) -> str:
    """The one id found; several are ambiguous, none gets the ids of the closest names."""
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise UnknownNameError(kind, text, sorted(found), ambiguous=True)
    close = difflib.get_close_matches(asked, list(index), n=3, cutoff=0.6)
    raise UnknownNameError(kind, text, list(dict.fromkeys(min(index[c]) for c in close)))


# --- cooperative types -----------------------------------------------------------------

_ARTICLES: Final = frozenset({"la", "las", "el", "los"})
_COOPERATIVE: Final = frozenset({"cooperativa", "cooperativas"})


def _core(name: str) -> str:
    """A folded type name without article and without ``cooperativa(s) (de)``.

    >>> _core("Las Cooperativas de Ahorro y Crédito"), _core("cooperativa agraria")
    ('ahorro y credito', 'agraria')
    >>> _core("otras cooperativas")
    'otras'
    """
    words = _fold(name).replace("-", " ").split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    if words and words[0] in _COOPERATIVE:
        words = words[1:]
        if words and words[0] in ("de", "del"):
            words = words[1:]
    elif words and words[-1] in _COOPERATIVE:
        words = words[:-1]
    return " ".join(words)


def spanish_type_names(coop_type: CoopType) -> tuple[str, ...]:
    """The folded forms a type is found by in Spanish, singular and plural.

    They come with and without ``cooperativa(s) de``; the root of the taxonomy is
    ``cooperativa(s)`` alone.

    >>> from coophistory.records import CoopType
    >>> housing = CoopType(
    ...     id="h", name="housing", citations=(), parent="c", name_es="cooperativa de vivienda"
    ... )
    >>> spanish_type_names(housing)
    ('cooperativa de vivienda', 'cooperativas de vivienda', 'vivienda')
    """
    if not coop_type.name_es:
        return ()
    if coop_type.parent is None:
        return ("cooperativa", "cooperativas", "todas las cooperativas")
    full = {_fold(coop_type.name_es), _fold(plural(coop_type.name_es))}
    cores = {_core(name) for name in full}
    return tuple(sorted(full | {c for c in cores if c}))


def _type_index(coop_types: Iterable[CoopType]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for coop_type in coop_types:
        for name in spanish_type_names(coop_type):
            index[name].add(coop_type.id)
    return index


def find_type(text: str, coop_types: Iterable[CoopType]) -> CoopType:
    """The type ``text`` names in Spanish: ``ahorro y crédito``, ``cooperativas de vivienda``.

    Words that begin the names of several types (``servicios``) raise UnknownNameError listing them;
    a miss raises UnknownNameError with close Spanish names.
    """
    by_id = {t.id: t for t in coop_types}
    index = _type_index(by_id.values())
    asked = _fold(text).replace("-", " ")
    # "transporte" for "transportes": a last word people write in the singular.
    found = index.get(asked) or index.get(_core(asked)) or index.get(f"{_core(asked)}s", set())
    if not found:
        words = _core(asked).split()
        found = {
            ident
            for name, ids in index.items()
            if words and name.split()[: len(words)] == words
            for ident in ids
        }
    return by_id[_one("cooperative type", text, asked, found, index)]


# --- bodies ----------------------------------------------------------------------------

_NAME_AND_ACRONYM: Final = re.compile(r"(?P<name>.+?)\s*\((?P<acronym>[^()]+)\)")


def _body_index(bodies: Iterable[Body]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for body in bodies:
        names = [body.name_es, *body.acronyms]
        names += [n for f in body.former_names for n in (f.name_es, f.acronym)]
        for name in names:
            if name:
                index[_fold(name)].add(body.id)
    return index


def find_body(text: str, bodies: Iterable[Body]) -> Body:
    """A body by its Spanish name or acronym, present or former, with or without its article.

    Both together are understood as Spanish texts write them:
    ``Superintendencia de Banca, Seguros y AFP (SBS)``.
    """
    by_id = {b.id: b for b in bodies}
    index = _body_index(by_id.values())
    words = _fold(text).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    asked = " ".join(words)
    both = _NAME_AND_ACRONYM.fullmatch(asked)
    if both:
        found = index.get(both["name"], set()) & index.get(both["acronym"], set())
    else:
        found = index.get(asked, set())
    return by_id[_one("body", text, asked, found, index)]
