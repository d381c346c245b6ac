"""Answers at the edges: parent types, disagreements by date, beyond the record, joint holders.

A small world written as real TOML in a temporary folder, and the bundled data; every case of
issue #11 part 1 that these files check failed before the change that made it pass.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pendulum
import pytest

import coophistory
from coophistory import History, render
from coophistory.cli import main
from coophistory.records import Conflict

from .test_render import svg_text

WORLD = """
schema_version = 1
dataset_version = "edges-1"
current_to = "2020-06-30"

[[sources]]
id = "s"
title = "A study"

[[bodies]]
id = "alpha"
name = "Alpha Office"
acronyms = ["ALPHA"]
kind = "ministry"
citations = [{ source = "s", locator = "p. 1" }]
conflicts = ["about-alpha"]

[[bodies]]
id = "beta"
name = "Beta Office"
acronyms = ["BETA"]
kind = "ministry"
citations = [{ source = "s", locator = "p. 2" }]

[[bodies]]
id = "gamma"
name = "Gamma Office"
acronyms = ["GAMMA"]
kind = "ministry"
citations = [{ source = "s", locator = "p. 3" }]

[[coop_types]]
id = "cooperative"
name = "cooperative"
abstract = true
citations = [{ source = "s", locator = "p. 4" }]

[[coop_types]]
id = "financial"
name = "financial"
parent = "cooperative"
abstract = true
citations = [{ source = "s", locator = "p. 4" }]

[[coop_types]]
id = "credit"
name = "credit"
parent = "financial"
citations = [{ source = "s", locator = "p. 4" }]

[[coop_types]]
id = "housing"
name = "housing"
parent = "cooperative"
citations = [{ source = "s", locator = "p. 4" }]

[[coop_types]]
id = "farming"
name = "farming"
parent = "cooperative"
citations = [{ source = "s", locator = "p. 4" }]

[[laws]]
id = "law-1"
kind = "law"
number = "1"
title = "The first law"
promulgated = "1990-01-01"
citations = [{ source = "s", locator = "p. 5" }]
conflicts = ["law-number"]

[[mandates]]
body = "alpha"
function = "supervision"
coop_types = ["credit"]
start = "1990-01-01"
end = "2000-01-01"
basis = ["law-1"]
citations = [{ source = "s", locator = "p. 6" }]
conflicts = ["early-start"]

[[mandates]]
body = "beta"
function = "supervision"
coop_types = ["credit"]
start = "2000-01-01"
citations = [{ source = "s", locator = "p. 7" }]
conflicts = ["late"]

[[mandates]]
body = "gamma"
function = "supervision"
coop_types = ["housing"]
start = "1995"
citations = [{ source = "s", locator = "p. 8" }]

[[mandates]]
body = "alpha"
function = "promotion"
coop_types = ["farming"]
start = "2010-01-01"
joint = true
citations = [{ source = "s", locator = "p. 9" }]

[[mandates]]
body = "gamma"
function = "promotion"
coop_types = ["farming"]
start = "2010-01-01"
joint = true
citations = [{ source = "s", locator = "p. 10" }]

[[mandates]]
body = "beta"
delegated_by = "alpha"
function = "promotion"
coop_types = ["housing"]
start = "2012"
citations = [{ source = "s", locator = "p. 11" }]

[[conflicts]]
id = "early-start"
title = "When Alpha began"
claims = [
  { value = "1990", source = "s", locator = "p. 12" },
  { value = "1991", source = "s", locator = "p. 13" },
]

[[conflicts]]
id = "late"
title = "Whether Beta shared the task"
span = "2005/2006"
claims = [
  { value = "yes", source = "s", locator = "p. 14" },
  { value = "no", source = "s", locator = "p. 15" },
]

[[conflicts]]
id = "law-number"
title = "The number of the first law"
claims = [
  { value = "1", source = "s", locator = "p. 16" },
  { value = "11", source = "s", locator = "p. 17" },
]
preferred = "1"
reason = "The gazette."

