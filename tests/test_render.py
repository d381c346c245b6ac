"""Graphviz diagrams: their DOT source against golden files, and real renderings with ``dot``."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import graphviz
import pytest
from docs.gen import diagrams

import coophistory
from coophistory import render
from tests.conftest import tiny_variant

GOLDEN = Path(__file__).parent / "golden"
DOCS_DIAGRAMS = Path(__file__).parents[1] / "docs" / "diagrams"
HOSTILE = 'Evil "x" <b> &amp; back\\slash \\N ]; node ['

Draw = Callable[[coophistory.History], graphviz.Digraph]
DIAGRAMS: dict[str, Draw] = {
    "handovers": render.handovers,
    "handovers-savings-and-credit": lambda h: render.handovers(
        h, ["savings-and-credit"], functions=("supervision",)
    ),
    "timeline": render.timeline,
    "timeline-1990s-laws": lambda h: render.timeline(h, "1990", "2010", kinds={"law"}),
    "snapshot-1978-06-01": lambda h: render.snapshot(h, "1978-06-01"),
    "snapshot-1995-06-01": lambda h: render.snapshot(h, "1995-06-01"),
    "lanes-supervision": render.lanes,
    "lanes-promotion": lambda h: render.lanes(h, function="promotion", sources=False),
}


def svg_text(svg: str) -> str:
    """All the text an SVG shows, one space between pieces."""
    root = ET.fromstring(svg)  # noqa: S314 - our own dot output
    texts = (t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    return " ".join(" ".join(t.replace("\xa0", " ").split()) for t in texts)


@pytest.mark.parametrize("name", DIAGRAMS)
def test_dot_source_matches_golden(
    tiny: coophistory.History, name: str, regen_golden: bool
) -> None:
    """The DOT source for the tiny world is the reviewed golden file (`--regen-golden` rewrites)."""
    source = DIAGRAMS[name](tiny).source
    golden = GOLDEN / f"{name}.dot"
    if regen_golden:
        golden.write_text(source, encoding="utf-8")
    assert golden.is_file(), (
        f"no golden file {golden.name}: run pytest --regen-golden and review it"
    )
    assert source == golden.read_text(encoding="utf-8")


def test_diagrams_are_deterministic(tiny: coophistory.History) -> None:
    """Two renderings of the same history give the same source (golden files stay stable)."""
    again = coophistory.load(Path(__file__).parent / "data" / "tiny.toml")
    for name, draw in DIAGRAMS.items():
        assert draw(tiny).source == draw(again).source, name


def test_handover_labels_show_dates_as_precisely_as_known(tiny: coophistory.History) -> None:
    """Year, month, day and disputed dates appear as such, with their law; never a false day."""
    source = render.handovers(tiny).source
    for label in (
        "1978",
        "2008-10 · Law 29271",
        "1992/1993 · Decree-Law 25879",
        "2019-01-01 · Law 30822",
    ):
        assert label in source
    for false_day in ("1978-01-01", "2008-10-01", "1992-01-01", "1993-01-01"):
        assert false_day not in source


def test_approximate_and_uncertain_dates_are_marked(tmp_path: Path) -> None:
    """A start known as ``1992~`` shows as ``c. 1992``; ``2008-10?`` as ``2008-10?``."""
    path = tiny_variant(
        tmp_path,
        'coop_types = ["non-financial"]\nstart = "1992"',
        'coop_types = ["non-financial"]\nstart = "1992~"',
    )
    history = coophistory.load(path)
    assert "c. 1992 · Decree-Law 25879" in render.handovers(history).source
    path = tiny_variant(tmp_path, 'start = "2008-10"', 'start = "2008-10?"', "uncertain.toml")
    assert "2008-10? · Law 29271" in render.handovers(coophistory.load(path)).source


def test_handovers_draw_functions_delegation_and_groups_apart(tiny: coophistory.History) -> None:
    """Promotion is a double line, delegation dotted and unconstrained, branches coloured apart."""
    source = render.handovers(tiny).source
    assert re.search(r'incoop -> "ministry-of-labor" \[[^\n]*color="#000000:invis:#000000"', source)
    assert re.search(r"sbs -> fenacrep \[[^\n]*constraint=false[^\n]*style=dotted", source)
    financial = re.search(r'fenacrep -> sbs \[[^\n]*color="(#\w+)"', source)
    non_financial = re.search(r'"ministry-of-labor" -> smv \[[^\n]*color="(#\w+)"', source)
    assert financial
    assert non_financial
    assert financial[1] != non_financial[1]
    assert "rankdir=LR" in source


def test_snapshot_names_bodies_as_they_were_and_groups_types(tiny: coophistory.History) -> None:
    """In 2000 the securities regulator was CONASEV; the three non-financial types share a box."""
    source = render.snapshot(tiny, "2000-01-01").source
    assert "CONASEV" in source
    assert "SMV" not in source
    assert re.search(r'label="agricultural, coffee,(\\n| )housing"', source)
    assert "SMV" in render.snapshot(tiny, "2012-01-01").source


def test_snapshot_dashes_what_held_only_possibly(tiny: coophistory.History) -> None:
    """On 1978-06-01 every holding is uncertain, so every holding edge is dashed."""
    source = render.snapshot(tiny, "1978-06-01", title="Mid-1978").source
    holdings = [line for line in source.splitlines() if "-> group" in line]
    assert len(holdings) == 4
    assert all("style=dashed" in line for line in holdings)
    assert "Mid-1978" in source


def test_sources_can_be_left_out(tiny: coophistory.History) -> None:
    """``sources=False`` drops the numbered notes."""
    assert "A country context study" in render.handovers(tiny).source
    assert "A country context study" not in render.handovers(tiny, sources=False).source


@pytest.mark.dot
def test_dot_is_installed() -> None:
    """The dot program is on PATH: diagram tests fail, never skip, without it."""
    assert shutil.which("dot"), "Graphviz's dot is missing: install graphviz (make dot)"


@pytest.mark.dot
@pytest.mark.parametrize("name", DIAGRAMS)
def test_real_dot_renders_svg_and_png(tiny: coophistory.History, name: str, tmp_path: Path) -> None:
    """Every diagram renders with the real dot to SVG and PNG, leaving only those files."""
    diagram = DIAGRAMS[name](tiny)
    svg = render.write(diagram, tmp_path / f"{name}.svg")
    png = render.write(diagram, tmp_path / f"{name}.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert svg_text(svg.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{name}.svg", f"{name}.png"])


@pytest.mark.dot
def test_svgs_show_the_expected_names_and_dates(tiny: coophistory.History) -> None:
    """What a reader sees: bodies, laws and dates in each picture."""
    shown = {name: svg_text(DIAGRAMS[name](tiny).pipe(format="svg").decode()) for name in DIAGRAMS}
    for text in (
        "INCOOP",
        "MTPE",
        "FENACREP",
        "CONASEV / SMV",
        "SBS",
        "PRODUCE",
        "1992/1993 · Decree-Law 25879",
        "2019-01-01 · Law 30822",
        "2008-10 · Law 29271",
        "CONASEV until 2011-07-28",
        "Sources",
        "[1] A country context study, §1",
    ):
        assert text in shown["handovers"], text
    for text in ("1960s", "1964-12-14 · Law 15260", "2012/2016 · figure", "2018-07 · Law 30822"):
        assert text in shown["timeline"], text
    assert "Who held what on 1995-06-01" in shown["snapshot-1995-06-01"]
    assert "Decree-Law 25879" in shown["snapshot-1995-06-01"]
    for text in ("savings and credit", "INCOOP", "FENACREP", "CONASEV", "SMV →", "1990"):
        assert text in shown["lanes-supervision"], text


@pytest.mark.dot
def test_notebooks_display_diagrams_inline(tiny: coophistory.History) -> None:
    """Jupyter shows a diagram from its SVG mime bundle."""
    bundle = render.handovers(tiny)._repr_mimebundle_()
    assert "INCOOP" in bundle["image/svg+xml"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> coophistory.History:
    """The tiny world with the Ministry of Labor renamed to a name full of DOT and HTML syntax."""
    toml_name = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    folder = tmp_path_factory.mktemp("hostile")
    path = tiny_variant(folder, 'name = "Ministry of Labor"', f'name = "{toml_name}"')
    return coophistory.load(path)


@pytest.mark.dot
@pytest.mark.parametrize(
    ("name", "draw"),
    [
        ("handovers (HTML-like labels)", render.handovers),
        ("snapshot (plain labels)", lambda h: render.snapshot(h, "1995-06-01")),
        ("timeline title", lambda h: render.timeline(h, title=HOSTILE)),
        ("lanes title (HTML-like)", lambda h: render.lanes(h, title=HOSTILE)),
    ],
)
def test_hostile_names_render_literally(
    hostile: coophistory.History, name: str, draw: Draw
) -> None:
    """Quotes, angle brackets, entities, backslashes and DOT syntax in a name show as written."""
    assert hostile.body("ministry-of-labor").name == HOSTILE
    svg = draw(hostile).pipe(format="svg").decode()
    assert HOSTILE in svg_text(svg), name


@pytest.mark.dot
def test_write_replaces_an_existing_file(tiny: coophistory.History, tmp_path: Path) -> None:
    """Writing over a file replaces it whole and keeps its permissions."""
    target = tmp_path / "handovers.svg"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    render.write(render.handovers(tiny), target)
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["handovers.svg"]


def test_write_dot_needs_no_graphviz(
    tiny: coophistory.History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .dot file is the source itself, written even where dot is missing."""
    monkeypatch.setenv("PATH", "")
    diagram = render.timeline(tiny)
    path = render.write(diagram, str(tmp_path / "timeline.dot"))
    assert path.read_text(encoding="utf-8") == diagram.source
    assert oct(path.stat().st_mode & 0o777) != oct(0o600)


