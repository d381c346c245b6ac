"""Write output files atomically: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from coophistory.errors import OutputError

__all__ = ["check_writable", "write_atomic"]


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``: a temporary file in its folder, then a rename.

    Raises OutputError, with nothing written, for a directory, a missing folder or no permission.
    """
    target = check_writable(path)
    folder = target.parent
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(err, OSError):
            raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
        raise
    return target


def check_writable(path: str | Path) -> Path:
    """The path, or OutputError when it is a directory or its folder is missing."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a directory")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {target}: the folder {target.parent} does not exist")
    return target


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
