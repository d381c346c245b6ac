"""Spanish as Peruvians write it: dates, laws, bodies and cooperative types, written by hand."""

from __future__ import annotations

import pendulum
import pytest

import coophistory
from coophistory import spanish
from coophistory.dates import parse_date, to_day
from coophistory.records import LAW_KINDS, CoopType


@pytest.mark.parametrize(
    ("edtf", "noun", "adverb"),
    [
        ("1995-06-01", "1 de junio de 1995", "el 1 de junio de 1995"),
        ("2019-01-01", "1 de enero de 2019", "el 1 de enero de 2019"),
        ("2011-07-28", "28 de julio de 2011", "el 28 de julio de 2011"),
        ("2008-10", "octubre de 2008", "en octubre de 2008"),
        ("2008-06", "junio de 2008", "en junio de 2008"),
        ("1978", "1978", "en 1978"),
        ("1992/1993", "entre 1992 y 1993", "entre 1992 y 1993"),
        ("1992~", "ca. 1992", "hacia 1992"),
        ("1992?", "¿1992?", "¿en 1992?"),
        ("1992/..", "1992 o después", "en 1992 o después"),
        ("../2000", "2000 o antes", "en 2000 o antes"),
        (
            "1995-06-01/1995-06-30",
            "entre el 1 de junio de 1995 y el 30 de junio de 1995",
            "entre el 1 de junio de 1995 y el 30 de junio de 1995",
        ),
    ],
)
def test_dates_read_as_spanish(edtf: str, noun: str, adverb: str) -> None:
    date = parse_date(edtf)
    assert spanish.date(date) == noun
    assert spanish.when(date) == adverb


def test_every_month_has_its_spanish_name_in_lower_case() -> None:
    months = [spanish.day(pendulum.Date(2000, m, 1)).split(" de ")[1] for m in range(1, 13)]
    assert months == [
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("law", "label"),
    [
        ("law-30822", "Ley N.° 30822"),
        ("law-15260", "Ley N.° 15260"),
        ("dl-25879", "Decreto Ley N.° 25879"),
        ("ds-074-90-tr", "Decreto Supremo N.° 074-90-TR"),
        ("dleg-85", "Decreto Legislativo N.° 85"),
        ("res-sbs-480-2019", "Resolución SBS N.° 480-2019"),
        ("rm-343-2012-produce", "Resolución Ministerial N.° 343-2012-PRODUCE"),
        ("constitution-1933", "Constitución Política de 1933"),
        ("code-1902", "Código de Comercio de 1902"),
    ],
)
def test_laws_in_the_peruvian_legal_register(
    bundled: coophistory.History, law: str, label: str
) -> None:
    assert spanish.law_label(bundled.law(law)) == label


def test_every_kind_of_law_has_a_spanish_name() -> None:
    assert set(spanish.LAW_KINDS_ES) == set(LAW_KINDS)


@pytest.mark.parametrize(
    ("body", "day", "full", "short", "with_de"),
    [
        (
            "sbs",
            "2019-01-01",
            "Superintendencia de Banca, Seguros y AFP (SBS)",
            "SBS",
            "de la SBS",
        ),
        (
            "smv",
            "2000-01-01",
            "Comisión Nacional Supervisora de Empresas y Valores (CONASEV)",
            "CONASEV",
            "de la CONASEV",
        ),
        (
            "smv",
            "2015-01-01",
            "Superintendencia del Mercado de Valores (SMV)",
            "SMV",
            "de la SMV",
        ),
        ("incoop", "1970-01-01", "Instituto Nacional de Cooperativas (INCOOP)", "INCOOP",
         "del INCOOP"),
        (
            "ministry-of-labor",
            "1980-01-01",
            "Ministerio de Trabajo",
            "Ministerio de Trabajo",
            "del Ministerio de Trabajo",
        ),
        ("produce", "2010-01-01", "Ministerio de la Producción (PRODUCE)", "PRODUCE",
         "del PRODUCE"),
        ("usaid", "2010-01-01", "United States Agency for International Development (USAID)",
         "USAID", "de USAID"),
    ],
)  # fmt: skip
def test_bodies_by_their_spanish_name_of_the_day(
    bundled: coophistory.History, body: str, day: str, full: str, short: str, with_de: str
) -> None:
    record, on = bundled.body(body), to_day(day)
    assert spanish.body_name(record, on) == full
    assert spanish.body_short(record, on) == short
    assert spanish.the_body(record, on, preposition="de") == with_de


