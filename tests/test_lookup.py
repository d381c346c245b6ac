"""Look-ups through the command line and the API: lists, ``show``, ``held_by`` and ``search``."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from coophistory import FUNCTIONS, History
from coophistory.search import search

from .conftest import TINY, tiny_variant
from .test_cli import assert_user_error, call


@pytest.mark.parametrize(
    ("command", "records"),
    [("types", "coop_types"), ("bodies", "bodies"), ("laws", "laws"), ("sources", "sources")],
)
def test_lists_name_every_record(
    capsys: pytest.CaptureFixture[str], bundled: History, command: str, records: str
) -> None:
    """Each list has a row per record, in file order, as text and as JSON."""
    expected = getattr(bundled, records)()
    status, out, _ = call(capsys, command)
    assert status == 0
    rows = out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [r.id for r in expected]
    _, out, _ = call(capsys, command, "--json")
    data = json.loads(out)
    assert [row["id"] for row in data] == [r.id for r in expected]
    names = [row.get("name") or row.get("title") for row in data]
    assert names == [getattr(r, "name", None) or r.title for r in expected]


def test_sources_say_whether_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A source with an accessed date is shown as read on that day; one without, as not read."""
    path = tiny_variant(tmp_path, "year = 2013\n", 'year = 2013\naccessed = "2026-11-20"\n')
    _, out, _ = call(capsys, "--data", str(path), "sources")
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert lines["report"].endswith("read 2026-11-20")
    assert lines["study"].endswith("not read")
    _, out, _ = call(capsys, "--data", str(path), "sources", "--json")
    assert json.loads(out)[1]["accessed"] == "2026-11-20"


def test_held_by_gives_a_body_s_mandates_in_order(bundled: History) -> None:
    """Every mandate of the body (by any name), none of another's, sorted by start."""
    for body in bundled.bodies():
        held = bundled.held_by(body.acronym or body.id)
        assert {m.key for m in held} == {m.key for m in bundled.mandates() if m.body == body.id}
        starts = [m.start.sort_key() for m in held]
        assert starts == sorted(starts)


def test_show_a_body_lists_mandates_and_handovers_in_date_order(
    capsys: pytest.CaptureFixture[str], bundled: History
) -> None:
    """CONASEV (now SMV): each mandate it held and each handover in or out, by date."""
    status, out, _ = call(capsys, "show", "CONASEV", "--json")
    assert status == 0
    shown = json.loads(out)
    assert shown["body"]["id"] == "smv"
    mandates = [e["mandate"]["start"] for e in shown["history"] if "mandate" in e]
    assert mandates == [str(m.start) for m in bundled.held_by("smv")]
    handovers = [
        h
        for f in FUNCTIONS
        for h in bundled.handovers(function=f)
        if "smv" in {b.id for b in (*h.from_bodies, *h.to_bodies)}
    ]
    got = [e["handover"]["date"] for e in shown["history"] if "handover" in e]
    assert sorted(got) == sorted(str(h.date) for h in handovers)
    assert handovers, "CONASEV received supervision of non-financial cooperatives in 1992"
    _, text, _ = call(capsys, "show", "conasev")
    assert text.splitlines()[0].startswith("Securities Market Superintendency [smv]")
    assert len(text.splitlines()) == 1 + len(shown["history"])


def test_show_a_law_lists_what_it_did(capsys: pytest.CaptureFixture[str], bundled: History) -> None:
    """A law: the bodies it created, the mandates it based, the events citing it."""
    law = bundled.law("15260")
    _, out, _ = call(capsys, "show", "Law 15260", "--json")
    shown = json.loads(out)
    assert shown["created"] == [b.id for b in bundled.bodies() if b.created_by == law.id]
    assert len(shown["mandates"]) == sum(law.id in m.basis for m in bundled.mandates())
    assert shown["events"] == [e.id for e in bundled.records.events if law.id in e.laws]
    assert shown["created"], "Law 15260 created INCOOP"