def test_missing_dot_says_how_to_install(
    tiny: coophistory.History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No dot on PATH: RenderError explaining how to install Graphviz, and no file left."""
    monkeypatch.setenv("PATH", "")
    with pytest.raises(coophistory.RenderError, match="install Graphviz"):
        render.write(render.handovers(tiny), tmp_path / "handovers.png")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("handovers.jpg2", "cannot tell the format"),
        ("handovers", "cannot tell the format"),
        ("a-folder.svg", "it is a directory"),
        ("missing/handovers.svg", "does not exist"),
    ],
)
def test_bad_output_paths_raise_output_error(
    tiny: coophistory.History, tmp_path: Path, target: str, message: str
) -> None:
    """Unknown extensions, folders and missing folders are refused clearly, leaving nothing."""
    (tmp_path / "a-folder.svg").mkdir()
    with pytest.raises(coophistory.OutputError, match=message) as raised:
        render.write(render.handovers(tiny), tmp_path / target)
    assert isinstance(raised.value, OSError)
    assert [p.name for p in tmp_path.iterdir()] == ["a-folder.svg"]
    assert list((tmp_path / "a-folder.svg").iterdir()) == []


def test_unwritable_folder_raises_output_error(tiny: coophistory.History, tmp_path: Path) -> None:
    """A folder without write permission (for root: /sys) gives OutputError, leaving nothing."""
    if os.geteuid() == 0:
        folder = Path("/sys")
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
    before = sorted(folder.iterdir())
    with pytest.raises(coophistory.OutputError, match="cannot write"):
        render.write(render.handovers(tiny), folder / "handovers.dot")
    assert sorted(folder.iterdir()) == before


@pytest.mark.dot
def test_docs_diagrams_and_the_module_command(
    tiny: coophistory.History, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m docs.gen.diagrams FOLDER DATA`` writes each docs diagram as .dot and .svg."""
    data = Path(__file__).parent / "data" / "tiny.toml"
    diagrams.main([str(tmp_path / "diagrams"), str(data)])
    written = sorted(p.name for p in (tmp_path / "diagrams").iterdir())
    assert written == sorted(f"{n}{s}" for n in diagrams.DOCS_DIAGRAMS for s in (".dot", ".svg"))
    assert (tmp_path / "diagrams" / "handovers.dot").read_text("utf-8") == render.handovers(
        tiny
    ).source
    assert "handovers.svg" in capsys.readouterr().out


@pytest.mark.parametrize("name", diagrams.DOCS_DIAGRAMS)
def test_committed_docs_diagrams_are_fresh(name: str) -> None:
    """docs/diagrams/<name>.dot matches the bundled data; `make diagrams` regenerates it."""
    committed = DOCS_DIAGRAMS / f"{name}.dot"
    if not committed.is_file():
        pytest.skip(f"{committed} is not committed yet")
    fresh = diagrams.DOCS_DIAGRAMS[name](coophistory.load()).source
    assert committed.read_text(encoding="utf-8") == fresh, "stale: run `make diagrams`"
