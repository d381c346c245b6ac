"""Spanish forms a catalog message cannot carry: dates, the legal register, number and gender.

A catalog translates whole sentences with named placeholders; what goes *into* the placeholders
must already be Spanish, and Spanish makes it depend on the thing named: the month's name, the
plural of each word of a cooperative type, the article a body takes (``la SBS``, ``el INCOOP``,
``del INCOOP``), and the way the Peruvian legal register writes a law (``Ley N.° 30822``).

Dates are in :mod:`coophistory.spanish_dates` (``date``, ``day`` and ``when`` are here too).

>>> from coophistory.records import Law
>>> law_label(Law(id="dl", kind="decree-law", number="25879", title="Decree-law", citations=()))
'Decreto Ley N.° 25879'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final, Literal

import pendulum

from coophistory.records import Body, CoopType, Law
from coophistory.spanish_dates import date, day, when

__all__ = [
    "LAW_KINDS_ES",
    "article",
    "body_name",
    "body_short",
    "capitalize",
    "contract",
    "date",
    "day",
    "gender",
    "join",
    "law_label",
    "plural",
    "the_body",
    "the_law",
    "types",
    "when",
]

Gender = Literal["f", "m"]

# --- laws --------------------------------------------------------------------------------

LAW_KINDS_ES: Final[dict[str, str]] = {
    "constitution": "Constitución Política",
    "code": "Código",
    "law": "Ley",
    "decree-law": "Decreto Ley",
    "legislative-decree": "Decreto Legislativo",
    "supreme-decree": "Decreto Supremo",
    "ministerial-resolution": "Resolución Ministerial",
    "resolution": "Resolución",
    "bill": "Proyecto de Ley",
}
# Constitutions and codes are named by their year, not numbered.
_BY_YEAR: Final = frozenset({"constitution", "code"})
# A resolution's number may open with its issuer: "SBS 480-2019".
_ISSUER: Final = re.compile(r"(?P<issuer>[^\d\s][^\s]*)\s+(?P<number>\d.*)")
NUMBER_SIGN: Final = "N.°"


def law_label(law: Law) -> str:
    """A law as the Peruvian legal register writes it: ``Ley N.° 30822``.

    >>> from coophistory.records import Law
    >>> law_label(Law(id="x", kind="resolution", number="SBS 480-2019", title="x", citations=()))
    'Resolución SBS N.° 480-2019'
    >>> law_label(Law(id="y", kind="constitution", number="1933", title="x", citations=()))
    'Constitución Política de 1933'
    """
    kind = LAW_KINDS_ES.get(law.kind, law.kind)
    if law.kind == "code" and law.title_es and law.title_es.startswith(kind):
        kind = law.title_es  # "Código de Comercio de 1902"
    if law.kind in _BY_YEAR:
        return f"{kind} de {law.number}"
    issued = _ISSUER.fullmatch(law.number)
    if issued:
        return f"{kind} {issued['issuer']} {NUMBER_SIGN} {issued['number']}"
    return f"{kind} {NUMBER_SIGN} {law.number}"


# The gender of the noun a law's designation opens with: "la Ley", "el Decreto Supremo".
_LAW_GENDER: Final[dict[str, Gender]] = {
    "constitution": "f",
    "code": "m",
    "law": "f",
    "decree-law": "m",
    "legislative-decree": "m",
    "supreme-decree": "m",
    "ministerial-resolution": "f",
    "resolution": "f",
    "bill": "m",
}


def the_law(law: Law, *, preposition: str = "") -> str:
    """A law with its article: ``la Ley N.° 30822``, ``del Decreto Ley N.° 25879``.

    >>> from coophistory.records import Law
    >>> decree = Law(id="x", kind="decree-law", number="25879", title="x", citations=())
    >>> the_law(decree, preposition="de")
    'del Decreto Ley N.° 25879'
    """
    lead = article(_LAW_GENDER.get(law.kind), preposition=preposition)
    return f"{lead} {law_label(law)}" if lead else law_label(law)


# --- bodies ------------------------------------------------------------------------------

# The gender of the nouns Spanish names of bodies open with; other names go by their ending.
_HEAD_GENDER: Final[dict[str, Gender]] = {
    "agencia": "f",
    "alianza": "f",
    "asociacion": "f",
    "banco": "m",
    "caja": "f",
    "central": "f",
    "comision": "f",
    "confederacion": "f",
    "cooperativa": "f",
    "consejo": "m",
    "cooperacion": "f",
    "direccion": "f",
    "federacion": "f",
    "fondo": "m",
    "instituto": "m",
    "junta": "f",
    "ministerio": "m",
    "organizacion": "f",
    "programa": "m",
    "registro": "m",
    "servicio": "m",
    "sistema": "m",
    "superintendencia": "f",
    "union": "f",
}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _spanish_name_on(body: Body, on: pendulum.Date) -> str | None:
    for former in sorted(body.former_names, key=lambda f: f.until):
        if former.until.earliest is not None and on < former.until.earliest:
            return former.name_es
    return body.name_es


def gender(body: Body, on: pendulum.Date) -> Gender | None:
    """The gender of the body's Spanish name of the day, or None when it has no Spanish name."""
    name = _spanish_name_on(body, on)
    if not name:
        return None
    return _noun_gender(name.split()[0])


