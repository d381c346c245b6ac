"""Loading and validation: every rule, with a small real TOML file that breaks it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import coophistory
from coophistory import DataError

from .conftest import TINY, tiny_variant

FENACREP_MANDATE = """body = "fenacrep"
delegated_by = "sbs"
function = "supervision\""""

BROKEN = [
    # (case, text in tiny.toml, replacement, table and record named, message fragment)
    (
        "unknown key",
        'name = "Ministry of Labor"',
        'name = "Ministry of Labor"\nnmae_es = "x"',
        "bodies #2 (ministry-of-labor)",
        "unknown key 'nmae_es' (did you mean 'name_es'?)",
    ),
    (
        "missing key",
        'id = "law-29271"\nkind = "law"\n',
        'id = "law-29271"\n',
        "laws #3 (law-29271)",
        "missing required key 'kind'",
    ),
    (
        "wrong type",
        "year = 2013",
        'year = "2013"',
        "sources #2 (report)",
        "expected a whole number",
    ),
    (
        "bad date",
        'promulgated = "1992"',
        'promulgated = "1992-02-30"',
        "laws #2 (dl-25879)",
        "there is no day 30",
    ),
    (
        "end before start",
        'start = "2008-10"\nbasis = ["law-29271"]',
        'start = "2008-10"\nend = "2001"\nbasis = ["law-29271"]',
        "mandates #7 (produce → cooperative)",
        "ends (2001) before it starts (2008-10)",
    ),
    (
        "unknown reference",
        'basis = ["law-30822"]',
        'basis = ["law-30832"]',
        "mandates #8 (sbs → savings-and-credit)",
        "basis refers to unknown id 'law-30832' (did you mean 'law-30822'",
    ),
    (
        "unknown source",
        '{ source = "study", locator = "§2.5" }',
        '{ source = "stdy", locator = "§2.5" }',
        "mandates #8 (sbs → savings-and-credit)",
        "source refers to unknown id 'stdy'",
    ),
    ("duplicate id", 'id = "report"', 'id = "study"', "sources #2 (study)", "duplicate id 'study'"),
    (
        "taxonomy cycle",
        'id = "cooperative"\nname = "cooperative"',
        'id = "cooperative"\nparent = "coffee"\nname = "cooperative"',
        "coop_types #",
        "cycle",
    ),
    (
        "unknown function",
        FENACREP_MANDATE,
        FENACREP_MANDATE.replace('"supervision"', '"supervison"'),
        "mandates #5 (fenacrep → savings-and-credit)",
        "unknown function 'supervison'",
    ),
    (
        "overlap",
        'coop_types = ["non-financial"]\nstart = "1992"',
        'coop_types = ["cooperative"]\nstart = "1985"',
        "mandates #6 (smv → cooperative)",
        "overlaps mandates #3 (ministry-of-labor → cooperative) in supervision",
    ),
    (
        "basis after start",
        'start = 2019-01-01\nbasis = ["law-30822"]',
        'start = 2017-01-01\nbasis = ["law-30822"]',
        "mandates #8 (sbs → savings-and-credit)",
        "basis 'law-30822' is dated 2018-07, after the mandate starts",
    ),
    (
        "open boundary",
        'start = "1992/1993"',
        'start = "../1993"',
        "mandates #5 (fenacrep → savings-and-credit)",
        "is open",
    ),
    ("bad id", 'id = "census-2017"', 'id = "Census 2017"', "events #2 (Census 2017)", "kebab-case"),
    (
        "single claim",
        '  { value = "1993", source = "report", locator = "p. 4" },\n',
        "",
        "conflicts #1 (fenacrep-start)",
        "at least two claims",
    ),
    (
        "no citations",
        'citations = [{ source = "study", locator = "§1.1.1" }]\n\n[[coop_types]]\nid = "coffee"',
        'citations = []\n\n[[coop_types]]\nid = "coffee"',
        "coop_types #5 (agriculture)",
        "must not be empty",
    ),
    (
        "unknown law kind",
        'kind = "decree-law"',
        'kind = "decree law"',
        "laws #2 (dl-25879)",
        "unknown law kind 'decree law' (did you mean 'decree-law'?)",
    ),
    (
        "schema version",
        "schema_version = 1",
        "schema_version = 2",
        "variant.toml",
        "schema_version 2 is not supported",
    ),
]