[[conflicts]]
id = "about-alpha"
title = "What Alpha was called"
claims = [
  { value = "Alpha", source = "s", locator = "p. 18" },
  { value = "Alfa", source = "s", locator = "p. 19" },
]
"""


@pytest.fixture
def world_path(tmp_path: Path) -> Path:
    """The small world, written as TOML."""
    path = tmp_path / "world.toml"
    path.write_text(WORLD, encoding="utf-8")
    return path


@pytest.fixture
def world(world_path: Path) -> History:
    """The small world, loaded."""
    return coophistory.load(world_path)


def _ids(bodies: tuple[coophistory.Body, ...]) -> set[str]:
    return {b.id for b in bodies}


def _concrete_below(history: History, type_id: str) -> list[str]:
    """The concrete types whose chain of parents reaches ``type_id``, in file order."""

    def chain(t: str) -> list[str]:
        parent = history.coop_type(t).parent
        return [t] if parent is None else [t, *chain(parent)]

    return [t.id for t in history.coop_types() if not t.abstract and type_id in chain(t.id)]


# --- parent types ---------------------------------------------------------------------------


def test_an_abstract_type_answers_for_its_whole_class(world: History) -> None:
    """Each subtype's answer under by_type; the sentence names which subtype lay with whom."""
    answer = world.supervisor("cooperative", "1996-06-01")
    assert list(answer.by_type) == _concrete_below(world, "cooperative")
    for type_id, part in answer.by_type.items():
        assert part == world.supervisor(type_id, "1996-06-01")
    assert _ids(answer.bodies) == {"alpha", "gamma"}
    assert answer.certain
    text = str(answer)
    assert "credit cooperatives lay with ALPHA" in text
    assert "housing cooperatives with GAMMA" in text
    assert "for farming cooperatives no mandate is recorded" in text
    assert "no supervision mandate is recorded for all" not in text
    with pytest.raises(TypeError):
        answer.by_type["credit"] = answer  # type: ignore[index]


def test_an_abstract_type_is_certain_only_where_every_subtype_is(world: History) -> None:
    """In 1995 housing's holder is only possible (its mandate starts some day that year)."""
    answer = world.supervisor("cooperative", "1995-03-01")
    assert not answer.by_type["housing"].certain
    assert answer.by_type["credit"].certain
    assert not answer.certain
    assert _ids(answer.bodies) == {"alpha"}
    assert _ids(answer.possible) == {"gamma"}


def test_nobody_only_when_no_subtype_has_a_holder(world: History) -> None:
    """Before any mandate, the whole class has no holder and the sentence says so."""
    answer = world.supervisor("cooperative", "1980-01-01")
    assert str(answer).startswith("On 1980-01-01, no supervision mandate is recorded")
    assert all(not a.bodies and not a.possible for a in answer.by_type.values())
    one_group = world.supervisor("financial", "1996-06-01")
    assert str(one_group).startswith("On 1996-06-01, supervision of financial cooperatives lay")


def test_json_carries_by_type(
    world: History, world_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``who --json`` about an abstract type carries each subtype's answer."""
    status = main(["--data", str(world_path), "who", "cooperative", "1996-06-01", "--json"])
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["by_type"]) == _concrete_below(world, "cooperative")
    assert data["by_type"]["credit"]["bodies"][0]["id"] == "alpha"
    assert {b["id"] for b in data["bodies"]} == {"alpha", "gamma"}


def test_bundled_parent_types_name_their_supervisors(bundled: History) -> None:
    """``who financial 2019-06-01`` and ``who cooperative 1995`` name the SBS, FENACREP, CONASEV."""
    financial = bundled.supervisor("financial", "2019-06-01")
    assert _ids(financial.bodies) == {"sbs"}
    whole = bundled.supervisor("cooperative", "1995")
    assert {"fenacrep", "smv"} <= _ids(whole.bodies) | _ids(whole.possible)
    assert "no supervision mandate is recorded" not in str(whole)
    assert "CONASEV" in str(whole)
    assert list(whole.by_type) == _concrete_below(bundled, "cooperative")
    assert whole.certain is all(a.certain for a in whole.by_type.values())


# --- disagreements belong to dates -----------------------------------------------------------


def _bears(history: History, conflict: Conflict, day: pendulum.Date) -> bool:
    """Brute force: whether the day is in the conflict's span.

    The span given, else the days from the first start to the last end of the records listing
    the conflict (laws from their date on, an open or unknown date open).
    """
    if conflict.span is not None:
        low, high = conflict.span.earliest, conflict.span.latest
        return (low is None or low <= day) and (high is None or day <= high)
    starts: list[pendulum.Date | None] = []
    ends: list[pendulum.Date | None] = []
    for m in history.mandates():
        if conflict.id in m.conflicts:
            starts.append(m.period.possible_start)
            end = m.period.possible_end
            ends.append(None if end is None else end.subtract(days=1))
    for b in history.bodies():
        if conflict.id in b.conflicts:
            starts.append(b.founded.earliest if b.founded else None)
            ends.append(b.dissolved.latest if b.dissolved else None)
    for law in history.laws():
        if conflict.id in law.conflicts:
            starts.append(law.date.earliest if law.date else None)
            ends.append(None)
    for e in history.events():
        if conflict.id in e.conflicts:
            starts.append(e.date.earliest)
            ends.append(e.date.latest)
    begun = any(s is None or s <= day for s in starts)
    going = any(e is None or day <= e for e in ends)
    return begun and going


