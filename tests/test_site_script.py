"""The site's own script in headless Chromium: a sortable table says how to sort it where that works
(a mouse, a wide screen) and nowhere on a phone, where the headers are hidden or out of sight."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import open_page, serving
from handoff_lint.site import script

# Each visible element whose own text speaks of sorting by a column header, and whether the page
# has a table its script made sortable (headers with aria-sort), and a filtered list.
HINTS = """
const said = [...document.querySelectorAll("article *")].filter(e =>
  [...e.childNodes].some(n => n.nodeType === 3 && /column header/i.test(n.data))
  && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden");
return [said.map(e => e.className || e.tagName), document.querySelectorAll("th[aria-sort]").length > 0,
        document.querySelector(".handoff-filter") !== null];
"""


def _pages(site: Path) -> list[str]:
    return [p.parent.relative_to(site).as_posix().removeprefix(".") for p in sorted(site.rglob("index.html"))]


def test_the_sort_hint_shows_on_every_sortable_table_at_desktop_width_and_on_no_page_on_a_phone(
    built_site: Path, browser: Any
) -> None:
    pages = _pages(built_site)
    with serving(built_site) as base:
        browser.set_window_size(1280, 900)
        hinted, sortable, filtered = set(), set(), set()
        for page in pages:
            open_page(browser, f"{base}{page}/" if page else base)
            said, sorts, filters = browser.execute_script(HINTS)
            if said:
                assert said == [script.SORT_HINT] * len(said), page
                hinted.add(page)
            if sorts:
                sortable.add(page)
            if filters:
                filtered.add(page)
        # Where a click sorts, and only there, the page says so; a filtered list sorts with its control.
        assert len(hinted) > 10 and hinted == sortable and not hinted & filtered
        assert {"all-clients", "registers/risks/all"} <= filtered

        browser.set_window_size(390, 900)
        shown_on_a_phone = {}
        for page in sorted(hinted | filtered):
            open_page(browser, f"{base}{page}/")
            said, _, _ = browser.execute_script(HINTS)
            if said:
                shown_on_a_phone[page] = said
        assert shown_on_a_phone == {}