def _noun_gender(noun: str) -> Gender:
    """The gender of a noun heading a name: from the list above, else by its ending."""
    head = _plain(noun)
    if head in _HEAD_GENDER:
        return _HEAD_GENDER[head]
    return "f" if head.endswith(("a", "cion", "dad", "tud")) else "m"


def body_short(body: Body, on: pendulum.Date) -> str:
    """A body as a Spanish text names it on ``on``: its acronym of the day, else its name."""
    return body.acronym_on(on) or _spanish_name_on(body, on) or body.name_on(on)


def body_name(body: Body, on: pendulum.Date) -> str:
    """A body's Spanish name of the day with its acronym: ``Superintendencia de Banca, ... (SBS)``.

    A body with no Spanish name recorded keeps the name it has (often an international one).
    """
    name = _spanish_name_on(body, on) or body.name_on(on)
    acronym = body.acronym_on(on)
    return f"{name} ({acronym})" if acronym and acronym != name else name


def article(word_gender: Gender | None, *, plural: bool = False, preposition: str = "") -> str:
    """The definite article, contracted as Spanish contracts it: ``de`` + ``el`` is ``del``.

    >>> article("m", preposition="de"), article("f", preposition="a"), article("f", plural=True)
    ('del', 'a la', 'las')
    """
    if word_gender is None:
        return preposition
    the = {("m", False): "el", ("f", False): "la", ("m", True): "los", ("f", True): "las"}[
        (word_gender, plural)
    ]
    if the == "el" and preposition in ("de", "a"):
        return f"{preposition}l"
    return f"{preposition} {the}" if preposition else the


def the_body(body: Body, on: pendulum.Date, *, preposition: str = "", full: bool = False) -> str:
    """A body with its article (and a preposition): ``la SBS``, ``del INCOOP``, ``a la CONASEV``.

    ``full`` names it in full with its acronym.
    """
    name = body_name(body, on) if full else body_short(body, on)
    lead = article(gender(body, on), preposition=preposition)
    return f"{lead} {name}" if lead else name


# --- cooperative types -------------------------------------------------------------------

# Words a type's name keeps in the plural as they are: "no financiera" → "no financieras".
_INVARIABLE: Final = frozenset({"no", "y", "e", "o", "u"})
_PREPOSITIONS: Final = frozenset({"de", "del", "para", "con", "en"})
_STRESSED_END: Final = str.maketrans("áéíóú", "aeiou")


def _plural_word(word: str) -> str:
    """The plural of one Spanish noun or adjective: ``agraria`` → ``agrarias``."""
    if word in _INVARIABLE or not word[-1].isalpha():
        return word
    if word.endswith(("s", "x")):
        return word
    if word.endswith("z"):
        return f"{word[:-1]}ces"
    if word[-1] in "aeiouáéó":
        return f"{word}s"
    if len(word) > 2 and word[-2] in "áéíóú" and word[-1] in "ns":
        # comisión → comisiones: the stress falls where it was, the accent mark goes.
        return f"{word[:-2]}{word[-2].translate(_STRESSED_END)}{word[-1]}es"
    return f"{word}es"


