"""Locators in Spanish: reworded from the catalog when every word allows, else left whole."""

from __future__ import annotations

import re

import pytest

import coophistory
from coophistory.locators import localized, vocabulary

CASES = [
    ("§1, para 6", "§1, párr. 6"),
    ("§1.2, para 4, fn 19", "§1.2, párr. 4, n. 19"),
    ("paragraphs 1-2", "párrafos 1-2"),
    (
        "§2.3.1, Table 1, rows 'Agriculture' to 'Total'",
        "§2.3.1, Cuadro 1, filas 'Agriculture' a 'Total'",
    ),
    ("art. 1, numeral 2, letters a-b", "art. 1, numeral 2, literales a-b"),
    ("section A, points 1-2", "sección A, puntos 1-2"),
    ("recitals 1-4", "considerandos 1-4"),
    # A word outside the vocabulary keeps the whole locator as the curator wrote it.
    ("passage on the October 2008 transfer (not checked: copy not found)", None),
    ("art. 1, 24th final provision, numeral 1", None),
    ("t. XVII, issuu page 207", None),
]


@pytest.mark.parametrize(("locator", "spanish"), CASES)
def test_locators_in_spanish(locator: str, spanish: str | None) -> None:
    """Hand-written cases: each pinpoint word reworded, or the locator left whole."""
    assert localized(locator, lang="es") == (locator if spanish is None else spanish)
    assert localized(locator, lang="en") == locator


def test_no_bundled_locator_comes_out_half_translated(bundled: coophistory.History) -> None:
    """Every locator of the data is either wholly reworded or left exactly as written."""
    spanish = {w.lower() for w in vocabulary("es").values()}
    records = bundled.records
    tables = (records.bodies, records.coop_types, records.laws, records.mandates, records.events)
    locators = {c.locator for table in tables for r in table for c in r.citations}
    locators |= {c.locator for conflict in records.conflicts for c in conflict.citations}
    reworded = 0
    for locator in locators:
        told = localized(locator, lang="es")
        if told == locator:
            continue
        reworded += 1
        words = re.findall(r"[^\W\d_]{2,}\.?", re.sub(r"'[^']*'|\"[^\"]*\"", "", told))
        assert all(w.lower() in spanish for w in words), (locator, told)
    assert reworded > len(locators) / 2
