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

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pendulum

from coophistory import prose
from coophistory.dates import HistoricalDate
from coophistory.i18n import N_, gettext, language, pgettext
from coophistory.records import (
    Body,
    Claim,
    Conflict,
    CoopType,
    Event,
    FormerName,
    Function,
    Law,
)

if TYPE_CHECKING:  # imported by the first Spanish(): an English answer does without them
    from coophistory import spanish, spanish_dates

__all__ = ["English", "Spanish", "grammar"]

_FUNCTIONS: dict[str, str] = {"supervision": N_("supervision"), "promotion": N_("promotion")}


class English:
    """The forms of the source language, also those of a language with a catalog only."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def when(self, on: HistoricalDate) -> str:
        """When an answer holds, to open its sentence: ``On 1995-06-01``, ``During 1978``."""
        if on.is_exact_day:
            return prose.on_day(str(on), lang=self.lang)
        return prose.during(str(on), lang=self.lang)

    def date(self, value: HistoricalDate) -> str:
        """A date as a label, no finer than it is known: ``1978``, ``c. 1992``, ``1992/1993``."""
        return value.display()

    def listed_date(self, value: HistoricalDate) -> str:
        """A date at the head of a listed line: its EDTF text (``1992/1993``, ``2018-07~``)."""
        return str(value)

    def bound(self, value: HistoricalDate) -> str:
        """A date that opens or closes a span (after "from", "until"): ``1992/1993``."""
        return value.display()

    def day(self, value: pendulum.Date) -> str:
        """A day as a label: ``1995-06-01``."""
        return value.to_date_string()

    def function(self, function: Function | str) -> str:
        """A function's name, in the running text of a sentence."""
        return gettext(_FUNCTIONS.get(function, function), lang=self.lang)

    def types(self, coop_type: CoopType) -> str:
        """The cooperatives of a type, in a sentence: ``savings and credit cooperatives``."""
        return prose.type_plural(coop_type.name, root=coop_type.parent is None, lang=self.lang)

    def type_name(self, coop_type: CoopType) -> str:
        """A type's short name, as a label: ``savings and credit``."""
        return coop_type.name

    def types_label(self, coop_type: CoopType) -> str:
        """A type's cooperatives, as a label: ``financial cooperatives``."""
        return self.types(coop_type)

    def type_row(self, coop_type: CoopType) -> str:
        """A type heading a table row: its id, which is also how one asks for it."""
        return coop_type.id

    def body(self, body: Body, on: pendulum.Date) -> str:
        """A body in a sentence, as it was called on ``on``: its acronym, else its name."""
        return body.label_on(on)

    def body_label(self, body: Body, on: pendulum.Date) -> str:
        """A body as a label: its acronym of the day, else its name of the day."""
        return body.label_on(on)

    def body_name(self, body: Body, on: pendulum.Date) -> str:
        """A body's full name of the day."""
        return body.name_on(on)

    def body_described(self, body: Body, on: pendulum.Date) -> str:
        """A body with its acronym and full name of the day: ``CONASEV (National ...)``."""
        name = self.body_name(body, on)
        acronym = body.acronym_on(on)
        return f"{acronym} ({name})" if acronym and acronym != name else name

    def present_name(self, body: Body) -> str:
        """A body's present full name."""
        return body.name

    def former_name(self, former: FormerName) -> str:
        """A name a body went by until a date."""
        return former.name

    def law(self, law: Law) -> str:
        """A law in a sentence: ``Law 30822``."""
        return law.label

    def law_label(self, law: Law) -> str:
        """A law as a label: ``Law 30822``."""
        return law.label

    def law_title(self, law: Law) -> str:
        """A law's title."""
        return law.title

    def conflict_title(self, conflict: Conflict) -> str:
        """What a disagreement is about, in a sentence or a heading."""
        return conflict.title

    def event_title(self, event: Event) -> str:
        """An event's headline."""
        return event.title

    def event_description(self, event: Event) -> str | None:
        """An event's description, if the data gives one."""
        return event.description

    def law_note(self, law: Law) -> str | None:
        """The curators' note on a law, if any."""
        return law.note

    def conflict_description(self, conflict: Conflict) -> str | None:
        """What a disagreement is, at more length, if the data says."""
        return conflict.description

    def conflict_reason(self, conflict: Conflict) -> str | None:
        """Why the dataset prefers one claim, if it does."""
        return conflict.reason

    def claim_value(self, claim: Claim) -> str:
        """What one source claims."""
        return claim.value

    def claim_note(self, claim: Claim) -> str | None:
        """The curators' note on a claim, if any."""
        return claim.note

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
        return prose.all_of(items, lang=self.lang)

    def types_of(self, coop_types: Iterable[CoopType], excluding: Iterable[CoopType] = ()) -> str:
        """Types' cooperatives in a sentence, less some subtypes, as ``excluding`` says.

        ``financial cooperatives except savings and credit cooperatives``.
        """
        named = self.all_of(self.types(t) for t in coop_types)
        left_out = self.all_of(self.types(t) for t in excluding)
        return prose.types_except(named, left_out, lang=self.lang) if left_out else named

    def any_of(self, items: Iterable[str]) -> str:
        """A list of alternatives: ``A, B or C``."""
        return prose.any_of(items, lang=self.lang)

    def finish(self, sentence: str) -> str:
        """A sentence made of a message and its values, ready to show."""
        return sentence


