"""The documentation stays true: generated pages fresh, examples run, links and pages complete.

The site itself is built with ``mkdocs build --strict`` by ``make docs`` (part of ``make test``);
these tests check what a build cannot: that the pages agree with the code and the data.
"""

from __future__ import annotations

import doctest
import html
import importlib.util
import json
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docs.gen import markup, pages

import coophistory
from coophistory import cli
from tests.conftest import tiny_variant

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOSTILE = (
    "1. *Ley* [x](http://evil.example) <script>alert(1)</script> | {#id} _u_ `code` "
    ">>> back\\slash & more"
)


def _page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


# --- generated pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(bundled: coophistory.History) -> dict[str, str]:
    """The generated pages, built again in memory from the parser and the bundled data."""
    return pages.pages(bundled)


@pytest.mark.parametrize("name", pages.PAGES)
def test_committed_generated_page_is_fresh(fresh: dict[str, str], name: str) -> None:
    """docs/<name> is what the generator makes now; `make docs-pages` rewrites it."""
    assert _page(name) == fresh[name], f"docs/{name} is stale: run `make docs-pages`"


@pytest.mark.parametrize("name", pages.PAGES)
def test_generated_pages_hold_no_doctest_prompts(fresh: dict[str, str], name: str) -> None:
    """Generated pages never contain `>>>`, which the doctest run over docs/ would execute."""
    assert ">>>" not in fresh[name]


def test_write_pages_writes_every_page(bundled: coophistory.History, tmp_path: Path) -> None:
    """The module command writes each generated page into the folder it is given."""
    pages.main([str(tmp_path)])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(pages.PAGES)
    assert (tmp_path / "sources.md").read_text(encoding="utf-8") == pages.sources_page(bundled)


def test_cli_page_has_every_command_and_option(fresh: dict[str, str]) -> None:
    """Each subcommand has a section with its description, and each option is listed."""
    parser = cli.parser()
    text = fresh["cli.md"]
    subcommands = parser.commands
    assert set(subcommands) >= {"who", "on", "handovers", "render", "export", "validate"}
    for name, sub in subcommands.items():
        assert f"## `coophistory {name}` {{#{name}}}" in text
        assert markup.md(sub.description or "") in text
        for action in sub.arguments:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in text or f", {option}" in text, (name, option)
    assert "`--data FILE`" in text


