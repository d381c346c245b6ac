"""Locate, read and validate data files: TOML (or its lossless JSON export) into typed records.

Loading is all or nothing: every problem in every file is gathered and raised together as one
:class:`~coophistory.errors.DataError`; nothing is returned half-loaded.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final

from coophistory.dates import HistoricalDate
from coophistory.errors import DataError, Problem
from coophistory.loading import cache

if TYPE_CHECKING:
    from coophistory.loading.structure import Located
from coophistory.records import SCHEMA_VERSION, TABLES, Records

__all__ = ["BUNDLED", "bundled_path", "read_cached", "read_records"]


def bundled_path() -> Path:
    """Find the bundled ``events.toml``: in the installed package first, then in a checkout.

    An editable install imports the package from ``src/``, where the wheel's copy of the data
    does not exist, so the checkout's top-level ``data/`` is the fallback.
    """
    package_copy = resources.files("coophistory").joinpath("data", "events.toml")
    if package_copy.is_file():
        return Path(str(package_copy))
    return Path(__file__).resolve().parents[3] / "data" / "events.toml"


BUNDLED: Final = bundled_path()


def read_records(paths: Sequence[Path]) -> Records:
    """Read and validate the given files together; raise DataError with every problem found.

    Raises MissingFileError (a FileNotFoundError naming the path) for a file that is absent.
    """
    with _no_cyclic_gc():
        return _read_records(paths)


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes records.

    Parsing allocates millions of objects that all stay alive; each full collection walks all
    of them again, which made loading grow faster than the file (13x the time for 10x the
    records). Reference counting still frees everything it can meanwhile.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_records(paths: Sequence[Path]) -> Records:
    # The checks (and cattrs) load only when a file is parsed, never on a cached answer.
    from coophistory.loading.checks import (  # noqa: PLC0415
        check_basis_dates,
        check_duplicates,
        check_overlaps,
        check_references,
        check_taxonomy,
    )
    from coophistory.loading.decode import read_document  # noqa: PLC0415
    from coophistory.loading.structure import parse_document  # noqa: PLC0415

    located: dict[str, list[Located]] = {table: [] for table in TABLES}
    unbuilt: dict[str, list[Located]] = {table: [] for table in TABLES}
    claimed: dict[str, set[str]] = {table: set() for table in TABLES}
    problems: list[Problem] = []
    versions: list[str] = []
    current: list[HistoricalDate] = []
    for path in paths:
        document, read_problems = read_document(path)
        problems.extend(read_problems)
        if document is None:
            continue
        version, current_to, parse_problems = parse_document(
            str(path), document, located, unbuilt, claimed
        )
        problems.extend(parse_problems)
        current += [current_to] if current_to is not None else []
        versions += [version] if version is not None and version not in versions else []
    problems.extend(check_references(located, unbuilt, claimed))
    for check in (check_duplicates, check_basis_dates, check_taxonomy, check_overlaps):
        problems.extend(check(located))
    if problems:
        raise DataError(sorted(problems, key=_reading_order([str(p) for p in paths])))
    return Records(
        SCHEMA_VERSION,
        "+".join(versions),
        min(current) if current else None,  # over several files, the oldest day holds
        *(tuple(item.record for item in located[table]) for table in TABLES),
    )


def _reading_order(files: list[str]) -> Callable[[Problem], tuple[int, int, int]]:
    """Sort problems as a curator reads them: by file, table and record, each record's together."""

    def key(problem: Problem) -> tuple[int, int, int]:
        file = files.index(problem.file) if problem.file in files else len(files)
        table = TABLES.index(problem.table) if problem.table in TABLES else -1
        return file, table, problem.position or 0

    return key


def read_cached(path: Path) -> Records:
    """Read and validate one file, reusing the records cached for the same bytes and code."""
    return cache.read_cached(path, read_records)
