"""The explorer page in use: permalinks, keyboard, search, language, safety, layout.

The browser tests open the file from file:// in Debian's real headless Chromium through
Selenium; a missing browser is a failure, never a skip (``make browser`` installs it).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pendulum
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import coophistory
from coophistory import export

from .browser import Browser, browser, bundled_page, last_day, network
from .conftest import tiny_variant
from .test_hostile import HOSTILE

__all__ = ["browser", "bundled_page"]  # fixtures

BUILD = Path(__file__).resolve().parents[1] / "build"


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
    assert status.lower() == "seguro"
    assert supervision.find_element(By.CSS_SELECTOR, ".name").text == (
        "SBS (Superintendencia de Banca, Seguros y AFP)"
    )
    assert supervision.find_element(By.CSS_SELECTOR, ".law").text == "Ley N.° 30822"


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

    Select(d.find_element(By.ID, "type-select")).select_by_value("financial")
    chosen = d.find_elements(By.CSS_SELECTOR, "#day-table tr.chosen")
    assert [r.get_attribute("data-type") for r in chosen] == [
        t for t in bundled.descendants("financial") if not bundled.coop_type(t).abstract
    ]
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
    assert d.find_element(By.TAG_NAME, "h1").text == "¿Quién supervisó las cooperativas del Perú?"
    assert d.find_element(By.ID, "chronology-heading").text == "Cronología"
    assert d.execute_script("return document.documentElement.lang") == "es"
    assert "lang=es" in d.execute_script("return location.hash")
    # The day the data is current to, in words (1 de enero de 2026), not as 2026-01-01.
    current_to = d.find_element(By.CSS_SELECTOR, "header .meta time").text
    assert re.fullmatch(
        r"\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
        r"setiembre|septiembre|octubre|noviembre|diciembre) de \d{4}",
        current_to,
    )
    assert "de junio de 1995" in d.find_element(By.ID, "day-caption").text
    law = d.find_element(By.CSS_SELECTOR, 'tr[data-type="savings-and-credit"] .law')
    assert law.text == "Decreto Ley N.° 25879"
    first_row = d.find_element(By.CSS_SELECTOR, "#day-table tbody th")
    assert first_row.text == bundled.coop_type("savings-and-credit").name_es
    # Event kinds, in the filter and on each entry, are Spanish too.
    kinds = Select(d.find_element(By.ID, "kind-select"))
    assert "fundación" in [o.text for o in kinds.options]
    founding = d.find_element(By.CSS_SELECTOR, '#entries > li[data-kind="founding"] .kind')
    assert founding.text == "fundación"
    # So are the events' own titles and descriptions, from the data.
    entry = d.find_element(By.CSS_SELECTOR, '#entries > li[data-kind="founding"]')
    event = next(e for e in bundled.events() if e.kind == "founding")
    assert entry.find_element(By.TAG_NAME, "h3").text == event.title_es
    assert entry.find_element(By.CSS_SELECTOR, "p:not(.when):not(.cites)").text == (
        event.description_es
    )
    # The handover chain names bodies as Spanish does.
    chain = d.find_element(By.ID, "chain").text
    assert "INCOOP → Ministerio de Trabajo" in chain
    assert "Supervisión: cooperativas no financieras" in chain
    # Disagreements go by their Spanish titles, beside the answer and in their own section.
    basis = bundled.conflict("fenacrep-supervision-basis")
    beside = 'tr[data-type="savings-and-credit"] .conflict-link'
    heading = d.find_element(By.CSS_SELECTOR, "#conflict-fenacrep-supervision-basis h3")
    assert d.find_element(By.CSS_SELECTOR, beside).text == heading.text == basis.title_es
    section = d.find_element(By.ID, "conflict-fenacrep-supervision-basis")
    assert basis.description_es
    assert basis.description
    assert basis.description_es in section.text
    assert basis.description not in section.text
    # Citations keep their sources' titles and take Spanish pinpoints, in the table and below.
    answer = bundled.supervisor("savings-and-credit", "1995-06-01")
    first = answer.citations[0]
    cite = 'tr[data-type="savings-and-credit"] td a.cite'
    spanish = bundled.source(first.source).cite(first.locator, lang="es")
    assert "párr." in spanish
    assert d.find_element(By.CSS_SELECTOR, cite).text == spanish
    claim = d.find_element(By.CSS_SELECTOR, "#conflict-fenacrep-supervision-basis td a")
    assert "párr." in claim.text or "n." in claim.text
    Select(d.find_element(By.ID, "lang-select")).select_by_value("en")
    assert d.find_element(By.TAG_NAME, "h1").text == "Who supervised Peru's cooperatives?"
    assert founding.text == "founding"
    assert entry.find_element(By.TAG_NAME, "h3").text == event.title
    chain = d.find_element(By.ID, "chain").text
    assert "INCOOP → Ministry of Labor" in chain
    assert "Supervision: non-financial cooperatives" in chain
    assert d.find_element(By.CSS_SELECTOR, beside).text == heading.text == basis.title
    assert d.find_element(By.CSS_SELECTOR, cite).text == bundled.source(first.source).cite(
        first.locator
    )


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
    """Nothing overflows at 360 px; screenshots at 360 and 1920 px, in Spanish, for the README."""
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
    browser.open(bundled_page, "#on=1995-06-01&type=savings-and-credit&lang=es", 1280, 2400)
    assert d.save_screenshot(str(BUILD / "explorer-es.png"))


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


def _supervision(history: coophistory.History, day: pendulum.Date) -> list[dict[str, object]]:
    """Every concrete type's supervision answer on ``day``, less the day itself."""
    return [
        {
            k: v
            for k, v in history.supervisor(t.id, day).to_dict().items()
            if k not in ("on", "sentence")
        }
        for t in history.concrete_types()
    ]


