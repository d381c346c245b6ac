"""Writing output: special files written directly, regular files atomically, links kept as links.

Every special file here is made by the test in its own temporary folder (a character device twin
of /dev/full or /dev/null, a FIFO, a block device, a socket): never the machine's own /dev.
"""

from __future__ import annotations

import io
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import coophistory
from coophistory import OutputError, export, render
from coophistory.export import lossless
from coophistory.files import check_writable, write_atomic, write_output

from .conftest import TINY
from .test_cli import DATA, assert_user_error, call

FULL = os.makedev(1, 7)  # the kernel's "full" device: every write fails with ENOSPC
NULL = os.makedev(1, 3)  # the kernel's "null" device: every write succeeds


def make_device(path: Path, device: int) -> Path:
    """A character device node at ``path``; needs root, which CI has (a failure otherwise)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, device)
    except PermissionError:
        pytest.fail("making a device node needs root (CI runs as root): run the tests as root")
    return path


@pytest.fixture
def full(tmp_path: Path) -> Path:
    """A twin of /dev/full in the test's folder."""
    return make_device(tmp_path / "full", FULL)


@pytest.fixture
def null(tmp_path: Path) -> Path:
    """A twin of /dev/null in the test's folder."""
    return make_device(tmp_path / "null", NULL)


def assert_device(path: Path, device: int) -> None:
    """The path is still the character device it was, not a regular file put in its place."""
    info = path.lstat()
    assert stat.S_ISCHR(info.st_mode), f"{path} was replaced by {stat.filemode(info.st_mode)}"
    assert info.st_rdev == device


class FifoReader:
    """A FIFO in a folder, with a thread that reads everything written to it."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.data = b""
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        with self.path.open("rb") as stream:
            self.data = stream.read()

    def result(self) -> bytes:
        """Everything read, once the writer closed its end."""
        self._thread.join(timeout=30)
        assert not self._thread.is_alive(), "the FIFO was never closed by its writer"
        return self.data


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[FifoReader]:
    """A FIFO being read; unblocks its reader at the end if the test never wrote to it."""
    reader = FifoReader(tmp_path / "fifo")
    yield reader
    if reader._thread.is_alive():
        with open(reader.path, "wb"):  # noqa: PTH123 - opening the FIFO ends the reader's wait
            pass


def json_bytes() -> bytes:
    """What the JSON export of the tiny world is, written to an ordinary file."""
    return lossless.render(coophistory.load(TINY)).encode("utf-8")


# --- character devices ------------------------------------------------------------------------


def test_export_to_a_full_device_is_an_error_and_keeps_the_device(full: Path) -> None:
    """ENOSPC on a /dev/full twin raises OutputError; the device node stays a device."""
    with pytest.raises(OutputError, match="No space left on device"):
        export.write(coophistory.load(TINY), "json", full)
    assert_device(full, FULL)
    assert sorted(p.name for p in full.parent.iterdir()) == ["full"]


def test_export_to_a_null_device_writes_directly(null: Path) -> None:
    """A /dev/null twin takes the export and stays a device."""
    assert export.write(coophistory.load(TINY), "csv", null) == null
    assert_device(null, NULL)
    assert sorted(p.name for p in null.parent.iterdir()) == ["null"]


def test_cli_export_to_a_full_device(full: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the CLI: one line naming the device and the reason, a non-zero status."""
    status, out, err = call(capsys, *DATA, "export", "json", "-o", str(full))
    assert_user_error(status, err, "cannot write", "No space left on device")
    assert out == ""
    assert_device(full, FULL)


