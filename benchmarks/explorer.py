"""The explorer page: its size and how soon its table is ready in headless Chromium (issue 15).

    python -m benchmarks.explorer            # bundled data and a 10,000-record history

"Ready" is the page's own mark, set once the day table is drawn: milliseconds since the
navigation started (``performance.now()``), the best of a few fresh loads from ``file://``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import coophistory
from benchmarks import synthetic
from coophistory import export

GOALS = {"bundled_bytes": 1_000_000, "bundled_ready_ms": 1000, "large_ready_ms": 3000}
LARGE = 10_000
SEED = 7


def measure(history: coophistory.History, path: Path, *, loads: int = 3) -> dict[str, Any]:
    """Write the page of ``history`` to ``path``; its size, build time and best time to ready."""
    from tests.browser import Browser  # noqa: PLC0415 - Selenium, only when measuring

    start = time.perf_counter()
    export.write(history, "html", path)
    build_s = time.perf_counter() - start
    browser = Browser()
    try:
        ready = []
        for _ in range(loads):
            browser.open(path)
            ready.append(browser.wait_ready())
    finally:
        browser.close()
    return {"bytes": path.stat().st_size, "build_s": build_s, "ready_ms": min(ready)}


def bench(folder: Path, *, large: int = LARGE) -> dict[str, Any]:
    """The bundled page and the page of a generated ``large``-record history."""
    bundled = measure(coophistory.load(), folder / "bundled.html")
    data = synthetic.write(folder / f"synthetic-{large}.toml", large, SEED)
    generated = measure(coophistory.load(data), folder / f"synthetic-{large}.html")
    return {"bundled": bundled, "large": generated | {"records": large}}


def goals(report: dict[str, Any]) -> list[tuple[str, float, float]]:
    """Each goal as (name, measured, limit)."""
    large = report["large"]
    return [
        ("explorer page bytes, bundled data", report["bundled"]["bytes"], GOALS["bundled_bytes"]),
        (
            "explorer ready ms, bundled data",
            report["bundled"]["ready_ms"],
            GOALS["bundled_ready_ms"],
        ),
        (
            f"explorer ready ms, {large['records']} records",
            large["ready_ms"],
            GOALS["large_ready_ms"],
        ),
    ]


def show(report: dict[str, Any]) -> None:
    """Print the figures."""
    for name, part in report.items():
        label = "bundled data" if name == "bundled" else f"{part['records']} records"
        print(
            f"  explorer, {label}: {part['bytes'] / 1e6:.2f} MB, written in {part['build_s']:.2f}"
            f" s, ready in {part['ready_ms']} ms in headless Chromium"
        )


def main() -> int:
    """Measure and print, with the goals."""
    with tempfile.TemporaryDirectory(prefix="coophistory-explorer-") as folder:
        report = bench(Path(folder))
    show(report)
    for name, measured, limit in goals(report):
        mark = "met   " if measured <= limit else "MISSED"
        print(f"  {mark} {name}: {measured:g} (limit {limit:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
