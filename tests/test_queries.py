"""As-of answers, lookups, lineage, handovers and events on the tiny hand-checkable world."""

from __future__ import annotations

import datetime
from pathlib import Path

import pendulum
import pytest

import coophistory
from coophistory import History, InvalidDateError, UnknownNameError

from .conftest import TINY, tiny_variant


def _ids(bodies: tuple[coophistory.Body, ...]) -> list[str]:
    return [b.id for b in bodies]


def _tid(bodies: tuple[coophistory.Body, ...]) -> tuple[str, ...]:
    return tuple(b.id for b in bodies)


# (type, day, certain holders, possible holders): both sides of every boundary in the chain
SUPERVISION_BOUNDARIES = [
    ("housing", "1964-12-13", [], []),
    ("housing", "1964-12-14", ["incoop"], []),
    ("housing", "1977-12-31", ["incoop"], []),
    ("housing", "1978-01-01", [], ["incoop", "ministry-of-labor"]),
    ("housing", "1978-12-31", [], ["incoop", "ministry-of-labor"]),
    ("housing", "1979-01-01", ["ministry-of-labor"], []),
    ("housing", "1991-12-31", ["ministry-of-labor"], []),
    ("housing", "1992-01-01", [], ["ministry-of-labor", "smv"]),
    ("housing", "1992-12-31", [], ["ministry-of-labor", "smv"]),
    ("housing", "1993-01-01", ["smv"], []),
    ("savings-and-credit", "1991-12-31", ["ministry-of-labor"], []),
    ("savings-and-credit", "1992-06-01", [], ["ministry-of-labor", "fenacrep"]),
    ("savings-and-credit", "1993-06-01", [], ["fenacrep"]),
    ("savings-and-credit", "1993-12-31", [], ["fenacrep"]),
    ("savings-and-credit", "1994-01-01", ["fenacrep"], []),
    ("savings-and-credit", "1995-06-01", ["fenacrep"], []),
    ("savings-and-credit", "2018-12-31", ["fenacrep"], []),
    ("savings-and-credit", "2019-01-01", ["sbs"], []),
    ("coffee", "2000-01-01", ["smv"], []),
]


@pytest.mark.parametrize(("coop_type", "day", "certain", "possible"), SUPERVISION_BOUNDARIES)
def test_supervision_on_both_sides_of_each_boundary(
    tiny: History, coop_type: str, day: str, certain: list[str], possible: list[str]
) -> None:
    """Certain and possible holders flip exactly at each boundary, and year boundaries stay open."""
    answer = tiny.supervisor(coop_type, day)
    assert sorted(_ids(answer.bodies)) == sorted(certain)
    assert sorted(_ids(answer.possible)) == sorted(possible)
    assert answer.certain is (not possible)


PROMOTION_BOUNDARIES = [
    ("agriculture", "2008-09-30", ["ministry-of-labor"], []),
    ("agriculture", "2008-10-01", [], ["ministry-of-labor", "produce"]),
    ("agriculture", "2008-10-31", [], ["ministry-of-labor", "produce"]),
    ("agriculture", "2008-11-01", ["produce"], []),
]


@pytest.mark.parametrize(("coop_type", "day", "certain", "possible"), PROMOTION_BOUNDARIES)
def test_promotion_month_boundary(
    tiny: History, coop_type: str, day: str, certain: list[str], possible: list[str]
) -> None:
    """A boundary known to the month ('2008-10') is uncertain for that whole month."""
    answer = tiny.supervisor(coop_type, day, function="promotion")
    assert sorted(_ids(answer.bodies)) == certain
    assert sorted(_ids(answer.possible)) == possible


