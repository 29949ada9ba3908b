"""The built site in headless Chromium: sorting, Pagefind search to a client, no outside requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLES, SHARD_SIZE, check_doc, indexed_pages, requested_urls, serving, waiting
from handoff_lint.site import search


@pytest.fixture
def server(built_site: Path) -> Iterator[str]:
    """'127.0.0.1:<port>': where the repository's site is served."""
    with serving(built_site) as url:
        yield urlsplit(url).netloc


def hr_sponsor(path: Path) -> str:
    people = check_doc(path.read_bytes()).instance["people"]
    assert isinstance(people, list)
    return next(str(row["name"]) for row in people if row["role"] == "HR sponsor (primary contact)")


def sole_client_of_its_hr_sponsor() -> Path:
    """An example whose HR sponsor is no other example's: searching the name finds it first."""
    sponsors = [hr_sponsor(path) for path in EXAMPLES]
    return next(path for path, name in zip(EXAMPLES, sponsors, strict=True) if sponsors.count(name) == 1)


def risk_of(path: Path) -> str:
    risks = check_doc(path.read_bytes()).instance["risks"]
    assert isinstance(risks, list) and risks
    return str(risks[0]["risk"])


def account_manager(path: Path) -> str:
    front = check_doc(path.read_bytes()).instance["front_matter"]
    assert isinstance(front, dict)
    return str(front.get("account_manager", ""))  # none until the Delivery Lead records one


def page_path(path: Path) -> str:
    return f"/{path.parent.parent.name}/01-handoff/{path.stem}/"


