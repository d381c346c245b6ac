"""CITATION.cff is valid CFF 1.2 YAML and names the data version the package ships."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

import coophistory

CFF = Path(__file__).resolve().parents[1] / "CITATION.cff"
# The keys the CFF 1.2.0 schema requires at the top level, and for each author one of these.
REQUIRED = ("cff-version", "message", "title", "authors")
AUTHOR_NAMES = ("family-names", "given-names", "name")


def _document() -> dict[str, Any]:
    data = yaml.safe_load(CFF.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_citation_file_has_the_required_fields() -> None:
    """Every required key is there, with the types the schema gives them."""
    data = _document()
    assert [key for key in REQUIRED if key not in data] == []
    assert re.fullmatch(r"1\.2\.\d+", str(data["cff-version"]))
    assert isinstance(data["message"], str)
    assert data["message"].strip()
    assert isinstance(data["title"], str)
    assert data["title"].strip()
    assert isinstance(data["authors"], list)
    assert data["authors"]
    for author in data["authors"]:
        assert any(isinstance(author.get(key), str) for key in AUTHOR_NAMES), author
    assert data.get("type", "software") in ("dataset", "software")


def test_citation_file_names_the_bundled_data_version() -> None:
    """The cited version is the bundled data's: bump CITATION.cff with dataset_version."""
    version = coophistory.load().dataset_version
    assert str(_document()["version"]) == version, (
        f"CITATION.cff names version {_document()['version']!r} but the bundled data is "
        f"{version!r}: update the 'version:' line of CITATION.cff"
    )