def test_lanes_chart_steps_from_change_to_change_by_keyboard(
    browser: Browser, bundled: coophistory.History, bundled_page: Path
) -> None:
    """Focused, the chart is a slider: arrows go to the next or previous day a lane changes."""
    browser.open(bundled_page, "#on=1995-06-01")
    d = browser.driver
    chart = d.find_element(By.ID, "lanes-svg")
    assert chart.get_attribute("role") == "slider"
    assert chart.get_attribute("tabindex") == "0"
    day = d.find_element(By.ID, "day-input")
    start = pendulum.Date(1995, 6, 1)

    chart.send_keys(Keys.ARROW_RIGHT)
    moved = pendulum.parse(day.get_attribute("value") or "", exact=True)
    assert isinstance(moved, pendulum.Date)
    assert moved > start
    assert d.execute_script("return document.activeElement.id") == "lanes-svg"
    # the library's own answers: nothing changes before that day, something changes on it
    assert _supervision(bundled, moved.subtract(days=1)) != _supervision(bundled, moved)
    quiet = [start.add(days=n) for n in range(0, (moved - start).days, 7)]
    assert all(_supervision(bundled, q) == _supervision(bundled, start) for q in quiet)
    assert (chart.get_attribute("aria-valuetext") or "").endswith(f"({moved.isoformat()})")

    chart.send_keys(Keys.ARROW_LEFT)
    back = pendulum.parse(day.get_attribute("value") or "", exact=True)
    assert isinstance(back, pendulum.Date)
    assert back <= start
    assert _supervision(bundled, back.subtract(days=1)) != _supervision(bundled, back)

    chart.send_keys(Keys.END)
    assert day.get_attribute("value") == last_day(bundled).isoformat()
    chart.send_keys(Keys.HOME)
    assert day.get_attribute("value") == "1866-01-01"


def test_day_field_takes_iso_days_in_either_language(browser: Browser, bundled_page: Path) -> None:
    """The day is typed as YYYY-MM-DD on both pages; a day that cannot be read is marked."""
    browser.open(bundled_page, "#on=2017-06-01&lang=es")
    d = browser.driver
    field = d.find_element(By.ID, "day-input")
    assert field.get_attribute("value") == "2017-06-01"
    assert d.find_element(By.ID, "day-help").text == "Año-mes-día, por ejemplo 1995-06-01."
    field.clear()
    field.send_keys("1978-06-01", Keys.TAB)
    assert "on=1978-06-01" in d.execute_script("return location.hash")
    assert "1 de junio de 1978" in d.find_element(By.ID, "day-caption").text
    field.clear()
    field.send_keys("1978-02-30", Keys.TAB)
    assert field.get_attribute("aria-invalid") == "true"
    assert "on=1978-06-01" in d.execute_script("return location.hash")
    d.find_element(By.ID, "next-change").click()
    assert field.get_attribute("aria-invalid") is None
    assert field.get_attribute("value") != "1978-02-30"
