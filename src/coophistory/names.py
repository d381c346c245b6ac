"""Normalising names and looking records up by id, name, acronym, alias or law number."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from coophistory import arguments
from coophistory.errors import UnknownNameError
from coophistory.records import FUNCTIONS, Body, CoopType, Function, Law

__all__ = [
    "body_names",
    "choice",
    "function",
    "law_names",
    "lookup",
    "normal",
    "type_names",
    "unique",
]

_T = TypeVar("_T")
NameIndex = dict[str, set[str]]


def normal(name: str) -> str:
    """Fold case, accents, hyphens and spacing: ``Ahorro-y-Crédito`` → ``ahorro y credito``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").replace("_", " ").split())


def unique(items: Iterable[_T]) -> tuple[_T, ...]:
    """The items without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


def _index(pairs: Iterable[tuple[str, Iterable[str | None]]]) -> NameIndex:
    names: NameIndex = defaultdict(set)
    for ident, aliases in pairs:
        for name in aliases:
            if name:
                names[normal(name)].add(ident)
    return names


def body_names(bodies: Iterable[Body]) -> NameIndex:
    """Every name of every body (English, Spanish, acronyms, former ones) to the body ids."""
    return _index(
        (
            body.id,
            (
                body.name,
                body.name_es,
                *body.acronyms,
                *(n for f in body.former_names for n in (f.name, f.name_es, f.acronym)),
            ),
        )
        for body in bodies
    )


def type_names(coop_types: Iterable[CoopType]) -> NameIndex:
    """Every name and alias of every cooperative type to the type ids."""
    return _index((t.id, (t.name, t.name_es, *t.aliases)) for t in coop_types)


def law_names(laws: Iterable[Law]) -> NameIndex:
    """Every law's number and label to the law ids (a number may be shared)."""
    return _index((law.id, (law.number, law.label)) for law in laws)


def lookup(
    kind: str,
    name: str,
    by_id: Mapping[str, _T],
    by_name: Mapping[str, set[str]],
    *,
    also: Callable[[str], _T | None] | None = None,
) -> _T:
    """The record named ``name``: by id first, then by folded name; else UnknownNameError.

    ``also`` is tried last, on a miss: another way of reading names (Spanish designations and
    plurals, see :mod:`coophistory.spanish_names`). It returns the record or None, or raises
    UnknownNameError, whose suggestions join the close matches.
    """
    arguments.name(name, f"a {kind}")
    if name in by_id:
        return by_id[name]
    matches = by_name.get(normal(name), set())
    if len(matches) == 1:
        return by_id[next(iter(matches))]
    if matches:
        raise UnknownNameError(kind, name, sorted(matches), ambiguous=True)
    import difflib  # noqa: PLC0415 - only for a miss, off the start-up path

    candidates = {normal(i): i for i in by_id} | {n: sorted(ids)[0] for n, ids in by_name.items()}
    close = unique(
        candidates[c]
        for c in difflib.get_close_matches(normal(name), list(candidates), n=3, cutoff=0.6)
    )
    if also is not None:
        try:
            found = also(name)
        except UnknownNameError as err:
            if err.ambiguous:
                raise
            close = unique([*close, *err.suggestions])[:3]
        else:
            if found is not None:
                return found
    raise UnknownNameError(kind, name, close)


def function(name: str) -> Function:
    """The function called ``name`` (``supervision`` or ``promotion``); else UnknownNameError."""
    arguments.name(name, "function")
    for known in FUNCTIONS:
        if name == known:
            return known
    import difflib  # noqa: PLC0415 - only for a miss, off the start-up path

    raise UnknownNameError(
        "function", name, difflib.get_close_matches(name, FUNCTIONS, n=2, cutoff=0.3)
    )


def choice(kind: str, value: str, known: Iterable[str]) -> str:
    """``value`` if it is one of ``known``; else UnknownNameError with the close matches.

    With no close match, every known value is suggested (the lists this checks are short).
    """
    arguments.name(value, kind)
    choices = sorted(set(known))
    if value in choices:
        return value
    import difflib  # noqa: PLC0415 - only for a miss, off the start-up path

    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
    raise UnknownNameError(kind, value, close or choices)