def plural(name_es: str) -> str:
    """The plural of a Spanish type name: the words before its first preposition agree.

    >>> [plural(n) for n in ("cooperativa de ahorro y crédito", "cooperativa escolar",
    ...                      "cooperativa no financiera", "otras cooperativas")]
    ['cooperativas de ahorro y crédito', 'cooperativas escolares', \
'cooperativas no financieras', 'otras cooperativas']
    """
    words = name_es.split()
    out: list[str] = []
    for index, word in enumerate(words):
        if word.lower() in _PREPOSITIONS:
            out.extend(words[index:])
            break
        out.append(_plural_word(word))
    return " ".join(out)


def _is_plural(name_es: str) -> bool:
    return plural(name_es) == name_es


def types(coop_type: CoopType, *, preposition: str = "") -> str:
    """The cooperatives of a type, with article and number: ``las cooperativas agrarias``.

    The root of the taxonomy is ``todas las cooperativas``; a type already named in the plural
    (``otras cooperativas``) takes no article. A type with no Spanish name keeps its English one.

    >>> from coophistory.records import CoopType
    >>> agrarian = CoopType(
    ...     id="a", name="agricultural", citations=(), parent="c", name_es="cooperativa agraria"
    ... )
    >>> types(agrarian, preposition="de")
    'de las cooperativas agrarias'
    """
    lead = f"{preposition} " if preposition else ""
    if coop_type.parent is None:
        return f"{lead}todas las cooperativas"
    if not coop_type.name_es:
        return f"{lead}{coop_type.name}"
    if _is_plural(coop_type.name_es):
        return f"{lead}{coop_type.name_es}"
    head = _noun_gender(coop_type.name_es.split()[0])
    return f"{article(head, plural=True, preposition=preposition)} {plural(coop_type.name_es)}"


def capitalize(text: str) -> str:
    """The text with its first letter upper-cased and the rest untouched (``la SBS`` → ``La SBS``).

    >>> capitalize("el 1 de junio de 1995")
    'El 1 de junio de 1995'
    """
    return text[:1].upper() + text[1:]


def _conjunction(word: str, following: str) -> str:
    """``y`` is ``e`` before an /i/ sound, ``o`` is ``u`` before an /o/ sound."""
    sound = _plain(following)[:2]
    if word == "y" and (sound.startswith("i") or (sound == "hi" and _plain(following)[2:3] != "e")):
        return "e"
    if word == "o" and (sound.startswith("o") or sound == "ho"):
        return "u"
    return word


def join(items: Iterable[str], word: Literal["y", "o"] = "y") -> str:
    """A Spanish list: ``a, b y c``; ``y`` and ``o`` change before the sounds they merge with.

    >>> join(["FENACREP", "la SBS"]), join(["INCOOP", "el Ministerio"], "o")
    ('FENACREP y la SBS', 'INCOOP o el Ministerio')
    >>> join(["CONASEV", "INCOOP"])
    'CONASEV e INCOOP'
    >>> join(["la SBS", "otras"], "o")
    'la SBS u otras'
    """
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} {_conjunction(word, listed[-1])} {listed[-1]}"


_CONTRACTIONS: Final = re.compile(r"\b(de|a) el\b")


def contract(text: str) -> str:
    """Write ``de el`` and ``a el`` as Spanish writes them, ``del`` and ``al``.

    A sentence built from a catalog message and the names put into it may bring a preposition
    and an article together; only the lower-case article contracts (``de El Comercio`` stays).

    >>> contract("a cargo de el INCOOP, que pasó a el Ministerio; según de El Comercio")
    'a cargo del INCOOP, que pasó al Ministerio; según de El Comercio'
    """
    return _CONTRACTIONS.sub(lambda m: f"{m[1]}l", text)
