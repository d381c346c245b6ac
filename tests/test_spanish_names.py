"""Names as people write them in Spanish, and what a failed Spanish lookup says."""

from __future__ import annotations

import pytest

import coophistory
from coophistory.errors import UnknownNameError
from coophistory.messages import unknown_name
from coophistory.spanish import types
from coophistory.spanish_names import LawKey, find_body, find_law, find_type, parse_law


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ley 30822", ("law", "30822")),
        ("Ley N° 30822", ("law", "30822")),
        ("Ley Nº 30822", ("law", "30822")),
        ("Ley N.° 30822", ("law", "30822")),
        ("ley n.º 30822", ("law", "30822")),
        ("LEY NRO. 30822", ("law", "30822")),
        ("la Ley No. 30822", ("law", "30822")),
        ("Decreto Ley 25879", ("decree-law", "25879")),
        ("Decreto-Ley N° 25879", ("decree-law", "25879")),
        ("D.L. 25879", ("decree-law", "25879")),
        ("DL 25879", ("decree-law", "25879")),
        ("D.S. 074-90-TR", ("supreme-decree", "74-90-TR")),
        ("DS N° 074-90-tr", ("supreme-decree", "74-90-TR")),
        ("Decreto Supremo 074-90-TR", ("supreme-decree", "74-90-TR")),
        ("Decreto Supremo N.° 74-90-TR", ("supreme-decree", "74-90-TR")),
        ("Decreto Legislativo N.° 85", ("legislative-decree", "85")),
        ("D. Leg. 85", ("legislative-decree", "85")),
        ("D.Leg. N° 85", ("legislative-decree", "85")),
        ("Resolución SBS 480-2019", ("resolution", "SBS 480-2019")),
        ("Resolucion SBS N.° 480-2019", ("resolution", "SBS 480-2019")),
        ("Res. S.B.S. N° 480-2019", ("resolution", "SBS 480-2019")),
        ("R.M. N° 343-2012-PRODUCE", ("ministerial-resolution", "343-2012-PRODUCE")),
        ("Resolución Ministerial 343-2012-PRODUCE", ("ministerial-resolution", "343-2012-PRODUCE")),
        ("Constitución Política del Perú de 1933", ("constitution", "1933")),
    ],
)
def test_spanish_law_designations_parse_to_a_kind_and_number(
    text: str, key: tuple[str, str]
) -> None:
    assert parse_law(text) == LawKey(*key)


@pytest.mark.parametrize(
    "text", ["30822", "Ley General de Cooperativas", "Ley", "Decreto 25879x!", "", "SBS 480-2019"]
)
def test_other_text_is_not_a_designation(text: str) -> None:
    assert parse_law(text) is None


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("Ley N.° 30822", "law-30822"),
        ("D.L. 25879", "dl-25879"),
        ("Decreto Supremo 74-90-TR", "ds-074-90-tr"),
        ("D.S. 004-91-TR", "ds-004-91-tr"),
        ("Resolución SBS N.° 480-2019", "res-sbs-480-2019"),
        ("D. Leg. 85", "dleg-85"),
    ],
)
def test_designations_find_the_bundled_laws(
    bundled: coophistory.History, text: str, law: str
) -> None:
    found = find_law(text, bundled.laws())
    assert found is not None
    assert found.id == law


def test_a_designation_of_no_known_law_suggests_laws_of_its_kind(
    bundled: coophistory.History,
) -> None:
    assert find_law("Ley General de Cooperativas", bundled.laws()) is None
    with pytest.raises(UnknownNameError) as caught:
        find_law("Ley 30823", bundled.laws())
    assert caught.value.suggestions[0] == "law-30822"
    assert all(s.startswith("law-") for s in caught.value.suggestions)


@pytest.mark.parametrize(
    ("text", "coop_type"),
    [
        ("ahorro y crédito", "savings-and-credit"),
        ("Ahorro y Credito", "savings-and-credit"),
        ("cooperativa de ahorro y crédito", "savings-and-credit"),
        ("las cooperativas de ahorro y crédito", "savings-and-credit"),
        ("cooperativas de vivienda", "housing"),
        ("vivienda", "housing"),
        ("agraria", "agriculture"),
        ("agrarias", "agriculture"),
        ("cooperativas agrarias", "agriculture"),
        ("cafetalera", "coffee"),
        ("escolares", "school"),
        ("transporte", "transport"),
        ("servicios múltiples", "multiple-services"),
        ("financiera", "financial"),
        ("no financiera", "non-financial"),
        ("otras cooperativas", "other"),
        ("cooperativas", "cooperative"),
    ],
)
def test_spanish_type_names_singular_or_plural_with_or_without_cooperativa(
    bundled: coophistory.History, text: str, coop_type: str
) -> None:
    assert find_type(text, bundled.coop_types()).id == coop_type


def test_words_that_begin_two_types_are_ambiguous(bundled: coophistory.History) -> None:
    with pytest.raises(UnknownNameError) as caught:
        find_type("cooperativas de servicios", bundled.coop_types())
    assert caught.value.ambiguous
    assert caught.value.suggestions == ("multiple-services", "special-services")


