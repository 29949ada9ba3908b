"""Dates stay on one line: every date a page shows is in a span the stylesheet keeps whole, and in
headless Chromium at 390 px no date's characters fall on two lines, on the examples and at 300
clients."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

import markdown
from conftest import LARGE, open_page, serving, site_markdown
from handoff_lint.site import dates, uris


def test_iso_dates_months_and_written_days_are_found_and_nothing_else() -> None:
    found = [m.group() for m in dates._DATE.finditer(
        "due 2026-11-25, held Wed 25 Nov 2026, in 2026-11; not 0161-496-0000, v2026-11-25, "
        "2026-11-25T10, Wed 25 November, Mon 3 Jan")]
    assert found == ["2026-11-25,", "Wed 25 Nov 2026,", "2026-11;", "Mon 3 Jan"]


def test_every_date_in_a_rendered_page_is_wrapped_even_deep_in_a_docs_nesting() -> None:
    converter: markdown.Markdown = site_markdown()
    page = converter.convert(
        "| Cohort | Start |\n|---|---|\n| 1 | 2027-01-11 and 2027-03-01 |\n\n"
        "- **Held:** 2026-11-09 (due Tue 10 Nov)\n\n`2026-11-25` in code stays as written\n\n"
        + "> " * 300 + "deep 2026-12-01\n")
    root = etree.fromstring(f"<div>{page}</div>")
    wrapped = [span.text for span in root.iter("span") if span.get("class") == dates.CLASS]
    assert wrapped == ["2027-01-11", "2027-03-01", "2026-11-09", "Tue 10 Nov)", "2026-12-01"]
    assert "<code>2026-11-25</code>" in page


def test_html_text_gets_spans_without_cutting_an_entity() -> None:
    assert dates.html("Cohort &lt;2027-01-11&gt; &amp; Mon 11 Jan") == (
        f'Cohort &lt;<span class="{dates.CLASS}">2027-01-11</span>&gt; &amp; '
        f'<span class="{dates.CLASS}">Mon 11 Jan</span>')


# For each date in the page's text (timelines' date lists opened), the distinct lines its characters
# fall on; a date on two lines is returned with them.
SPLIT_DATES = """
const pattern = new RegExp(arguments[0], "g");
document.querySelectorAll("details").forEach(d => { d.open = true; });
const walker = document.createTreeWalker(document.querySelector(".md-content"), NodeFilter.SHOW_TEXT);
const split = [];
let measured = 0;
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (node.parentElement.closest("svg, [hidden], script, style")) continue;
  for (const match of node.data.matchAll(pattern)) {
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!rects.length) continue;  // not shown (a card's hidden cell, a closed box)
    measured += 1;
    const lines = new Set(rects.map(r => Math.round(r.top)));
    if (lines.size > 1) split.push([match[0], node.parentElement.tagName, [...lines]]);
  }
}
return [measured, split];
"""

WIDTH = 390


def _pages(site: Path, folders: tuple[str, ...], per_folder: int) -> list[str]:
    """Pages under each folder of the site (its own index first), at most per_folder of each."""
    found = []
    for folder in folders:
        pages = sorted((site / folder).rglob("index.html"), key=lambda p: (len(p.parts), p.as_posix()))
        found += [p.parent.relative_to(site).as_posix().removeprefix(".") for p in pages[:per_folder]]
    return found


def _split_dates(browser: Any, base: str, pages: list[str]) -> tuple[int, dict[str, list[Any]]]:
    browser.set_window_size(WIDTH, 900)
    measured, split = 0, {}
    for page in pages:
        open_page(browser, f"{base}{page}/" if page else base)
        count, found = browser.execute_script(SPLIT_DATES, dates.PATTERN)
        measured += count
        if found:
            split[page] = found[:5]
    return measured, split


def test_no_date_breaks_across_lines_on_a_phone_in_the_example_site(built_site: Path, browser: Any) -> None:
    # Every page but the guide's (its dates are examples in code).
    found = (p.parent.relative_to(built_site).as_posix().removeprefix(".")
             for p in sorted(built_site.rglob("index.html")))
    pages = [path for path in found if not path.startswith("guide")]
    assert len(pages) > 40
    with serving(built_site) as base:
        measured, split = _split_dates(browser, base, pages)
    assert measured > 300 and split == {}


FOLDERS = ("", "all-clients", "registers", "needs-action", "records-to-complete", "clients-a-z", "portfolio",
           "people")


def test_no_date_breaks_across_lines_on_a_phone_at_300_clients(
    generated_sites: dict[int, Path], browser: Any
) -> None:
    site = generated_sites[LARGE]
    clients = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/01-handoff/*/index.html"))
    pages = [*_pages(site, FOLDERS, 4), uris.url(uris.RISKS_ALL).rstrip("/"), *clients[:6]]
    with serving(site) as base:
        measured, split = _split_dates(browser, base, pages)
    assert measured > 1000 and split == {}
