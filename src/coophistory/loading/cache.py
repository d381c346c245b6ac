"""The cache of validated records, keyed by the data's bytes and the loading code (pickle)."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from coophistory.errors import DataError, Problem
from coophistory.loading.decode import Invalid, read_bytes
from coophistory.records import Records

__all__ = ["read_cached"]

# The modules whose code decides what validated records look like: a change to any of them
# invalidates the cache.
_CODE: Final = (
    Path(__file__).parent,
    Path(__file__).parents[1] / "records.py",
    Path(__file__).parents[1] / "dates.py",
    Path(__file__).parents[1] / "periods.py",
    Path(__file__).parents[1] / "schema.py",
)


def _cache_folder() -> Path | None:
    """Where parsed data is cached: $COOPHISTORY_CACHE_DIR, else the user's cache folder."""
    if os.environ.get("COOPHISTORY_NO_CACHE"):
        return None
    chosen = os.environ.get("COOPHISTORY_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coophistory"


def _cache_key(data: bytes) -> str:
    """A key that changes with the data and with the code that validates it."""
    digest = hashlib.sha256(data)
    for place in _CODE:
        for module in sorted(place.glob("*.py")) if place.is_dir() else [place]:
            stat = module.stat()
            digest.update(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def read_cached(path: Path, read_records: Callable[[Sequence[Path]], Records]) -> Records:
    """Read and validate one file, reusing the result cached for the same bytes and code.

    The cache only ever holds data that validated; any trouble reading it means a fresh parse.
    """
    folder = _cache_folder()
    if folder is None:
        return read_records([path])
    data = _read_bytes_or_raise(path)
    cached = folder / f"records-{_cache_key(data)}.pickle"
    try:
        records = pickle.loads(cached.read_bytes())  # noqa: S301 - our own cache, keyed by hash
        if isinstance(records, Records):
            return records
    except Exception:  # noqa: S110 - an unreadable cache is simply rebuilt
        pass
    records = read_records([path])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(cached)
    except OSError:
        pass  # a read-only home: answer anyway, uncached
    return records


def _read_bytes_or_raise(path: Path) -> bytes:
    try:
        return read_bytes(path)
    except Invalid as err:
        raise DataError([Problem(str(path), None, None, None, str(err))]) from err
