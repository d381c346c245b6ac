"""The benchmarks cannot rot: the quick suite runs, synthetic data loads, the answer path is light.

No timing is asserted here; speed is measured, as ratios, by ``benchmarks/run.py``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import coophistory
from coophistory.records import TABLES

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("networkx", "graphviz", "rdflib", "pydot", "pygraphviz")
PROBE = (
    "import sys, coophistory; "
    "answer = coophistory.load().supervisor('savings-and-credit', '1995-06-01'); "
    "assert answer.bodies, answer; "
    "print('\\n'.join(sys.modules))"
)


def _python(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, *args], check=True, capture_output=True, text=True, cwd=ROOT, env=env
    )


def _heavy(modules: str) -> list[str]:
    return [m for m in modules.split() if m.split(".")[0] in HEAVY]


def test_quick_benchmarks_run_and_report_every_goal(tmp_path: Path) -> None:
    """``python -m benchmarks.run --quick`` exits 0 and writes a report with every goal."""
    report_path = tmp_path / "report.json"
    result = _python(["-m", "benchmarks.run", "--quick", "--json", str(report_path)], tmp_path)
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["mode"] == "quick"
    assert "goals:" in result.stdout
    names = " ".join(goal["goal"] for goal in report["goals"])
    for expected in ("first answer", "as-of query / bisect", "tomllib", "growth", "intervaltree"):
        assert expected in names
    assert all(isinstance(goal["met"], bool) for goal in report["goals"])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_synthetic_history_is_deterministic_and_valid(tmp_path: Path, seed: int) -> None:
    """The same seed gives the same bytes, and coophistory.load validates them."""
    from benchmarks import synthetic  # noqa: PLC0415 - the benchmarks package, at the root

    text = synthetic.generate(800, seed)
    assert text == synthetic.generate(800, seed)
    assert text != synthetic.generate(800, seed + 1)
    path = tmp_path / "synthetic.toml"
    path.write_text(text, encoding="utf-8")
    history = coophistory.load(path)
    records = history.records
    total = sum(len(getattr(records, table)) for table in TABLES)
    assert total == 800
    assert any(m.delegated_by for m in records.mandates)
    assert any(m.joint for m in records.mandates)
    assert {str(m.start.precision) for m in records.mandates} >= {"year", "month", "day"}
    assert max(len(history.ancestors(t.id)) for t in records.coop_types) >= 5


def test_one_day_answers_match_the_general_path(tmp_path: Path) -> None:
    """A day's answer from the resolved timeline equals the span algorithm asked for that day.

    Both are the index's, before History adds what is not the index's (subtypes of an abstract
    type, the record's end, conflicts of the day); the answer is built from the first.
    """
    from benchmarks import synthetic  # noqa: PLC0415 - the benchmarks package, at the root

    from coophistory.timeline import when  # noqa: PLC0415 - the as-of index under test

    path = synthetic.write(tmp_path / "synthetic.toml", 1500, 3)
    history = coophistory.load(path)
    rng = random.Random(3)  # noqa: S311 - test data, not secrets
    types = [t.id for t in history.coop_types()]
    for _ in range(1500):
        type_id, function = rng.choice(types), rng.choice(coophistory.FUNCTIONS)
        day = f"{rng.randint(1890, 2030):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        _, low, high = when(day)
        parts = history._index.resolved(type_id, function).at(low)
        general = history._index.across(type_id, function, low, high)
        assert parts == general, (type_id, function, day)


def test_who_library_path_imports_no_graph_or_export_library(tmp_path: Path) -> None:
    """Loading the bundled history and asking supervisor() never imports networkx or graphviz."""
    result = _python(["-c", PROBE], tmp_path)
    assert "coophistory" in result.stdout.split()
    assert _heavy(result.stdout) == []


def test_who_command_imports_no_graph_or_export_library(tmp_path: Path) -> None:
    """``coophistory who`` answers without importing networkx, graphviz or an export library."""
    probe = (
        "import runpy, sys; sys.argv = ['coophistory', 'who', 'savings-and-credit', '1995-06-01']\n"
        "try:\n    runpy.run_module('coophistory', run_name='__main__')\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        "print('MODULES'); print('\\n'.join(sys.modules))"
    )
    result = _python(["-c", probe], tmp_path)
    answer, modules = result.stdout.split("MODULES", 1)
    assert answer.strip()
    assert _heavy(modules) == []
    plain = _python(["-m", "coophistory", "who", "savings-and-credit", "1995-06-01"], tmp_path)
    assert plain.stdout.strip()
