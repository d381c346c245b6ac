"""No option is silently ignored, and every refusal is one line (issue #11 part 2, #13 item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coophistory.cli import main

from .conftest import TINY, tiny_variant
from .test_cli import run

DATA = ["--data", str(TINY)]


def one_line_error(err: str) -> str:
    """The one line of stderr, checked to be ours and no traceback."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("coophistory"), err
    assert "Traceback" not in err
    return lines[0]


# --- options a view or format does not read are refused ------------------------------------

IGNORED = [
    ("render", "handovers", "--on", "2000"),
    ("render", "snapshot", "--from", "1990"),
    ("render", "snapshot", "--to", "1990"),
    ("render", "snapshot", "--kind", "law"),
    ("render", "timeline", "--function", "promotion"),
    ("render", "timeline", "--on", "2000"),
    ("render", "lanes", "--on", "2000"),
    ("render", "lanes", "--kind", "law"),
    ("render", "handovers", "--kind", "law"),
    ("export", "csv", "--base", "https://example.org/id/"),
    ("export", "json", "--table", "laws"),
    ("export", "json", "--base", "https://example.org/id/"),
    ("export", "graphml", "--table", "laws"),
    ("export", "jsonld", "--table", "laws"),
    ("export", "timelinejs", "--base", "https://example.org/id/"),
]


@pytest.mark.parametrize(("command", "choice", "option", "value"), IGNORED)
def test_an_option_the_choice_ignores_is_a_usage_error(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    choice: str,
    option: str,
    value: str,
) -> None:
    """Exit 2, one line naming the option and the choice, and no file written."""
    out = tmp_path / "out.dot"
    extra = ["--on", "2000"] if choice == "snapshot" and option != "--on" else []
    with pytest.raises(SystemExit) as caught:
        main([*DATA, command, choice, "-o", str(out), option, value, *extra])
    assert caught.value.code == 2
    line = one_line_error(capsys.readouterr().err)
    assert f"{option} does not apply to {command} {choice}" in line
    assert not out.exists()


def test_render_handovers_takes_a_range_and_a_function(tmp_path: Path) -> None:
    """--from/--to/--function used to be accepted and ignored."""

    def drawn(*options: str) -> int:
        out = tmp_path / "handovers.dot"
        assert main([*DATA, "render", "handovers", "-o", str(out), *options]) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        return sum(
            " -> " in line and "key" not in line and "delegates" not in line for line in lines
        )

    everything = drawn()
    assert 0 < drawn("--from", "1990", "--to", "2000") < everything
    assert drawn("--from", "2030") == 0
    assert 0 < drawn("--function", "promotion") < everything


def test_render_snapshot_takes_a_function(tmp_path: Path) -> None:
    """--function used to be ignored: the snapshot showed both functions."""
    both, promotion = tmp_path / "both.dot", tmp_path / "promotion.dot"
    assert main([*DATA, "render", "snapshot", "--on", "2010", "-o", str(both)]) == 0
    assert (
        main(
            [
                *DATA,
                "render",
                "snapshot",
                "--on",
                "2010",
                "--function",
                "promotion",
                "-o",
                str(promotion),
            ]
        )
        == 0
    )
    assert "label=supervision" in both.read_text(encoding="utf-8")
    assert "label=supervision" not in promotion.read_text(encoding="utf-8")
    assert "label=promotion" in promotion.read_text(encoding="utf-8")


def test_render_lanes_takes_a_range(tmp_path: Path) -> None:
    """--from/--to used to be ignored: the lanes always spanned the whole history."""
    whole, clipped = tmp_path / "whole.dot", tmp_path / "clipped.dot"
    assert main([*DATA, "render", "lanes", "-o", str(whole)]) == 0
    assert (
        main([*DATA, "render", "lanes", "--from", "1990", "--to", "2000", "-o", str(clipped)]) == 0
    )
    assert "> 1970</TD>" in whole.read_text(encoding="utf-8")
    assert "> 1970</TD>" not in clipped.read_text(encoding="utf-8")


