"""Integrity of the shipped dataset, parametrized so that a failure names the record."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pendulum
import pytest

import coophistory
from coophistory import History, review

BUNDLED = coophistory.load()
RECORDS = BUNDLED.records
CITED = [
    (table, record)
    for table in ("bodies", "coop_types", "laws", "mandates", "events")
    for record in getattr(RECORDS, table)
]
CHAIN_START = pendulum.Date(1964, 12, 14)
# (type, function) -> the conflict that documents a gap in its chain
DOCUMENTED_GAPS: dict[tuple[str, str], str] = {}


def _name(record: object) -> str:
    return str(getattr(record, "id", None) or getattr(record, "key", record))


@pytest.mark.parametrize(
    "table", ["sources", "bodies", "coop_types", "laws", "mandates", "events", "conflicts"]
)
def test_ids_unique(table: str) -> None:
    """No id is used twice within a table."""
    counts = Counter(_name(r) for r in getattr(RECORDS, table))
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(("table", "record"), CITED, ids=[f"{t}:{_name(r)}" for t, r in CITED])
def test_every_record_cited_with_a_known_source(table: str, record: object) -> None:
    """Each record cites at least one known source with a non-empty locator."""
    citations = record.citations  # type: ignore[attr-defined]
    assert citations, f"{table} {_name(record)} has no citation"
    for citation in citations:
        assert BUNDLED.source(citation.source)
        assert citation.locator.strip()


@pytest.mark.parametrize("conflict", RECORDS.conflicts, ids=_name)
def test_conflicts_have_two_claims_with_different_citations(conflict: coophistory.Conflict) -> None:
    """A disagreement needs at least two claims, cited differently."""
    assert len(conflict.claims) >= 2
    assert len({c.citation for c in conflict.claims}) >= 2


def _in_date_order(table: str) -> list[tuple[object, object]]:
    return list(pairwise(getattr(RECORDS, table)))


def _key(record: object) -> tuple[pendulum.Date, pendulum.Date, str]:
    if isinstance(record, coophistory.Law):
        assert record.date is not None
        return record.date.sort_key()
    if isinstance(record, coophistory.Mandate):
        return record.start.sort_key()
    assert isinstance(record, coophistory.Event)
    return record.date.sort_key()


ORDERED = [(t, a, b) for t in ("laws", "mandates", "events") for a, b in _in_date_order(t)]


@pytest.mark.parametrize(
    ("table", "earlier", "later"),
    ORDERED,
    ids=[f"{t}:{_name(a)}<={_name(b)}" for t, a, b in ORDERED],
)
def test_records_in_date_order(table: str, earlier: object, later: object) -> None:
    """Laws, mandates and events are written in date order (earliest possible day first)."""
    assert _key(earlier)[0] <= _key(later)[0]


@pytest.mark.parametrize("mandate", RECORDS.mandates, ids=lambda m: m.key)
def test_basis_laws_not_after_mandate_start(mandate: coophistory.Mandate) -> None:
    """A mandate rests on laws dated no later than its start."""
    for law_id in mandate.basis:
        law = BUNDLED.law(law_id)
        assert law.date is not None
        assert law.date.sort_key()[0] <= mandate.start.sort_key()[1]


CHAINS = [(t.id, f) for t in BUNDLED.concrete_types() for f in coophistory.FUNCTIONS]


@pytest.mark.parametrize(("coop_type", "function"), CHAINS, ids=[f"{t}:{f}" for t, f in CHAINS])
def test_unbroken_chain_from_1964_to_today(coop_type: str, function: str) -> None:
    """Every type has, for each function, holders from 1964-12-14 to today, or a documented gap."""
    steps = BUNDLED.lineage(coop_type, function=function)
    assert steps, "no mandate at all"
    assert steps[0].start <= CHAIN_START
    assert steps[-1].end is None, "the chain stops before today"
    gaps = [s for s in steps if not (s.bodies or s.possible)]
    if (coop_type, function) in DOCUMENTED_GAPS:
        assert BUNDLED.conflict(DOCUMENTED_GAPS[(coop_type, function)])
    else:
        assert gaps == []


def _ids(bodies: tuple[coophistory.Body, ...]) -> list[str]:
    return [b.id for b in bodies]


def test_mission_answers(bundled: History) -> None:
    """The answers the mission names, with the law and the source."""
    in_1995 = bundled.supervisor("savings-and-credit", "1995-06-01")
    assert _ids(in_1995.bodies) == ["fenacrep"]
    assert {m.delegated_by for m in in_1995.mandates if m.body == "fenacrep"} == {"sbs"}
    assert "dl-25879" in [law.id for law in in_1995.laws]
    unsettled = [c for c in in_1995.conflicts if c.preferred is None]
    assert unsettled
    assert all(c.title in str(in_1995) for c in unsettled)
    in_2020 = bundled.supervisor("savings-and-credit", "2020-06-01")
    settled = [c for c in in_2020.conflicts if c.preferred is not None]
    assert settled, "the answer keeps the settled conflicts of its day"
    assert not any(c.title in str(in_2020) for c in settled)  # settled ones: in .conflicts only
    assert _ids(bundled.supervisor("savings-and-credit", "2018-12-31").bodies) == ["fenacrep"]
    in_2019 = bundled.supervisor("savings-and-credit", "2019-01-01")
    assert _ids(in_2019.bodies) == ["sbs"]
    assert "law-30822" in [law.id for law in in_2019.laws]
    in_1978 = bundled.supervisor("housing", "1978-06-01")
    assert not in_1978.certain
    assert {"incoop", "ministry-of-labor"} <= set(_ids(in_1978.possible))
    assert "CONASEV" in str(bundled.supervisor("housing", "2000-01-01"))
    assert "SMV" in str(bundled.supervisor("housing", "2015-01-01"))
    assert _ids(bundled.supervisor("housing", "2010-01-01", function="promotion").bodies) == [
        "produce"
    ]


def test_no_personal_contact_details() -> None:
    """The shipped file holds no e-mail address, phone number or profile link."""
    text = coophistory.BUNDLED.read_text(encoding="utf-8")
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text)
    assert not re.search(r"\+51[\s\d]{6,}", text)
    assert "linkedin" not in text.lower()


SOURCE_KINDS = {"legislation", "report", "article-newspaper", "webpage", "book", "post-weblog"}
LOCATED = [
    (f"{table}:{_name(record)}", citation.source, citation.locator)
    for table, record in CITED
    for citation in record.citations
] + [
    (f"conflicts:{conflict.id}", claim.citation.source, claim.citation.locator)
    for conflict in RECORDS.conflicts
    for claim in conflict.claims
]


@pytest.mark.parametrize("source", RECORDS.sources, ids=_name)
def test_every_source_says_what_it_is(source: coophistory.Source) -> None:
    """Each source has a kind from the agreed list and a BCP 47 language tag."""
    assert source.kind in SOURCE_KINDS
    assert source.language
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", source.language)


@pytest.mark.parametrize("source", RECORDS.sources, ids=_name)
def test_every_source_read_or_says_what_was_tried(source: coophistory.Source) -> None:
    """A read source names the copy read; an unread one says it was not read and what was tried."""
    if source.accessed is not None:
        assert source.accessed.is_exact_day
        assert source.url or source.archived_url or source.note, "say which copy was read"
        assert str(source.accessed) <= BUNDLED.dataset_version.replace(".", "-"), (
            "read after the release"
        )
    else:
        assert source.note
        assert "not read" in source.note.lower()
        assert re.search(r"search|tried|looked", source.note, re.IGNORECASE)


@pytest.mark.parametrize(
    ("record", "source", "locator"), LOCATED, ids=[f"{r}:{s}" for r, s, _ in LOCATED]
)
def test_no_citation_names_only_a_whole_document(record: str, source: str, locator: str) -> None:
    """A locator points into the document (article, paragraph, page...), not at all of it."""
    assert review.is_pinpointed(locator), f"{record} cites {source} at {locator!r}"


def test_most_sources_were_read() -> None:
    """At least 90% of the sources carry the day they were read (issue #13)."""
    read = sum(source.accessed is not None for source in RECORDS.sources)
    assert read / len(RECORDS.sources) >= 0.9


@pytest.mark.parametrize("event", RECORDS.events, ids=_name)
def test_every_event_reads_in_spanish(event: coophistory.Event) -> None:
    """A Spanish reader gets each event's title, and its description when it has one."""
    assert event.title_es
    assert event.title_es != event.title
    assert (event.description is None) == (event.description_es is None)
    # the same numbers in both tellings: a translation adds or drops no figure
    for english, spanish in (
        (event.title, event.title_es),
        (event.description, event.description_es),
    ):
        if english is not None and spanish is not None:
            assert _numbers(english) == _numbers(spanish), event.id


@pytest.mark.parametrize("law", RECORDS.laws, ids=_name)
def test_every_law_note_reads_in_spanish(law: coophistory.Law) -> None:
    """A law's note, shown beside it in the explorer, has its Spanish telling."""
    assert (law.note is None) == (law.note_es is None)
    if law.note is not None and law.note_es is not None:
        assert _numbers(law.note) == _numbers(law.note_es), law.id


@pytest.mark.parametrize("conflict", RECORDS.conflicts, ids=_name)
def test_every_conflict_reads_in_spanish(conflict: coophistory.Conflict) -> None:
    """Each disagreement reads in Spanish: title, description, reason, each worded claim."""
    pairs = [
        (conflict.description, conflict.description_es),
        (conflict.reason, conflict.reason_es),
        *((claim.note, claim.note_es) for claim in conflict.claims),
    ]
    for english, spanish in pairs:
        assert (english is None) == (spanish is None), conflict.id
        if english is not None and spanish is not None:
            assert _numbers(english) == _numbers(spanish), conflict.id
    for claim in conflict.claims:
        # a claim in words has a Spanish wording; a date, a year or a number needs none
        worded = re.search(r"[^\W\d_]{3,}", claim.value) and not re.fullmatch(
            r"[\d/.~?%-]+|\d{4}s|c\. \d{4}", claim.value
        )
        assert bool(claim.value_es) == bool(worded), (conflict.id, claim.value)
    assert conflict.title_es
    assert conflict.title_es != conflict.title


def _numbers(text: str) -> list[str]:
    """The figures a text gives, as digits alone, sorted (word order differs).

    English ordinals (``24th``) are left out: Spanish writes them in words (``vigésima cuarta``).
    """
    text = re.sub(r"\b\d+(st|nd|rd|th)\b", "", text)
    return sorted(re.sub(r"\D", "", n) for n in re.findall(r"\d[\d,.]*\d|\d", text))
