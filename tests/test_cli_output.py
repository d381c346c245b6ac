"""The CLI's output: ``-o -`` for standard output, binary formats kept off terminals, and Ctrl-C.

The interrupts are real: a ``coophistory`` process gets SIGINT while it waits for a FIFO's reader
or for a ``dot`` program (a stand-in on PATH that sleeps, so the test knows when to interrupt).
"""

from __future__ import annotations

import os
import pty
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import graphviz
import pytest

import coophistory
from coophistory import render
from coophistory.cli import main
from coophistory.export import FORMATS, lossless

from .conftest import TINY
from .test_cli import DATA

TEXT_EXPORTS = list(FORMATS)  # every export format is text


def call_binary(capsysbinary: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    """Run ``main`` in process; return its status, stdout as bytes and stderr as text."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8")


def coophistory_process(*args: str, **options: Any) -> subprocess.Popen[bytes]:
    """Start ``python -m coophistory`` as a user would."""
    return subprocess.Popen(
        [sys.executable, "-m", "coophistory", *args], stderr=subprocess.PIPE, **options
    )


# --- -o - -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_EXPORTS)
def test_export_to_standard_output(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``export FORMAT -o -`` prints exactly what ``-o FILE`` writes, and nothing else."""
    target = tmp_path / f"out.{fmt}"
    assert call_binary(capsysbinary, *DATA, "export", fmt, "-o", str(target)) == (0, b"", "")
    assert call_binary(capsysbinary, *DATA, "export", fmt, "-o", "-") == (
        0,
        target.read_bytes(),
        "",
    )
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("fmt", ["dot", pytest.param("svg", marks=pytest.mark.dot)])
def test_render_to_standard_output(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``render VIEW -o - --format F`` prints what ``-o FILE.F`` writes."""
    target = tmp_path / f"lanes.{fmt}"
    assert call_binary(capsysbinary, *DATA, "render", "lanes", "-o", str(target)) == (0, b"", "")
    printed = call_binary(capsysbinary, *DATA, "render", "lanes", "-o", "-", "--format", fmt)
    assert printed == (0, target.read_bytes(), "")


def test_render_to_standard_output_needs_a_format(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """Standard output has no extension: ``-o -`` without --format is a one-line usage error."""
    status, out, err = call_binary(capsysbinary, *DATA, "render", "lanes", "-o", "-")
    assert (status, out) == (2, b"")
    assert len(err.splitlines()) == 1
    assert "-o - needs --format" in err


def test_format_option_overrides_the_extension(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """--format decides the content even when the file's extension says otherwise."""
    target = tmp_path / "lanes.svg"
    assert call_binary(
        capsysbinary, *DATA, "render", "lanes", "-o", str(target), "--format", "dot"
    ) == (0, b"", "")
    assert target.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.dot
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_binary_formats_refuse_a_terminal(fmt: str) -> None:
    """PNG or PDF to a terminal: one line on stderr, status 2, nothing sent to the terminal."""
    controller, terminal = pty.openpty()
    try:
        process = coophistory_process(
            *DATA, "render", "lanes", "-o", "-", "--format", fmt, stdout=terminal
        )
        _, err = process.communicate(timeout=60)
        os.set_blocking(controller, False)
        try:
            shown = os.read(controller, 4096)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(terminal)
        os.close(controller)
    assert process.returncode == 2
    assert shown == b""
    lines = err.decode("utf-8").splitlines()
    assert len(lines) == 1
    assert f"will not write {fmt} to a terminal" in lines[0]


@pytest.mark.dot
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n"), ("pdf", b"%PDF-")])
def test_binary_formats_go_to_a_pipe(fmt: str, magic: bytes) -> None:
    """PNG or PDF to a pipe (``| display``) is written whole."""
    process = coophistory_process(
        *DATA, "render", "lanes", "-o", "-", "--format", fmt, stdout=subprocess.PIPE
    )
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")
    assert out.startswith(magic)


# --- Ctrl-C ---------------------------------------------------------------------------------------


def test_interrupted_export_exits_130_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C while the file is being written: status 130, one line, the old file whole."""
    target = tmp_path / "history.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    status = main([*DATA, "export", "json", "-o", str(target)])
    out, err = capsys.readouterr()
    assert (status, out, err) == (130, "", "coophistory: interrupted\n")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["history.json"]


def wait_until(condition: Any, what: str, timeout: float = 30) -> None:
    """Poll ``condition()`` until it holds; fail naming ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_interrupt_while_waiting_for_a_fifo_reader(tmp_path: Path) -> None:
    """SIGINT while blocked opening a FIFO nobody reads: 130, one line, the FIFO kept."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    process = coophistory_process(*DATA, "export", "json", "-o", str(fifo))
    wchan = Path(f"/proc/{process.pid}/wchan")
    wait_until(lambda: wchan.read_text() == "wait_for_partner", "the export to open the FIFO")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, b"coophistory: interrupted\n")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["fifo"]


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not count)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def render_with_fake_dot(tmp_path: Path, script: str) -> tuple[subprocess.Popen[bytes], Path]:
    """Start ``render lanes`` with a stand-in ``dot`` (a shell script) first on PATH.

    Returns the process and the folder its output goes to (empty at the start).
    """
    tools = tmp_path / "bin"
    tools.mkdir()
    fake_dot = tools / "dot"
    fake_dot.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake_dot.chmod(0o755)
    output = tmp_path / "out" / "lanes.svg"
    output.parent.mkdir()
    environment = os.environ | {"PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    process = coophistory_process(*DATA, "render", "lanes", "-o", str(output), env=environment)
    return process, output.parent


def test_interrupt_during_dot_leaves_no_file_and_no_dot(tmp_path: Path) -> None:
    """SIGINT while ``dot`` runs: 130, one line, no output or temporary file, ``dot`` ended.

    A stand-in ``dot`` on PATH records its process id and sleeps, as a long render would.
    """
    pid_file = tmp_path / "dot.pid"
    process, folder = render_with_fake_dot(tmp_path, f'echo $$ > "{pid_file}"\nexec sleep 120')
    wait_until(lambda: pid_file.exists() and pid_file.read_text().strip(), "dot to start")
    dot_pid = int(pid_file.read_text())
    assert alive(dot_pid)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, b"coophistory: interrupted\n")
    assert list(folder.iterdir()) == []
    wait_until(lambda: not alive(dot_pid), "the stand-in dot to end", timeout=5)


# --- the exports the stream gets are the library's own -------------------------------------------


def test_standard_output_export_is_the_document(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """``export json -o -`` is the JSON document of the history given."""
    status, out, _ = call_binary(capsysbinary, *DATA, "export", "json", "-o", "-")
    assert status == 0
    assert out.decode("utf-8") == lossless.render(coophistory.load(TINY))


# --- Graphviz's own messages never reach the user ------------------------------------------------


def long_title_data(tmp_path: Path) -> Path:
    """The tiny world with a source, a law and an event titled in 20,000 characters."""
    text = TINY.read_text(encoding="utf-8")
    long = ("A curator's very long title, " * 700)[:20_000]
    for old in ("A country context study", "General Law of Cooperatives"):
        assert f'title = "{old}"' in text
        text = text.replace(f'title = "{old}"', f'title = "{long}"', 1)
    path = tmp_path / "long.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.dot
@pytest.mark.parametrize(
    ("view", "options"),
    [("handovers", []), ("timeline", []), ("lanes", []), ("snapshot", ["--on", "2000"])],
)
def test_a_20000_character_title_renders(view: str, options: list[str], tmp_path: Path) -> None:
    """A very long title is shown shortened ("…"); dot renders, and prints nothing of its own."""
    data = long_title_data(tmp_path)
    output = tmp_path / f"{view}.svg"
    process = coophistory_process(
        "--data", str(data), "render", view, "-o", str(output), *options, stdout=subprocess.PIPE
    )
    out, err = process.communicate(timeout=120)
    assert (process.returncode, out, err) == (0, b"", b"")
    assert output.read_bytes().startswith(b"<?xml")


def test_dot_failure_is_one_line_of_ours(tmp_path: Path) -> None:
    """A ``dot`` that fails noisily (a stand-in on PATH): one line of ours, none of its text."""
    noise = "Error: <stdin>: syntax error in line 1\\nWarning: \\033[31mred\\n"
    process, folder = render_with_fake_dot(tmp_path, f'printf "{noise}" >&2\nexit 3')
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err == (
        b"coophistory: error: Graphviz's dot exited with status 3 without rendering "
        b"the diagram; write the .dot source to see it\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.dot
def test_graphviz_label_limit_is_one_error_of_ours(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A label over Graphviz's 16,384 characters: RenderError naming the limit, dot silent."""
    diagram = graphviz.Digraph()
    diagram.node("a", "<" + "x" * 20_000 + ">")
    with pytest.raises(coophistory.RenderError) as raised:
        render.write(diagram, tmp_path / "big.svg")
    assert "longer than the 16,384 characters Graphviz allows" in str(raised.value)
    assert "\n" not in str(raised.value)
    assert capfd.readouterr() == ("", "")
    assert list(tmp_path.iterdir()) == []
