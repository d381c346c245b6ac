"""The README's first questions answered in Spanish: whole sentences, written by hand."""

from __future__ import annotations

import pytest

import coophistory

STUDY = "Cooperative country context study: Peru"


def test_savings_and_credit_in_1995(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("ahorro y crédito", "1995-06-01")
    assert answer.text(lang="es") == (
        "El 1 de junio de 1995, la supervisión de las cooperativas de ahorro y crédito estaba a "
        "cargo de la FENACREP (Federación Nacional de Cooperativas de Ahorro y Crédito del Perú, "
        "por encargo de la SBS), en virtud del Decreto Ley N.° 25879. "
        "Las fuentes discrepan: El fundamento legal de la supervisión delegada a la FENACREP. "
        f"Fuentes: {STUDY}, §1, párr. 6; {STUDY}, §1.2, párr. 1; Historia (FENACREP), párrafo 3."
    )


def test_savings_and_credit_from_2019(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("cooperativas de ahorro y crédito", "2019-01-01")
    assert answer.text(lang="es") == (
        "El 1 de enero de 2019, la supervisión de las cooperativas de ahorro y crédito estaba a "
        "cargo de la SBS (Superintendencia de Banca, Seguros y AFP), en virtud de la "
        f"Ley N.° 30822. Fuentes: {STUDY}, §2.5, párr. 3; {STUDY}, §1.2, párr. 4, n. 19; "
        "Cooperativas: inscripción en la SBS empezará el 2 de enero (La República), "
        "párrafos 1-2."
    )


def test_housing_in_1978_is_not_certain(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("vivienda", "1978-06-01")
    assert answer.text(lang="es") == (
        "El 1 de junio de 1978, no se sabe con certeza quién tenía a su cargo la supervisión de "
        "las cooperativas de vivienda: posiblemente el INCOOP (Instituto Nacional de "
        "Cooperativas) o el Ministerio de Trabajo, en virtud de la Ley N.° 15260. "
        f"Fuentes: {STUDY}, §1, párrs. 3 y 5; {STUDY}, §1, párr. 3, n. 2; {STUDY}, §1, párrs. 5-6."
    )


def test_a_whole_year_is_told_with_en(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("cooperativas de vivienda", "1978")
    assert answer.text(lang="es").startswith(
        "En 1978, no se sabe con certeza quién tenía a su cargo la supervisión de las "
        "cooperativas de vivienda: posiblemente el INCOOP"
    )


def test_coffee_promotion_in_2010_contracts_de_el(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("cafetaleras", "2010-01-01", function="promotion")
    assert answer.text(lang="es") == (
        "El 1 de enero de 2010, la promoción de las cooperativas cafetaleras estaba a cargo del "
        "PRODUCE (Ministerio de la Producción), en virtud de la Ley N.° 29271. "
        f"Fuentes: {STUDY}, §1.1.2, párrs. 2-3; {STUDY}, §3, párr. 2; Ministerio de Pesquería "
        "(column) (RPP), paragraph 3 (the October 2008 transfer of micro and small enterprises; "
        "cooperatives not named)."
    )


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        ("2000-01-01", "la CONASEV (Comisión Nacional Supervisora de Empresas y Valores)"),
        ("2015-01-01", "la SMV (Superintendencia del Mercado de Valores)"),
    ],
)
def test_a_body_is_named_as_it_was_called_that_day(
    bundled: coophistory.History, day: str, holder: str
) -> None:
    text = bundled.supervisor("housing", day).text(lang="es")
    assert f"la supervisión de las cooperativas de vivienda estaba a cargo de {holder}, " in text
    assert "en virtud del Decreto Ley N.° 25879. Las fuentes discrepan: " in text


def test_no_mandate_recorded(bundled: coophistory.History) -> None:
    assert bundled.supervisor("escolares", "1960-01-01").text(lang="es") == (
        "El 1 de enero de 1960, no consta ningún mandato de supervisión sobre las cooperativas "
        "escolares."
    )


def test_a_class_whose_subtypes_had_different_holders(bundled: coophistory.History) -> None:
    text = bundled.supervisor("cooperativa", "1995-06-01").text(lang="es")
    assert text.startswith(
        "El 1 de junio de 1995, la supervisión de todas las cooperativas estaba repartida: "
        "las cooperativas de ahorro y crédito estaban a cargo de la FENACREP (Federación "
        "Nacional de Cooperativas de Ahorro y Crédito del Perú, por encargo de la SBS); "
        "las cooperativas agrarias, "
    )
    assert (
        ", de la CONASEV (Comisión Nacional Supervisora de Empresas y Valores), en virtud " in text
    )
    assert "del Decreto Ley N.° 25879." in text


def test_a_day_after_the_record_ends(bundled: coophistory.History) -> None:
    text = bundled.supervisor("vivienda", "2030-01-01").text(lang="es")
    assert (
        " El registro llega hasta el 26 de enero de 2026: lo que regía entonces puede no " in text
    )


def test_str_stays_english_and_english_is_the_default(bundled: coophistory.History) -> None:
    answer = bundled.supervisor("ahorro y crédito", "2019-01-01")
    assert str(answer) == answer.text() == answer.text(lang="en")
    assert str(answer).startswith("On 2019-01-01, supervision of savings and credit cooperatives")


def test_json_keeps_english_keys_and_adds_spanish_labels(bundled: coophistory.History) -> None:
    data = bundled.supervisor("housing", "2000-01-01").to_dict(lang="es")
    assert data["sentence"].startswith("On 2000-01-01")
    assert data["sentence_es"].startswith("El 1 de enero de 2000")
    assert data["laws"][0]["label"] == "Decree-Law 25879"
    assert data["laws"][0]["label_es"] == "Decreto Ley N.° 25879"
    assert data["bodies"][0]["name_es"] == "Comisión Nacional Supervisora de Empresas y Valores"
    assert "sentence_es" not in bundled.supervisor("housing", "2000-01-01").to_dict()


ENGLISH_WORDS = (" lay with ", " under ", "possibly", "not certain", "Source", " of ", "During ")


@pytest.mark.parametrize("function", ["supervision", "promotion"])
@pytest.mark.parametrize("day", ["1970-01-01", "1978", "1992-06-01", "1995", "2010-01-01", "2020"])
def test_no_english_is_left_in_a_spanish_answer(
    bundled: coophistory.History, function: str, day: str
) -> None:
    """The sentences our catalog words are all Spanish (titles of disagreements are data)."""
    for coop_type in bundled.coop_types():
        text = bundled.supervisor(coop_type.id, day, function=function).text(lang="es")
        worded = text.split(" Las fuentes discrepan: ")[0].split(" Fuente")[0]
        assert not [w for w in ENGLISH_WORDS if w in worded], text
