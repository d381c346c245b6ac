"""The README's command-line examples run as written, so the front door cannot lie."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
COMMANDS = [
    line for block in BLOCKS for line in block.splitlines() if line.startswith("coophistory ")
]


def test_readme_shows_commands() -> None:
    """The README has a command-line section to test."""
    assert len(COMMANDS) >= 5


@pytest.mark.dot
def test_readme_commands_run_in_order(tmp_path: Path) -> None:
    """Each README command exits 0, in order (validate reads the export written before it)."""
    for line in COMMANDS:
        args = shlex.split(line)[1:]
        result = subprocess.run(
            [sys.executable, "-m", "coophistory", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{line}: {result.stderr}"
        assert result.stdout or any(tmp_path.iterdir()), line