@pytest.mark.parametrize(
    ("case", "old", "new", "where", "what"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_each_rule_names_file_record_and_problem(
    tmp_path: Path, case: str, old: str, new: str, where: str, what: str
) -> None:
    """A broken file raises DataError whose message names the file, the record and the problem."""
    path = tiny_variant(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        coophistory.load(path)
    lines = [str(p) for p in caught.value.problems]
    assert any(str(path) in line and where in line and what in line for line in lines), lines
    assert what in str(caught.value)


def test_overlap_allowed_for_delegation_and_joint(tmp_path: Path) -> None:
    """The SBS may hold a mandate while FENACREP acts on its behalf; joint mandates may overlap."""
    delegator = tiny_variant(
        tmp_path,
        'start = 2019-01-01\nbasis = ["law-30822"]',
        'start = "1995"\nbasis = ["law-30822"]',
    )
    with pytest.raises(DataError) as caught:  # only the basis date rule fires
        coophistory.load(delegator)
    assert [p.message for p in caught.value.problems] == [
        "basis 'law-30822' is dated 2018-07, after the mandate starts (1995)"
    ]
    overlapping = 'coop_types = ["non-financial"]\nstart = "1992"\nbasis = ["dl-25879"]'
    clash = tiny_variant(
        tmp_path, overlapping, 'coop_types = ["cooperative"]\nstart = "1985"', "clash.toml"
    )
    with pytest.raises(DataError, match="overlaps"):
        coophistory.load(clash)
    text = clash.read_text(encoding="utf-8").replace("function =", "joint = true\nfunction =")
    clash.write_text(text, encoding="utf-8")
    assert len(coophistory.load(clash).mandates()) == 8


def test_problems_are_gathered_together(tmp_path: Path) -> None:
    """Several problems in one file come back in one error, in file order."""
    text = TINY.read_text(encoding="utf-8")
    text = text.replace("year = 2013", 'year = "2013"').replace(
        'basis = ["law-30822"]', 'basis = ["nope"]'
    )
    text = text.replace('kind = "ministry"', 'kind = "ministry"\ncolour = "red"', 1)
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        coophistory.load(path)
    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("3 problems in the data:")


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    """A TOML syntax error names the file, line and column."""
    path = tmp_path / "syntax.toml"
    path.write_text('schema_version = 1\ndataset_version = "x"\n[[sources]\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"syntax.toml: is not valid TOML: .*line 3, column"):
        coophistory.load(path)


def test_not_utf8(tmp_path: Path) -> None:
    """A file that is not UTF-8 is refused with the offending byte."""
    path = tmp_path / "latin1.toml"
    path.write_bytes('schema_version = 1\ndataset_version = "Perú"\n'.encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1.toml: is not UTF-8 text \(byte 0xfa"):
        coophistory.load(path)


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    """A missing path raises FileNotFoundError naming it."""
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(FileNotFoundError, match=r"nowhere\.toml"):
        coophistory.load(missing)


def test_directory_is_a_data_error(tmp_path: Path) -> None:
    """A directory given as a data file is a DataError, not an OSError traceback."""
    with pytest.raises(DataError, match="is a directory"):
        coophistory.load(tmp_path)


def test_load_is_all_or_nothing_across_files(tmp_path: Path) -> None:
    """Problems in a second file fail the whole load; references across files resolve."""
    extra = tmp_path / "extra.toml"
    extra.write_text(
        'schema_version = 1\ndataset_version = "extra-1"\n\n[[events]]\nid = "extra-event"\n'
        'date = "1999"\nkind = "figure"\ntitle = "An added event"\nbodies = ["fenacrep"]\n'
        'citations = [{ source = "study", locator = "p. 1" }]\n',
        encoding="utf-8",
    )
    combined = coophistory.load(TINY, extra)
    assert combined.dataset_version == "tiny-1+extra-1"
    assert [e.id for e in combined.events("1999", "2000")] == ["extra-event"]
    with pytest.raises(DataError, match=r"extra\.toml: events #1 .* unknown id 'fenacrep'"):
        coophistory.load(extra)
    broken = tmp_path / "broken.toml"
    broken.write_text(
        extra.read_text(encoding="utf-8").replace('"1999"', '"19x9"'), encoding="utf-8"
    )
    with pytest.raises(
        DataError, match=r"broken\.toml: events #1 \(extra-event\): date: invalid date '19x9'"
    ):
        coophistory.load(TINY, broken)


def test_duplicate_across_files(tmp_path: Path) -> None:
    """Loading the same file twice reports duplicates pointing at the first."""
    with pytest.raises(
        DataError, match=r"duplicate id 'study' \(first at .*tiny.toml: sources #1\)"
    ):
        coophistory.load(TINY, TINY)


def test_json_documents_load_too(tmp_path: Path) -> None:
    """A .json file with the TOML schema's structure loads the same records."""
    document = {
        "schema_version": 1,
        "dataset_version": "j-1",
        "sources": [{"id": "s", "title": "A source"}],
        "coop_types": [
            {
                "id": "cooperative",
                "name": "cooperative",
                "citations": [{"source": "s", "locator": "p. 1"}],
            }
        ],
    }
    path = tmp_path / "history.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    history = coophistory.load(path)
    assert [t.id for t in history.coop_types()] == ["cooperative"]
    path.write_text("{", encoding="utf-8")
    with pytest.raises(DataError, match="is not valid JSON"):
        coophistory.load(path)


def test_top_level_shape(tmp_path: Path) -> None:
    """Unknown tables, a table that is not an array and missing versions are each reported."""
    path = tmp_path / "top.toml"
    path.write_text('sources = "none"\n[[mandate]]\nbody = "x"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        coophistory.load(path)
    text = str(caught.value)
    assert "missing 'schema_version'" in text
    assert "missing or empty 'dataset_version'" in text
    assert "unknown top-level key 'mandate' (did you mean 'mandates'?)" in text
    assert "'sources' must be an array of tables" in text


def test_a_broken_record_also_has_its_references_checked(tmp_path: Path) -> None:
    """A curator sees every problem of a record in one pass, together, in file order."""
    extra = tmp_path / "extra.toml"
    extra.write_text(
        'schema_version = 1\ndataset_version = "extra-1"\n\n[[events]]\nid = "later"\n'
        'date = "2000"\nkind = "figure"\ntitle = "Fine but for its source"\n'
        'citations = [{ source = "nowhere", locator = "p. 1" }]\n\n[[events]]\nid = "broken"\n'
        'date = "19x9"\nkind = "figure"\ntitle = "Two problems"\nbodies = ["fenacrp"]\n'
        'citations = [{ source = "study", locator = "p. 1" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        coophistory.load(TINY, extra)
    assert [(p.position, p.message.split(":")[0]) for p in caught.value.problems] == [
        (1, "source refers to unknown id 'nowhere'"),
        (2, "date"),
        (2, "bodies refers to unknown id 'fenacrp' (did you mean 'fenacrep'?)"),
    ]
