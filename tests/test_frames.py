"""DataFrames (the pandas extra), the CSV export's date bounds and figures, and HTML tables."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from pathlib import Path
from typing import Final

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from coophistory import FUNCTIONS, History, parse_date
from coophistory.export import CSV_TABLES, tables
from coophistory.frames import table, who_held

from .test_cli import call
from .test_properties import World, worlds

FRAME_EXAMPLES: Final = 15


def _holders(history: History, type_id: str, function: str, day: datetime.date) -> tuple[str, str]:
    answer = history.supervisor(type_id, day, function=function)
    return "; ".join(sorted(b.id for b in answer.bodies)), "; ".join(
        sorted(b.id for b in answer.possible)
    )


def _sorted(cell: str) -> str:
    return "; ".join(sorted(filter(None, cell.split("; "))))


def test_who_held_matches_supervisor_every_month(bundled: History) -> None:
    """Every (month, type, function) row names the bodies supervisor() gives on that day."""
    frame = who_held(bundled, "1960-01-01", "2026-12-01", freq="MS")
    months = pd.date_range("1960-01-01", "2026-12-01", freq="MS")
    assert len(frame) == len(months) * len(bundled.coop_types()) * len(FUNCTIONS)
    assert str(frame["day"].dtype) == "datetime64[s]"
    for row in frame.itertuples(index=False):
        day = row.day.date()
        expected = _holders(bundled, row.coop_type, row.function, day)
        assert (_sorted(row.certain), _sorted(row.possible)) == expected, row


@settings(
    max_examples=FRAME_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(worlds())
def test_who_held_matches_supervisor_every_day_of_generated_histories(world: World) -> None:
    """Day by day on generated histories, imprecise and delegated mandates included."""
    history = world.history
    frame = who_held(history, "1999-06-01", "2003-06-30", freq="D")
    for row in frame.itertuples(index=False):
        expected = _holders(history, row.coop_type, row.function, row.day.date())
        assert (_sorted(row.certain), _sorted(row.possible)) == expected, row


@pytest.mark.parametrize("name", CSV_TABLES)
def test_each_table_has_a_row_per_record_and_datetime_bounds(bundled: History, name: str) -> None:
    """Every date column's bounds are the EDTF text's own earliest and latest day, or NaT."""
    frame = table(bundled, name)
    columns, rows = tables.table_rows(bundled, name)
    assert list(frame.columns) == list(columns)
    assert len(frame) == len(rows)
    for column in columns:
        if not column.endswith("_earliest"):
            continue
        text = column.removesuffix("_earliest")
        assert str(frame[column].dtype) == "datetime64[s]"
        for edtf, low, high in zip(
            frame[text], frame[column], frame[f"{text}_latest"], strict=True
        ):
            if edtf is None or edtf == "" or (isinstance(edtf, float) and pd.isna(edtf)):
                assert pd.isna(low)
                assert pd.isna(high)
                continue
            parsed = parse_date(edtf)
            for bound, day in ((low, parsed.earliest), (high, parsed.latest)):
                assert pd.isna(bound) if day is None else bound.date() == day, (edtf, bound)


def test_types_is_another_name_for_coop_types(bundled: History) -> None:
    """``table(h, "types")`` is the coop_types table; an unknown table is a clear ValueError."""
    assert table(bundled, "types").equals(table(bundled, "coop_types"))
    with pytest.raises(ValueError, match="unknown table 'typo'"):
        table(bundled, "typo")


def test_figures_are_split(bundled: History) -> None:
    """One row per figure: its event, numeric value, unit, label and as-of bounds."""
    frame = table(bundled, "figures")
    expected = [(e.id, f) for e in bundled.records.events for f in e.figures]
    assert list(frame["event"]) == [ident for ident, _ in expected]
    assert list(frame["value"]) == [f.value for _, f in expected]
    assert list(frame["unit"]) == [f.unit for _, f in expected]
    assert pd.api.types.is_numeric_dtype(frame["value"])


def test_csv_gains_bounds_and_an_excel_switch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--excel starts the file with a byte-order mark; the bounds columns follow each date."""
    target = tmp_path / "laws.csv"
    status, _, _ = call(capsys, "export", "csv", "--table", "laws", "--excel", "-o", str(target))
    assert status == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    first = rows[0]
    assert first["promulgated_earliest"] == str(parse_date(first["promulgated"]).earliest)
    plain = tmp_path / "plain.csv"
    call(capsys, "export", "csv", "--table", "figures", "-o", str(plain))
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert plain.read_text(encoding="utf-8").splitlines()[0].startswith("event,value,unit,label")


def test_importing_coophistory_never_imports_pandas() -> None:
    """Only coophistory.frames loads pandas: not the library, the CLI or the analyst's modules."""
    code = (
        "import sys, coophistory, coophistory.export.tables, coophistory.cli, "
        "coophistory.changes, coophistory.lookup; "
        "coophistory.load().changes_between('1990', '2000'); "
        "coophistory.load().supervisor('housing', '1990'); "
        "print('pandas' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