def _expected_conflicts(history: History, answer: coophistory.Answer) -> set[str]:
    listed = {c for m in answer.mandates for c in m.conflicts}
    listed |= {c for b in (*answer.bodies, *answer.possible) for c in b.conflicts}
    listed |= {c for law in answer.laws for c in law.conflicts}
    return {c for c in listed if _bears(history, history.conflict(c), answer.day)}


def test_conflicts_belong_to_their_days(world: History) -> None:
    """Derived and given spans; settled ones in conflicts only, open ones in the sentence."""
    early = world.supervisor("credit", "1995-06-01")
    assert {c.id for c in early.conflicts} == {"early-start", "law-number", "about-alpha"}
    assert "When Alpha began" in str(early)
    assert "The number of the first law" not in str(early)  # settled
    assert {c.id for c in world.supervisor("credit", "2003-01-01").conflicts} == set()
    assert {c.id for c in world.supervisor("credit", "2005-06-01").conflicts} == {"late"}
    assert {c.id for c in world.supervisor("credit", "2004").conflicts} == set()
    assert {c.id for c in world.supervisor("credit", "2004/2005").conflicts} == {"late"}
    assert "Sources disagree" not in str(world.supervisor("credit", "2010-01-01"))


@pytest.mark.parametrize("fixture", ["bundled", "world"])
def test_conflicts_match_the_brute_force_oracle(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    """On the first day of every year, for every concrete type and function."""
    history: History = request.getfixturevalue(fixture)
    for coop_type in history.concrete_types():
        for function in ("supervision", "promotion"):
            for year in range(1960, 2027):
                answer = history.supervisor(coop_type.id, f"{year}-01-01", function=function)
                expected = _expected_conflicts(history, answer)
                assert {c.id for c in answer.conflicts} == expected, (coop_type.id, year)


def test_bundled_disagreements_by_date(bundled: History) -> None:
    """2005 is not told about 1992-1993; 2019-2024 are told about FENACREP after 2018."""
    in_2005 = bundled.supervisor("savings-and-credit", "2005")
    assert "fenacrep-supervision-start" not in {c.id for c in in_2005.conflicts}
    assert "When FENACREP began supervising" not in str(in_2005)
    for year in range(2019, 2025):
        answer = bundled.supervisor("savings-and-credit", f"{year}-06-01")
        assert "fenacrep-role-after-2018" in {c.id for c in answer.conflicts}, year
        assert "fenacrep-role-after-2018" in answer.to_dict()["conflicts"]


def test_a_dispute_about_one_mandate_stays_with_it(bundled: History) -> None:
    """FENACREP's disputed legal ground is told with its mandate, not with CONASEV's.

    Both mandates rest on Decree-Law 25879.
    """
    basis = "fenacrep-supervision-basis"
    assert basis in {c.id for c in bundled.supervisor("savings-and-credit", "1995-06-01").conflicts}
    for coop_type in ("agrarian", "housing", "non-financial"):
        answer = bundled.supervisor(coop_type, "1995-06-01")
        assert "dl-25879" in {law.id for law in answer.laws}, coop_type
        assert basis not in {c.id for c in answer.conflicts}, coop_type


# --- beyond the record ------------------------------------------------------------------------


def test_a_day_after_current_to_is_not_certain(world: History) -> None:
    """The bodies of the last recorded day become possible, and the sentence says why."""
    for day in ("2021-01-01", "2100", "9999-12-31", "2020"):
        answer = world.supervisor("credit", day)
        assert not answer.certain, day
        assert _ids(answer.possible) == {"beta"}
        assert answer.bodies == ()
        assert answer.record_ends == world.current_to
        assert "The record ends on 2020-06-30" in str(answer)
        assert answer.to_dict()["record_ends"] == "2020-06-30"
    last = world.supervisor("credit", "2020-06-30")
    assert last.certain
    assert last.record_ends is None
    assert not world.supervisor("cooperative", "2100").certain


def test_without_current_to_there_is_no_horizon(tmp_path: Path) -> None:
    """A user file without current_to: later days are answered from the mandates as they stand."""
    path = tmp_path / "open.toml"
    path.write_text(WORLD.replace('current_to = "2020-06-30"\n', ""), encoding="utf-8")
    answer = coophistory.load(path).supervisor("credit", "2100")
    assert answer.certain
    assert _ids(answer.bodies) == {"beta"}


@pytest.mark.parametrize("fixture", ["bundled", "world"])
def test_lineages_say_what_the_answers_say(fixture: str, request: pytest.FixtureRequest) -> None:
    """Every type's lineage holds its answer's bodies on the first day of each year to 2100.

    Past the record's end the last step is uncertain, as the answers are, so the lanes diagram
    draws it lighter.
    """
    history: History = request.getfixturevalue(fixture)
    for coop_type in history.coop_types():
        for function in ("supervision", "promotion"):
            steps = history.lineage(coop_type.id, function=function)
            for year in range(1960, 2101):
                day = pendulum.Date(year, 1, 1)
                answer = history.supervisor(coop_type.id, day, function=function)
                held = [s for s in steps if s.start <= day and (s.end is None or day < s.end)]
                got = (_ids(held[0].bodies), _ids(held[0].possible)) if held else (set(), set())
                assert got == (_ids(answer.bodies), _ids(answer.possible)), (coop_type.id, year)
    assert history.current_to is not None
    (last,) = [s for s in history.lineage("housing") if s.end is None]
    assert not last.certain
    assert last.start == history.current_to.latest.add(days=1)  # type: ignore[union-attr]


def test_bundled_far_future_is_not_a_fact(bundled: History) -> None:
    """``who housing 2100`` and ``9999-12-31`` are not certain."""
    assert bundled.current_to is not None
    for day in ("2100", "9999-12-31"):
        answer = bundled.supervisor("housing", day)
        assert not answer.certain
        assert str(bundled.current_to) in str(answer)


def test_version_shows_the_data_and_its_day(capsys: pytest.CaptureFixture[str]) -> None:
    """``coophistory --version`` names the dataset version and the day it is current to."""
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    bundled = coophistory.load()
    assert bundled.dataset_version in out
    assert f"current to {bundled.current_to}" in out


# --- joint mandates in every view -------------------------------------------------------------


def test_joint_holders_in_answers_and_lanes(world: History) -> None:
    """Both joint holders answer, and the lanes diagram (drawn by dot) shows both to the end."""
    answer = world.supervisor("farming", "2015-01-01", function="promotion")
    assert _ids(answer.bodies) == {"alpha", "gamma"}
    text = svg_text(render.lanes(world, function="promotion").pipe(format="svg").decode())
    assert "ALPHA" in text.split()  # only farming has them as promoters: both drawn, certain
    assert "GAMMA" in text.split()
    assert "ALPHA? →" in text  # and both go on, lighter, after the record ends
    assert "GAMMA? →" in text


def test_bundled_agrarian_user_promotion(bundled: History) -> None:
    """MIDAGRI and PRODUCE both promote agrarian user cooperatives in 2022, in the lanes too."""
    answer = bundled.supervisor("agrarian-user", "2022-06-01", function="promotion")
    assert _ids(answer.bodies) == {"midagri", "produce"}
    source = render.lanes(bundled, function="promotion", sources=False).source
    assert ">MIDAGRI<" in source
    assert "MIDAGRI? →" in source
    assert "PRODUCE? →" in source


def test_the_handovers_diagram_shows_a_body_joining_the_holders(bundled: History) -> None:
    """MIDAGRI joined PRODUCE in promoting agrarian user cooperatives: no handover, but drawn."""
    joined = [
        (step.start, {b.id for b in step.bodies})
        for step in bundled.lineage("agrarian-user", function="promotion")
    ]
    assert any(ids == {"midagri", "produce"} for _, ids in joined)
    svg = render.handovers(bundled, functions=("promotion",)).pipe(format="svg").decode()
    assert "joins, for agrarian user" in svg_text(svg)
    assert "MIDAGRI" in svg_text(svg)


def test_a_possible_delegate_is_drawn_dashed(world: History) -> None:
    """In 2012 Beta only possibly holds its delegated mandate: the delegation edge is dashed."""
    answer = world.supervisor("housing", "2012-06-01", function="promotion")
    assert _ids(answer.possible) == {"beta"}
    source = render.snapshot(world, "2012-06-01").source
    (edge,) = [line for line in source.splitlines() if re.match(r"\s*alpha -> beta", line)]
    assert "style=dashed" in edge
    certain = render.snapshot(world, "2013-06-01").source
    (edge,) = [line for line in certain.splitlines() if re.match(r"\s*alpha -> beta", line)]
    assert "style=dotted" in edge