def test_delegation_shows_in_answer_and_sentence(tiny: History) -> None:
    """FENACREP holds the mandate on the SBS's behalf; the SBS itself holds none then."""
    answer = tiny.supervisor("savings-and-credit", "1995-06-01")
    assert _ids(answer.bodies) == ["fenacrep"]
    assert [m.delegated_by for m in answer.mandates] == ["sbs"]
    assert [law.id for law in answer.laws] == ["dl-25879"]
    assert "FENACREP" in str(answer)
    assert "on behalf of SBS" in str(answer)
    assert "Decree-Law 25879" in str(answer)
    assert "A country context study, §1.2" in str(answer)
    assert answer.to_dict()["bodies"][0]["delegated_by"] == ["sbs"]


def test_sentence_for_uncertain_and_empty_answers(tiny: History) -> None:
    """A not-certain answer lists the possible bodies; an empty one says none is recorded."""
    uncertain = str(tiny.supervisor("housing", "1978-06-01"))
    assert "it is not certain" in uncertain
    assert "INCOOP" in uncertain
    assert "Ministry of Labor" in uncertain
    assert str(tiny.supervisor("housing", "1950-01-01")) == (
        "On 1950-01-01, no supervision mandate is recorded for housing cooperatives."
    )


def test_names_are_those_of_the_day(tiny: History) -> None:
    """CONASEV in 2000, SMV in 2015: the sentence names the body as it was then."""
    in_2000 = tiny.supervisor("housing", "2000-01-01")
    in_2015 = tiny.supervisor("housing", "2015-01-01")
    assert in_2000.bodies == in_2015.bodies
    assert "CONASEV (National Supervisory Commission" in str(in_2000)
    assert "SMV (Superintendency of the Securities Market)" in str(in_2015)
    smv = tiny.body("smv")
    assert smv.acronym_on(pendulum.Date(2011, 7, 27)) == "CONASEV"
    assert smv.acronym_on(pendulum.Date(2011, 7, 28)) == "SMV"


@pytest.mark.parametrize(
    "name",
    [
        "savings-and-credit",
        "Savings and credit",
        "COOPAC",
        "coopac",
        "SACCO",
        "credit union",
        "cooperativa de ahorro y crédito",
        "COOPERATIVA DE AHORRO Y CREDITO",
        "ahorro y crédito",
        "Ahorro-y-Credito",
    ],
)
def test_type_lookup_by_alias_spanish_name_and_accents(tiny: History, name: str) -> None:
    """Ids, English and Spanish names and aliases match, ignoring case, accents and hyphens."""
    assert tiny.coop_type(name).id == "savings-and-credit"


def test_unknown_name_suggests_close_matches(tiny: History) -> None:
    """A typo raises UnknownNameError (a LookupError) naming close matches."""
    with pytest.raises(UnknownNameError, match="did you mean housing") as caught:
        tiny.supervisor("housng", "2000-01-01")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(
        UnknownNameError, match="unknown function 'supervison'; did you mean supervision"
    ):
        tiny.supervisor("housing", "2000-01-01", function="supervison")


def test_law_lookup_by_id_number_label_and_ambiguity(tmp_path: Path) -> None:
    """Laws are found by id, number or label; a shared number is ambiguous and lists both."""
    history = coophistory.load(TINY)
    assert history.law("30822").id == "law-30822"
    assert history.law("Law 30822").id == "law-30822"
    assert history.law("dl-25879").number == "25879"
    shared = tiny_variant(
        tmp_path,
        'id = "law-29271"\nkind = "law"\nnumber = "29271"',
        'id = "law-29271"\nkind = "law"\nnumber = "30822"',
    )
    with pytest.raises(UnknownNameError, match="ambiguous: it could be law-29271, law-30822"):
        coophistory.load(shared).law("30822")


def test_body_lookup_by_former_acronym(tiny: History) -> None:
    """A body is found by the acronym it once had."""
    assert tiny.body("CONASEV").id == "smv"
    assert tiny.body("Superintendencia del Mercado de Valores").id == "smv"