def test_show_a_type_gives_its_lineage(
    capsys: pytest.CaptureFixture[str], bundled: History
) -> None:
    """A type: its lineage under each function, as ``lineage`` gives it."""
    _, out, _ = call(capsys, "show", "cooperativa de vivienda", "--json")
    shown = json.loads(out)
    for function in FUNCTIONS:
        steps = bundled.lineage("housing", function=function)
        assert [s["start"] for s in shown[function]] == [s.start.isoformat() for s in steps]


def test_show_unknown_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown name is one line naming close matches, not a traceback."""
    status, _, err = call(capsys, "show", "CONASEVV")
    assert_user_error(status, err, "unknown body, law, type or source 'CONASEVV'", "smv")


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


def test_search_ignores_case_and_accents(bundled: History) -> None:
    """``crédito``, ``CREDITO`` and ``credito`` find the same records, each really matching."""
    hits = search(bundled, "crédito")
    assert [h.id for h in search(bundled, "CREDITO")] == [h.id for h in hits]
    assert [h.id for h in search(bundled, "credito")] == [h.id for h in hits]
    assert {"fenacrep", "savings-and-credit"} <= {h.id for h in hits}
    for hit in hits:
        inside = hit.context[hit.context.index("[") + 1 : hit.context.index("]")]
        assert _fold(inside) == "credito"


def test_search_ranks_names_above_prose(bundled: History) -> None:
    """A body named by the words comes before records that only mention them."""
    hits = search(bundled, "fenacrep")
    assert hits[0].id == "fenacrep"
    assert hits[0].field in ("acronym", "id", "name")
    assert all(h.score <= hits[0].score for h in hits)
    notes = [h for h in hits if h.field == "text"]
    assert notes, "notes and descriptions mention FENACREP too"


def test_search_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The command prints one line per hit, or says there is none."""
    _, out, _ = call(capsys, "--data", str(TINY), "search", "zzzz-nothing")
    assert out.splitlines() == ["no match"]
    _, out, _ = call(capsys, "search", "Ley General", "--json")
    hits = json.loads(out)
    assert hits
    assert all("[Ley General]" in h["context"] for h in hits[:3])


def test_search_in_spanish(capsys: pytest.CaptureFixture[str], bundled: History) -> None:
    """Spanish texts are searched; in Spanish, labels, kinds and fields are told in Spanish."""
    english = search(bundled, "inscripción")
    assert "cooperative-registration-rules-2023" in [h.id for h in english]
    told = {h.id: h for h in search(bundled, "CONASEV", lang="es")}
    assert told["smv"].label == "Superintendencia del Mercado de Valores"
    renamed = told["conasev-renamed"]
    assert (
        renamed.label
        == bundled.records.events[
            [e.id for e in bundled.records.events].index("conasev-renamed")
        ].title_es
    )
    assert renamed.context.startswith("La [CONASEV] pasa a llamarse")
    _, out, _ = call(capsys, "--lang", "es", "search", "CONASEV")
    assert out.splitlines()[0] == (
        "entidad smv: Superintendencia del Mercado de Valores — nombre: [CONASEV]"
    )
    _, out, _ = call(capsys, "--lang", "es", "search", "CONASEV", "--json")
    first = json.loads(out)[0]
    assert first["label"] == "Securities Market Superintendency"
    assert first["label_es"] == "Superintendencia del Mercado de Valores"
    assert first["kind"] == "body"


def _cited(data: object, source_id: str) -> int:
    """How many citations of the source a document holds, found by walking its JSON."""
    if isinstance(data, dict):
        here = int(data.get("source") == source_id and "locator" in data)
        return here + sum(_cited(v, source_id) for v in data.values())
    if isinstance(data, list):
        return sum(_cited(v, source_id) for v in data)
    return 0


def test_show_a_source_lists_every_citation_of_it(
    capsys: pytest.CaptureFixture[str], bundled: History
) -> None:
    """Every citation of a source in the whole document is listed, with its locator."""
    from coophistory.export.lossless import to_document  # noqa: PLC0415

    document = to_document(bundled)
    for source in bundled.sources()[:6]:
        _, out, _ = call(capsys, "show", source.id, "--json")
        shown = json.loads(out)
        assert shown["source"]["id"] == source.id
        assert len(shown["cited_by"]) == _cited(document, source.id)
