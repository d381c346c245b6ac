"""The loader under hostile files: only DataError escapes, nothing hangs, nothing changes.

Three generators share one contract check (fuzz/loader_cases.py): hypothesis-driven edits of
the tiny world, a seeded mutation run, and a short atheris run when atheris is installed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Final

import pytest
from fuzz import loader_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coophistory

from .conftest import TINY

HYPOTHESIS_EXAMPLES: Final = 800
SEEDED_INPUTS: Final = 1500
ATHERIS_RUNS: Final = 300
ROOT: Final = Path(__file__).resolve().parents[1]

_scalars = (
    st.integers()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.text(max_size=30)
    | st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000)
    | st.sampled_from(loader_cases.ODD_TEXT)
    | st.dates()
    | st.datetimes()
    | st.times()
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(
    [
        *("id", "body", "function", "coop_types", "start", "end", "parent", "citations"),
        *("claims", "name", "kind", "promulgated", "joint", "delegated_by", "basis", "x", ""),
    ]
)


@st.composite
def edited_documents(draw: st.DrawFn) -> tuple[str, bytes]:
    """The tiny world with a few keys set, deleted or added, written as TOML or JSON."""
    document: dict[str, Any] = loader_cases.seed_document()
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from([*coophistory.records.TABLES, "schema_version", "top"]))
        rows = document.get(table)
        if not isinstance(rows, list) or not rows or draw(st.integers(0, 9)) == 0:
            document[table] = draw(_values)
            continue
        row = rows[draw(st.integers(0, len(rows) - 1))]
        if not isinstance(row, dict):
            continue
        key = draw(_keys)
        if draw(st.booleans()):
            row.pop(key, None)
        else:
            row[key] = draw(_values)
    if draw(st.booleans()):
        text = json.dumps(document, default=str)
        suffix = ".json"
    else:
        text = loader_cases.to_toml(document)
        suffix = ".toml"
    data = text.encode("utf-8", "surrogatepass")
    cut = draw(st.none() | st.integers(0, len(data)))
    return suffix, data if cut is None else data[:cut]


@pytest.fixture(scope="module")
def reference() -> coophistory.History:
    """The tiny world, loaded before any hostile input: it must not change."""
    return loader_cases.seed_history()


@settings(
    max_examples=HYPOTHESIS_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=edited_documents())
def test_hostile_edits_raise_only_data_error(
    tmp_path_factory: pytest.TempPathFactory,
    reference: coophistory.History,
    case: tuple[str, bytes],
) -> None:
    """Wrong types, missing and extra keys, odd text, truncation: DataError or a history."""
    folder = tmp_path_factory.mktemp("hostile")
    suffix, data = case
    loader_cases.check_load(folder, suffix, data, reference)


def test_seeded_mutation_run(tmp_path: Path) -> None:
    """A fixed-seed run of the structured and byte-level mutator keeps the contract."""
    tally = loader_cases.run(SEEDED_INPUTS, seed=2024, folder=tmp_path)
    assert sum(tally.values()) == SEEDED_INPUTS
    assert tally["refused"] > 0


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_atheris_short_run() -> None:
    """The coverage-guided harness runs a short session clean (the long run is in the docs)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_load.py"), f"-atheris_runs={ATHERIS_RUNS}"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    tried = re.search(r"inputs tried: (\d+)", result.stdout)
    assert tried is not None
    assert int(tried[1]) >= ATHERIS_RUNS


HOSTILE: Final = [
    # (case, text to append to tiny.toml or None, replacement for the whole file)
    ("open-start law date", None, ('promulgated = "1992"', 'promulgated = "../1992"')),
    (
        "two mandates becoming certain the same day",
        '\n[[mandates]]\nid = "sbs-2"\nbody = "sbs"\nfunction = "supervision"\n'
        'coop_types = ["savings-and-credit"]\nstart = 2019-01-01\njoint = true\n'
        'citations = [{ source = "study", locator = "x" }]\n',
        None,
    ),
    (
        "type cycle",
        None,
        ('parent = "cooperative"\nabstract = true', 'parent = "financial"\nabstract = true'),
    ),
    ("dangling parent", None, ('parent = "agriculture"', 'parent = "ghost"')),
    ("deep nesting", "\nx = " + "[" * 5000 + "]" * 5000 + "\n", None),
    ("huge integer", "\nx = " + "9" * 5000 + "\n", None),
    ("enormous string", '\n[[sources]]\nid = "big"\ntitle = "' + "é" * 2_000_000 + '"\n', None),
    ("NUL and bad UTF-8", "", None),
    ("datetime as a date", None, ("promulgated = 1964-12-14", "promulgated = 1964-12-14T10:00:00")),
    ("time as a date", None, ("promulgated = 1964-12-14", "promulgated = 10:00:00")),
    ("year 0 and 10000", None, ('end = "1978"', 'end = "10000"')),
    ("negative year", None, ("year = 2019", "year = -2019")),
    ("nan figure", None, ("value = 1245", "value = nan")),
    ("half-written file", None, ("", "")),
]


@pytest.mark.parametrize(("case", "extra", "replace"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_named_hostile_cases(
    tmp_path: Path,
    reference: coophistory.History,
    case: str,
    extra: str | None,
    replace: tuple[str, str] | None,
) -> None:
    """Each named hostile file is refused (or loads) without any other exception escaping."""
    text = TINY.read_text(encoding="utf-8")
    if replace is not None and replace[0]:
        assert replace[0] in text, case
        text = text.replace(replace[0], replace[1], 1)
    data = (text + (extra or "")).encode("utf-8", "surrogateescape")
    if case == "NUL and bad UTF-8":
        data += b"\x00\xff"
    if case == "half-written file":
        data = data[: len(data) // 2]
    loader_cases.check_load(tmp_path, ".toml", data, reference)


def test_missing_path_is_file_not_found(tmp_path: Path) -> None:
    """A path that does not exist raises FileNotFoundError naming it, and nothing else."""
    with pytest.raises(FileNotFoundError, match="no-such"):
        coophistory.load(tmp_path / "no-such.toml")
    assert list(tmp_path.iterdir()) == []


def test_generated_valid_worlds_still_load(tmp_path: Path) -> None:
    """The TOML writer the fuzzer uses round-trips the tiny world (so refusals are real)."""
    document = loader_cases.seed_document()
    path = tmp_path / "copy.toml"
    path.write_text(loader_cases.to_toml(document), encoding="utf-8")
    assert coophistory.load(path) == coophistory.load(TINY)


def test_reliability_doc_states_the_ci_figures() -> None:
    """docs/reliability.md states the example counts these tests and the property tests run."""
    from . import test_properties  # noqa: PLC0415 - only this check needs the other module

    doc = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    dates, worlds = test_properties.DATE_EXAMPLES, test_properties.WORLD_EXAMPLES
    hostile = HYPOTHESIS_EXAMPLES + SEEDED_INPUTS + ATHERIS_RUNS + len(HOSTILE)
    for figure in (
        f"| {dates} |",
        f"| {worlds} worlds |",
        f"{3 * dates:,} generated dates",
        f"{7 * worlds:,} generated worlds",
        f"{3 * dates + 7 * worlds + HYPOTHESIS_EXAMPLES:,} hypothesis examples",
        f"{hostile:,} hostile inputs",
        f"{len(HOSTILE)} cases",
        f"{HYPOTHESIS_EXAMPLES} per CI run",
        f"{SEEDED_INPUTS} per CI run",
        f"{ATHERIS_RUNS} runs in\n  CI",
    ):
        assert figure in doc, figure
