"""Every diagram in Spanish: titles, keys, edge labels and source lists from the catalog."""

from __future__ import annotations

import graphviz
import pytest

import coophistory
from coophistory import render


def _views(history: coophistory.History) -> dict[str, graphviz.Digraph]:
    return {
        "handovers": render.handovers(history, lang="es"),
        "lanes": render.lanes(history, lang="es"),
        "lanes-promotion": render.lanes(history, function="promotion", lang="es"),
        "snapshot": render.snapshot(history, "1995-06-01", lang="es"),
        "timeline": render.timeline(history, "2018", "2020", lang="es"),
    }


@pytest.mark.parametrize(
    "english",
    ["Key", "Sources", "Who ", "delegates", "possibly", "Chronology", "mandate", "supervision",
     "promotion", "Law ", "Decree", "Ministry of Labor", "cooperatives"],
)  # fmt: skip
def test_no_english_word_of_ours_in_a_spanish_diagram(
    bundled: coophistory.History, english: str
) -> None:
    for name, diagram in _views(bundled).items():
        if name == "timeline":
            continue  # events' and laws' titles are the curators' words, mostly English
        drawn = diagram.source.split("Fuentes")[0]  # so are the sources' titles and locators
        assert english not in drawn, f"{name}: {english!r}"


def test_spanish_titles_keys_and_labels(bundled: coophistory.History) -> None:
    views = _views(bundled)
    handovers = views["handovers"].source
    assert "Quién supervisó y promovió las cooperativas, y cuándo" in handovers
    assert "1 de enero de 2019 · Ley N.° 30822" in handovers
    assert "entre 1992 y 1993 · Decreto Ley N.° 25879" in handovers
    assert "delega desde 1992 o 1993 hasta el 1 de enero de 2019" in handovers
    assert "CONASEV hasta el 28 de julio de 2011" in handovers
    assert "Leyenda" in handovers
    assert "Fuentes" in handovers
    assert "Supervisión de cada tipo de cooperativa a lo largo del tiempo" in views["lanes"].source
    assert "Promoción de cada tipo de cooperativa" in views["lanes-promotion"].source
    assert "Quién tenía qué función: 1 de junio de 1995" in views["snapshot"].source
    assert "Cronología" in views["timeline"].source
    assert "década de 2010" in views["timeline"].source


def test_english_diagrams_are_unchanged_by_default(bundled: coophistory.History) -> None:
    assert render.handovers(bundled).source == render.handovers(bundled, lang="en").source
