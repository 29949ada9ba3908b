"""A person's queue, the dashboard's Needs action and the "Record …" link, as a reader sees them in
headless Chromium, on a desktop (1,280 px) and a phone (390 px), in a site built for real with the
git host's editor address (repo_url, edit_uri) and the site's own (site_url) in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import build_site, copy_site_project, requested_urls, serving

EDITOR = "https://github.com/firm/handoffs/edit/main/clients/"
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    config = copy_site_project(tmp_path_factory.mktemp("project"))
    config.write_text(config.read_text("utf-8") + "repo_url: https://github.com/firm/handoffs\n"
                      "edit_uri: edit/main/clients/\nsite_url: https://handoffs.firm.example/\n", "utf-8")
    site = tmp_path_factory.mktemp("site")
    result = build_site(config, site)
    assert result.returncode == 0, result.stderr
    with serving(site) as url:
        yield urlsplit(url).netloc


def at_width(browser: Any, width: int) -> None:
    browser.set_window_size(width, 900)
    # The window's outer size includes the browser's frame: set the inner width exactly.
    inner = browser.execute_script("return window.innerWidth;")
    browser.set_window_size(width + (width - inner), 900)


def fits(browser: Any) -> bool:
    """Nothing on the page is wider than the window (no sideways scrolling on a phone)."""
    return bool(browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1;"))


def article(browser: Any, server: str, path: str, width: int) -> Any:
    """The page's article, read at this window width."""
    from selenium.webdriver.common.by import By

    at_width(browser, width)
    browser.get(f"http://{server}{path}")
    return browser.find_element(By.CSS_SELECTOR, "article")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_delivery_leads_queue_with_its_record_link(server: str, browser: Any, width: int) -> None:
    from selenium.webdriver.common.by import By

    queue = article(browser, server, "/people/dl-tom-okafor/", width)
    headings = [h.text for h in queue.find_elements(By.CSS_SELECTOR, "h2")]
    assert headings[:4] == ["Due today (0)", "Due this week (1)", "Overdue, most recent first (0)",
                            "Records to complete (0)"]
    assert "Fenwick Foods Ltd: AM assignment due Wed 25 Nov" in queue.text
    assert "account_manager: <name>" in queue.text
    record = queue.find_element(By.LINK_TEXT, "Record AM assignment in the editor")
    assert record.is_displayed()
    href = record.get_attribute("href")
    assert href.startswith(f"{EDITOR}fenwick-foods/01-handoff/handoff-fenwick-foods-2026-11-23.md")
    assert fits(browser)
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    outside = [url for url in requested_urls(browser) if urlsplit(url).scheme in ("http", "https")
               and urlsplit(url).netloc != server]
    assert outside == []  # the link is there to follow, never fetched


@pytest.mark.parametrize("width", WIDTHS)
def test_the_dashboard_groups_this_mornings_work_by_owner(server: str, browser: Any, width: int) -> None:
    from selenium.webdriver.common.by import By

    home = article(browser, server, "/", width)
    owners = [h.text for h in home.find_elements(By.CSS_SELECTOR, "h3")]
    # Due Wed 25 Nov: Fenwick's AM assignment (its Delivery Lead) and Glenmore's call (its AM).
    assert sorted(owners) == ["Euan Fraser (Account Manager): 1 item", "Tom Okafor (Delivery Lead): 1 item"]
    assert "Records to complete: 0" in home.text
    links = [a.get_attribute("href") for a in home.find_elements(By.PARTIAL_LINK_TEXT, "in the editor")]
    assert len(links) == 2 and all(link.startswith(EDITOR) for link in links)
    person = home.find_element(By.LINK_TEXT, "Tom Okafor")
    assert person.is_displayed()
    person.click()
    assert urlsplit(browser.current_url).path == "/people/dl-tom-okafor/"
    assert fits(browser)