def test_a_misspelt_type_gets_close_matches(bundled: coophistory.History) -> None:
    with pytest.raises(UnknownNameError) as caught:
        find_type("vivenda", bundled.coop_types())
    assert not caught.value.ambiguous
    assert caught.value.suggestions == ("housing",)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("SBS", "sbs"),
        ("la SBS", "sbs"),
        ("Superintendencia de Banca, Seguros y AFP", "sbs"),
        ("Superintendencia de Banca, Seguros y AFP (SBS)", "sbs"),
        ("superintendencia del mercado de valores", "smv"),
        ("Comisión Nacional Supervisora de Empresas y Valores", "smv"),
        ("la CONASEV", "smv"),
        ("el Ministerio de Trabajo", "ministry-of-labor"),
        ("Instituto Nacional de Cooperativas", "incoop"),
    ],
)
def test_bodies_by_spanish_name_or_acronym(
    bundled: coophistory.History, text: str, body: str
) -> None:
    assert find_body(text, bundled.bodies()).id == body


def test_a_name_and_an_acronym_that_disagree_find_nothing(bundled: coophistory.History) -> None:
    with pytest.raises(UnknownNameError):
        find_body("Superintendencia de Banca, Seguros y AFP (SMV)", bundled.bodies())


def test_a_misspelt_type_is_told_in_spanish(bundled: coophistory.History) -> None:
    with pytest.raises(UnknownNameError) as caught:
        find_type("vivenda", bundled.coop_types())
    labels = {t.id: types(t) for t in bundled.coop_types()}
    assert unknown_name(caught.value, lang="es", labels=labels) == (
        "tipo de cooperativa desconocido: “vivenda”; ¿quiso decir “las cooperativas de vivienda”?"
    )


def test_an_ambiguous_type_is_told_in_spanish_with_its_candidates(
    bundled: coophistory.History,
) -> None:
    with pytest.raises(UnknownNameError) as caught:
        find_type("servicios", bundled.coop_types())
    labels = {t.id: types(t).removeprefix("las ") for t in bundled.coop_types()}
    assert unknown_name(caught.value, lang="es", labels=labels) == (
        "el tipo de cooperativa “servicios” es ambiguo: puede ser "
        "“cooperativas de servicios múltiples”, “cooperativas de servicios especiales”"
    )


@pytest.mark.parametrize(
    ("error", "spanish"),
    [
        (
            UnknownNameError("body", "SBZ", ["sbs"]),
            "entidad desconocida: “SBZ”; ¿quiso decir “sbs”?",
        ),
        (UnknownNameError("law", "Ley 1", []), "norma desconocida: “Ley 1”"),
        (UnknownNameError("source", "x", []), "fuente desconocida: “x”"),
        (UnknownNameError("function", "control", []), "función desconocida: “control”"),
        (
            UnknownNameError("law", "85", ["dleg-85", "x-85"], ambiguous=True),
            "la norma “85” es ambigua: puede ser “dleg-85”, “x-85”",
        ),
    ],
)
def test_lookup_errors_in_spanish(error: UnknownNameError, spanish: str) -> None:
    assert unknown_name(error, lang="es") == spanish


def test_lookup_errors_in_english_read_as_before() -> None:
    error = UnknownNameError("cooperative type", "housng", ["housing"])
    assert unknown_name(error, lang="en") == str(error)
    ambiguous = UnknownNameError("law", "85", ["dleg-85", "x-85"], ambiguous=True)
    assert unknown_name(ambiguous, lang="en") == str(ambiguous)


@pytest.mark.parametrize(
    ("kind", "text", "ident"),
    [
        ("coop_type", "ahorro y crédito", "savings-and-credit"),
        ("coop_type", "Cooperativas de Vivienda", "housing"),
        ("coop_type", "agraria", "agriculture"),
        ("coop_type", "COOPAC", "savings-and-credit"),
        ("law", "Ley N.° 30822", "law-30822"),
        ("law", "D.L. 25879", "dl-25879"),
        ("law", "30822", "law-30822"),
        ("body", "la Superintendencia de Banca, Seguros y AFP (SBS)", "sbs"),
        ("body", "CONASEV", "smv"),
    ],
)
def test_history_lookups_read_spanish_after_ids_and_names(
    bundled: coophistory.History, kind: str, text: str, ident: str
) -> None:
    assert getattr(bundled, kind)(text).id == ident


def test_history_lookup_misses_join_english_and_spanish_suggestions(
    bundled: coophistory.History,
) -> None:
    with pytest.raises(UnknownNameError) as caught:
        bundled.coop_type("vivenda")
    assert caught.value.suggestions == ("housing",)
    with pytest.raises(UnknownNameError) as ambiguous:
        bundled.coop_type("servicios")
    assert ambiguous.value.ambiguous
    with pytest.raises(UnknownNameError):
        bundled.law("Ley 99999")
