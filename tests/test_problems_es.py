"""A data file's problems told in Spanish: by ``validate``, by any command, by ``error_text``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import coophistory
from coophistory import DataError
from coophistory.errors import Phrase, Problem
from coophistory.messages import error_text, problem_text

from .conftest import tiny_variant
from .test_cli import call
from .test_validation import BROKEN

# Words of the checker's English that no Spanish line may keep (keys and ids aside, which are
# the file's own and are quoted).
_ENGLISH = re.compile(
    r"\b(expected|got|unknown|missing|must|refers|item|duplicate|overlaps|needs|"
    r"before|after|is not|did you mean|cannot)\b"
)


def _problems(tmp_path: Path, old: str, new: str) -> tuple[Problem, ...]:
    path = tiny_variant(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        coophistory.load(path)
    return caught.value.problems


def _outside_quotes(line: str) -> str:
    """The line without what it quotes (ids, keys and values from the file) or its place."""
    told = line.split(": ", 1)[1] if ": " in line else line
    return re.sub(r"'[^']*'|\"[^\"]*\"|\([^)]*#[^)]*\)", "", told)


@pytest.mark.parametrize(
    ("case", "old", "new", "where", "what"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_every_rule_is_told_in_spanish(
    tmp_path: Path, case: str, old: str, new: str, where: str, what: str
) -> None:
    """Each rule's problem has words of the catalog, and its Spanish line keeps no English."""
    for problem in _problems(tmp_path, old, new):
        assert problem.phrase is not None, problem
        assert str(problem.phrase) == problem.message
        spanish = problem_text(problem, lang="es")
        assert spanish.startswith(problem.where() + ": ")
        assert spanish != str(problem)
        assert not _ENGLISH.search(_outside_quotes(spanish.removeprefix(problem.where()))), spanish


def test_whole_lines_in_spanish(tmp_path: Path) -> None:
    """Lines written by hand: a nested list item, a close match, a missing key, a bad date."""
    cases = [
        (
            'citations = [{ source = "study", locator = "§1.1.1" }]\n\n'
            '[[coop_types]]\nid = "coffee"',
            'citations = [{ source = "study", locator = "§1.1.1" }, 7]\n\n'
            '[[coop_types]]\nid = "coffee"',
            "coop_types #5 (agriculture): citations: elemento 2: se esperaba una tabla como "
            "{ source, locator }, no un número 7",
        ),
        (
            'name = "Ministry of Labor"',
            'name = "Ministry of Labor"\nnmae_es = "x"',
            "bodies #2 (ministry-of-labor): clave desconocida: 'nmae_es' (¿quiso decir 'name_es'?)",
        ),
        (
            'id = "law-29271"\nkind = "law"\n',
            'id = "law-29271"\n',
            "laws #3 (law-29271): falta la clave obligatoria 'kind'",
        ),
        (
            'promulgated = "1992"',
            'promulgated = "1992-02-30"',
            "laws #2 (dl-25879): promulgated: fecha no válida '1992-02-30': "
            "no existe el día 30 en 1992-02",
        ),
    ]
    for old, new, expected in cases:
        (problem,) = _problems(tmp_path, old, new)
        assert problem_text(problem, lang="es").endswith(": " + expected)


def test_error_text_tells_every_problem_in_spanish(tmp_path: Path) -> None:
    """A DataError in Spanish: the heading and each problem, in the file's order."""
    path = tiny_variant(tmp_path, 'kind = "decree-law"', 'kind = "decree law"')
    with pytest.raises(DataError) as caught:
        coophistory.load(path)
    assert error_text(caught.value, lang="es") == (
        "1 problema en los datos:\n"
        f"  {path}: laws #2 (dl-25879): clase de norma desconocida: 'decree law' "
        "(¿quiso decir 'decree-law'?)"
    )


def test_problems_made_by_hand_stay_as_written() -> None:
    """A Problem built with a plain message (no phrase) is shown as it is in any language."""
    problem = Problem("a.toml", "bodies", 1, "x", "checked by hand")
    assert problem_text(problem, lang="es") == "a.toml: bodies #1 (x): checked by hand"
    told = Problem.said("a.toml", None, None, None, Phrase("must not be empty"))
    assert (told.message, problem_text(told, lang="es")) == (
        "must not be empty",
        "a.toml: no debe estar vacío",
    )


def test_validate_and_any_command_speak_spanish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang es validate`` lists the problems in Spanish; ``who`` on bad data says them too."""
    path = tiny_variant(tmp_path, "year = 2013", 'year = "2013"')
    line = f"{path}: sources #2 (report): year: se esperaba un número entero, no un texto '2013'"
    status, out, _ = call(capsys, "--lang", "es", "validate", str(path))
    assert (status, out.splitlines()) == (1, [line])
    status, _, err = call(capsys, "--lang", "es", "--data", str(path), "who", "housing", "1990")
    assert (status, err.splitlines()) == (1, [f"coophistory: {line}"])
    status, out, _ = call(capsys, "validate", str(path))
    assert "expected a whole number, got text '2013'" in out


def test_unreadable_files_in_spanish(tmp_path: Path) -> None:
    """Problems with the file itself (not UTF-8, not TOML, a folder) are told in Spanish too."""
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("name = 'Asociación'".encode("latin-1"))
    broken = tmp_path / "broken.toml"
    broken.write_text("[[bodies]\n", encoding="utf-8")
    lines = []
    for path in (latin1, broken, tmp_path):
        with pytest.raises(DataError) as caught:
            coophistory.load(path)
        lines += [problem_text(p, lang="es") for p in caught.value.problems]
    assert lines[0] == f"{latin1}: no es texto UTF-8 (byte 0xf3 en la posición 16)"
    assert lines[1].startswith(f"{broken}: no es TOML válido: ")
    assert lines[2] == f"{tmp_path}: es una carpeta, no un archivo de datos"
