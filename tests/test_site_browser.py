"""The built site in headless Chromium: the dashboard, search to a client, and no outside requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLES, check_doc, serving


@pytest.fixture
def server(built_site: Path) -> Iterator[str]:
    """'127.0.0.1:<port>': where the repository's site is served."""
    with serving(built_site) as url:
        yield urlsplit(url).netloc


def requested_urls(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def hr_sponsor(path: Path) -> str:
    people = check_doc(path.read_bytes()).instance["people"]
    assert isinstance(people, list)
    return next(str(row["name"]) for row in people if row["role"] == "HR sponsor (primary contact)")


def test_dashboard_search_and_no_third_party_requests(server: str, browser: Any) -> None:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(f"http://{server}/")
    article = browser.find_element(By.CSS_SELECTOR, "article").text
    for path in EXAMPLES:
        client = check_doc(path.read_bytes()).instance["front_matter"]
        assert isinstance(client, dict)
        assert client["client"] in article

    # The dashboard's columns sort with a click on their header (the site's own script).
    def first_column() -> list[str]:
        return [row.find_element(By.CSS_SELECTOR, "td").text
                for row in browser.find_elements(By.CSS_SELECTOR, "article table tbody tr")]

    header = browser.find_element(By.XPATH, "//article//table//th[normalize-space()='Client']")
    header.click()
    ascending = first_column()
    assert ascending == sorted(ascending, key=str.casefold)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert first_column() == ascending[::-1]

    target = EXAMPLES[0]
    contact = hr_sponsor(target)
    page_path = f"/{target.parent.parent.name}/01-handoff/{target.stem}/"
    search = wait.until(until.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    search.click()
    search.send_keys(contact)

    # The theme redraws the results on every keystroke, so a result found a moment ago may be gone:
    # find, read and click it in one step, and try again while the list is still being redrawn.
    def open_result(driver: Any) -> str | None:
        link = driver.find_element(By.CSS_SELECTOR, f".md-search-result__item a[href*='{target.stem}']")
        if not link.is_displayed():
            return None
        results: str = driver.find_element(By.CSS_SELECTOR, ".md-search-result").text
        link.click()
        return results

    redrawing = WebDriverWait(browser, 20, ignored_exceptions=(NoSuchElementException,
                                                                StaleElementReferenceException))
    assert contact.split()[0] in redrawing.until(open_result)
    wait.until(lambda driver: urlsplit(driver.current_url).path == page_path)
    wait.until(until.presence_of_element_located((By.ID, "handoff-intro-e-mail")))
    assert contact in browser.find_element(By.CSS_SELECTOR, "article").text

    urls = requested_urls(browser)
    assert any(urlsplit(url).path.endswith("search_index.json") for url in urls)
    # chrome:// and chrome-search:// are the browser's own new-tab page, never the network.
    # The page's Content-Security-Policy would report anything it had to block.
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    network = [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
    assert len(network) > 3
    assert [url for url in network if urlsplit(url).netloc != server] == []


# What needs me today, and layouts that never scroll sideways -------------------------------------

DESKTOP = (1280, 900)
PHONE = (390, 844)
# Elements that scroll sideways: a table, or the wrapper the theme puts around one.
SIDEWAYS = """
return Array.from(document.querySelectorAll(
    'article table, article .md-typeset__scrollwrap, article .md-typeset__table'))
  .filter(function (e) { return e.scrollWidth > e.clientWidth + 1; })
  .map(function (e) { return e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth; });
"""
PAGE_SIDEWAYS = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];"


def client_paths() -> list[str]:
    return [f"/{p.parent.parent.name}/01-handoff/{p.stem}/" for p in EXAMPLES]


def at_width(browser: Any, size: tuple[int, int]) -> None:
    browser.set_window_size(*size)
    width = browser.execute_script("return window.innerWidth;")
    assert abs(width - size[0]) <= 20, width


def test_needs_action_holds_the_overdue_client_but_not_one_with_only_a_high_risk(
        server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"http://{server}/")

    def panel(heading_id: str) -> str:
        """The text of a section: from its heading to the next heading of the same level."""
        text: str = browser.execute_script("""
            var node = document.getElementById(arguments[0]).nextElementSibling, parts = [];
            while (node && node.tagName !== 'H2') {
                parts.push(node.innerText);
                node = node.nextElementSibling;
            }
            return parts.join('\\n');""", heading_id)
        return text

    action = panel("needs-action")
    assert "Harbour Housing Association Limited" in action  # Week 2 workshop overdue
    assert "overdue" in action
    assert "Northwind Logistics Ltd" not in action  # a High risk, nothing overdue or due
    assert "Northwind Logistics Ltd" in panel("high-risks")
    chips = browser.find_elements(By.CSS_SELECTOR, "article .handoff-chip-overdue")
    assert chips and all("overdue" in chip.text for chip in chips)  # the words, not only the colour
    assert "As of Tue 24 Nov 2026" in browser.find_element(By.CSS_SELECTOR, ".handoff-as-of").text


def test_nothing_scrolls_sideways_on_a_desktop_or_a_phone(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    at_width(browser, DESKTOP)
    browser.get(f"http://{server}/")
    assert browser.execute_script(SIDEWAYS) == []
    width, visible = browser.execute_script(PAGE_SIDEWAYS)
    assert width <= visible
    assert browser.save_screenshot(str(tmp_path / "dashboard-1280.png"))

    at_width(browser, PHONE)
    browser.get(f"http://{server}/people/")
    am_views = [urlsplit(a.get_attribute("href")).path for a in
                browser.find_elements(By.CSS_SELECTOR, "article a[href*='am-']")]
    assert am_views
    for path in ["/", *am_views, *client_paths()]:
        browser.get(f"http://{server}{path}")
        width, visible = browser.execute_script(PAGE_SIDEWAYS)
        assert width <= visible, (path, width, visible)
    browser.get(f"http://{server}/")
    # On a phone each client row is a card: the table's header row is not shown.
    header = browser.find_element(By.CSS_SELECTOR, "article table thead")
    assert not header.is_displayed()
    assert browser.save_screenshot(str(tmp_path / "dashboard-390.png"))


def test_every_client_page_shows_its_timeline_and_nothing_leaves_the_server(
        server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    for path in client_paths():
        browser.get(f"http://{server}{path}")
        [picture] = browser.find_elements(By.CSS_SELECTOR, "article .handoff-timeline svg[role='img']")
        assert picture.size["width"] > 200 and picture.size["height"] > 50
        assert "today" in picture.text
    for path in ("/people/", "/people/commission/", "/calendar/all.ics", "/exports/clients.csv"):
        browser.get(f"http://{server}{path}")
    urls = requested_urls(browser)
    network = [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
    assert len(network) > len(EXAMPLES)
    assert [url for url in network if urlsplit(url).netloc != server] == []
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
