"""A citation's locator in the reader's language: ``§1, para 6, fn 5`` → ``§1, párr. 6, n. 5``.

Curators write locators in English, mostly with a small vocabulary of pinpoints (para, fn,
Table, row, recital, …). In another language a locator is reworded word by word, from the
catalog (context ``locator``), only when every word of it is one of that vocabulary; numbers,
section marks, single letters (``section A``) and quoted text (a table's row labels, as the
source prints them) stay as they are. A locator with any other word, such as a curator's phrase
("passage on the October 2008 transfer"), stays as written rather than come out half translated.

>>> localized("§2.3.1, Table 1, rows 'Agriculture' to 'Total'", lang="es")
"§2.3.1, Cuadro 1, filas 'Agriculture' a 'Total'"
>>> localized("passage on the October 2008 transfer", lang="es")
'passage on the October 2008 transfer'
"""

from __future__ import annotations

import functools
import re
from typing import Final

from coophistory.i18n import SOURCE_LANGUAGE, pgettext

__all__ = ["localized", "vocabulary"]

# Quoted text (kept), or a word with the dot of its abbreviation (art., p.).
_TOKEN: Final = re.compile(r"'[^']*'|\"[^\"]*\"|[^\W\d_]+\.?")


@functools.cache
def vocabulary(lang: str) -> dict[str, str]:
    """The words a locator may be made of, each as ``lang`` writes it in a locator."""
    # TRANSLATORS: the words of a citation's pinpoint (§1, para 6, fn 5), as a bibliography in
    # your language abbreviates them; keep the dot of an abbreviation.
    return {
        "para": pgettext("locator", "para", lang=lang),
        "paras": pgettext("locator", "paras", lang=lang),
        "paragraph": pgettext("locator", "paragraph", lang=lang),
        "paragraphs": pgettext("locator", "paragraphs", lang=lang),
        "fn": pgettext("locator", "fn", lang=lang),
        "footnote": pgettext("locator", "footnote", lang=lang),
        "note": pgettext("locator", "note", lang=lang),
        "table": pgettext("locator", "table", lang=lang),
        "figure": pgettext("locator", "figure", lang=lang),
        "row": pgettext("locator", "row", lang=lang),
        "rows": pgettext("locator", "rows", lang=lang),
        "column": pgettext("locator", "column", lang=lang),
        "section": pgettext("locator", "section", lang=lang),
        "page": pgettext("locator", "page", lang=lang),
        "p.": pgettext("locator", "p.", lang=lang),
        "pp.": pgettext("locator", "pp.", lang=lang),
        "art.": pgettext("locator", "art.", lang=lang),
        "arts.": pgettext("locator", "arts.", lang=lang),
        "recital": pgettext("locator", "recital", lang=lang),
        "recitals": pgettext("locator", "recitals", lang=lang),
        "preamble": pgettext("locator", "preamble", lang=lang),
        "header": pgettext("locator", "header", lang=lang),
        "title": pgettext("locator", "title", lang=lang),
        "line": pgettext("locator", "line", lang=lang),
        "item": pgettext("locator", "item", lang=lang),
        "items": pgettext("locator", "items", lang=lang),
        "numeral": pgettext("locator", "numeral", lang=lang),
        "letter": pgettext("locator", "letter", lang=lang),
        "letters": pgettext("locator", "letters", lang=lang),
        "point": pgettext("locator", "point", lang=lang),
        "points": pgettext("locator", "points", lang=lang),
        "example": pgettext("locator", "example", lang=lang),
        "examples": pgettext("locator", "examples", lang=lang),
        "slide": pgettext("locator", "slide", lang=lang),
        "sidebar": pgettext("locator", "sidebar", lang=lang),
        "cover": pgettext("locator", "cover", lang=lang),
        "abstract": pgettext("locator", "abstract", lang=lang),
        "and": pgettext("locator", "and", lang=lang),
        "to": pgettext("locator", "to", lang=lang),
    }


def localized(locator: str, *, lang: str) -> str:
    """The locator as ``lang`` writes it, or as the curator wrote it if a word is not known."""
    if lang == SOURCE_LANGUAGE:
        return locator
    words = vocabulary(lang)
    told: list[str] = []
    last = 0
    for match in _TOKEN.finditer(locator):
        token = match.group()
        if token[0] in "'\"" or len(token) == 1:
            continue  # quoted text and single letters (section A, letters a-b) stay
        known = words.get(token.lower())
        if known is None:
            return locator
        if token[0].isupper():
            known = known[:1].upper() + known[1:]
        told += [locator[last : match.start()], known]
        last = match.end()
    return "".join([*told, locator[last:]])