@pytest.mark.parametrize(
    "on",
    [
        "1995-06-01",
        datetime.date(1995, 6, 1),
        datetime.datetime(1995, 6, 1, 9, 30),
        pendulum.date(1995, 6, 1),
        pendulum.datetime(1995, 6, 1),
    ],
)
def test_on_accepts_text_dates_and_pendulum(tiny: History, on: object) -> None:
    """`on` may be ISO text, a date, a datetime or a pendulum Date/DateTime."""
    assert _ids(tiny.supervisor("savings-and-credit", on).bodies) == ["fenacrep"]  # type: ignore[arg-type]


def test_imprecise_on_is_answered_over_its_span(tiny: History) -> None:
    """Asking about '1993' is certain only for what held all year."""
    whole_year = tiny.supervisor("housing", "1993")
    assert _ids(whole_year.bodies) == ["smv"]
    assert whole_year.certain
    spanning = tiny.supervisor("savings-and-credit", "2018/2019")
    assert spanning.bodies == ()
    assert sorted(_ids(spanning.possible)) == ["fenacrep", "sbs"]
    assert str(spanning).startswith("During 2018/2019, it is not certain")


@pytest.mark.parametrize("on", ["1995-13-01", "nineteen", "../1995"])
def test_bad_on_raises_invalid_date(tiny: History, on: str) -> None:
    """A bad or open date is refused with a message quoting it."""
    with pytest.raises(InvalidDateError, match="invalid date"):
        tiny.supervisor("housing", on)


def test_subtypes_inherit_and_override(tiny: History) -> None:
    """Coffee inherits non-financial supervision; a subtype's own mandate overrides its parent's."""
    assert _ids(tiny.supervisor("coffee", "2000-01-01").bodies) == ["smv"]
    assert _ids(tiny.supervisor("coffee", "1980-01-01").bodies) == ["ministry-of-labor"]
    assert _ids(tiny.supervisor("savings-and-credit", "1980-01-01").bodies) == ["ministry-of-labor"]


def test_joint_subtype_mandate_adds_to_parent(tmp_path: Path) -> None:
    """A joint mandate on a subtype is held alongside the parent's, not instead of it."""
    extra = tmp_path / "joint.toml"
    extra.write_text(
        'schema_version = 1\ndataset_version = "j"\n\n[[mandates]]\nbody = "produce"\n'
        'function = "supervision"\ncoop_types = ["coffee"]\nstart = 2005-01-01\njoint = true\n'
        'citations = [{ source = "study", locator = "p. 9" }]\n',
        encoding="utf-8",
    )
    history = coophistory.load(TINY, extra)
    assert sorted(_ids(history.supervisor("coffee", "2010-01-01").bodies)) == ["produce", "smv"]
    assert _ids(history.supervisor("housing", "2010-01-01").bodies) == ["smv"]
    overriding = tmp_path / "override.toml"
    overriding.write_text(
        extra.read_text(encoding="utf-8").replace("joint = true\n", ""), encoding="utf-8"
    )
    history = coophistory.load(TINY, overriding)
    assert _ids(history.supervisor("coffee", "2010-01-01").bodies) == ["produce"]


def test_supervision_on_covers_every_concrete_type(tiny: History) -> None:
    """supervision_on answers each type a cooperative can be, not the abstract groupings."""
    answers = tiny.supervision_on("1995-06-01")
    assert sorted(answers) == ["agriculture", "coffee", "housing", "savings-and-credit"]
    assert _ids(answers["housing"].bodies) == ["smv"]
    assert _ids(answers["savings-and-credit"].bodies) == ["fenacrep"]


