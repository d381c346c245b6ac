"""The error tree: each mistake a user can make raises a CoopHistoryError that is also a builtin."""

from __future__ import annotations

from pathlib import Path

import pytest

import coophistory
from coophistory import export, render
from coophistory.errors import (
    CoopHistoryError,
    MissingFileError,
    NothingChosenError,
    UnknownChoiceError,
    UnknownNameError,
)

from .test_cli import assert_user_error, call


def test_missing_data_file_is_a_file_not_found_error(tmp_path: Path) -> None:
    """An absent data file raises MissingFileError, also a FileNotFoundError, naming the path."""
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(MissingFileError) as caught:
        coophistory.load(missing)
    assert isinstance(caught.value, FileNotFoundError)
    assert isinstance(caught.value, CoopHistoryError)
    assert str(caught.value) == f"no such data file: {missing}"


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (
            lambda h, path: export.write(h, "yaml", path),
            f"unknown export format 'yaml'; expected one of {', '.join(export.FORMATS)}",
        ),
        (
            lambda h, path: export.write(h, "csv", path, table="people"),
            "unknown table 'people'; expected one of sources, bodies, coop_types, laws, "
            "mandates, events, conflicts, handovers, figures",
        ),
    ],
)
def test_unknown_choice_is_a_value_and_lookup_error(
    tiny: coophistory.History, tmp_path: Path, write: object, message: str
) -> None:
    """An unknown format or table is an UnknownChoiceError listing the choices there are."""
    with pytest.raises(UnknownChoiceError) as caught:
        write(tiny, tmp_path / "out")  # type: ignore[operator]
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, LookupError)
    assert str(caught.value) == message
    assert not (tmp_path / "out").exists()


def test_snapshot_of_no_function_says_so(tiny: coophistory.History) -> None:
    """A snapshot of no function is a NothingChosenError (a ValueError), not a StopIteration."""
    with pytest.raises(NothingChosenError, match="no function chosen") as caught:
        render.snapshot(tiny, "1995-06-01", functions=())
    assert isinstance(caught.value, ValueError)


def test_snapshot_of_an_unknown_function_suggests_one(tiny: coophistory.History) -> None:
    """A misspelt function in a snapshot is an UnknownNameError with a suggestion."""
    with pytest.raises(UnknownNameError, match="did you mean supervision"):
        render.snapshot(tiny, "1995-06-01", functions=("supervisión",))


def test_command_line_reports_a_missing_file_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The command line turns any CoopHistoryError into one line, with no traceback."""
    missing = str(tmp_path / "nowhere.toml")
    status, _, err = call(capsys, "--data", missing, "who", "housing", "1995")
    assert_user_error(status, err, f"no such data file: {missing}")


@pytest.mark.parametrize("old", ["InvalidDate", "UnknownName"])
def test_old_error_names_warn_and_still_work(old: str) -> None:
    """The 0.1 names stay for one release, as deprecated aliases of the ...Error classes."""
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated; use {old}Error"):
        alias = getattr(coophistory, old)
    assert alias is getattr(coophistory, f"{old}Error")
