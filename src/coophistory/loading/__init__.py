"""Locate, read and validate data files: TOML (or its lossless JSON export) into typed records.

Loading is all or nothing: every problem in every file is gathered and raised together as one
:class:`~coophistory.errors.DataError`; nothing is returned half-loaded.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from coophistory.dates import HistoricalDate
from coophistory.errors import DataError, Problem
from coophistory.loading.decode import Invalid, read_bytes

if TYPE_CHECKING:
    from coophistory.loading.structure import Located
from coophistory.records import SCHEMA_VERSION, TABLES, Records

__all__ = ["BUNDLED", "bundled_path", "read_bundled", "read_records"]


def bundled_path() -> Path:
    """Find the bundled ``events.toml``: in the installed package first, then in a checkout.

    An editable install imports the package from ``src/``, where the wheel's copy of the data
    does not exist, so the checkout's top-level ``data/`` is the fallback.
    """
    # Beside the package's modules (not importlib.resources: its zip support costs start-up,
    # and the package is always installed as files).
    package_copy = Path(__file__).resolve().parents[1] / "data" / "events.toml"
    if package_copy.is_file():
        return package_copy
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


def read_bundled(path: Path) -> Records:
    """Read and validate the bundled data, from its compact form when that was made from it.

    The compact form (:mod:`coophistory.bundle`) is the TOML document as JSON, shipped beside
    it; it is used only when made from exactly these TOML bytes, and it is validated as the
    TOML would be. Missing or stale, the TOML is read. Nothing is cached or written.
    """
    from coophistory import bundle  # noqa: PLC0415 - only the bundled data has a compact form

    try:
        data = read_bytes(path)
    except Invalid as err:
        raise DataError([Problem.said(str(path), None, None, None, err.phrase)]) from err
    document = bundle.document_for(data, bundle.compact_path(path))
    if document is None:
        return read_records([path])
    with _no_cyclic_gc():
        return _read_records([path], {path: document})


def _read_records(
    paths: Sequence[Path], documents: Mapping[Path, dict[str, Any]] | None = None
) -> Records:
    # The checks (and cattrs) load only when a file is parsed.
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
        given = documents.get(path) if documents else None
        document, read_problems = (given, []) if given is not None else read_document(path)
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
