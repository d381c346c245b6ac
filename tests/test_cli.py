"""The command line, as a user runs it (a subprocess) and in process (``main([...])``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import coophistory
from coophistory.cli import main

from .conftest import TINY, tiny_variant

DATA = ["--data", str(TINY)]
COMMANDS = [
    "who",
    "on",
    "handovers",
    "timeline",
    "render",
    "export",
    "validate",
    "sources",
    "conflicts",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m coophistory`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "coophistory", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``main`` in process; return its status, stdout and stderr."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def assert_user_error(status: int, err: str, *fragments: str, lines: int = 1) -> None:
    """Check a user mistake: non-zero status, the given number of lines on stderr, no traceback."""
    assert status != 0
    assert "Traceback" not in err
    assert len(err.splitlines()) == lines, err
    for fragment in fragments:
        assert fragment in err


# --- as a user runs it -----------------------------------------------------------------------


def test_entry_point_script() -> None:
    """The installed ``coophistory`` script answers a question."""
    script = Path(sys.executable).with_name("coophistory")
    done = subprocess.run(
        [str(script), *DATA, "who", "COOPAC", "2019-01-01"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "On 2019-01-01, supervision of savings and credit cooperatives lay with SBS"
    )


def test_python_dash_m() -> None:
    """``python -m coophistory`` works too, and a user error there has no traceback."""
    done = run(*DATA, "who", "savings-and-credit", "1995-06-01", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["bodies"][0]["id"] == "fenacrep"
    failed = run(*DATA, "who", "hosing", "1978")
    assert_user_error(
        failed.returncode, failed.stderr, "unknown cooperative type 'hosing'; did you mean housing?"
    )


def test_who_stays_light() -> None:
    """Answering ``who`` imports neither networkx, graphviz, rdflib nor any exporter or diagram.

    The export and render registries (their packages' ``__init__``) name the choices the
    command line offers; the modules behind them load only when used.
    """
    code = (
        "import sys; from coophistory.cli import main; "
        f"main(['--data', {str(TINY)!r}, 'who', 'housing', '2000']); print(' '.join(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(done.stdout.split("\n")[-2].split())
    assert "coophistory.cli" in loaded
    heavy = {
        m
        for m in loaded
        if m.split(".")[0] in {"networkx", "graphviz", "rdflib"}
        or m.startswith(("coophistory.export.", "coophistory.render.", "coophistory.graph"))
    }
    assert not heavy


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's --help exits 0 and describes it."""
    status, out, _ = call(capsys, command, "--help")
    assert status == 0
    assert out.startswith(f"usage: coophistory {command}")


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """The top-level help names every command and --data."""
    status, out, _ = call(capsys, "--help")
    assert status == 0
    assert all(command in out for command in COMMANDS)
    assert "--data" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version, the bundled data's and the day it is current to."""
    bundled = coophistory.load()
    assert call(capsys, "--version")[1].strip() == (
        f"coophistory {coophistory.__version__} "
        f"(data {bundled.dataset_version}, current to {bundled.current_to})"
    )


# --- who, on, handovers, timeline, sources, conflicts ----------------------------------------


def test_who_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """``who`` prints the answer's sentence: bodies, law and source."""
    status, out, _ = call(capsys, *DATA, "who", "savings-and-credit", "1995-06-01")
    assert status == 0
    assert out == str(coophistory.load(TINY).supervisor("savings-and-credit", "1995-06-01")) + "\n"
    assert "FENACREP" in out
    assert "Decree-Law 25879" in out
    assert "A country context study, §1.2" in out


def test_who_not_certain(capsys: pytest.CaptureFixture[str]) -> None:
    """A not-certain answer says so and names the possible bodies."""
    _, out, _ = call(capsys, *DATA, "who", "housing", "1978")
    assert "it is not certain" in out
    assert "INCOOP" in out
    assert "MTPE" in out


def test_who_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """``who --json`` has the documented keys and body shape."""
    _, out, _ = call(capsys, *DATA, "who", "housing", "1978", "--function", "promotion", "--json")
    answer = json.loads(out)
    assert {
        "coop_type",
        "on",
        "function",
        "certain",
        "bodies",
        "possible",
        "laws",
        "citations",
    } <= set(answer)
    assert (answer["coop_type"], answer["on"], answer["function"], answer["certain"]) == (
        "housing",
        "1978",
        "promotion",
        False,
    )
    assert {"id", "name", "acronym"} <= set(answer["possible"][0])
    assert answer["laws"] == [{"id": "law-15260", "label": "Law 15260", "date": "1964-12-14"}]
    assert answer["citations"] == [{"source": "study", "locator": "§1"}]


def test_on_table(capsys: pytest.CaptureFixture[str]) -> None:
    """``on`` prints every concrete type with who held each function."""
    status, out, _ = call(capsys, *DATA, "on", "2000-01-01")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["type", "supervision", "promotion"]
    assert lines[1].split() == ["savings-and-credit", "FENACREP", "MTPE"]
    assert lines[4].split() == ["housing", "CONASEV", "MTPE"]


def test_on_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``on --json`` gives the day and one who-shaped answer per type and function."""
    _, out, _ = call(capsys, *DATA, "on", "1978", "--function", "supervision", "--json")
    data = json.loads(out)
    assert data["on"] == "1978"
    assert [a["coop_type"] for a in data["answers"]] == [
        "savings-and-credit",
        "agriculture",
        "coffee",
        "housing",
    ]
    assert all(not a["certain"] for a in data["answers"])


def test_handovers(capsys: pytest.CaptureFixture[str]) -> None:
    """``handovers`` lists each passing in date order, named as the bodies were then."""
    _, out, _ = call(capsys, *DATA, "handovers")
    assert out.splitlines() == [
        "1978  supervision of all cooperatives: INCOOP → MTPE",
        "1992  supervision of non-financial cooperatives: MTPE → CONASEV (Decree-Law 25879)",
        "1992/1993  supervision of savings and credit cooperatives: MTPE → FENACREP "
        "(Decree-Law 25879)",
        "2019-01-01  supervision of savings and credit cooperatives: FENACREP → SBS (Law 30822)",
    ]
    _, out, _ = call(capsys, *DATA, "handovers", "COOPAC", "--json")
    handovers = json.loads(out)
    assert [h["date"] for h in handovers] == ["1978", "1992/1993", "2019-01-01"]
    assert handovers[-1]["to"] == [
        {"id": "sbs", "name": "Superintendency of Banking and Insurance", "acronym": "SBS"}
    ]
    assert set(handovers[-1]) == {
        "date",
        "function",
        "coop_types",
        "excluding",
        "from",
        "to",
        "laws",
        "citations",
    }


def test_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """``timeline`` filters by range, type and kind; --json gives the JSON export's event rows."""
    _, out, _ = call(capsys, *DATA, "timeline", "--from", "1970", "--to", "2017")
    assert out.splitlines() == ["2012/2016  [figure] Half of new cooperatives are agricultural"]
    _, out, _ = call(capsys, *DATA, "timeline", "--type", "coffee", "--kind", "census", "--json")
    events = json.loads(out)
    assert [e["id"] for e in events] == ["census-2017"]
    assert events[0]["figures"][0]["as_of"] == "2017"


def test_sources_and_conflicts(capsys: pytest.CaptureFixture[str]) -> None:
    """``sources`` and ``conflicts`` list records, as text and as their JSON export rows."""
    _, out, _ = call(capsys, *DATA, "sources")
    assert out.splitlines()[0].split() == ["id", "title", "by", "year", "read"]
    assert "A federation's annual report" in out.splitlines()[2]
    _, out, _ = call(capsys, *DATA, "sources", "--json")
    assert json.loads(out)[0] == {"id": "study", "title": "A country context study", "year": 2019}
    _, out, _ = call(capsys, *DATA, "conflicts")
    assert out.splitlines() == [
        "fenacrep-start: When FENACREP began supervising savings and credit cooperatives",
        "  - 1992: study, §1.2",
        "  - 1993: report, p. 4",
    ]
    _, out, _ = call(capsys, *DATA, "conflicts", "--json")
    assert json.loads(out)[0]["claims"][0] == {
        "value": "1992",
        "source": "study",
        "locator": "§1.2",
    }


def test_bundled_data_without_data_option(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --data the bundled history answers."""
    status, out, _ = call(capsys, "sources", "--json")
    assert status == 0
    assert [s["id"] for s in json.loads(out)] == [s.id for s in coophistory.load().sources()]


# --- validate --------------------------------------------------------------------------------


def test_validate_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """A clean file: exit 0 and a line saying so."""
    status, out, _ = call(capsys, "validate", str(TINY))
    assert status == 0
    assert "no problems" in out


def test_validate_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken file: exit 1 and one line per problem."""
    path = tiny_variant(tmp_path, "year = 2013", 'year = "2013"')
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'promulgated = "1992"', 'promulgated = "1992-02-30"'
        ),
        encoding="utf-8",
    )
    status, out, _ = call(capsys, "validate", str(path))
    assert status == 1
    assert len(out.splitlines()) == 2
    assert "sources #2 (report): year: expected a whole number" in out
    assert "there is no day 30" in out
    status, out, _ = call(capsys, "validate", str(path), "--json")
    report = json.loads(out)
    assert status == 1
    assert report["valid"] is False
    assert len(report["problems"]) == 2