def test_lineage_includes_uncertain_stretches(tiny: History) -> None:
    """The lineage lists every stretch, with the uncertain ones between certain holders."""
    steps = tiny.lineage("savings-and-credit")
    assert [(str(s.start), _tid(s.bodies), _tid(s.possible)) for s in steps] == [
        ("1964-12-14", ("incoop",), ()),
        ("1978-01-01", (), ("incoop", "ministry-of-labor")),
        ("1979-01-01", ("ministry-of-labor",), ()),
        ("1992-01-01", (), ("fenacrep", "ministry-of-labor")),
        ("1993-01-01", (), ("fenacrep",)),
        ("1994-01-01", ("fenacrep",), ()),
        ("2019-01-01", ("sbs",), ()),
    ]
    assert [s.end for s in steps[:-1]] == [s.start for s in steps[1:]]
    assert steps[-1].end is None


def test_handovers_in_date_order_grouped_by_types(tiny: History) -> None:
    """Handovers follow the chain; the first holder did not receive it from nobody."""
    found = [
        (str(h.date), h.coop_types, _tid(h.from_bodies), _tid(h.to_bodies), h.basis)
        for h in tiny.handovers()
    ]
    assert found == [
        ("1978", ("cooperative",), ("incoop",), ("ministry-of-labor",), ()),
        ("1992", ("non-financial",), ("ministry-of-labor",), ("smv",), ("dl-25879",)),
        (
            "1992/1993",
            ("savings-and-credit",),
            ("ministry-of-labor",),
            ("fenacrep",),
            ("dl-25879",),
        ),
        ("2019-01-01", ("savings-and-credit",), ("fenacrep",), ("sbs",), ("law-30822",)),
    ]
    assert [str(h.date) for h in tiny.handovers("coffee")] == ["1978", "1992"]
    promotion = tiny.handovers(function="promotion")
    assert [(_tid(h.from_bodies), _tid(h.to_bodies)) for h in promotion] == [
        (("incoop",), ("ministry-of-labor",)),
        (("ministry-of-labor",), ("produce",)),
    ]


def test_handovers_agree_with_answers_on_both_sides(tiny: History) -> None:
    """Before a handover the old bodies hold the function; after it, the new ones."""
    for handover in tiny.handovers():
        assert handover.date.earliest is not None
        assert handover.date.latest is not None
        before = handover.date.earliest.subtract(days=1)
        after = handover.date.latest.add(days=1)
        for type_id in handover.coop_types:
            concrete = [type_id, *tiny.descendants(type_id)]
            for leaf in (t for t in concrete if not tiny.coop_type(t).abstract):
                assert tiny.supervisor(leaf, before).bodies == handover.from_bodies
                assert tiny.supervisor(leaf, after).bodies == handover.to_bodies


def test_events_overlap_half_open_range(tiny: History) -> None:
    """Events are kept when their date range overlaps [start, end), in date order."""
    assert [e.id for e in tiny.events()] == ["general-law", "coffee-niche", "census-2017"]
    assert [e.id for e in tiny.events("2016", "2017")] == ["coffee-niche"]
    assert [e.id for e in tiny.events("2017-06-01")] == ["census-2017"]
    assert [e.id for e in tiny.events(end="1964-12-14")] == []
    assert [e.id for e in tiny.events(coop_type="coffee")] == [
        "general-law",
        "coffee-niche",
        "census-2017",
    ]
    assert [e.id for e in tiny.events(coop_type="housing")] == ["general-law", "census-2017"]
    assert [e.id for e in tiny.events(kind="census")] == ["census-2017"]


def test_equal_histories_and_stable_record_order(tmp_path: Path) -> None:
    """Two histories from the same records are equal, whatever file they came from."""
    copy = tmp_path / "copy.toml"
    copy.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    assert coophistory.load(TINY) == coophistory.load(copy)
    changed = tiny_variant(tmp_path, 'title = "A country context study"', 'title = "Another"')
    assert coophistory.load(TINY) != coophistory.load(changed)
    history = coophistory.load(TINY)
    assert [b.id for b in history.bodies()] == [
        "incoop",
        "ministry-of-labor",
        "sbs",
        "fenacrep",
        "smv",
        "produce",
    ]
    assert history.law("law-30822").date == coophistory.parse_date("2018-07")
