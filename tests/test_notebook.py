"""Jupyter's HTML tables: an answer, handovers and changes, read back with an HTML parser."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import coophistory
from coophistory.notebook import Handovers

from .conftest import tiny_variant
from .test_hostile import HOSTILE


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> coophistory.History:
    """The tiny world with the Ministry of Labor's name and acronym both hostile."""
    folder = tmp_path_factory.mktemp("hostile-html")
    named = tiny_variant(folder, 'name = "Ministry of Labor"', f"name = {json.dumps(HOSTILE)}")
    text = Path(named).read_text(encoding="utf-8")
    acronym = text.replace('acronyms = ["MTPE"]', f"acronyms = [{json.dumps(HOSTILE)}]", 1)
    Path(named).write_text(acronym, encoding="utf-8")
    return coophistory.load(named)


class _Cells(HTMLParser):
    """The text of every cell, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.tags: set[str] = set()
        self._open = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)
        if tag in ("td", "th"):
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


def _read(markup: str) -> _Cells:
    parser = _Cells()
    parser.feed(markup)
    parser.close()
    return parser


def test_an_answer_is_a_table_with_its_holders_escaped(hostile: coophistory.History) -> None:
    """The hostile name comes back as one cell's text; none of its markup becomes a tag."""
    answer = hostile.supervisor("housing", "1985-06-01")
    read = _read(answer._repr_html_())
    assert read.tags == {"table", "thead", "tbody", "tr", "th", "td"}
    assert any(HOSTILE in cell for cell in read.cells)
    assert "yes" in read.cells
    assert any("Law" in cell for cell in read.cells) == bool(answer.laws)


def test_handovers_are_a_tuple_that_shows_as_a_table(hostile: coophistory.History) -> None:
    """History.handovers is still a tuple; its HTML has a row per handover, names escaped."""
    found = hostile.handovers()
    assert isinstance(found, Handovers)
    assert isinstance(found, tuple)
    assert found == tuple(found)
    read = _read(found._repr_html_())
    assert read.tags == {"table", "thead", "tbody", "tr", "th", "td"}
    assert len(read.cells) == 7 * (len(found) + 1)
    assert any(HOSTILE in cell for cell in read.cells)


def test_changes_are_a_table(hostile: coophistory.History) -> None:
    """Each change is a row; the hostile name is text."""
    found = hostile.changes_between("1970", "1995")
    read = _read(found._repr_html_())
    assert len(read.cells) == 7 * (len(found) + 1)
    assert any(HOSTILE in cell for cell in read.cells)
    assert read.tags == {"table", "thead", "tbody", "tr", "th", "td"}


def test_handover_table_names_types_and_laws_in_words(bundled: coophistory.History) -> None:
    """Types as their cooperatives and laws by label, as the rest of the library names them."""
    cells = _read(bundled.handovers("savings-and-credit").html()).cells
    last = cells[-7:]
    assert last[2] == "savings and credit cooperatives"
    assert last[-1] == "Law 30822"
    # a tuple of handovers made by hand still shows, with ids where it knows no names
    made = Handovers(bundled.handovers("savings-and-credit"))
    assert _read(made.html()).cells[-7:][2] == "savings-and-credit"
