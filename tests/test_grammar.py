"""The placeholder values of each language: English as before, Spanish as Peruvians write it."""

from __future__ import annotations

import pendulum
import pytest

import coophistory
from coophistory.dates import parse_date
from coophistory.errors import UnknownLanguageError
from coophistory.grammar import English, Spanish, grammar


def test_each_language_gets_its_forms_and_a_catalog_only_language_gets_english() -> None:
    assert isinstance(grammar("es"), Spanish)
    assert type(grammar("en")) is English
    assert isinstance(grammar("ES"), Spanish)
    with pytest.raises(UnknownLanguageError):
        grammar("xx")


def test_english_forms_are_the_ones_the_sentences_always_had(
    bundled: coophistory.History,
) -> None:
    en, day = grammar("en"), pendulum.Date(2000, 1, 1)
    assert en.when(parse_date("1995-06-01")) == "On 1995-06-01"
    assert en.when(parse_date("1978")) == "During 1978"
    assert en.function("supervision") == "supervision"
    assert en.types(bundled.coop_type("savings-and-credit")) == "savings and credit cooperatives"
    assert en.types(bundled.coop_type("cooperative")) == "all cooperatives"
    assert en.body(bundled.body("smv"), day) == "CONASEV"
    assert en.body_name(bundled.body("smv"), day) == (
        "National Supervisory Commission for Companies and Securities"
    )
    assert en.law(bundled.law("dl-25879")) == "Decree-Law 25879"
    assert en.any_of(["INCOOP", "Ministry of Labor"]) == "INCOOP or Ministry of Labor"
    assert en.all_of(["A", "B", "C"]) == "A, B and C"


def test_spanish_forms(bundled: coophistory.History) -> None:
    es, day = grammar("es"), pendulum.Date(2000, 1, 1)
    assert es.when(parse_date("1995-06-01")) == "el 1 de junio de 1995"
    assert es.date(parse_date("1992/1993")) == "entre 1992 y 1993"
    assert es.day(day) == "1 de enero de 2000"
    assert es.function("supervision") == "supervisión"
    assert es.function("promotion") == "promoción"
    assert es.types(bundled.coop_type("housing")) == "las cooperativas de vivienda"
    assert es.type_name(bundled.coop_type("housing")) == "cooperativas de vivienda"
    assert es.body(bundled.body("smv"), day) == "la CONASEV"
    assert es.body_label(bundled.body("smv"), day) == "CONASEV"
    assert es.body_name(bundled.body("smv"), day) == (
        "Comisión Nacional Supervisora de Empresas y Valores"
    )
    assert es.law(bundled.law("dl-25879")) == "el Decreto Ley N.° 25879"
    assert es.law_label(bundled.law("dl-25879")) == "Decreto Ley N.° 25879"
    assert es.any_of(["el INCOOP", "el Ministerio de Trabajo"]) == (
        "el INCOOP o el Ministerio de Trabajo"
    )
    assert es.all_of(["la SBS", "INCOOP"]) == "la SBS e INCOOP"


def test_a_spanish_sentence_is_finished_with_contractions_and_a_capital() -> None:
    assert grammar("es").finish("el 1 de junio de 1978, a cargo de el INCOOP") == (
        "El 1 de junio de 1978, a cargo del INCOOP"
    )
    assert grammar("en").finish("as it is") == "as it is"


def test_every_kind_of_event_in_the_data_has_a_spanish_name(bundled: coophistory.History) -> None:
    es, en = grammar("es"), grammar("en")
    kinds = {event.kind for event in bundled.events()}
    assert {kind for kind in kinds if es.event_kind(kind) == kind} == set()
    assert {en.event_kind(kind) for kind in kinds} == kinds
    assert es.event_kind("founding") == "fundación"
    assert es.event_kind("something new") == "something new"