def test_validate_with_bundled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--with-bundled checks the files together with the bundled data."""
    extra = tmp_path / "extra.toml"
    extra.write_text(
        'schema_version = 1\ndataset_version = "x"\n[[events]]\nid = "e"\ndate = "1999"\n'
        'kind = "census"\ntitle = "E"\ncitations = [{ source = "nowhere", locator = "p" }]\n',
        encoding="utf-8",
    )
    status, out, _ = call(capsys, "validate", str(extra), "--with-bundled")
    assert status == 1
    assert "source refers to unknown id 'nowhere'" in out
    status, out, _ = call(capsys, "validate", str(tmp_path / "absent.toml"))
    assert status == 1
    assert "no such data file" in out


# --- user mistakes: one line on stderr, non-zero, no traceback -------------------------------


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["who", "hosing", "1978"], ["did you mean housing?"]),
        (["who", "housing", "1978-13"], ["invalid date '1978-13': there is no month 13"]),
        (["who", "housing", "1978", "--function", "regulation"], ["invalid choice: 'regulation'"]),
        (["on", "yesterday"], ["invalid date 'yesterday'"]),
        (["timeline", "--from", "19x9"], ["invalid date '19x9'"]),
        (["timeline", "--type", "cofee"], ["did you mean coffee?"]),
        (["handovers", "housng"], ["did you mean housing?"]),
        (["wh", "housing", "1978"], ["invalid choice: 'wh'"]),
        ([], ["required: COMMAND"]),
        (["export", "json"], ["-o/--output"]),
        (["export", "yaml", "-o", "x"], ["invalid choice: 'yaml'"]),
    ],
)
def test_user_errors(
    args: list[str], fragments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each mistake is one clear line on stderr with a non-zero status."""
    status, out, err = call(capsys, *DATA, *args)
    assert_user_error(status, err, *fragments)
    assert out == ""


