"""Write output files safely: whole or not at all, and never over a file we were not asked to touch.

``write_output`` decides how by what the path names:

- a regular file (or a new one) is written atomically: a temporary file in its folder, then a
  rename, so a reader sees the old file or the new one, never half of one;
- a symbolic link stays a link: the file it points to is the one written, atomically;
- a character device, a FIFO or one of our own descriptors (``/dev/stdout``, ``/dev/fd/N``,
  ``/proc/self/fd/N``) is written directly, as a shell redirection would: it is never replaced
  by a regular file, and a failed write (ENOSPC on a full device) raises ``OutputError``;
- a directory, a block device or a socket is refused with ``OutputError``;
- an open binary stream (``sys.stdout.buffer``, ``io.BytesIO``) is written and flushed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Final, Literal, TypeAlias, overload

import attrs

from coophistory.errors import OutputError
from coophistory.i18n import N_

__all__ = ["Destination", "check_writable", "write_atomic", "write_output"]

#: Where output goes: a path to a file, or an open binary stream.
Destination: TypeAlias = str | os.PathLike[str] | BinaryIO

# A link into our own descriptor table: writing there means writing to that descriptor.
_OWN_DESCRIPTOR: Final = re.compile(r"^/(?:dev/fd|proc/(?:self|thread-self|(\d+))/fd)/(\d+)$")
_MAX_LINKS: Final = 40  # as the kernel's MAXSYMLINKS


@attrs.frozen
class _Plan:
    """How to write one path: atomically at ``path``, to an open ``descriptor``, or to a device."""

    how: Literal["atomic", "descriptor", "device"]
    path: Path
    descriptor: int = -1


@overload
def write_output(target: str | os.PathLike[str], data: bytes | str) -> Path: ...
@overload
def write_output(target: BinaryIO, data: bytes | str) -> None: ...
def write_output(target: Destination, data: bytes | str) -> Path | None:
    """Write ``data`` (text as UTF-8) to a path or a binary stream, as the module docstring says.

    Returns the path written (for a link, the file it points to), or None for a stream.
    Raises OutputError, with nothing written and no file replaced, when it cannot be written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(target, str | os.PathLike):
        _write_stream(target, payload)
        return None
    plan = _plan(target)
    if plan.how == "atomic":
        return _replace(plan.path, payload)
    if plan.how == "descriptor":
        _flush_python_stream(plan.descriptor)
        _write_all(plan.descriptor, payload, plan.path)
        return plan.path
    _write_device(plan.path, payload)
    return plan.path


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` as write_output does, refusing anything but a (new) regular file.

    Kept for callers that need the atomic guarantee: a device, a FIFO or a descriptor raise
    OutputError instead of being written directly.
    """
    plan = _plan(path)
    if plan.how != "atomic":
        raise OutputError.worded(
            N_("cannot write {path} atomically: it is not a regular file"), path=os.fspath(path)
        )
    return _replace(plan.path, data.encode("utf-8") if isinstance(data, str) else data)


def check_writable(path: str | os.PathLike[str]) -> Path:
    """The path, or OutputError when write_output would refuse it (before any slow work).

    A directory, a missing folder, a block device, a socket or a link loop are refused.
    """
    _plan(path)
    return Path(path)


# --- deciding -----------------------------------------------------------------------------------


def _plan(path: str | os.PathLike[str]) -> _Plan:
    given = Path(path)
    shown = os.fspath(path)
    final, descriptor = _follow_links(given, shown)
    if descriptor is not None:
        return _Plan("descriptor", final, descriptor)
    try:
        mode = final.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    except OSError as err:
        raise _cannot(shown, err) from err
    if mode is None or stat.S_ISREG(mode):
        if not final.parent.is_dir():
            raise OutputError.worded(
                N_("cannot write {path}: the folder {folder} does not exist"),
                path=shown,
                folder=final.parent,
            )
        return _Plan("atomic", final)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return _Plan("device", final)
    kind = _IS_DIRECTORY if stat.S_ISDIR(mode) else _KINDS.get(stat.S_IFMT(mode), _NOT_A_FILE)
    raise OutputError.worded(kind, path=shown)


_IS_DIRECTORY: Final = N_("cannot write {path}: it is a directory")
_NOT_A_FILE: Final = N_("cannot write {path}: it is not a file")
_KINDS: Final = {
    stat.S_IFBLK: N_("cannot write {path}: it is a block device"),
    stat.S_IFSOCK: N_("cannot write {path}: it is a socket"),
}
# TRANSLATORS: {reason} is the operating system's, translated when it is one listed below.
_CANNOT: Final = N_("cannot write {path}: {reason}")
# The operating system's reasons as the C library words them, so that a catalog translates them.
OS_REASONS: Final = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Too many levels of symbolic links"),
    N_("Disk quota exceeded"),
    N_("File too large"),
    N_("Input/output error"),
    N_("No such device or address"),
    N_("Operation not permitted"),
)


def _cannot(path: object, err: BaseException) -> OutputError:
    """The error of a failed write: ``cannot write x.svg: Permission denied``."""
    reason = getattr(err, "strerror", None) or str(err)
    return OutputError.worded(_CANNOT, path=path, reason=reason)


def _follow_links(path: Path, shown: str) -> tuple[Path, int | None]:
    """Follow symbolic links one by one to the path they end at.

    Returns that path and, when a link leads into our own descriptor table, the descriptor.
    A link's target is resolved against the folder of the link, as the kernel does.
    """
    current = Path(os.path.abspath(path))  # noqa: PTH100 - keeps "..", unlike Path.resolve
    for _ in range(_MAX_LINKS):
        descriptor = _own_descriptor(current)
        if descriptor is not None:
            return current, descriptor
        folder = _real_folder(current, shown)
        current = folder / current.name
        if not current.is_symlink():
            return current, None
        current = Path(os.path.normpath(folder / current.readlink()))
    raise OutputError.worded(
        N_("cannot write {path}: too many levels of symbolic links"), path=shown
    )


def _real_folder(path: Path, shown: str) -> Path:
    try:
        return path.parent.resolve(strict=False)
    except (OSError, RuntimeError) as err:  # RuntimeError: a loop, before Python 3.13
        raise _cannot(shown, err) from err


def _own_descriptor(path: Path) -> int | None:
    match = _OWN_DESCRIPTOR.match(str(path))
    if match is None or (match.group(1) is not None and int(match.group(1)) != os.getpid()):
        return None
    return int(match.group(2))


# --- writing ------------------------------------------------------------------------------------


def _replace(target: Path, payload: bytes) -> Path:
    """A temporary file beside the target, written and synced, then renamed over it."""
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as err:
        raise _cannot(target, err) from err
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
            raise _cannot(target, err) from err
        raise
    return target


def _write_device(path: Path, payload: bytes) -> None:
    """Open an existing device or FIFO (never creating a file) and write to it."""
    flags = os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC  # no O_CREAT: a vanished device stays gone
    try:
        descriptor = os.open(path, flags)
    except OSError as err:
        raise _cannot(path, err) from err
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):  # swapped for a file since we looked
            raise OutputError.worded(
                N_("cannot write {path}: it changed while being opened"), path=path
            )
        _write_all(descriptor, payload, path)
    finally:
        os.close(descriptor)


def _write_all(descriptor: int, payload: bytes, path: Path) -> None:
    view = memoryview(payload)
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        raise
    except OSError as err:
        raise _cannot(path, err) from err


def _write_stream(stream: BinaryIO, payload: bytes) -> None:
    try:
        stream.write(payload)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        name = getattr(stream, "name", None)
        if name is None:
            reason = err.strerror or str(err)
            raise OutputError.worded(
                N_("cannot write the output stream: {reason}"), reason=reason
            ) from err
        raise _cannot(name, err) from err


def _flush_python_stream(descriptor: int) -> None:
    """Send what Python holds for stdout or stderr first, so the output stays in order."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if stream.fileno() == descriptor:
                stream.flush()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows (threads may be writing)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o077)  # elsewhere: briefly the strictest usual mask, never a looser one
    os.umask(umask)
    return umask
