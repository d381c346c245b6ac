"""The explorer page, opened from file:// in Debian's real headless Chromium through Selenium.

A missing browser is a failure, never a skip: ``make browser`` installs it.
"""

from __future__ import annotations

import datetime
import html.parser
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from benchmarks import synthetic
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

import coophistory
from coophistory import export
from coophistory.cli import main
from coophistory.docs import EXPLORER_PAGE
from coophistory.explorer import render
from coophistory.explorer.labels import LABELS

from .browser import Browser
from .conftest import TINY, tiny_variant
from .test_hostile import HOSTILE

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
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


def expected_cell(h: coophistory.History, type_id: str, day: str, fn: str) -> dict[str, Any]:
    """What the table must show for one type and function, straight from ``h.supervisor``."""
    a = h.supervisor(type_id, day, fn)
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


def last_day(h: coophistory.History) -> datetime.date:
    """The day the record is current to: the slider's last day."""
    assert h.current_to is not None
    assert h.current_to.latest is not None
    latest = h.current_to.latest
    return datetime.date(latest.year, latest.month, latest.day)


def network(urls: list[str]) -> list[str]:
    """The URLs that would go to a network (not the file, data or the browser's own pages)."""
    local = ("file", "data", "about", "blob", "chrome", "chrome-untrusted")
    return [url for url in urls if urlsplit(url).scheme not in local]


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
        browser.driver.find_element(By.ID, "day-input").get_attribute("max") or ""
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


# --- in the browser ------------------------------------------------------------------------


def test_permalink_opens_the_day_type_and_language(browser: Browser, bundled_page: Path) -> None:
    """A fragment chooses the day, the type and the language; citations lead to the source."""
    browser.open(bundled_page, "#on=1995-06-01&type=savings-and-credit")
    d = browser.driver
    assert d.find_element(By.ID, "day-input").get_attribute("value") == "1995-06-01"
    assert "1995-06-01" in d.find_element(By.ID, "day-caption").text
    row = d.find_element(By.CSS_SELECTOR, "tr.chosen")
    assert row.get_attribute("data-type") == "savings-and-credit"
    cell = row.find_element(By.CSS_SELECTOR, 'td[data-function="supervision"]')
    assert cell.find_element(By.CSS_SELECTOR, ".holder.certain .name").text.startswith("FENACREP")
    assert cell.find_element(By.CSS_SELECTOR, ".law").text == "Decree-Law 25879"
    cite = cell.find_element(By.CSS_SELECTOR, "a.cite")
    cite.click()
    target = d.execute_script("return document.activeElement.id")
    assert (cite.get_attribute("href") or "").endswith(f"#{target}")
    assert target.startswith("source-")
    assert "on=1995-06-01" in d.execute_script("return location.hash")

    browser.open(bundled_page, "#on=2019-01-01&lang=es")
    assert d.execute_script("return document.documentElement.lang") == "es"
    supervision = d.find_element(
        By.CSS_SELECTOR, 'tr[data-type="savings-and-credit"] td[data-function="supervision"]'
    )
    status = supervision.find_element(By.CSS_SELECTOR, ".status").text
    assert status.lower() == LABELS["es"]["certain"].lower()
    assert "Superintendencia" in supervision.find_element(By.CSS_SELECTOR, ".name").text
    assert supervision.find_element(By.CSS_SELECTOR, ".law").text == "Ley 30822"