def test_broken_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken --data file prints one line per problem on stderr."""
    path = tiny_variant(tmp_path, 'basis = ["law-30822"]', 'basis = ["law-30832"]')
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "report"', 'id = "study"'), encoding="utf-8"
    )
    status, _, err = call(capsys, "--data", str(path), "who", "housing", "1978")
    assert_user_error(status, err, "unknown id 'law-30832'", "duplicate id 'study'", lines=3)
    done = run("--data", str(path), "who", "housing", "1978")
    assert_user_error(done.returncode, done.stderr, "duplicate id 'study'", lines=3)


def test_missing_and_unreadable_data_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file, a directory, or text that is not TOML are one line each."""
    for path, fragment in [
        (tmp_path / "absent.toml", "no such data file"),
        (tmp_path, "is a directory"),
        (TINY.with_name("nope.json"), "no such data file"),
    ]:
        status, _, err = call(capsys, "--data", str(path), "sources")
        assert_user_error(status, err, fragment)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[sources]\n", encoding="utf-8")
    status, _, err = call(capsys, "--data", str(bad), "sources")
    assert_user_error(status, err, "is not valid TOML")


@pytest.mark.parametrize("target", [".", "missing/out.json"])
def test_unwritable_output(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exporting to a directory or into a missing folder is one line on stderr, nothing written."""
    status, _, err = call(capsys, *DATA, "export", "json", "-o", str(tmp_path / target))
    assert_user_error(status, err, "cannot write")
    assert list(tmp_path.iterdir()) == []


# --- exports through the CLI -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("json", []),
        ("csv", []),
        ("csv", ["--table", "handovers"]),
        ("jsonld", ["--base", "https://x.org/"]),
        ("timelinejs", []),
    ],
)
def test_export_commands(
    fmt: str, options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each export writes its file and prints nothing."""
    target = tmp_path / f"out.{fmt}"
    status, out, err = call(capsys, *DATA, "export", fmt, "-o", str(target), *options)
    assert (status, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert coophistory.load(target) == coophistory.load(TINY)
    elif fmt == "csv":
        assert text.splitlines()[0].startswith("date," if options else "id,body,")
    elif fmt == "jsonld":
        assert "https://x.org/body/sbs" in text
    else:
        assert json.loads(text)["events"]


# --- hostile strings -------------------------------------------------------------------------


def test_control_characters_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escape sequences in the data reach the terminal as visible text, never as control codes."""
    path = tiny_variant(
        tmp_path,
        'title = "First national cooperative census"',
        'title = "census \\u001b[2J\\u001b]0;pwned\\u0007 \\u009b31m \\u202eevil"',
    )
    _, out, _ = call(capsys, "--data", str(path), "timeline", "--kind", "census")
    assert out == "2017  [census] census \\x1b[2J\\x1b]0;pwned\\x07 \\x9b31m \\u202eevil\n"
    _, out, _ = call(capsys, "--data", str(path), "timeline", "--kind", "census", "--json")
    assert "\x1b" not in out
    assert "\x9b" not in out
    assert "\u202e" not in out
    assert json.loads(out)[0]["title"] == "census \x1b[2J\x1b]0;pwned\x07 \x9b31m \u202eevil"
    status, _, err = call(capsys, "--data", str(path), "who", "\x1b[31mred", "1978")
    assert_user_error(status, err, "\\x1b[31mred")