def test_all_clients_sort_and_no_third_party_requests(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"http://{server}/all-clients/")
    article = browser.find_element(By.CSS_SELECTOR, "article").text
    for path in EXAMPLES:
        client = check_doc(path.read_bytes()).instance["front_matter"]
        assert isinstance(client, dict)
        assert client["client"] in article

    # All clients sorts every client with its own control; other tables sort the page's rows with a
    # click on a column header (the site's own script).
    from selenium.webdriver.support.ui import Select

    def first_column() -> list[str]:
        shown = "//article//table[not(ancestor-or-self::*[@hidden])]//tbody/tr"  # not the page's own
        return [row.find_element(By.CSS_SELECTOR, "td").text
                for row in browser.find_elements(By.XPATH, shown)]

    Select(browser.find_element(By.NAME, "sort")).select_by_value("name")
    by_name = first_column()
    assert len(by_name) == len(EXAMPLES) and by_name == sorted(by_name, key=str.casefold)
    browser.get(f"http://{server}/registers/upcoming/")
    header = browser.find_element(By.XPATH, "//article//table//th[1]")
    header.click()
    ascending = first_column()
    assert ascending == sorted(ascending, key=str.casefold)
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert first_column() == ascending[::-1]
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    network = [url for url in requested_urls(browser)
               if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
    assert [url for url in network if urlsplit(url).netloc != server] == []


def search_box(browser: Any) -> Any:
    """The header's search input, once the site's script has set Pagefind up."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until

    return waiting(browser).until(until.element_to_be_clickable(
        (By.CSS_SELECTOR, "header #handoff-search input.pagefind-ui__search-input")))


def type_query(box: Any, query: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(query)


def results(driver: Any) -> list[str] | None:
    """The result links, once the results for the current query are shown."""
    from selenium.webdriver.common.by import By

    loading = ".pagefind-ui__loading, .pagefind-ui__result-thumb-skeleton"
    if driver.find_elements(By.CSS_SELECTOR, loading):
        return None
    links = driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    hrefs = [urlsplit(link.get_attribute("href")).path for link in links]
    return hrefs or None


def choose_filter(browser: Any, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By

    block = browser.find_element(By.XPATH, f"//details[.//*[normalize-space()='{name}']]")
    if block.get_attribute("open") is None:
        block.find_element(By.CSS_SELECTOR, "summary").click()
    block.find_element(By.XPATH, f".//label[contains(normalize-space(), '{value}')]").click()


def test_pagefind_search_finds_narrows_and_follows_a_client(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until

    wait = waiting(browser)
    browser.get(f"http://{server}/")
    box = search_box(browser)

    # A contact's name (one no other client has) finds the client first.
    target = next(p for p in EXAMPLES if [hr_sponsor(q) for q in EXAMPLES].count(hr_sponsor(p)) == 1)
    type_query(box, hr_sponsor(target))
    wait.until(lambda driver: (results(driver) or [""])[0] == page_path(target))

    # So does a phrase from one of its risks (one no other client has).
    other = next(p for p in EXAMPLES if [risk_of(q) for q in EXAMPLES].count(risk_of(p)) == 1)
    type_query(box, risk_of(other))
    wait.until(lambda driver: (results(driver) or [""])[0] == page_path(other))

    # A word on every client page finds them all; the AM filter narrows to that AM's clients.
    type_query(box, "handoff")
    wait.until(lambda driver: len(results(driver) or []) >= len(EXAMPLES))
    manager = next(name for name in map(account_manager, EXAMPLES) if name)
    choose_filter(browser, "Account Manager", manager)
    mine = {page_path(p) for p in EXAMPLES if account_manager(p) == manager}
    wait.until(lambda driver: set(results(driver) or []) == mine)

    # Following the result opens the client's page.
    browser.find_element(By.CSS_SELECTOR, f".pagefind-ui__result-link[href*='{target.stem}']").click()
    wait.until(lambda driver: urlsplit(driver.current_url).path == page_path(target))
    wait.until(until.presence_of_element_located((By.ID, "handoff-intro-e-mail")))
    assert hr_sponsor(target) in browser.find_element(By.CSS_SELECTOR, "article").text

    urls = requested_urls(browser)
    assert any("/pagefind/" in urlsplit(url).path for url in urls)
    assert not any(urlsplit(url).path.endswith("search_index.json") for url in urls)
    # The page's Content-Security-Policy would report anything it had to block.
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    network = [url for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
    assert [url for url in network if urlsplit(url).netloc != server] == []


def test_search_over_shards_finds_a_client_in_the_last_one_and_filters_across_them(
        sharded_site: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    groups = search.shards(indexed_pages(sharded_site), SHARD_SIZE)

    def shard_of(path: Path) -> int:
        built = page_path(path).strip("/") + "/index.html"
        return next(number for number, group in enumerate(groups, start=1) if built in group)

    last = next(path for path in EXAMPLES if shard_of(path) == len(groups))
    by_manager: dict[str, list[Path]] = {}
    for path in EXAMPLES:
        if account_manager(path):
            by_manager.setdefault(account_manager(path), []).append(path)
    # An Account Manager whose clients are in different shards: the filter has to merge them.
    manager = next(name for name, paths in by_manager.items() if len({shard_of(p) for p in paths}) > 1)

    with serving(sharded_site) as url:
        server = urlsplit(url).netloc
        wait = waiting(browser)
        # A word on every client page finds them all, whichever shard they are in; the filter
        # narrows across the shards.
        browser.get(url)
        type_query(search_box(browser), "handoff")
        wait.until(lambda driver: len(results(driver) or []) >= len(EXAMPLES))
        choose_filter(browser, "Account Manager", manager)
        theirs = {page_path(path) for path in by_manager[manager]}
        wait.until(lambda driver: set(results(driver) or []) == theirs)

        # A contact's name finds a client of the last shard first, and the result opens its page.
        browser.get(url)
        type_query(search_box(browser), hr_sponsor(last))
        wait.until(lambda driver: (results(driver) or [""])[0] == page_path(last))
        browser.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link").click()
        wait.until(lambda driver: urlsplit(driver.current_url).path == page_path(last))
    assert [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    network = [url for url in requested_urls(browser)
               if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp")]
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
    # Due Wed 25 Nov: Fenwick's AM assignment (its Delivery Lead) and Glenmore's call (its AM).
    assert "Fenwick Foods Ltd" in action and "Glenmore Distillers plc" in action
    assert "Northwind Logistics Ltd" not in action  # a High risk, nothing overdue or due
    assert "Northwind Logistics Ltd" in panel("high-risks")
    # Each item says in words when it is due, not only by colour.
    assert "AM assignment due Wed 25 Nov" in action and "handoff call due Wed 25 Nov" in action
    assert "As of Tue 24 Nov 2026" in browser.find_element(By.CSS_SELECTOR, ".handoff-as-of").text


def test_nothing_scrolls_sideways_on_a_desktop_or_a_phone(server: str, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    at_width(browser, DESKTOP)
    # The dashboard, and the paged list of all clients it leads to.
    for path in ("/", "/all-clients/"):
        browser.get(f"http://{server}{path}")
        assert browser.execute_script(SIDEWAYS) == [], path
        width, visible = browser.execute_script(PAGE_SIDEWAYS)
        assert width <= visible, path
    browser.get(f"http://{server}/")
    assert browser.save_screenshot(str(tmp_path / "dashboard-1280.png"))

    at_width(browser, PHONE)
    browser.get(f"http://{server}/people/")
    am_views = [urlsplit(a.get_attribute("href")).path for a in
                browser.find_elements(By.CSS_SELECTOR, "article a[href*='am-']")]
    assert am_views
    for path in ["/", "/all-clients/", *am_views, *client_paths()]:
        browser.get(f"http://{server}{path}")
        width, visible = browser.execute_script(PAGE_SIDEWAYS)
        assert width <= visible, (path, width, visible)
    browser.get(f"http://{server}/all-clients/")
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
