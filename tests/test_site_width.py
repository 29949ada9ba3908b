"""One long value never widens a page: every generated table, card and list wraps it, at desktop width.

The site is built (not strict, so the linter's length bounds do not stop it) from the examples with
one client whose name, Account Manager, sector, AE, risk and commitment are each thousands of letters
without a space, and each page is opened in headless Chromium at 1,280 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import NORTHWIND, build_site, copy_site_project, open_page, serving

LONG = 3000
WIDTH = 1280
# Where the long values are shown: the registers, All clients, the dashboard, the people pages, the
# A–Z pages, commission and the client's own page (each folder's pages, paged ones included).
FOLDERS = ("", "all-clients", "needs-action", "clients-a-z", "registers", "people",
           NORTHWIND.relative_to("clients").parent.as_posix())


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("wide")
    config = copy_site_project(folder / "project")
    doc = config.parent / NORTHWIND
    text = doc.read_text("utf-8")
    for written, long in (("client: Northwind Logistics Ltd", "client: " + "N" * LONG),
                          ("account_manager: Hannah Lee", "account_manager: " + "H" * LONG),
                          ("ae: Priya Shah", "ae: " + "P" * LONG),
                          ("- **Sector:** Transport and logistics", "- **Sector:** " + "S" * LONG),
                          ("| Exec sponsor is new in role |", "| " + "R" * LONG + " |"),
                          ("We can attend your leadership away-day on 4 February.", "C" * LONG)):
        assert written in text, written
        text = text.replace(written, long)
    doc.write_text(text, "utf-8")
    result = build_site(config, folder / "site", strict=False)
    assert result.returncode == 0, result.stderr
    with serving(folder / "site") as url:
        yield folder / "site", url


def pages(site: Path) -> list[str]:
    """Every page in the folders that show the long values, as paths under the site."""
    found = []
    for name in FOLDERS:
        root = site / name
        candidates = [root / "index.html"] if not name else sorted(root.rglob("index.html"))
        found += [page.relative_to(site).parent.as_posix().removeprefix(".") for page in candidates]
    return found


def test_no_page_is_wider_than_the_window(wide_site: tuple[Path, str], browser: Any) -> None:
    site, url = wide_site
    shown = pages(site)
    assert len(shown) > 20 and any(p.startswith("registers/risks/") for p in shown)
    browser.set_window_size(WIDTH, 1000)
    too_wide, showing = {}, set()
    for page in shown:
        open_page(browser, f"{url}/{page}/" if page else f"{url}/")
        widths = browser.execute_script(
            "const root = document.documentElement;"
            "const article = document.querySelector('article');"
            # Wider than the text column: a table (or its scrolling box), or text running out of its
            # paragraph, list item, heading or card.
            "const wide = [...article.querySelectorAll('table, .md-typeset__scrollwrap, p, li, h1, h2, h3,"
            "  dd, blockquote, .admonition')]"
            "  .filter(e => e.scrollWidth > e.clientWidth + 1"
            "    || (e.tagName === 'TABLE' && e.getBoundingClientRect().width > article.clientWidth + 1))"
            "  .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}>${e.clientWidth}`);"
            "const text = article.innerText;"
            "return [root.scrollWidth, root.clientWidth, wide,"
            "        ['N', 'H', 'P', 'S', 'R', 'C'].some(c => text.includes(c.repeat(500)))];")
        document, window, wide_parts, shows_long = widths
        if document > window or wide_parts:
            too_wide[page] = (document, window, wide_parts[:3])
        if shows_long:
            showing.add(page)
    assert not too_wide, too_wide
    # The long values are there to be wrapped: on the dashboard, All clients, the registers, People.
    for where in ("", "all-clients", "registers/risks/", "registers/am/", "registers/sector/",
                  "registers/commitments/", "people/am-", "people/ae-", "people/commission/", "clients-a-z/"):
        assert any(page == where if not where else page.startswith(where) for page in showing), where
