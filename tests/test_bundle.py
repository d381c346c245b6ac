"""The bundled data needs no cache: its compact form, and nothing from a writable place runs code.

The compact form (``coophistory.bundle``) is the TOML document as JSON, made at build time; the
TOML stays the source of truth. These tests hold the two to each other and check that the
start-up path reads no cache, writes nothing and imports no heavy library.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import attrs
import pytest

import coophistory
from coophistory import bundle, records, schema
from coophistory.loading import read_bundled

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


# --- the loader reads the compact form, validated, and only when it is fresh --------------------


def _bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled TOML with its compact form beside it, as a wheel ships them."""
    toml = tmp_path / "events.toml"
    shutil.copyfile(coophistory.BUNDLED, toml)
    bundle.main([str(toml)])
    return toml


def _rewrite_compact(toml: Path, change: dict[str, object]) -> None:
    """Change the compact form's document, keeping the hash of the TOML it claims to be from."""
    made = bundle.compact_path(toml)
    wrapper = json.loads(made.read_bytes())
    wrapper["document"] |= change
    made.write_text(json.dumps(wrapper), encoding="utf-8")


def test_loader_reads_the_compact_form_made_from_its_toml(tmp_path: Path) -> None:
    """A compact form made from these bytes is what is read (a marked copy shows it is used)."""
    toml = _bundled_copy(tmp_path)
    assert read_bundled(toml) == coophistory.load(coophistory.BUNDLED).records
    _rewrite_compact(toml, {"dataset_version": "read-from-the-compact-form"})
    assert read_bundled(toml).dataset_version == "read-from-the-compact-form"


def test_loader_ignores_a_stale_compact_form(tmp_path: Path) -> None:
    """Once the TOML changes, its old compact form is ignored and the TOML is read."""
    toml = _bundled_copy(tmp_path)
    _rewrite_compact(toml, {"dataset_version": "stale"})
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            "dataset_version = ", "dataset_version = 'e' #", 1
        ),
        encoding="utf-8",
    )
    assert read_bundled(toml).dataset_version == "e"
    assert bundle.compact_path(toml).exists()


def test_loader_validates_the_compact_form(tmp_path: Path) -> None:
    """The compact form is checked as the TOML is: a broken one is a DataError, not an answer."""
    toml = _bundled_copy(tmp_path)
    _rewrite_compact(toml, {"mandates": [{"id": "x"}]})
    with pytest.raises(coophistory.DataError):
        read_bundled(toml)


# --- nothing that can run code, from anywhere writable ------------------------------------------


_CODE_FORMATS = re.compile(r"\b(?:import|from)\s+(?:pickle|marshal|shelve|dill|cloudpickle)\b")


def test_no_code_capable_format_in_the_package() -> None:
    """No module of the package imports pickle, marshal, shelve (or their cousins)."""
    users = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if _CODE_FORMATS.search(path.read_text(encoding="utf-8"))
    ]
    assert users == []


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


def test_first_answer_writes_nothing(tmp_path: Path) -> None:
    """``coophistory who`` in a fresh home answers and leaves the home (and its cache) empty."""
    done = _who_in_a_fresh_home(tmp_path)
    assert "SBS" in done.stdout or "FENACREP" in done.stdout
    assert list((tmp_path / "home").rglob("*")) == []


def test_first_answer_imports_no_heavy_library(tmp_path: Path) -> None:
    """``python -X importtime -m coophistory who …`` lists no networkx, graphviz or rdflib."""
    done = _who_in_a_fresh_home(tmp_path, "-X", "importtime")
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "coophistory" in imported
    heavy = sorted(m for m in imported if m.split(".")[0] in {"networkx", "graphviz", "rdflib"})
    assert heavy == []


def test_english_answer_imports_no_spanish_or_zip_support(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer in English reads no Spanish forms or names, difflib or importlib's zip support."""
    monkeypatch.setenv("LC_ALL", "C")  # English, whatever the machine's locale
    done = _who_in_a_fresh_home(tmp_path, "-X", "importtime")
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    unneeded = {
        "coophistory.spanish",
        "coophistory.spanish_dates",
        "coophistory.spanish_names",
        "difflib",
        "zipfile",
        "importlib.readers",
    }
    assert sorted(imported & unneeded) == []


def test_field_types_resolve_as_typing_does() -> None:
    """schema.fields resolves every record field's type as ``typing.get_type_hints`` would."""
    classes = [
        value
        for value in vars(records).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == records.__name__
    ]
    assert len(classes) > 10
    for cls in classes:
        hints = typing.get_type_hints(cls, globalns=vars(records))
        assert {f.name: f.type for f in schema.fields(cls)} == {
            f.name: hints[f.name] for f in attrs.fields(cls)
        }