def test_a_body_with_its_article_after_a_and_de(bundled: coophistory.History) -> None:
    on = pendulum.Date(1995, 6, 1)
    fenacrep, smv = bundled.body("fenacrep"), bundled.body("smv")
    assert spanish.the_body(fenacrep, on) == "la FENACREP"
    assert spanish.the_body(smv, on, preposition="a") == "a la CONASEV"
    assert spanish.the_body(bundled.body("incoop"), on, preposition="a") == "al INCOOP"
    assert spanish.the_body(smv, on, full=True) == (
        "la Comisión Nacional Supervisora de Empresas y Valores (CONASEV)"
    )


@pytest.mark.parametrize(
    ("coop_type", "phrase"),
    [
        ("savings-and-credit", "las cooperativas de ahorro y crédito"),
        ("agriculture", "las cooperativas agrarias"),
        ("housing", "las cooperativas de vivienda"),
        ("school", "las cooperativas escolares"),
        ("non-financial", "las cooperativas no financieras"),
        ("multiple-services", "las cooperativas de servicios múltiples"),
        ("coffee", "las cooperativas cafetaleras"),
        ("other", "otras cooperativas"),
        ("cooperative", "todas las cooperativas"),
    ],
)
def test_cooperative_types_in_number_and_gender(
    bundled: coophistory.History, coop_type: str, phrase: str
) -> None:
    assert spanish.types(bundled.coop_type(coop_type)) == phrase


def test_a_type_after_a_preposition_and_one_without_a_spanish_name() -> None:
    housing = CoopType(
        id="housing",
        name="housing",
        citations=(),
        parent="cooperative",
        name_es="cooperativa de vivienda",
    )
    assert spanish.types(housing, preposition="de") == "de las cooperativas de vivienda"
    fishing = CoopType(id="fish", name="fishing", citations=(), parent="cooperative")
    assert spanish.types(fishing) == "fishing"


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("cooperativa comunal", "cooperativas comunales"),
        ("cooperativa de producción y trabajo", "cooperativas de producción y trabajo"),
        ("comisión", "comisiones"),
        ("cooperativa rural del sur", "cooperativas rurales del sur"),
        ("cooperativa feliz", "cooperativas felices"),
    ],
)
def test_spanish_plurals(singular: str, plural: str) -> None:
    assert spanish.plural(singular) == plural


@pytest.mark.parametrize(
    ("items", "word", "text"),
    [
        (["FENACREP"], "y", "FENACREP"),
        (["FENACREP", "la SBS"], "y", "FENACREP y la SBS"),
        (["la SBS", "FENACREP", "INCOOP"], "y", "la SBS, FENACREP e INCOOP"),
        (["el INCOOP", "el Ministerio de Trabajo"], "o", "el INCOOP o el Ministerio de Trabajo"),
        (["siete", "ocho"], "o", "siete u ocho"),
        (["agua", "hielo"], "y", "agua y hielo"),
        (["padres", "hijos"], "y", "padres e hijos"),
    ],
)
def test_lists_change_y_and_o_before_the_sounds_they_merge_with(
    items: list[str], word: str, text: str
) -> None:
    assert spanish.join(items, word) == text  # type: ignore[arg-type]


def test_capitalize_only_touches_the_first_letter() -> None:
    assert spanish.capitalize("la SBS supervisaba") == "La SBS supervisaba"
    assert spanish.capitalize("") == ""


@pytest.mark.parametrize(
    ("law", "preposition", "text"),
    [
        ("law-30822", "", "la Ley N.° 30822"),
        ("law-30822", "de", "de la Ley N.° 30822"),
        ("dl-25879", "de", "del Decreto Ley N.° 25879"),
        ("ds-074-90-tr", "a", "al Decreto Supremo N.° 074-90-TR"),
        ("res-sbs-480-2019", "en", "en la Resolución SBS N.° 480-2019"),
        ("constitution-1933", "", "la Constitución Política de 1933"),
    ],
)
def test_laws_with_their_article(
    bundled: coophistory.History, law: str, preposition: str, text: str
) -> None:
    assert spanish.the_law(bundled.law(law), preposition=preposition) == text


def test_de_el_and_a_el_contract_but_not_before_a_title() -> None:
    sentence = "la supervisión pasó de el INCOOP a el Ministerio de Trabajo, según El Peruano"
    assert spanish.contract(sentence) == (
        "la supervisión pasó del INCOOP al Ministerio de Trabajo, según El Peruano"
    )
    assert spanish.contract("una nota de El Comercio") == "una nota de El Comercio"
    assert spanish.contract("fue él") == "fue él"
