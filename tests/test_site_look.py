"""What a reader sees at a glance, in headless Chromium: All clients filtered and sorted over every
client, the site's colours legible in the dark scheme, and search results that say what they are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLES, LARGE, REPO, open_page, serving
from handoff_lint.domain.lifecycle import STAGES
from handoff_lint.site import uris


@pytest.fixture
def large_site(generated_sites: dict[int, Path]) -> Iterator[tuple[str, Path]]:
    with serving(generated_sites[LARGE]) as url:
        yield urlsplit(url).netloc, generated_sites[LARGE]


def shown_rows(browser: Any) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    table = browser.find_element(By.CSS_SELECTOR, "article table:not([hidden])")
    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def every_page(browser: Any) -> list[list[str]]:
    """The filtered list's rows on every one of its pages, following its own pager."""
    from selenium.webdriver.common.by import By

    rows = shown_rows(browser)
    following = browser.find_element(By.XPATH, "//p[contains(@class,'handoff-filter-pager')]/button[2]")
    while following.is_displayed() and following.is_enabled():
        following.click()
        rows += shown_rows(browser)
    return rows


@pytest.mark.parametrize("width", [1280, 390])
def test_all_clients_filters_by_one_am_and_sorts_by_stage_over_every_page(
    large_site: tuple[str, Path], browser: Any, width: int
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    server, site = large_site
    data = json.loads((site / uris.ALL_CLIENTS_DATA).read_text("utf-8"))
    assert len(data["rows"]) == LARGE
    manager = next(row["filters"]["am"] for row in data["rows"] if row["filters"]["am"])
    theirs = sorted(row["cells"][0][0]["text"] for row in data["rows"] if row["filters"]["am"] == manager)
    assert 0 < len(theirs) < LARGE
    browser.set_window_size(width, 1000)
    open_page(browser, f"http://{server}/all-clients/")
    assert "of 300 clients" in browser.find_element(By.CSS_SELECTOR, ".handoff-filter-status").text
    assert len(shown_rows(browser)) == 100

    Select(browser.find_element(By.NAME, "am")).select_by_value(manager)
    assert sorted(row[0].removesuffix(" (incomplete)") for row in every_page(browser)) == theirs

    Select(browser.find_element(By.NAME, "am")).select_by_value("")
    Select(browser.find_element(By.NAME, "sort")).select_by_value("stage")
    order = [stage.value for stage in STAGES]
    stages = [next(s for s in order if row[1].startswith(s)) for row in every_page(browser)]
    assert len(stages) == LARGE
    assert stages == sorted(stages, key=order.index)
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


CONTRAST = """
function rgb(text) { return (text.match(/[\\d.]+/g) || []).slice(0, 4).map(Number); }
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function background(node) {
  for (; node && node.nodeType === 1; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
  }
  return rgb(getComputedStyle(document.body).backgroundColor);
}
const found = [];
for (const node of document.querySelectorAll(arguments[0])) {
  const style = getComputedStyle(node);
  const fg = rgb(node instanceof SVGElement ? style.fill : style.color);
  const bg = background(node instanceof SVGElement ? node.closest("svg").parentElement : node);
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  found.push([node.textContent.trim().slice(0, 40), (a + 0.05) / (b + 0.05)]);
}
return found;
"""


def test_chips_and_timelines_stay_legible_in_the_dark_scheme(built_site: Path, browser: Any) -> None:
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    with serving(built_site) as url:
        for page, selector in (("all-clients/", ".handoff-chip"), ("", ".handoff-chip"),
                               (f"{EXAMPLES[0].parent.parent.name}/01-handoff/{EXAMPLES[0].stem}/",
                                ".handoff-timeline svg text")):
            open_page(browser, url + page)
            assert browser.execute_script(
                "return document.body.getAttribute('data-md-color-scheme')") == "slate"
            ratios = browser.execute_script(CONTRAST, selector)
            assert ratios, page
            assert [(label, ratio) for label, ratio in ratios if ratio < 4.5] == [], page


def test_search_results_name_the_stage_and_am_rank_clients_first_and_carry_no_pilcrow(
    built_site: Path, browser: Any
) -> None:
    from selenium.webdriver.common.by import By
    from test_site_browser import hr_sponsor, page_path, results, search_box, type_query, waiting

    # A surname two examples' HR sponsors share, which the bad-input guide also uses as an example.
    surname = "Rahman"
    theirs = {page_path(path) for path in EXAMPLES if hr_sponsor(path).endswith(surname)}
    assert len(theirs) == 2 and surname in (REPO / "guide" / "bad-input.md").read_text("utf-8")
    with serving(built_site) as url:
        browser.get(url)
        type_query(search_box(browser), surname)
        # Each result's own link, then its sections' (the same path): one entry per page, in order.
        waiting(browser).until(lambda driver: set(list(dict.fromkeys(results(driver) or []))[:2]) == theirs)
        links = list(dict.fromkeys(results(browser) or []))
        titles = browser.execute_script(  # each page's own title, not its sections'
            "return [...document.querySelectorAll('.pagefind-ui__result-title')]"
            ".filter(e => !e.closest('.pagefind-ui__result-nested')).map(e => e.textContent.trim())")
        nested = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-nested")]
    kinds = ["guide" if path.startswith("/guide/") else "client" for path in links]
    assert "guide" in kinds and kinds == sorted(kinds, key=["client", "guide"].index)
    assert titles and not [title for title in titles + nested if "¶" in title]
    assert all(" · AM " in title and " — " in title for title in titles[:2])
