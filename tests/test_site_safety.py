"""A doc cannot make the site run anything.

Script, event-handler attributes, javascript: and data: links and HTML in table cells fail
`handoff lint`; and even a non-strict build, which publishes an incomplete doc, turns none of them
into active content. Headless Chromium loads the pages and shows that the injected script, which
would set window.__pwned, never ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    NORTHWIND,
    build_site,
    copy_site_project,
    example_text,
    line_of,
    open_page,
    serving,
    waiting,
)
from conftest import SCRIPT_MARKER as MARKER
from conftest import script_marker as marker
from handoff_lint.cli import main
from handoff_lint.reading.links import link_scheme

NORTHWIND_PAGE = "northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04/"
DATA_URL = "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+"  # <script>...

# name: (text in the example doc, the hostile text that replaces it)
HOSTILE = {
    "script": ("## Section B — People",
               "<script>window.__pwned = 'script'</script>\n\n## Section B — People"),
    "onerror": ("- **Trading name:** Northwind",
                "- **Trading name:** Northwind <img src=x onerror=\"window.__pwned='onerror'\">"),
    "javascript-link": ("- **Sub-sector:** Third-party",
                        "- **Sub-sector:** [click-js](javascript:window.__pwned='js') Third-party"),
    "data-link": ("- **Sector:** Transport", f"- **Sector:** [click-data]({DATA_URL}) Transport"),
    "html-in-a-table-cell": ("| Run the night-shift versions and record both |",
                             "| Run the <b onmouseover=\"window.__pwned='cell'\">night-shift</b> versions |"),
}
# Not in the body at all: a name from the front matter goes into titles, navigation and registers.
HOSTILE_CLIENT = ("client: Northwind Logistics Ltd",
                  "client: Northwind <img src=x onerror=\"window.__pwned='client'\"> Ltd")


def hostile(*names: str) -> str:
    text = example_text()
    for name in names:
        old, new = HOSTILE[name]
        assert old in text, name
        text = text.replace(old, new, 1)
    return text


# The linter ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_active_content_in_a_doc_fails_the_linter(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    text = hostile(name)
    doc = tmp_path / NORTHWIND
    doc.parent.mkdir(parents=True)
    doc.write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", str(NORTHWIND)]) == 1
    out = capsys.readouterr().out
    # Whatever rule reports it, it is reported where the hostile text is.
    witness = "click-data" if name == "data-link" else MARKER
    assert f"{NORTHWIND}:{line_of(text, witness)}:" in out, out


# The published site --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site built without --strict, the Northwind doc carrying every attack."""
    folder = tmp_path_factory.mktemp("hostile")
    config = copy_site_project(folder / "project")
    text = hostile(*HOSTILE).replace(*HOSTILE_CLIENT)
    (config.parent / NORTHWIND).write_text(text, "utf-8")
    result = build_site(config, folder / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return folder / "site"


class _ActiveContent(HTMLParser):
    """Collects what a browser would run: scripts, on* handlers, script and data URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href") and (
                link_scheme(value) in ("javascript", "data", "vbscript") or MARKER in value
            ):
                self.found.append(f"<{tag} {name}={value[:60]!r}>")
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and MARKER in data:
            self.found.append(f"<script>{data[:60]}")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    return parser.found


def test_the_checker_sees_active_content() -> None:
    assert active_content('<p><img src=x onerror="window.__pwned=1"></p>') == [
        "<img onerror='window.__pwned=1'>"]
    assert active_content("<script>window.__pwned=1</script><a href=' JaVa script:x'>a</a>")
    assert active_content("<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>") == []


def test_no_page_has_active_content_from_the_doc(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    northwind = (hostile_site / NORTHWIND_PAGE / "index.html").read_text("utf-8")
    assert "&lt;script&gt;window.__pwned = 'script'&lt;/script&gt;" in northwind  # shown as text
    assert "click-js" in northwind and "click-data" in northwind
    assert sum(MARKER in page.read_text("utf-8") for page in pages) > 3  # registers, dashboard, ...
    for page in pages:
        assert active_content(page.read_text("utf-8")) == [], page


@pytest.fixture
def server(hostile_site: Path) -> Iterator[str]:
    # A page that does run the attack, next to the site: it shows the marker is a real witness.
    (hostile_site / "control.html").write_text(
        "<!doctype html><title>control</title><img src=x onerror=\"window.__pwned='control'\">", "utf-8")
    with serving(hostile_site) as url:
        yield url




def test_no_injected_script_runs_in_chromium(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as until

    open_page(browser, server + "control.html")
    assert marker(browser) == "control"

    for page in (NORTHWIND_PAGE, "", "all-clients/", "clients-a-z/", "registers/risks/", "registers/am/"):
        open_page(browser, server + page)
        assert marker(browser) is None, page
        assert "Northwind" in browser.title or page != NORTHWIND_PAGE

    open_page(browser, server + NORTHWIND_PAGE)
    title = browser.title
    assert title.startswith("Northwind <img src=x") and "Ltd" in title  # the name, shown as text
    for link_text in ("click-js", "click-data"):
        browser.find_element(By.LINK_TEXT, link_text).click()
        assert marker(browser) is None, link_text
    assert browser.current_url == server + NORTHWIND_PAGE  # neither link went anywhere

    # Search shows titles and text from the doc as HTML snippets: the other way in. The hostile
    # client name is the title of the Northwind result.
    box = waiting(browser).until(
        until.element_to_be_clickable((By.CSS_SELECTOR, "#handoff-search input.pagefind-ui__search-input")))
    box.click()
    box.send_keys("Northwind")
    waiting(browser).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link"))
    browser.execute_async_script("const done = arguments[0]; setTimeout(done, 300);")
    results = browser.find_element(By.CSS_SELECTOR, ".pagefind-ui__results").text
    assert "Northwind <img src=x" in results  # the name as text, in the results list
    assert marker(browser) is None
    browser.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link").send_keys(Keys.ENTER)
    open_page(browser, browser.current_url)
    assert marker(browser) is None
