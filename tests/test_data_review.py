"""The curator's review: every citation of the study points at a place that exists in it.

The study's layout (sections, paragraphs, footnotes, tables and their rows, figures, sidebars,
the dated examples of §3 and the readings of §5.1) is written down here from its text, so that
a locator naming a paragraph the section does not have, a footnote of another section or a
table row that is not in the table fails, naming the record.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import coophistory
from coophistory import review
from coophistory.dates import parse_date
from coophistory.errors import InvalidDateError
from coophistory.records import Citation

BUNDLED = coophistory.load()
STUDY = "context-study"


@attrs.frozen
class Section:
    """One numbered section of the study: how many paragraphs, and what else it holds."""

    paragraphs: int
    tables: frozenset[int] = frozenset()
    figures: frozenset[int] = frozenset()
    sidebar: bool = False


SECTIONS: dict[str, Section] = {
    "§1": Section(6, sidebar=True),
    "§1.1.1": Section(6),
    "§1.1.2": Section(6),
    "§1.2": Section(4),
    "§2": Section(4, sidebar=True),
    "§2.1": Section(2),
    "§2.1.1": Section(3),
    "§2.2": Section(3),
    "§2.3.1": Section(3, tables=frozenset({1, 2, 3}), figures=frozenset({1, 2})),
    "§2.3.2": Section(4, tables=frozenset({4}), sidebar=True),
    "§2.4": Section(7),
    "§2.5": Section(4),
    "§3": Section(5),
    "§4": Section(6),
    "§5.1": Section(0),
}
# footnote -> (section, paragraph it is attached to; 0 when it hangs on a table's title)
FOOTNOTES: dict[int, tuple[str, int]] = {
    1: ("§1", 1), 2: ("§1", 3), 3: ("§1", 4), 4: ("§1", 4), 5: ("§1", 6), 6: ("§1", 6),
    7: ("§1.1.1", 1), 8: ("§1.1.1", 2), 9: ("§1.1.1", 2), 10: ("§1.1.1", 2),
    11: ("§1.1.1", 3), 12: ("§1.1.1", 3), 13: ("§1.1.1", 6), 14: ("§1.1.1", 6),
    15: ("§1.1.2", 2), 16: ("§1.1.2", 3), 17: ("§1.1.2", 6), 18: ("§1.2", 2), 19: ("§1.2", 4),
    20: ("§2", 1), 21: ("§2", 2), 22: ("§2", 3), 23: ("§2.1.1", 2), 24: ("§2.1.1", 3),
    25: ("§2.2", 1), 26: ("§2.2", 3), 27: ("§2.2", 3), 28: ("§2.3.1", 2), 29: ("§2.3.1", 0),
    30: ("§2.3.2", 0), 31: ("§2.4", 2), 32: ("§2.4", 2), 33: ("§2.4", 2), 34: ("§2.4", 2),
    35: ("§2.4", 6), 36: ("§2.4", 7), 37: ("§2.5", 2), 38: ("§2.5", 3), 39: ("§2.5", 4),
    40: ("§3", 2), 41: ("§3", 2), 42: ("§3", 3), 43: ("§3", 4), 44: ("§3", 4), 45: ("§3", 4),
    46: ("§3", 4), 47: ("§3", 4), 48: ("§3", 4), 49: ("§3", 5), 50: ("§3", 5), 51: ("§3", 5),
}  # fmt: skip
ROWS: dict[int, frozenset[str]] = {
    1: frozenset(
        [
            "Agriculture",
            "Savings and Credit",
            "Multiple Services",
            "Special Services",
            "Housing",
            "Mining",
            "Transport",
            "Others",
            "Total",
        ]
    ),
    2: frozenset({"Micro", "Small", "Medium"}),
    3: frozenset(
        [
            "Amazonas",
            "Ancash",
            "Apurimac",
            "Arequipa",
            "Ayacucho",
            "Cajamarca",
            "Callao",
            "Cusco",
            "Huancavelica",
            "Huanuco",
            "Ica",
            "Junin",
            "La Libertad",
            "Lambayeque",
            "Lima",
            "Lima Provincias",
            "Loreto",
            "Madre de Dios",
            "Moquegua",
            "Pasco",
            "Piura",
            "Puno",
            "San Martin",
            "Tacna",
            "Tumbes",
            "Ucayali",
        ]
    ),
    4: frozenset(
        [
            "FENACREP",
            "Junta Nacional del Café",
            "CONFENACOP",
            "APPCACAO",
            "Cooperativas Alpaqueras",
            "FENACOOSEP",
            "FENACOOSMUP",
            "Otro",
        ]
    ),
}
EXAMPLES = frozenset({"2007-2010", "2006-2010", "2008", "2011", "Ongoing"})  # §3, para 4
READINGS = frozenset(  # §5.1, the items cited by title
    {
        "PERU Journey to Self-Reliance: FY 2019 Country Roadmap",
        "USAID Country Development Cooperation Strategy",
        "Plan Estratégico CONFENACOOP 2019-2021",
    }
)
_FINER = re.compile(r"\b(?:paras?|fn|Table|Figure|sidebar|examples?|item)\b")


def _numbers(locator: str, word: str) -> set[int]:
    """The numbers after ``word``: ``para 2``, ``paras 2-4``, ``paras 1 and 3``."""
    found: set[int] = set()
    pattern = rf"\b{word}s? (\d+)(?:(-| and )(\d+))?"
    for first, joint, last in re.findall(pattern, locator):
        low, high = int(first), int(last or first)
        found |= set(range(low, high + 1)) if joint == "-" else {low, high}
    return found


def study_problems(locator: str) -> list[str]:
    """What is wrong with a locator into the study; empty when it names a real place."""
    match = re.match(r"§\d+(?:\.\d+)*", locator)
    if match is None or match.group() not in SECTIONS:
        return [f"{locator!r} names no section of the study"]
    name, section = match.group(), SECTIONS[match.group()]
    problems = [] if _FINER.search(locator) else [f"{locator!r} names only a section"]
    paras = _numbers(locator, "para")
    problems += [f"{name} has no paragraph {p}" for p in paras if not 1 <= p <= section.paragraphs]
    for note in _numbers(locator, "fn"):
        where, para = FOOTNOTES.get(note, ("", -1))
        if where != name or (paras and para and para not in paras):
            problems.append(
                f"fn {note} is not in {name}{f', para {sorted(paras)}' if paras else ''}"
            )
    tables = {int(t) for t in re.findall(r"Table (\d+)", locator)}
    problems += [f"Table {t} is not in {name}" for t in tables - section.tables]
    figures = {int(f) for f in re.findall(r"Figure (\d+)", locator)}
    problems += [f"Figure {f} is not in {name}" for f in figures - section.figures]
    if "sidebar" in locator and not section.sidebar:
        problems.append(f"{name} has no sidebar")
    quoted = set(re.findall(r"'([^']+)'", locator))
    if re.search(r"\brows? '", locator):
        known = frozenset().union(*(ROWS[t] for t in tables)) if tables else frozenset()
        problems += [f"no row {q!r} in Table {sorted(tables)}" for q in quoted - known]
    elif re.search(r"\bexamples? '", locator):
        problems += [f"no example {q!r} in §3" for q in quoted - EXAMPLES if name == "§3"]
        problems += [] if name == "§3" else [f"examples are in §3, not {name}"]
    elif re.search(r"\bitem '", locator):
        problems += [f"no reading {q!r} in §5.1" for q in quoted - READINGS]
    return problems


def _cited() -> list[tuple[str, str, tuple[Citation, ...]]]:
    records = BUNDLED.records
    return [
        (table, record.key if isinstance(record, coophistory.Mandate) else record.id, cites)
        for table in review.TABLES
        for record in getattr(records, table)
        if (cites := tuple(c for c in record.citations if c.source == STUDY))
    ]


STUDY_CITED = _cited()


@pytest.mark.parametrize(
    ("table", "record", "citations"), STUDY_CITED, ids=[f"{t}:{r}" for t, r, _ in STUDY_CITED]
)
def test_study_citations_name_a_real_place(
    table: str, record: str, citations: tuple[Citation, ...]
) -> None:
    """Each citation of the study names a real place in it (paragraph, footnote, row...).

    The place must exist where the locator says, and the locator pass the review's rule.
    """
    for citation in citations:
        assert review.is_pinpointed(citation.locator), f"{table} {record}: {citation.locator}"
        assert study_problems(citation.locator) == [], f"{table} {record}"


def test_the_study_is_read() -> None:
    """The study records the day it was read, its kind and its language."""
    study = BUNDLED.source(STUDY)
    assert study.accessed is not None
    assert (study.kind, study.language) == ("report", "en")
    assert STUDY not in {s.id for s in review.unread_sources(BUNDLED)}
    assert review.coarse_citations(BUNDLED, source=STUDY) == ()


@pytest.mark.parametrize(
    ("locator", "problem"),
    [
        ("§1", "names only a section"),
        ("§2, Table 1", "Table 1 is not in §2"),
        ("§1.2, para 5", "no paragraph 5"),
        ("§1.2, para 1, fn 19", "fn 19 is not in §1.2, para [1]"),
        ("§2.3.1, Table 1, row 'Fishing'", "no row 'Fishing'"),
        ("§3, example '2012'", "no example '2012'"),
        ("§9, para 1", "names no section"),
    ],
)
def test_study_locator_check_catches_errors(locator: str, problem: str) -> None:
    """The layout check refuses locators that name a place the study does not have."""
    assert any(problem in p for p in study_problems(locator)), study_problems(locator)


def test_no_record_rests_only_on_unread_sources() -> None:
    """Every record rests on at least one read source, or its note says why it is kept."""
    assert [str(f) for f in review.resting_on_unread(BUNDLED)] == []


# The study's disagreements about dates, and those between it and the older-history sources.
DATE_CONFLICTS = [
    "first-consumer-cooperative",
    "agrarian-reform-period",
    "fenacrep-supervision-start",
    "produce-creation",
]


@pytest.mark.parametrize("conflict_id", DATE_CONFLICTS)
def test_date_conflicts_span_every_dated_claim(conflict_id: str) -> None:
    """A disagreement about dates has a span, and the span covers every claim given as a date."""
    conflict = BUNDLED.conflict(conflict_id)
    assert conflict.span is not None
    assert any(c.citation.source == STUDY for c in conflict.claims)
    for claim in conflict.claims:
        try:
            date = parse_date(claim.value)
        except InvalidDateError:
            continue  # a claim in words ("1910s", "Law 29271")
        assert conflict.span.earliest is not None
        assert conflict.span.latest is not None
        assert date.earliest is not None
        assert date.latest is not None
        assert conflict.span.earliest <= date.earliest, claim.value
        assert date.latest <= conflict.span.latest, claim.value


def test_first_consumer_cooperative_not_before_its_confederation() -> None:
    """The cooperative cannot be older than the confederation that organised it."""
    event = next(e for e in BUNDLED.records.events if e.id == "first-consumer-cooperative")
    founded = BUNDLED.body("cauu").founded
    assert founded is not None
    assert event.date.earliest is not None
    assert founded.earliest is not None
    assert event.date.earliest >= founded.earliest


# --- the review's functions on small files ----------------------------------------------------

SMALL = """\
schema_version = 1
dataset_version = "2026.12.02"

