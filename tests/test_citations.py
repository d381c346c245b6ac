"""Bibliography exports read back by a maintained library of each format, hostile titles too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import pytest
import rispy
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

import coophistory
from coophistory import export
from coophistory.export.cite import ITEM_TYPES
from coophistory.text import show_controls

from .conftest import tiny_variant
from .test_cli import call as call_main
from .test_hostile import HOSTILE

ACCENTED: Final = "Cooperativas: inscripción en la SBS empezará el 2 de enero, «ñandú»"
LATEX: Final = "50% of {co-ops} & #1: $x_y^2$ ~ \\LaTeX"
# One source of each kind, plus one without a kind; the tiny world's "report" source stays.
EXTRA_SOURCES: Final = [
    {
        "id": f"{kind}-source",
        "title": title,
        "author": "Dirección General",
        "publisher": "La República",
        "year": 2018,
        "url": f"https://example.org/{kind}?a=1&b=%20",
        "accessed": "2026-11-20",
        "kind": kind,
        "language": "es",
    }
    for kind, title in zip(ITEM_TYPES, [HOSTILE, ACCENTED, LATEX] * 2, strict=True)
] + [{"id": "plain", "title": "Línea\nnueva"}]


def _toml(row: dict[str, object]) -> str:
    lines = ["[[sources]]"] + [f"{key} = {json.dumps(value)}" for key, value in row.items()]
    return "\n".join(lines) + "\n\n"


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory) -> coophistory.History:
    """The tiny world with a source of every kind, titled with accents, LaTeX and hostile text."""
    folder = tmp_path_factory.mktemp("cited")
    extra = "".join(_toml(row) for row in EXTRA_SOURCES)
    return coophistory.load(tiny_variant(folder, "[[sources]]\n", extra + "[[sources]]\n"))


def shown(text: str) -> str:
    """What every bibliography format writes for a text: one line, controls as escapes."""
    return show_controls(" ".join(text.split()))


def test_bibtex_reads_back_with_bibtexparser(cited: coophistory.History, tmp_path: Path) -> None:
    """Every source is an entry keyed by its id, of its kind's type, its fields intact."""
    path = export.write(cited, "bibtex", tmp_path / "sources.bib")
    library = parse_string(
        path.read_text(encoding="utf-8"), append_middleware=[LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert list(entries) == [s.id for s in cited.sources()]
    for source in cited.sources():
        entry = entries[source.id]
        expected_type = ITEM_TYPES.get(source.kind or "", ("", "misc", ""))[1]
        assert entry.entry_type == expected_type
        # pylatexenc decodes \textasciicircum{} as the modifier letter circumflex.
        assert entry["title"].replace("\u02c6", "^") == shown(source.title)
        if source.kind:
            assert entry["url"] == source.url
            assert entry["urldate"] == str(source.accessed)
            assert entry["author"] == source.author
            assert entry["langid"] == source.language


def test_ris_reads_back_with_rispy(cited: coophistory.History, tmp_path: Path) -> None:
    """Every source is a record of its kind's RIS type, its fields intact."""
    path = export.write(cited, "ris", tmp_path / "sources.ris")
    records = rispy.loads(path.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [s.id for s in cited.sources()]
    for source, record in zip(cited.sources(), records, strict=True):
        assert record["type_of_reference"] == ITEM_TYPES.get(source.kind or "", ("", "", "GEN"))[2]
        assert record["title"] == shown(source.title)
        if source.kind:
            assert record["urls"] == [source.url]
            assert record["access_date"] == "2026-11-20"
            assert record["authors"] == [source.author]
            assert record["publisher"] == source.publisher
            assert record["language"] == "es"


def _render(items: list[dict[str, object]]) -> list[str]:
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(str(item["id"]))]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_csl_json_renders_with_citeproc(cited: coophistory.History, tmp_path: Path) -> None:
    """citeproc-py renders every item in a Harvard style with its title, publisher and date."""
    path = export.write(cited, "csl-json", tmp_path / "sources.json")
    items = json.loads(path.read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [s.id for s in cited.sources()]
    by_id = {i["id"]: i for i in items}
    for source in cited.sources():
        assert by_id[source.id]["type"] == ITEM_TYPES.get(source.kind or "", ("document",))[0]
    rendered = "\n".join(_render(items))
    for source in cited.sources():
        assert shown(source.title) in rendered
    assert "(Accessed: November 20, 2026)" in rendered
    assert "Dirección General (2018)" in rendered


def test_an_answer_cites_its_sources_with_pinpoints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``who --cite`` gives the cited sources only, in order, each locator as a pinpoint."""
    history = coophistory.load()
    answer = history.supervisor("savings-and-credit", "1995-06-01")
    cited_ids = list(dict.fromkeys(c.source for c in answer.citations))
    status, out, _ = call_main(capsys, "who", "savings-and-credit", "1995-06-01", "--cite", "ris")
    assert status == 0
    records = rispy.loads(out)
    assert [r["id"] for r in records] == cited_ids
    for record in records:
        for citation in answer.citations:
            if citation.source == record["id"]:
                assert citation.locator in record["notes"][0]
    _, out, _ = call_main(capsys, "who", "housing", "1995-06-01", "--cite", "bibtex")
    keys = [e.key for e in parse_string(out).entries]
    housing = history.supervisor("housing", "1995-06-01")
    assert keys == list(dict.fromkeys(c.source for c in housing.citations))
    _, out, _ = call_main(capsys, "who", "housing", "1995-06-01", "--cite", "csl-json")
    assert len(_render(json.loads(out))) == len(keys)
