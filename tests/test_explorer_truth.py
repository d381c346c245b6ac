"""The explorer page answers exactly as the library, and is one self-contained file.

The browser tests open the file from file:// in Debian's real headless Chromium through
Selenium; a missing browser is a failure, never a skip (``make browser`` installs it).
"""

from __future__ import annotations

import datetime
import html.parser
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import synthetic
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import coophistory
from coophistory import export
from coophistory.cli import main
from coophistory.explorer import render

from .browser import Browser, browser, bundled_page, last_day, network
from .conftest import TINY

__all__ = ["browser", "bundled_page"]  # fixtures

ROOT = Path(__file__).resolve().parents[1]
FUNCTIONS = ("supervision", "promotion")
# Reads the day table as a reader sees it: the text of each part of each cell.
READ_TABLE = """
const texts = (root, css) => Array.from(root.querySelectorAll(css)).map(e => e.textContent);
return Array.from(document.querySelectorAll('#day-table tbody tr')).map(tr => [
  tr.dataset.type,
  Array.from(tr.querySelectorAll('td')).map(td => ({
    status: texts(td, '.status'),
    nobody: texts(td, '.nobody'),
    certain: Array.from(td.querySelectorAll('.holder.certain')).map(
      li => [li.querySelector('.name').textContent, texts(li, '.delegator')]),
    possible: texts(td, '.holder.possible .name'),
    laws: texts(td, '.law'),
    citations: Array.from(td.querySelectorAll('a.cite')).map(
      a => [a.getAttribute('href'), a.textContent]),
    conflicts: texts(td, '.conflict-link'),
  })),
]);
"""

SET_DAY = """
const input = document.getElementById('day-input');
input.value = arguments[0];
input.dispatchEvent(new Event('change', {bubbles: true}));
"""


def expected_cell(h: coophistory.History, type_id: str, day: str, fn: str) -> dict[str, Any]:
    """What the table must show for one type and function, straight from ``h.supervisor``."""
    a = h.supervisor(type_id, day, function=fn)
    empty = not a.bodies and not a.possible
    return {
        "status": [] if empty else ["Certain" if a.certain else "Not certain"],
        "nobody": ["No mandate recorded"] if empty else [],
        "certain": [
            [a.describe_body(b), [a.describe_body(h.body(d)) for d in a.delegators(b)]]
            for b in a.bodies
        ],
        "possible": [a.describe_body(b) for b in a.possible],
        "laws": [law.label for law in a.laws],
        "citations": [
            [f"#source-{c.source}", h.source(c.source).cite(c.locator)] for c in a.citations
        ],
        "conflicts": [c.title for c in a.conflicts],
    }


def change_days(h: coophistory.History) -> set[datetime.date]:
    """Every day an answer may change on, found from the records (not from the page)."""
    days: set[datetime.date] = set()
    for mandate in h.mandates():
        period = mandate.period
        for day in (
            period.possible_start,
            period.certain_start,
            period.certain_end,
            period.possible_end,
        ):
            if day is not None:
                days.add(datetime.date(day.year, day.month, day.day))
    for body in h.bodies():
        for former in body.former_names:
            if former.until.earliest is not None:
                days.add(former.until.earliest)
    for conflict in h.conflicts():
        if conflict.span is not None and conflict.span.earliest is not None:
            days.add(conflict.span.earliest)
        if conflict.span is not None and conflict.span.latest is not None:
            days.add(conflict.span.latest + datetime.timedelta(days=1))
    return days


def show_day(browser: Browser, day: str) -> list[Any]:
    """Choose a day in the date field and read the table."""
    browser.driver.execute_script(SET_DAY, day)
    return list(browser.driver.execute_script(READ_TABLE))


# --- one source of truth -------------------------------------------------------------------


def assert_page_matches(
    browser: Browser, h: coophistory.History, days: set[datetime.date], first: datetime.date
) -> None:
    """For each day from ``first`` to the page's last, the table shows what h.supervisor says."""
    last = datetime.date.fromisoformat(
        browser.driver.find_element(By.ID, "day-input").get_attribute("data-last") or ""
    )
    chosen = sorted({d for d in days if first <= d <= last} | {first, last})
    for day in chosen:
        iso = day.isoformat()
        expected = [
            [t.id, [expected_cell(h, t.id, iso, fn) for fn in FUNCTIONS]]
            for t in h.concrete_types()
        ]
        assert show_day(browser, iso) == expected, iso


def around(days: set[datetime.date]) -> set[datetime.date]:
    """Each day and the day before it."""
    return {d for c in days for d in (c, c - datetime.timedelta(days=1))}