class Spanish(English):
    """Spanish forms (see :mod:`coophistory.spanish`), imported when Spanish is first spoken."""

    def __init__(self, lang: str = "es") -> None:
        super().__init__(lang)
        global spanish, spanish_dates  # noqa: PLW0603 - off the path of an English answer
        from coophistory import spanish, spanish_dates  # noqa: PLC0415

    def when(self, on: HistoricalDate) -> str:
        """``el 1 de junio de 1995``, ``en 1978``, ``entre 1992 y 1993``."""
        return spanish.when(on)

    def date(self, value: HistoricalDate) -> str:
        """``1 de junio de 1995``, ``junio de 2008``, ``entre 1992 y 1993``."""
        return spanish.date(value)

    def listed_date(self, value: HistoricalDate) -> str:
        """``1 de junio de 1995``, ``entre 1992 y 1993``."""
        return spanish.date(value)

    def bound(self, value: HistoricalDate) -> str:
        """After ``desde`` or ``hasta``: ``el 1 de enero de 2019``, ``1992 o 1993``."""
        return spanish_dates.bound(value)

    def day(self, value: pendulum.Date) -> str:
        """``1 de junio de 1995``."""
        return spanish.day(value)

    def types(self, coop_type: CoopType) -> str:
        """``las cooperativas de ahorro y crédito``."""
        return spanish.types(coop_type)

    def type_name(self, coop_type: CoopType) -> str:
        """``cooperativas de ahorro y crédito``: the plural, without article."""
        return spanish.types(coop_type).removeprefix("las ")

    def types_label(self, coop_type: CoopType) -> str:
        """``cooperativas financieras``, ``todas las cooperativas``."""
        return self.type_name(coop_type)

    def type_row(self, coop_type: CoopType) -> str:
        """``cooperativas de ahorro y crédito``: a name the Spanish lookups also understand."""
        return self.type_name(coop_type)

    def body(self, body: Body, on: pendulum.Date) -> str:
        """``la SBS``, ``el INCOOP``: with its article."""
        return spanish.the_body(body, on)

    def body_label(self, body: Body, on: pendulum.Date) -> str:
        """``SBS``, ``CONASEV``."""
        return spanish.body_short(body, on)

    def body_name(self, body: Body, on: pendulum.Date) -> str:
        """``Superintendencia de Banca, Seguros y AFP``, without its acronym."""
        return spanish.body_name(body, on).removesuffix(f" ({body.acronym_on(on)})")

    def present_name(self, body: Body) -> str:
        """``Superintendencia del Mercado de Valores``."""
        return body.name_es or body.name

    def former_name(self, former: FormerName) -> str:
        """``Comisión Nacional Supervisora de Empresas y Valores``."""
        return former.name_es or former.name

    def law(self, law: Law) -> str:
        """``la Ley N.° 30822``: with its article."""
        return spanish.the_law(law)

    def law_label(self, law: Law) -> str:
        """``Ley N.° 30822``."""
        return spanish.law_label(law)

    def law_title(self, law: Law) -> str:
        """Its Spanish title, when the data has it."""
        return law.title_es or law.title

    def conflict_title(self, conflict: Conflict) -> str:
        """The Spanish title of a disagreement, the English one where the data gives none."""
        return conflict.title_es or conflict.title

    def event_title(self, event: Event) -> str:
        """An event's Spanish headline, the English one where the data gives none."""
        return event.title_es or event.title

    def event_description(self, event: Event) -> str | None:
        """An event's Spanish description, the English one where the data gives none."""
        return event.description_es or event.description

    def law_note(self, law: Law) -> str | None:
        """The note in Spanish, the English one where the data gives none."""
        return law.note_es or law.note

    def conflict_description(self, conflict: Conflict) -> str | None:
        """The description in Spanish, the English one where the data gives none."""
        return conflict.description_es or conflict.description

    def conflict_reason(self, conflict: Conflict) -> str | None:
        """The reason in Spanish, the English one where the data gives none."""
        return conflict.reason_es or conflict.reason

    def claim_value(self, claim: Claim) -> str:
        """The claim in Spanish where it is words; a date or a number stays as it is."""
        return claim.value_es or claim.value

    def claim_note(self, claim: Claim) -> str | None:
        """The note in Spanish, the English one where the data gives none."""
        return claim.note_es or claim.note

    def all_of(self, items: Iterable[str]) -> str:
        """``A, B y C`` (``e`` before an /i/ sound)."""
        return spanish.join(items, "y")

    def any_of(self, items: Iterable[str]) -> str:
        """``A, B o C`` (``u`` before an /o/ sound)."""
        return spanish.join(items, "o")

    def finish(self, sentence: str) -> str:
        """Contract ``de el`` and ``a el``, and open with a capital."""
        return spanish.capitalize(spanish.contract(sentence))


_FORMS: dict[str, type[English]] = {"es": Spanish}


@functools.cache
def grammar(lang: str) -> English:
    """The forms of ``lang``; English ones for a language that has none of its own."""
    known = language(lang)
    return _FORMS.get(known, English)(known)