def test_export_options_still_work_where_they_apply(tmp_path: Path) -> None:
    """--table for csv, --base for jsonld."""
    laws, jsonld = tmp_path / "laws.csv", tmp_path / "out.jsonld"
    assert main([*DATA, "export", "csv", "--table", "laws", "-o", str(laws)]) == 0
    assert laws.read_text(encoding="utf-8").startswith("id,")
    base = "https://example.org/id/"
    assert main([*DATA, "export", "jsonld", "--base", base, "-o", str(jsonld)]) == 0
    assert f'"@id": "{base}body/incoop"' in jsonld.read_text(encoding="utf-8")


# --- bad values are one-line errors --------------------------------------------------------


@pytest.mark.parametrize("base", ["foo", "example.org/", "https://example.org/id", "urn:x:"])
def test_a_jsonld_base_that_is_not_an_absolute_iri_is_one_line(tmp_path: Path, base: str) -> None:
    """Exit 1, one line saying what a base must be, no file."""
    out = tmp_path / "out.jsonld"
    result = run(*DATA, "export", "jsonld", "--base", base, "-o", str(out))
    assert result.returncode == 1
    assert "absolute IRI" in one_line_error(result.stderr)
    assert not out.exists()


def test_an_unknown_kind_is_an_error_with_close_matches(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``timeline --kind lwa`` used to print nothing and exit 0."""
    monkeypatch.chdir(tmp_path)
    assert main(["timeline", "--kind", "lwa"]) == 1
    assert "did you mean law" in one_line_error(capsys.readouterr().err)
    assert main([*DATA, "render", "timeline", "--kind", "censsu", "-o", "never.dot"]) == 1
    assert "did you mean census" in one_line_error(capsys.readouterr().err)
    assert not Path("never.dot").exists()


RANGED = [
    ["timeline"],
    ["render", "timeline", "-o", "never.dot"],
    ["render", "lanes", "-o", "never.dot"],
    ["render", "handovers", "-o", "never.dot"],
]


@pytest.mark.parametrize("command", RANGED, ids=lambda c: " ".join(c[:2]))
def test_a_reversed_range_is_an_error_for_every_command(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """``--from 2020 --to 2010`` used to be answered (timeline) or ignored (render)."""
    monkeypatch.chdir(tmp_path)
    assert main([*DATA, *command, "--from", "2020", "--to", "2010"]) == 1
    assert "ends before it starts" in one_line_error(capsys.readouterr().err)
    assert not Path("never.dot").exists()


def test_non_ascii_digits_are_refused_on_the_command_line() -> None:
    """``who housing`` with a year in full-width digits used to answer for the year 2000."""
    result = run("who", "housing", "\uff12\uff10\uff10\uff10")
    assert result.returncode == 1
    assert "ASCII" in one_line_error(result.stderr)


def test_validate_refuses_a_data_file_with_non_ascii_digits(tmp_path: Path) -> None:
    """A full-width date in a data file is a problem, exit 1."""
    broken = tiny_variant(tmp_path, '"1964-12-14"', '"\uff11\uff19\uff16\uff14-12-14"')
    result = run("validate", str(broken))
    assert result.returncode == 1
    assert "ASCII" in result.stdout


# --- validate warns of records resting only on unread sources (#13 item 1) -----------------


def test_validate_warns_of_records_resting_on_unread_sources(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The tiny world cites sources nobody has read: warnings, and still exit 0."""
    assert main(["validate", str(TINY)]) == 0
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if line.startswith("warning: ")]
    assert "warning: bodies incoop rests only on unread sources (study)" in warnings[0]
    assert out[-1].startswith(str(TINY)) or "valid" in out[-1]


def test_validate_json_lists_the_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` carries them apart from the problems."""
    assert main(["validate", "--json", str(TINY)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True
    assert report["problems"] == []
    assert any("mandates" in w and "unread" in w for w in report["warnings"])


def test_validate_has_no_warning_when_every_source_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once the cited sources carry ``accessed``, nothing is said."""
    text = TINY.read_text(encoding="utf-8")
    read = text.replace("year = 2019\n", 'year = 2019\naccessed = "2026-12-02"\n').replace(
        "year = 2013\n", 'year = 2013\naccessed = "2026-12-02"\n'
    )
    path = tmp_path / "read.toml"
    path.write_text(read, encoding="utf-8")
    assert main(["validate", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == []
