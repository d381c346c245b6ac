"""Shared fixtures: the tiny hand-checkable world and helpers to write broken variants of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import coophistory

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.toml"


@pytest.fixture(autouse=True, scope="session")
def _english_by_default() -> None:
    """Answer in English whatever the machine's locale; a test asks for Spanish by name."""
    os.environ["COOPHISTORY_LANG"] = "en"


@pytest.fixture(scope="session")
def tiny() -> coophistory.History:
    """The tiny fixture world, loaded once."""
    return coophistory.load(TINY)


@pytest.fixture(scope="session")
def bundled() -> coophistory.History:
    """The bundled dataset, loaded once."""
    return coophistory.load()


def tiny_variant(tmp_path: Path, old: str, new: str, name: str = "variant.toml") -> Path:
    """Write the tiny world with one text replaced, failing loudly if the text is not there."""
    text = TINY.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--regen-golden``: rewrite the golden DOT files instead of comparing with them."""
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite tests/golden/*.dot from the current renderers (review the diff after)",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--regen-golden"))