def test_slider_moves_by_keyboard(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """Arrows move a month, Page Up/Down a year, Home/End to the ends; the table follows."""
    browser.open(bundled_page, "#on=2017-06-01")
    d = browser.driver
    slider = d.find_element(By.ID, "day-slider")
    day = d.find_element(By.ID, "day-input")
    slider.send_keys(Keys.ARROW_RIGHT)
    assert day.get_attribute("value") == "2017-07-01"
    slider.send_keys(Keys.PAGE_UP, Keys.PAGE_UP)
    assert day.get_attribute("value") == "2019-07-01"
    assert "on=2019-07-01" in d.execute_script("return location.hash")
    supervisor = d.find_element(
        By.CSS_SELECTOR, 'tr[data-type="savings-and-credit"] td[data-function="supervision"] .name'
    )
    assert supervisor.text.startswith("SBS")
    slider.send_keys(Keys.ARROW_LEFT, Keys.PAGE_DOWN)
    assert day.get_attribute("value") == "2018-06-01"
    slider.send_keys(Keys.HOME)
    assert day.get_attribute("value") == "1866-01-01"
    slider.send_keys(Keys.END)
    last = last_day(bundled).isoformat()
    assert day.get_attribute("value") == last
    assert (slider.get_attribute("aria-valuetext") or "").endswith(f"({last})")


def _visible_entries(browser: Browser) -> list[dict[str, str]]:
    return list(
        browser.driver.execute_script(
            "return Array.from(document.querySelectorAll('#entries > li'))"
            ".filter(li => !li.hidden).map(li => ({record: li.dataset.record,"
            " kind: li.dataset.kind, bodies: li.dataset.bodies,"
            " title: li.querySelector('h3 .l-en').textContent}))"
        )
    )


def test_chronology_search_and_filters(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """Search ignores accents and case; kind, body and type filters agree with the library."""
    browser.open(bundled_page)
    d = browser.driver
    every = _visible_entries(browser)
    dated_laws = [law for law in bundled.laws() if law.date is not None]
    assert len(every) == len(bundled.events()) + len(dated_laws)
    search = d.find_element(By.ID, "search")
    search.send_keys("CREDITO")
    found = _visible_entries(browser)
    assert found
    assert len(found) < len(every)
    assert any("Crédito" in e["title"] or "credit" in e["title"].lower() for e in found)
    assert "q=CREDITO" in d.execute_script("return location.hash")
    search.clear()
    search.send_keys(" ")  # clear() fires no input event
    search.send_keys(Keys.BACKSPACE)
    assert len(_visible_entries(browser)) == len(every)

    Select(d.find_element(By.ID, "kind-select")).select_by_value("founding")
    founding = _visible_entries(browser)
    assert {e["kind"] for e in founding} == {"founding"}
    assert len(founding) == len(bundled.events(kind="founding"))
    Select(d.find_element(By.ID, "kind-select")).select_by_value("")

    Select(d.find_element(By.ID, "body-select")).select_by_value("fenacrep")
    assert all("fenacrep" in e["bodies"].split() for e in _visible_entries(browser))
    Select(d.find_element(By.ID, "body-select")).select_by_value("")

    Select(d.find_element(By.ID, "type-select")).select_by_value("housing")
    events = [e["title"] for e in _visible_entries(browser) if e["record"] == "event"]
    assert events == [e.title for e in bundled.events(coop_type="housing")]
    assert "type=housing" in d.execute_script("return location.hash")
    count = d.find_element(By.ID, "chronology-count").text
    assert count.endswith(f"of {len(every)} entries shown · Chosen type: housing")


def test_language_switch(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """Switching to Spanish relabels the page and the table, and the permalink keeps it."""
    browser.open(bundled_page, "#on=1995-06-01")
    d = browser.driver
    Select(d.find_element(By.ID, "lang-select")).select_by_value("es")
    assert d.find_element(By.TAG_NAME, "h1").text == LABELS["es"]["title"]
    assert d.find_element(By.ID, "chronology-heading").text == LABELS["es"]["chronology"]
    assert d.execute_script("return document.documentElement.lang") == "es"
    assert "lang=es" in d.execute_script("return location.hash")
    assert "de junio de 1995" in d.find_element(By.ID, "day-caption").text
    law = d.find_element(By.CSS_SELECTOR, 'tr[data-type="savings-and-credit"] .law')
    assert law.text == "Decreto Ley 25879"
    first_row = d.find_element(By.CSS_SELECTOR, "#day-table tbody th")
    assert first_row.text == bundled.coop_type("savings-and-credit").name_es
    Select(d.find_element(By.ID, "lang-select")).select_by_value("en")
    assert d.find_element(By.TAG_NAME, "h1").text == LABELS["en"]["title"]


def test_no_network_request(browser: Browser, bundled_page: Path) -> None:
    """Only the file itself is requested, and the policy blocks a fetch a script tries."""
    browser.requests()
    browser.open(bundled_page, "#on=1995-06-01")
    d = browser.driver
    d.find_element(By.CSS_SELECTOR, "button.handover").click()
    Select(d.find_element(By.ID, "lang-select")).select_by_value("es")
    d.find_element(By.ID, "search").send_keys("ley")
    bar = d.find_element(By.CSS_SELECTOR, "#lanes-svg rect.fill")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
    bar.click()
    assert d.execute_script("return performance.getEntriesByType('resource').length") == 0
    sent = browser.requests()
    assert network(sent) == []
    assert [url for url in sent if url.startswith("file:")] == [bundled_page.resolve().as_uri()]
    blocked = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.addEventListener('securitypolicyviolation',"
        " e => done([e.violatedDirective, e.blockedURI]), {once: true});"
        "fetch('https://example.org/').then(() => done('fetched'), () => {});"
    )
    assert blocked == ["connect-src", "https://example.org/"]
    policy = d.find_element(By.CSS_SELECTOR, 'meta[http-equiv="Content-Security-Policy"]')
    assert "default-src 'none'" in (policy.get_attribute("content") or "")


def test_hostile_names_render_as_text(browser: Browser, tmp_path: Path) -> None:
    """Markup and a control character in a name, acronym and titles are shown as that text."""
    quoted = json.dumps(HOSTILE)  # a JSON string literal is a valid TOML basic string here
    variant = tiny_variant(tmp_path, 'name = "Ministry of Labor"', f"name = {quoted}")
    text = variant.read_text(encoding="utf-8")
    for old in ('acronyms = ["MTPE"]', 'title = "A country context study"'):
        assert old in text
        text = text.replace(
            old, old.split("=")[0] + f"= {f'[{quoted}]' if 'MTPE' in old else quoted}"
        )
    text = text.replace('title = "First national cooperative census"', f"title = {quoted}")
    variant.write_text(text, encoding="utf-8")
    history = coophistory.load(variant)
    page = export.write(history, "html", tmp_path / "hostile.html")
    browser.open(page, "#on=1985-06-01")
    d = browser.driver

    def text_of(css: str) -> str:
        return " ".join(
            e.get_attribute("textContent") or "" for e in d.find_elements(By.CSS_SELECTOR, css)
        )

    answer = history.supervisor("housing", "1985-06-01")
    assert answer.describe_body(history.body("ministry-of-labor")) == HOSTILE
    assert HOSTILE in [
        e.get_attribute("textContent") for e in d.find_elements(By.CSS_SELECTOR, ".name")
    ]
    assert HOSTILE in text_of("#handovers")
    assert HOSTILE in text_of("#lanes-key")
    assert HOSTILE in text_of("#entries h3")
    assert HOSTILE in text_of("#sources h3")
    assert history.source("study").cite("§1") in text_of("a.cite")
    assert d.find_elements(By.TAG_NAME, "b") == []
    assert d.execute_script("return document.documentElement.dataset.ready")


def test_screenshots_and_layout(browser: Browser, bundled_page: Path) -> None:
    """At 360 px nothing overflows sideways; screenshots at 360 and 1920 px and for the README."""
    BUILD.mkdir(exist_ok=True)
    d = browser.driver
    for width in (360, 1920):
        browser.open(bundled_page, "#on=1995-06-01&type=savings-and-credit", width, 900)
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, width
        height = d.execute_script("return document.documentElement.scrollHeight")
        d.set_window_size(width, min(height, 8000))
        path = BUILD / f"explorer-{width}.png"
        assert d.save_screenshot(str(path))
        assert path.stat().st_size > 10_000
    browser.open(bundled_page, "#on=1995-06-01&type=savings-and-credit", 1280, 860)
    readme = BUILD / "explorer-readme.png"
    assert d.save_screenshot(str(readme))
    shutil.copyfile(readme, BUILD / "explorer.png")


# WCAG's relative luminance and contrast, computed in the page for every element with text.
CONTRAST = """
const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const background = e => { for (; e; e = e.parentElement) {
  const c = rgb(getComputedStyle(e).backgroundColor);
  if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c; } return [255, 255, 255]; };
const low = [];
document.querySelectorAll('body *').forEach(e => {
  if (e.closest('svg') || !e.getClientRects().length) return;
  if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) return;
  const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push([e.tagName, e.className, e.textContent.slice(0, 40), ratio]);
});
return low;
"""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_text_contrast_meets_wcag_aa(browser: Browser, bundled_page: Path, lang: str) -> None:
    """Every text on the page, and every label on a lane's bar, has a contrast of 4.5:1 or more."""
    browser.open(bundled_page, f"#on=1978-06-01&lang={lang}&type=housing")
    assert browser.driver.execute_script(CONTRAST) == []
    bars = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('.bar:not(.uncertain)')).map(g =>"
        " [g.querySelector('.fill').getAttribute('fill'),"
        " (g.querySelector('text') || {getAttribute: () => null}).getAttribute('fill')])"
    )
    assert bars
    for fill, ink in bars:
        if ink is not None:
            assert _contrast(fill, ink) >= 4.5, (fill, ink)


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_lanes_and_handovers_move_the_day(browser: Browser, bundled_page: Path) -> None:
    """Clicking a handover or a point on a lane moves the day there; the cursor follows."""
    browser.open(bundled_page, "#on=1995-06-01")
    d = browser.driver
    button = d.find_elements(By.CSS_SELECTOR, "button.handover")[-1]
    button.click()
    assert d.find_element(By.ID, "day-input").get_attribute("value") == button.get_attribute(
        "data-day"
    )
    before = d.find_element(By.ID, "lanes-cursor").get_attribute("x1")
    lane = d.find_element(By.CSS_SELECTOR, "#lanes-svg .lane rect.fill")
    lane.click()
    after = d.find_element(By.ID, "lanes-cursor").get_attribute("x1")
    assert after != before
    assert d.find_element(By.ID, "day-input").get_attribute("value") != button.get_attribute(
        "data-day"
    )
    labels = d.find_elements(By.CSS_SELECTOR, "#lanes-svg .lane-label")
    assert len(labels) < len(d.find_elements(By.CSS_SELECTOR, "#day-table tbody tr"))


# --- the documentation site ----------------------------------------------------------------


def test_site_publishes_the_explorer_and_fetches_nothing(browser: Browser, tmp_path: Path) -> None:
    """The built site carries the bundled explorer beside its page, and loads no web resource."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    published = site / EXPLORER_PAGE
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