def test_chronology_has_every_event_with_date_and_citation(
    bundled: coophistory.History, fresh: dict[str, str]
) -> None:
    """Every event appears once, under its decade, dated as precisely as known, with a source."""
    text = fresh["chronology.md"]
    sections = re.split(r"^## (\d{4})s \{#\d{4}s\}$", text, flags=re.MULTILINE)
    by_decade = dict(zip(sections[1::2], sections[2::2], strict=True))
    for event in bundled.events():
        decade = str((event.date.earliest or event.date.latest).year // 10 * 10)  # type: ignore[union-attr]
        entry = f"- **{markup.md(event.date.display())}** · {markup.md(event.title)}"
        assert by_decade[decade].count(entry) == 1, event.id
        after = by_decade[decade].split(entry, 1)[1].split("\n- **", 1)[0]
        source = bundled.source(event.citations[0].source)
        assert markup.md(source.cite(event.citations[0].locator)) in after, event.id
    assert "**c. 1970/c. 1973**" in text  # an approximate interval, shown as such
    assert "**2008-10**" in text  # a month, never padded to a day


def test_chronology_lists_the_handovers(fresh: dict[str, str]) -> None:
    """The hand-over table names the 2019 transfer with its law and the disputed 1992/1993 one."""
    text = fresh["chronology.md"]
    assert re.search(
        r"^\| 2019-01-01 \| supervision \| .* \| FENACREP \| SBS \| Law 30822 \|", text, re.M
    )
    assert re.search(r"^\| 1992/1993 \| supervision \| .* \| FENACREP \|", text, re.M)


def test_sources_page_lists_sources_records_and_conflicts(
    bundled: coophistory.History, fresh: dict[str, str]
) -> None:
    """Each source has an entry (with its URL), each conflict its claims, preferred and reason."""
    text = fresh["sources.md"]
    for source in bundled.sources():
        assert f"{{#source-{source.id}}}" in text
        if source.url:
            assert markup.href(source.url) in text
    for conflict in bundled.conflicts():
        section = text.split(f"{{#conflict-{conflict.id}}}", 1)[1].split("\n### ", 1)[0]
        for claim in conflict.claims:
            assert f"| {markup.md(claim.value)}" in section, (conflict.id, claim.value)
        if conflict.preferred is not None:
            assert f"**Preferred:** {markup.md(conflict.preferred)}." in section
            assert markup.md(conflict.reason or "") in section
        else:
            assert "**Not settled:**" in section
    law = bundled.law("30822")
    assert f"- {markup.md(law.label)}, {markup.md(law.title)} — at" in text


def test_every_link_target_in_generated_pages_exists(fresh: dict[str, str]) -> None:
    """Each in-site anchor the generated pages link to is defined on its page."""
    anchors = {name: set(re.findall(r"\{#([^}]+)\}", text)) for name, text in fresh.items()}
    anchors["data-model.md"] = {"from-mandates-to-answers"}
    for name, text in fresh.items():
        for page, anchor in re.findall(r"\]\(([a-z-]*\.md)?#([^)]+)\)", text):
            target = page or name
            if target in anchors:
                assert anchor in anchors[target], (name, target, anchor)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> coophistory.History:
    """The tiny world with a source and an event titled in Markdown, HTML and doctest syntax."""
    folder = tmp_path_factory.mktemp("hostile")
    escaped = HOSTILE.replace("\\", "\\\\")
    step = tiny_variant(
        folder, 'title = "A country context study"', f'title = "{escaped}"', "a.toml"
    )
    text = step.read_text(encoding="utf-8").replace(
        'title = "First national cooperative census"', f'title = "{escaped}"', 1
    )
    step.write_text(text, encoding="utf-8")
    return coophistory.load(step)


def _rendered_text(markdown_text: str) -> str:
    markdown = pytest.importorskip("markdown")
    page = markdown.markdown(markdown_text, extensions=["tables", "attr_list", "toc"])
    assert "<script>" not in page
    assert 'href="http://evil.example"' not in page
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize("build", [pages.chronology_page, pages.sources_page])
def test_titles_from_the_data_show_literally(hostile: coophistory.History, build: Any) -> None:
    """Markdown, HTML, attribute-list and doctest syntax in data is shown as written."""
    text = build(hostile)
    assert ">>>" not in text
    assert HOSTILE in _rendered_text(text)


# --- hand-written pages ----------------------------------------------------------------------


def _console_sessions() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each page's ``console`` blocks as (command, expected output) pairs, in page order."""
    for path in sorted(DOCS.glob("*.md")):
        steps: list[tuple[str, str]] = []
        for block in re.findall(r"```console\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
                command, _, output = chunk.partition("\n")
                steps.append((command, output))
        if steps:
            yield path.name, steps


SESSIONS = dict(_console_sessions())


def test_console_sessions_are_found() -> None:
    """The tutorial and the home page show command-line sessions to check."""
    assert {"index.md", "tutorial.md"} <= set(SESSIONS)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_console_sessions_print_what_the_page_shows(name: str, tmp_path: Path) -> None:
    """Each `$ coophistory ...` line runs, in order, and prints what follows it (`...` elides)."""
    checker = doctest.OutputChecker()
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    for command, expected in SESSIONS[name]:
        args = shlex.split(command)
        assert args[0] == "coophistory", command
        result = subprocess.run(
            [sys.executable, "-m", "coophistory", *args[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        got = result.stdout + result.stderr
        assert checker.check_output(expected, got, flags), f"{name}: $ {command}\n{got}"


def _worked_example(title: str) -> list[list[str]]:
    section = _page("data-model.md").split(f"### Worked example: {title}\n", 1)[1]
    section = section.split("\n## ", 1)[0].split("\n### ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[1:]]


def _ids(history: coophistory.History, cell: str) -> set[str]:
    return set() if cell == "—" else {history.body(name).id for name in cell.split(", ")}


def test_data_model_worked_example_1978(bundled: coophistory.History) -> None:
    """The 1978 table of data-model.md matches the bundled data, for every concrete type."""
    rows = _worked_example("1978")
    assert len(rows) == 4
    for coop_type in bundled.concrete_types():
        for day, certain, possible in rows:
            answer = bundled.supervisor(coop_type.id, day)
            assert {b.id for b in answer.bodies} == _ids(bundled, certain), (coop_type.id, day)
            assert {b.id for b in answer.possible} == _ids(bundled, possible), (coop_type.id, day)


def test_data_model_worked_example_1992(bundled: coophistory.History) -> None:
    """The 1992 table of data-model.md matches the bundled data."""
    rows = _worked_example("1992")
    assert len(rows) == 6
    for where, certain, possible in rows:
        coop_type, day = where.split(", ")
        answer = bundled.supervisor(coop_type, day)
        assert {b.id for b in answer.bodies} == _ids(bundled, certain), where
        assert {b.id for b in answer.possible} == _ids(bundled, possible), where


def test_api_page_covers_the_public_api() -> None:
    """Every name in coophistory.__all__ has a reference entry on the API page."""
    text = _page("api.md")
    missing = [
        name
        for name in coophistory.__all__
        if name != "__version__" and f"::: coophistory.{name}\n" not in text
    ]
    assert not missing


def test_curating_guide_shows_validate() -> None:
    """The curating guide shows the validate command, alone and with the bundled data."""
    text = _page("curating.md")
    assert "coophistory validate data/events.toml" in text
    assert "--with-bundled" in text
    assert "Until that command is available" not in text


def test_home_page_embeds_the_handover_diagram() -> None:
    """The home page shows the committed handover diagram (kept fresh by `make diagrams`)."""
    assert "](diagrams/handovers.svg)" in _page("index.md")
    assert (DOCS / "diagrams" / "handovers.svg").is_file()


# --- the site's navigation -------------------------------------------------------------------


def _nav_pages(entries: list[Any]) -> Iterator[str]:
    for entry in entries:
        targets = entry.values() if isinstance(entry, dict) else [entry]
        for target in targets:
            if isinstance(target, list):
                yield from _nav_pages(target)
            else:
                yield target


@pytest.fixture(scope="module")
def nav() -> list[Any]:
    """The navigation of mkdocs.yml."""
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    return list(config["nav"])


def test_every_page_is_in_the_navigation(nav: list[Any]) -> None:
    """Each Markdown page under docs/ is reachable from the navigation, and each entry exists."""
    listed = set(_nav_pages(nav))
    present = {p.name for p in DOCS.glob("*.md") if not _translation(p)}
    assert present == listed


def _translation(page: Path) -> bool:
    """Whether a page is another language's version of one (``index.es.md``)."""
    return len(page.suffixes) == 2 and page.suffixes[0] != ".md"


def test_each_translated_page_has_its_original_and_its_language_is_built() -> None:
    """``page.es.md`` translates ``page.md``; mkdocs-static-i18n builds each language's site."""
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    built = {lang["locale"] for lang in i18n["languages"] if lang["build"]}
    translations = [p for p in DOCS.glob("*.md") if _translation(p)]
    assert {"index.es.md", "tutorial.es.md"} <= {p.name for p in translations}
    for page in translations:
        assert (DOCS / f"{page.name.split('.')[0]}.md").is_file(), page.name
        assert page.suffixes[0].lstrip(".") in built, page.name


def test_griffe_extension_fences_examples_and_roles() -> None:
    """The API page's griffe extension turns doctest lines into code blocks and roles into code."""
    pytest.importorskip("griffe")
    spec = importlib.util.spec_from_file_location(
        "griffe_doctests", DOCS / "gen" / "griffe_doctests.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.fence_examples(module.plain_roles("Use :func:`~coophistory.load`.\n\n>>> 1\n1"))
    assert text.splitlines() == ["Use `load`.", "", "```pycon", ">>> 1", "1", "```"]
    assert doctest.testmod(module).failed == 0


def test_cli_json_example_is_a_real_answer(bundled: coophistory.History) -> None:
    """The `who --json` example in cli-json.md is what `who housing 1978 --json` prints."""
    block = _page("cli-json.md").split("```json\n", 1)[1].split("```", 1)[0]
    shown = json.loads(block)
    real = bundled.supervisor(shown["coop_type"], shown["on"], function=shown["function"]).to_dict()
    assert real["sentence"].startswith(shown.pop("sentence").removesuffix("..."))
    del real["sentence"]
    assert shown == real


@pytest.mark.parametrize(
    "table", ["sources", "bodies", "coop_types", "laws", "mandates", "events", "conflicts"]
)
def test_data_model_lists_every_key_and_whether_it_is_required(table: str) -> None:
    """data-model.md's table for each record kind has exactly the keys the loader reads."""
    from coophistory import schema  # noqa: PLC0415 - the schema the loader reads

    section = _page("data-model.md").split(f"### `[[{table}]]`", 1)[1]
    section = re.split(r"\n##+ ", section, maxsplit=1)[0]
    documented: dict[str, bool] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if not line.startswith("| `") or len(cells) < 3:
            continue
        keys = re.findall(r"`(\w+)`", cells[0])
        parts = cells[2].split(", ")
        if len(parts) != len(keys):
            parts = [cells[2]] * len(keys)
        documented |= {key: part.startswith("yes") for key, part in zip(keys, parts, strict=True)}
    cls = schema.CLASSES[table]
    expected = {key: key in schema.required(cls) for key in schema.keys(cls)}
    assert documented == expected
