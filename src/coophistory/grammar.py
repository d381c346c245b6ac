"""The words that go into a message's placeholders, in the language of the message.

A catalog translates each sentence whole; the names, dates and lists put into it must already
be in the same language, and each language builds them its own way: English writes
``On 1995-06-01`` and ``Decree-Law 25879``, Spanish ``el 1 de junio de 1995`` and
``el Decreto Ley N.° 25879``, with articles that contract (``del INCOOP``). ``grammar(lang)``
gives the forms of a language; a language with a catalog and no forms of its own here gets the
English ones, so that adding a catalog alone already works.

>>> from coophistory.dates import parse_date
>>> grammar("es").when(parse_date("1978")), grammar("en").when(parse_date("1978"))
('en 1978', 'During 1978')
"""

from __future__ import annotations

from collections.abc import Iterable

import pendulum

from coophistory import spanish
from coophistory.dates import HistoricalDate
from coophistory.i18n import N_, gettext, language, pgettext
from coophistory.records import Body, CoopType, Function, Law

__all__ = ["English", "Spanish", "grammar"]

_FUNCTIONS: dict[str, str] = {"supervision": N_("supervision"), "promotion": N_("promotion")}


class English:
    """The forms of the source language, as the English sentences have always had them."""

    lang = "en"

    def when(self, on: HistoricalDate) -> str:
        """When an answer holds, to open its sentence: ``On 1995-06-01``, ``During 1978``."""
        return f"On {on}" if on.is_exact_day else f"During {on}"

    def date(self, value: HistoricalDate) -> str:
        """A date as a label: its EDTF text (``1992/1993``)."""
        return str(value)

    def day(self, value: pendulum.Date) -> str:
        """A day as a label: ``1995-06-01``."""
        return value.to_date_string()

    def function(self, function: Function | str) -> str:
        """A function's name, in the running text of a sentence."""
        return gettext(_FUNCTIONS.get(function, function), lang=self.lang)

    def types(self, coop_type: CoopType) -> str:
        """The cooperatives of a type, in a sentence: ``savings and credit cooperatives``."""
        if coop_type.parent is None:
            return "all cooperatives"
        name = coop_type.name
        return name if name.lower().endswith("cooperatives") else f"{name} cooperatives"

    def type_name(self, coop_type: CoopType) -> str:
        """A type's short name, as a label: ``savings and credit``."""
        return coop_type.name

    def body(self, body: Body, on: pendulum.Date) -> str:
        """A body in a sentence, as it was called on ``on``: its acronym, else its name."""
        return body.label_on(on)

    def body_label(self, body: Body, on: pendulum.Date) -> str:
        """A body as a label: its acronym of the day, else its name of the day."""
        return body.label_on(on)

    def body_name(self, body: Body, on: pendulum.Date) -> str:
        """A body's full name of the day."""
        return body.name_on(on)

    def law(self, law: Law) -> str:
        """A law in a sentence: ``Law 30822``."""
        return law.label

    def law_label(self, law: Law) -> str:
        """A law as a label: ``Law 30822``."""
        return law.label

    def event_kind(self, kind: str) -> str:
        """What kind of event it is, as a label; a kind this list lacks shows as it is written."""
        lang = self.lang
        kinds = {
            "census": pgettext("event kind", "census", lang=lang),
            "count": pgettext("event kind", "count", lang=lang),
            "dissolution": pgettext("event kind", "dissolution", lang=lang),
            "draft": pgettext("event kind", "draft", lang=lang),
            "figure": pgettext("event kind", "figure", lang=lang),
            "founding": pgettext("event kind", "founding", lang=lang),
            "law": pgettext("event kind", "law", lang=lang),
            "movement": pgettext("event kind", "movement", lang=lang),
            "programme": pgettext("event kind", "programme", lang=lang),
            "reform": pgettext("event kind", "reform", lang=lang),
            "registry": pgettext("event kind", "registry", lang=lang),
            "renaming": pgettext("event kind", "renaming", lang=lang),
            "reorganisation": pgettext("event kind", "reorganisation", lang=lang),
            "transfer": pgettext("event kind", "transfer", lang=lang),
        }
        return kinds.get(kind, kind)

    def all_of(self, items: Iterable[str]) -> str:
        """A list of all the items: ``A, B and C``."""
        return _joined(list(items), "and")

    def any_of(self, items: Iterable[str]) -> str:
        """A list of alternatives: ``A, B or C``."""
        return _joined(list(items), "or")

    def finish(self, sentence: str) -> str:
        """A sentence made of a message and its values, ready to show."""
        return sentence


class Spanish(English):
    """Spanish forms (see :mod:`coophistory.spanish`)."""

    lang = "es"

    def when(self, on: HistoricalDate) -> str:
        """``el 1 de junio de 1995``, ``en 1978``, ``entre 1992 y 1993``."""
        return spanish.when(on)

    def date(self, value: HistoricalDate) -> str:
        """``1 de junio de 1995``, ``junio de 2008``, ``entre 1992 y 1993``."""
        return spanish.date(value)

    def day(self, value: pendulum.Date) -> str:
        """``1 de junio de 1995``."""
        return spanish.day(value)

    def types(self, coop_type: CoopType) -> str:
        """``las cooperativas de ahorro y crédito``."""
        return spanish.types(coop_type)

    def type_name(self, coop_type: CoopType) -> str:
        """``cooperativas de ahorro y crédito``: the plural, without article."""
        return spanish.types(coop_type).removeprefix("las ")

    def body(self, body: Body, on: pendulum.Date) -> str:
        """``la SBS``, ``el INCOOP``: with its article."""
        return spanish.the_body(body, on)

    def body_label(self, body: Body, on: pendulum.Date) -> str:
        """``SBS``, ``CONASEV``."""
        return spanish.body_short(body, on)

    def body_name(self, body: Body, on: pendulum.Date) -> str:
        """``Superintendencia de Banca, Seguros y AFP``, without its acronym."""
        return spanish.body_name(body, on).removesuffix(f" ({body.acronym_on(on)})")

    def law(self, law: Law) -> str:
        """``la Ley N.° 30822``: with its article."""
        return spanish.the_law(law)

    def law_label(self, law: Law) -> str:
        """``Ley N.° 30822``."""
        return spanish.law_label(law)

    def all_of(self, items: Iterable[str]) -> str:
        """``A, B y C`` (``e`` before an /i/ sound)."""
        return spanish.join(items, "y")

    def any_of(self, items: Iterable[str]) -> str:
        """``A, B o C`` (``u`` before an /o/ sound)."""
        return spanish.join(items, "o")

    def finish(self, sentence: str) -> str:
        """Contract ``de el`` and ``a el``, and open with a capital."""
        return spanish.capitalize(spanish.contract(sentence))


_GRAMMARS: dict[str, English] = {"en": English(), "es": Spanish()}


def grammar(lang: str) -> English:
    """The forms of ``lang``; English ones for a language that has none of its own."""
    return _GRAMMARS.get(language(lang), _GRAMMARS["en"])


def _joined(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