def test_page_answers_exactly_as_the_library(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """On every change point, the day before it and a sample of days, page == h.supervisor."""
    browser.open(bundled_page)
    first, last = datetime.date(1866, 1, 1), last_day(bundled)
    rng = random.Random(15)  # noqa: S311 - a reproducible sample of days
    sample = {
        first + datetime.timedelta(days=rng.randrange((last - first).days)) for _ in range(40)
    }
    days = around(change_days(bundled)) | sample
    assert len(days) > 60
    assert_page_matches(browser, bundled, days, first)


def test_page_answers_as_the_library_on_generated_data(browser: Browser, tmp_path: Path) -> None:
    """The same on a generated history with a deep taxonomy, delegation and renamings."""
    history = coophistory.load(synthetic.write(tmp_path / "synthetic.toml", 400, seed=3))
    page = export.write(history, "html", tmp_path / "synthetic.html")
    browser.open(page)
    rng = random.Random(3)  # noqa: S311 - a reproducible sample of days
    changes = sorted(change_days(history))
    days = around(set(rng.sample(changes, min(60, len(changes)))))
    first = datetime.date(1866, 1, 1)
    days |= {first + datetime.timedelta(days=rng.randrange(60_000)) for _ in range(20)}
    assert_page_matches(browser, history, days, first)


# --- the file itself -----------------------------------------------------------------------


class _Tags(html.parser.HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_cli_writes_one_self_contained_file(tmp_path: Path) -> None:
    """``export html -o`` writes one file under 1 MB that names nothing to fetch."""
    target = tmp_path / "history.html"
    assert main(["export", "html", "-o", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.html"]
    text = target.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 1_000_000
    parser = _Tags()
    parser.feed(text)
    csp = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv")]
    assert len(csp) == 1
    assert csp[0] is not None
    assert csp[0].startswith("default-src 'none'; script-src 'sha256-")
    assert not [t for t, a in parser.tags if "src" in a or t in ("link", "img", "iframe", "object")]
    scripts = [a for t, a in parser.tags if t == "script"]
    assert scripts == [{"type": "application/json", "id": "explorer-data"}, {}]


def test_cli_takes_data_files(tmp_path: Path) -> None:
    """``--data`` files make the page of that history."""
    target = tmp_path / "tiny.html"
    assert main(["--data", str(TINY), "export", "html", "-o", str(target)]) == 0
    assert "tiny" in coophistory.load(TINY).dataset_version
    assert coophistory.load(TINY).dataset_version in target.read_text(encoding="utf-8")


# --- the documentation site ----------------------------------------------------------------


def test_site_publishes_the_explorer_and_fetches_nothing(browser: Browser, tmp_path: Path) -> None:
    """``make docs`` puts the bundled explorer beside its page; neither loads a web resource."""
    site = tmp_path / "site"
    subprocess.run(
        # The Makefile's own recipe, with this interpreter's scripts and no reinstall.
        [
            "make",
            "-o",
            ".venv/.installed-stamp",
            "docs",
            f"SITE={site}",
            f"BIN={Path(sys.executable).parent}",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    published = site / "explorer" / "coophistory-explorer.html"
    assert published.read_text(encoding="utf-8") == render(coophistory.load())
    d = browser.driver
    for page in (site / "index.html", site / "explorer" / "index.html"):
        browser.requests()
        d.get(page.as_uri())
        WebDriverWait(d, 30).until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )
        sent = browser.requests()
        assert page.as_uri() in sent
        assert network(sent) == [], page
    link = d.find_element(By.CSS_SELECTOR, 'a[href="coophistory-explorer.html"]')
    link.click()
    browser.wait_ready("complete")
    assert d.current_url.split("#")[0] == published.as_uri()


def table_on(h: coophistory.History, day: datetime.date) -> list[Any]:
    """What the table must show on a day."""
    iso = day.isoformat()
    return [[expected_cell(h, t.id, iso, fn) for fn in FUNCTIONS] for t in h.concrete_types()]


def test_change_buttons_go_to_the_next_and_previous_change(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """Next change goes to the first later day on which any answer differs; previous, back."""
    browser.open(bundled_page, "#on=1995-06-01")
    d = browser.driver
    start = datetime.date(1995, 6, 1)
    one = datetime.timedelta(days=1)
    changes = [
        day
        for day in sorted(change_days(bundled))
        if day > start and table_on(bundled, day) != table_on(bundled, day - one)
    ]
    assert len(changes) >= 2
    for expected in changes[:2]:
        d.find_element(By.ID, "next-change").click()
        assert d.find_element(By.ID, "day-input").get_attribute("value") == expected.isoformat()
    d.find_element(By.ID, "previous-change").click()
    assert d.find_element(By.ID, "day-input").get_attribute("value") == changes[0].isoformat()
