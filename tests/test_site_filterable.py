"""Lists the site's script filters and sorts over every row: the JSON each list is read from, and All
risks filtered in headless Chromium on a site of 300 generated clients, checked against the risks and
clients exports (made by other code than the list)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import LARGE, example_text, example_views, open_page, serving, site_view, with_front_matter
from handoff_lint.domain.lifecycle import Stage
from handoff_lint.site import dashboard, filterable, paging, registers, uris
from test_site_look import every_page, shown_rows


def test_every_risk_is_a_row_of_the_json_with_its_filters_and_plain_text() -> None:
    views = example_views()
    data = json.loads(registers.all_risks_data(views))
    assert len(data["rows"]) == sum(len(v.risks) for v in views)
    assert [f["key"] for f in data["filters"]] == ["likelihood", "am", "state"]
    northwind = [row for row in data["rows"] if row["cells"][0][0]["text"] == "Northwind Logistics Ltd"]
    assert northwind and {row["filters"]["am"] for row in northwind} == {"Hannah Lee"}
    assert {row["filters"]["likelihood"] for row in data["rows"]} <= {"High", "Med", "Low", "Other"}
    # Every cell is parts of text; links lead to pages of this site, by their address under its root.
    for row in data["rows"]:
        for cell in row["cells"]:
            assert all(set(part) <= {"text", "url", "strong", "chip"} for part in cell)
    assert northwind[0]["cells"][0][0]["url"] == uris.url(views[[v.name for v in views].index(
        "Northwind Logistics Ltd")].src_uri)


def test_a_risk_is_open_until_its_client_is_complete() -> None:
    views = example_views()
    states = {v.name: registers.risk_state(v) for v in views}
    assert states["Riverside Homes Association Limited"] == registers.CLOSED  # Week 12 report recorded
    assert {state for name, state in states.items() if not name.startswith("Riverside")} == {registers.OPEN}
    rows = json.loads(registers.all_risks_data(views))["rows"]
    assert Counter(row["filters"]["state"] for row in rows) == Counter(
        {registers.OPEN: sum(len(v.risks) for v in views if v.clock.stage is not Stage.COMPLETE),
         registers.CLOSED: 3})
    # Open ones first, in the pages and in the list's own order.
    assert [row["filters"]["state"] for row in rows][-3:] == [registers.CLOSED] * 3
    page = registers.all_risks(views)[uris.RISKS_ALL]
    assert page.rstrip().split("\n")[-1].endswith("| closed |")


def test_markup_in_a_risk_stays_text_in_the_json() -> None:
    hostile = '<img src=x onerror="window.__pwned=1"> **bold** [link](javascript:alert(1))'
    text = with_front_matter(example_text(), client="'<b>Bold</b> Ltd'")
    text = text.replace("| Exec sponsor is new in role |", f"| {hostile} |")
    rows = json.loads(registers.all_risks_data([site_view(text)]))["rows"]
    shown = [row["cells"][2][0]["text"] for row in rows]
    # The emphasis is what it shows; a javascript: link is no link, so its Markdown shows as written.
    assert '<img src=x onerror="window.__pwned=1"> bold [link](javascript:alert(1))' in shown
    assert rows[0]["cells"][0][0]["text"] == "<b>Bold</b> Ltd"


def test_all_risks_pages_are_bounded_and_list_every_risk_once() -> None:
    one = example_views()[0]
    many = [replace(one, name=f"Client {n:04}", src_uri=f"c{n:04}.md") for n in range(120)]
    pages = registers.all_risks(many)
    assert len(pages) == -(-sum(len(v.risks) for v in many) // paging.ROWS)
    assert all(page.count("\n| ") <= paging.ROWS + 1 for page in pages.values())
    listed = [line for page in pages.values() for line in page.split("\n") if line.startswith("| [Client")]
    assert len(listed) == sum(len(v.risks) for v in many)


def test_all_clients_json_keeps_its_filters_and_sorts() -> None:
    data = json.loads(dashboard.all_clients_data(example_views()))
    assert [f["key"] for f in data["filters"]] == ["am", "ae", "stage", "urgency"]
    assert [s["key"] for s in data["sorts"]] == ["newest", "stage", "due", "name"]
    assert data["noun"] == {"one": "client", "many": "clients"}
    assert all(isinstance(row["sort"]["stage"], int) for row in data["rows"])
    assert filterable.link("", "x.md") == {"text": "—"}


@pytest.fixture
def large_site(generated_sites: dict[int, Path]) -> Iterator[tuple[str, Path]]:
    with serving(generated_sites[LARGE]) as url:
        yield urlsplit(url).netloc, generated_sites[LARGE]


def _export(site: Path, uri: str) -> list[dict[str, str]]:
    with (site / uri).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _choose(browser: Any, name: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.NAME, name)).select_by_value(value)


@pytest.mark.parametrize("width", [1280, 390])
def test_all_risks_filters_by_am_likelihood_and_state_over_every_page(
    large_site: tuple[str, Path], browser: Any, width: int
) -> None:
    from selenium.webdriver.common.by import By

    server, site = large_site
    risks = _export(site, uris.EXPORT_RISKS)
    complete = {row["slug"] for row in _export(site, uris.EXPORT_CLIENTS)
                if row["stage"] == Stage.COMPLETE.value}
    assert len(risks) > 2 * paging.ROWS  # the list has pages the filter must reach past
    manager = Counter(row["account_manager"] for row in risks if row["account_manager"]).most_common(1)[0][0]
    theirs = sorted((row["client"], row["risk"]) for row in risks if row["account_manager"] == manager)
    high = sorted((row["client"], row["risk"]) for row in risks if row["likelihood"] == "High")
    closed = sorted((row["client"], row["risk"]) for row in risks if row["slug"] in complete)
    assert 0 < len(theirs) < len(risks) and 0 < len(high) < len(risks)
    browser.set_window_size(width, 1000)
    open_page(browser, f"http://{server}/{uris.url(uris.RISKS_ALL)}")
    status = browser.find_element(By.CSS_SELECTOR, ".handoff-filter-status")
    assert f"of {len(risks):,} risks" in status.text
    assert len(shown_rows(browser)) == paging.ROWS

    _choose(browser, "am", manager)
    rows = every_page(browser)
    assert sorted((row[0], row[2]) for row in rows) == theirs
    assert {row[4] for row in rows} == {manager}

    _choose(browser, "am", "")
    _choose(browser, "likelihood", "High")
    assert sorted((row[0], row[2]) for row in every_page(browser)) == high

    _choose(browser, "likelihood", "")
    _choose(browser, "state", registers.CLOSED)
    shown = every_page(browser)
    assert sorted((row[0], row[2]) for row in shown) == closed
    assert {row[5] for row in shown} <= {registers.CLOSED}
    _choose(browser, "state", registers.OPEN)
    assert len(every_page(browser)) == len(risks) - len(closed)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
