"""The built site in headless Chromium: the dashboard, search to a client, and no outside requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLES, check_doc, requested_urls, serving


@pytest.fixture
def server(built_site: Path) -> Iterator[str]:
    """'127.0.0.1:<port>': where the repository's site is served."""
    with serving(built_site) as url:
        yield urlsplit(url).netloc


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