def test_cli_export_to_a_null_device(null: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the CLI: status 0, nothing printed, the device kept."""
    assert call(capsys, *DATA, "export", "graphml", "-o", str(null)) == (0, "", "")
    assert_device(null, NULL)


def test_render_to_devices(tiny: coophistory.History, full: Path, null: Path) -> None:
    """A diagram's DOT source (no Graphviz needed) goes to a device as an export does."""
    diagram = render.lanes(tiny)
    assert render.write(diagram, null, "dot") == null
    with pytest.raises(OutputError, match="No space left on device"):
        render.write(diagram, full, "dot")
    assert_device(null, NULL)
    assert_device(full, FULL)


@pytest.mark.dot
def test_render_svg_to_a_full_device(tiny: coophistory.History, full: Path) -> None:
    """An SVG from dot meets the same full device: an error, the device kept."""
    with pytest.raises(OutputError, match="No space left on device"):
        render.write(render.handovers(tiny), full, "svg")
    assert_device(full, FULL)


# --- FIFOs ------------------------------------------------------------------------------------


def test_cli_export_to_a_fifo(fifo: FifoReader, capsys: pytest.CaptureFixture[str]) -> None:
    """``export json -o <fifo>`` sends the whole export to the reader; the FIFO stays a FIFO."""
    assert call(capsys, *DATA, "export", "json", "-o", str(fifo.path)) == (0, "", "")
    assert fifo.result() == json_bytes()
    assert stat.S_ISFIFO(fifo.path.lstat().st_mode)
    assert [p.name for p in fifo.path.parent.iterdir()] == ["fifo"]


def test_render_to_a_fifo(tiny: coophistory.History, fifo: FifoReader) -> None:
    """render.write sends the DOT source to a FIFO."""
    diagram = render.snapshot(tiny, "2000-01-01")
    render.write(diagram, fifo.path, "dot")
    assert fifo.result() == diagram.source.encode("utf-8")
    assert stat.S_ISFIFO(fifo.path.lstat().st_mode)


# --- symbolic links ---------------------------------------------------------------------------


def test_a_link_stays_a_link_and_its_target_is_written_atomically(tmp_path: Path) -> None:
    """The link is kept; the file it points to (in another folder) gets the content, its mode kept.

    The temporary file is made beside the target, so the rename is atomic; nothing is left over.
    """
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "history.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "links" / "out.json"
    link.symlink_to(Path("..") / "real" / "history.json")  # relative, as users make them
    assert export.write(coophistory.load(TINY), "json", link) == target
    assert link.is_symlink()
    assert link.readlink() == Path("..") / "real" / "history.json"
    assert target.read_bytes() == json_bytes()
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (tmp_path / "links").iterdir()] == ["out.json"]
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["history.json"]


def test_a_chain_of_links_is_followed_to_its_end(tmp_path: Path) -> None:
    """link1 → link2 → file: both links stay, the file is written."""
    target = tmp_path / "file.csv"
    target.write_text("old", encoding="utf-8")
    (tmp_path / "link2").symlink_to("file.csv")
    (tmp_path / "link1").symlink_to(tmp_path / "link2")
    export.write(coophistory.load(TINY), "csv", tmp_path / "link1")
    assert (tmp_path / "link1").is_symlink()
    assert (tmp_path / "link2").is_symlink()
    assert target.read_text(encoding="utf-8").startswith("id,")


def test_a_dangling_link_creates_the_file_it_names(tmp_path: Path) -> None:
    """A link to a file not yet made: the file is made, the link kept."""
    (tmp_path / "out.json").symlink_to("made.json")
    export.write(coophistory.load(TINY), "json", tmp_path / "out.json")
    assert (tmp_path / "out.json").is_symlink()
    assert (tmp_path / "made.json").read_bytes() == json_bytes()


def test_a_link_to_a_device_writes_the_device(tmp_path: Path, full: Path, null: Path) -> None:
    """A link to a device twin is written through, like the device itself."""
    (tmp_path / "to-null").symlink_to(null)
    (tmp_path / "to-full").symlink_to("full")
    write_output(tmp_path / "to-null", "x")
    with pytest.raises(OutputError, match="No space left on device"):
        write_output(tmp_path / "to-full", "x")
    assert (tmp_path / "to-null").is_symlink()
    assert (tmp_path / "to-full").is_symlink()
    assert_device(full, FULL)
    assert_device(null, NULL)


