"""The bundled data needs no cache: its compact form, and nothing from a writable place runs code.

The compact form (``coophistory.bundle``) is the TOML document as JSON, made at build time; the
TOML stays the source of truth. These tests hold the two to each other and check that the
start-up path reads no cache, writes nothing and imports no heavy library.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import coophistory
from coophistory import bundle

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "coophistory"
WHO = ["who", "savings-and-credit", "1995-06-01"]


def test_compact_form_agrees_with_the_toml(tmp_path: Path) -> None:
    """The compact form's document, loaded as a data file, is the same history as the TOML."""
    toml_bytes = Path(coophistory.BUNDLED).read_bytes()
    made = tmp_path / bundle.COMPACT_NAME
    made.write_bytes(bundle.compact(toml_bytes))
    document = bundle.document_for(toml_bytes, made)
    assert document is not None
    as_json = tmp_path / "events.json"
    as_json.write_text(json.dumps(document), encoding="utf-8")
    from_json, from_toml = coophistory.load(as_json), coophistory.load(coophistory.BUNDLED)
    assert from_json == from_toml
    assert from_json.records.current_to == from_toml.records.current_to  # a TOML date, as text
    assert str(from_json.supervisor(*WHO[1:])) == str(from_toml.supervisor(*WHO[1:]))


def test_compact_form_is_ignored_unless_made_from_these_bytes(tmp_path: Path) -> None:
    """Missing, unreadable, another layout or other TOML bytes: no document, the TOML is read."""
    toml_bytes = Path(coophistory.BUNDLED).read_bytes()
    made = tmp_path / bundle.COMPACT_NAME
    assert bundle.document_for(toml_bytes, made) is None  # missing
    made.write_bytes(bundle.compact(toml_bytes))
    assert bundle.document_for(toml_bytes, made) is not None
    assert bundle.document_for(toml_bytes + b"\n# edited\n", made) is None  # stale
    wrapper = json.loads(made.read_bytes())
    made.write_text(json.dumps(wrapper | {"format": bundle.FORMAT + 1}), encoding="utf-8")
    assert bundle.document_for(toml_bytes, made) is None  # another layout
    made.write_bytes(b"\x80not json")
    assert bundle.document_for(toml_bytes, made) is None  # unreadable


def test_compact_form_refuses_what_no_data_file_holds() -> None:
    """A date-time cannot be written into the compact form: the build fails, loudly."""
    with pytest.raises(TypeError, match="cannot hold"):
        bundle.compact(b"current_to = 2026-11-29T10:00:00\n")


def test_the_module_command_writes_the_compact_form_beside_the_toml(tmp_path: Path) -> None:
    """``python -m coophistory.bundle FILE`` is what ``make`` runs."""
    toml = tmp_path / "events.toml"
    toml.write_bytes(Path(coophistory.BUNDLED).read_bytes())
    assert bundle.main([str(toml)]) == 0
    assert bundle.document_for(toml.read_bytes(), tmp_path / bundle.COMPACT_NAME) is not None
    assert bundle.main([]) == 2


# --- nothing that can run code, from anywhere writable ------------------------------------------


def _who_in_a_fresh_home(tmp_path: Path, *python_options: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COOPHISTORY_", "XDG_"))
    }
    env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    return subprocess.run(
        [sys.executable, *python_options, "-m", "coophistory", *WHO],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def test_first_answer_imports_no_heavy_library(tmp_path: Path) -> None:
    """``python -X importtime -m coophistory who …`` lists no networkx, graphviz or rdflib."""
    done = _who_in_a_fresh_home(tmp_path, "-X", "importtime")
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "coophistory" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in {"networkx", "graphviz", "rdflib"})
    assert heavy == []
