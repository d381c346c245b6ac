"""Debian's headless Chromium driven by Selenium, for the explorer's tests and benchmark."""

from __future__ import annotations

import datetime
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

import coophistory
from coophistory import export

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MISSING = (
    "Debian's chromium and chromium-driver are needed for the browser tests: "
    "run 'make browser' (as root it installs them with apt-get)"
)
# As the machine notes prescribe: no background networking, a new empty profile.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class Browser:
    """One headless Chromium with its own throw-away profile."""

    def __init__(self) -> None:
        if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
            raise RuntimeError(MISSING)
        self.profile = tempfile.mkdtemp(prefix="coophistory-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*FLAGS, f"--user-data-dir={self.profile}"):
            options.add_argument(flag)
        # DevTools' network events, to list every request the page makes (requests()).
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))

    def open(self, page: Path, fragment: str = "", width: int = 1280, height: int = 900) -> None:
        """Load the page afresh at a window size and wait until its table is ready."""
        self.driver.get("about:blank")
        self.driver.set_window_size(width, height)
        self.driver.get(page.resolve().as_uri() + fragment)
        self.wait_ready("complete")

    def wait_ready(self, mark: str = "ready", seconds: float = 30) -> int:
        """Wait for one of the page's marks; return the milliseconds from navigation to it.

        ``ready``: the day table is drawn; ``complete``: the chart and chain too.
        """
        script = f"return document.documentElement.dataset.{mark}"
        found = WebDriverWait(self.driver, seconds).until(lambda d: d.execute_script(script))
        return int(found)

    def requests(self) -> list[str]:
        """The URL of every request the browser sent since the last call, in order."""
        urls = []
        log: list[dict[str, Any]] = self.driver.get_log("performance")  # type: ignore[no-untyped-call]
        for entry in log:
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def close(self) -> None:
        """Quit the browser and remove its profile."""
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


# --- fixtures shared by the explorer's test modules (imported there) ---------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module."""
    try:
        opened = Browser()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def bundled_page(bundled: coophistory.History, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The explorer of the bundled data, written through the export API."""
    return export.write(bundled, "html", tmp_path_factory.mktemp("explorer") / "history.html")


def network(urls: list[str]) -> list[str]:
    """The URLs that would go to a network (not the file, data or the browser's own pages)."""
    local = ("file", "data", "about", "blob", "chrome", "chrome-untrusted")
    return [url for url in urls if urlsplit(url).scheme not in local]


def last_day(h: coophistory.History) -> datetime.date:
    """The day the record is current to: the slider's last day."""
    assert h.current_to is not None
    assert h.current_to.latest is not None
    latest = h.current_to.latest
    return datetime.date(latest.year, latest.month, latest.day)