def test_a_link_loop_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two links naming each other: one line, nothing made."""
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    status, _, err = call(capsys, *DATA, "export", "json", "-o", str(tmp_path / "a"))
    assert_user_error(status, err, "too many levels of symbolic links")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_a_link_to_a_missing_folder_is_one_error(tmp_path: Path) -> None:
    """A link into a folder that does not exist names that folder."""
    (tmp_path / "out.json").symlink_to(tmp_path / "gone" / "out.json")
    with pytest.raises(OutputError, match=r"the folder .*gone does not exist"):
        write_output(tmp_path / "out.json", "x")


# --- our own descriptors (what /dev/stdout is) ------------------------------------------------


def test_a_link_to_our_own_descriptor_writes_to_it(tmp_path: Path) -> None:
    """A link to /proc/self/fd/N (as /dev/stdout is) writes to descriptor N, not over a file.

    The descriptor is a regular file opened for appending: the content lands after what the
    file held, the file is not replaced (same inode), and the link is kept.
    """
    log = tmp_path / "log.txt"
    log.write_text("before\n", encoding="utf-8")
    inode = log.stat().st_ino
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        link = tmp_path / "stdout"
        link.symlink_to(f"/proc/self/fd/{descriptor}")
        write_output(link, "after\n")
    finally:
        os.close(descriptor)
    assert link.is_symlink()
    assert log.read_text(encoding="utf-8") == "before\nafter\n"
    assert log.stat().st_ino == inode


def test_cli_output_to_a_link_to_stdout(tmp_path: Path) -> None:
    """``-o <link to /proc/self/fd/1>`` in a real process writes its standard output.

    Standard output is a file the test opened for appending: the export follows what was there.
    """
    import subprocess  # noqa: PLC0415 - only this test runs a process

    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    out = tmp_path / "out.json"
    out.write_bytes(b"head\n")
    with out.open("ab") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "coophistory", *DATA, "export", "json", "-o", str(link)],
            stdout=stream,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (0, b"")
    assert out.read_bytes() == b"head\n" + json_bytes()
    assert link.is_symlink()


# --- what is refused --------------------------------------------------------------------------


def test_a_block_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A block device (here a loop-device twin) is never written: one line, the node kept."""
    block = tmp_path / "disk"
    try:
        os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    except PermissionError:
        pytest.fail("making a device node needs root (CI runs as root): run the tests as root")
    status, _, err = call(capsys, *DATA, "export", "json", "-o", str(block))
    assert_user_error(status, err, "is a block device")
    assert stat.S_ISBLK(block.lstat().st_mode)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    """A Unix socket is not a file to write: OutputError, the socket kept."""
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        with pytest.raises(OutputError, match="is a socket"):
            write_output(path, "x")
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_check_writable_refuses_before_the_work(tmp_path: Path, full: Path) -> None:
    """check_writable accepts files, new files, devices; refuses a directory."""
    assert check_writable(full) == full
    assert check_writable(tmp_path / "new.svg") == tmp_path / "new.svg"
    with pytest.raises(OutputError, match="is a directory"):
        check_writable(tmp_path)


def test_write_atomic_never_writes_a_device(full: Path) -> None:
    """write_atomic promises a whole file or none: a device is refused, not written."""
    with pytest.raises(OutputError, match="not a regular file"):
        write_atomic(full, "x")
    assert_device(full, FULL)


# --- streams ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "write",
    [
        lambda h, out: export.write(h, "json", out),
        lambda h, out: render.write(render.lanes(h), out, "dot"),
    ],
    ids=["export", "render"],
)
def test_api_writes_to_a_binary_stream(
    tiny: coophistory.History, write: Callable[[coophistory.History, io.BytesIO], object]
) -> None:
    """export.write and render.write take an open binary stream and return None."""
    stream = io.BytesIO()
    assert write(tiny, stream) is None
    assert stream.getvalue()


def test_render_to_a_stream_needs_a_format(tiny: coophistory.History) -> None:
    """A stream has no extension to tell the format: OutputError naming the formats."""
    with pytest.raises(OutputError, match="needs a format"):
        render.write(render.lanes(tiny), io.BytesIO())
    with pytest.raises(OutputError, match="unknown diagram format 'gif'"):
        render.write(render.lanes(tiny), io.BytesIO(), "gif")