[[sources]]
id = "read"
title = "A report someone read"
accessed = "2026-12-02"

[[sources]]
id = "unread"
title = "A news item nobody re-read"

[[coop_types]]
id = "cooperative"
name = "all"
abstract = true
citations = [{ source = "read", locator = "§1.2, para 3" }]

[[bodies]]
id = "agency"
name = "An agency"
kind = "ministry"
citations = [{ source = "unread", locator = "news item" }]

[[bodies]]
id = "board"
name = "A board"
kind = "federation"
citations = [{ source = "unread", locator = "news item, paragraph 2" }]
note = "Kept because no other source names it; the item could not be found again."

[[events]]
id = "founding"
date = "1990"
kind = "founding"
title = "The board is founded"
bodies = ["board"]
citations = [
  { source = "read", locator = "§2" },
  { source = "unread", locator = "news item, paragraph 2" },
]
"""


@pytest.fixture
def small(tmp_path: Path) -> coophistory.History:
    """A small history with one read and one unread source."""
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return coophistory.load(path)


def test_unread_sources(small: coophistory.History) -> None:
    """Only the source without an accessed day is unread."""
    assert [s.id for s in review.unread_sources(small)] == ["unread"]


def test_resting_on_unread_spares_read_and_explained_records(small: coophistory.History) -> None:
    """A record citing only unread sources is flagged, unless its note says why it is kept."""
    assert [(f.table, f.record) for f in review.resting_on_unread(small)] == [("bodies", "agency")]


def test_coarse_citations(small: coophistory.History) -> None:
    """A whole document and a top-level section are flagged; pinpointed ones are not."""
    found = review.coarse_citations(small)
    assert [(f.table, f.record, [c.locator for c in f.citations]) for f in found] == [
        ("bodies", "agency", ["news item"]),
        ("events", "founding", ["§2"]),
    ]
    assert [f.record for f in review.coarse_citations(small, source="unread")] == ["agency"]
    assert str(found[0]) == "bodies agency: unread, news item"


# --- the checklist of docs/curating.md ---------------------------------------------------------

CURATING = Path(__file__).parent.parent / "docs" / "curating.md"


def _checklist() -> set[str]:
    text = CURATING.read_text(encoding="utf-8")
    section = text.split("## The study, section by section", 1)[1].split("Left out on purpose", 1)[
        0
    ]
    return set(re.findall(r"`([a-z0-9][a-z0-9-]*)`", section))


@pytest.mark.parametrize(
    ("table", "record"),
    [(t, r) for t, r, _ in STUDY_CITED],
    ids=[f"{t}:{r}" for t, r, _ in STUDY_CITED],
)
def test_every_record_citing_the_study_is_in_the_checklist(table: str, record: str) -> None:
    """Each record resting on the study appears beside its fact in curating.md's checklist."""
    assert record in _checklist(), f"{table} {record} is missing from docs/curating.md"


def test_the_checklist_names_only_real_records() -> None:
    """Every id in the checklist is a record of the bundled data."""
    records = BUNDLED.records
    ids = {
        r.key if isinstance(r, coophistory.Mandate) else r.id
        for table in ("sources", *review.TABLES)
        for r in getattr(records, table)
    }
    assert _checklist() - ids == set()
