"""The site's measurements: builds against a like-for-like baseline, page sizes, the cache, search.

The baseline is plain mkdocs-material over the same pages with the same navigation: the pages our
hooks generate (dashboard, A–Z, registers, client pages with their cards) are exported once as
Markdown files, with the navigation the hooks set, and built as plain mkdocs-material builds them:
no hooks, none of our Markdown extensions, and the theme's own search, since a plain site is searchable
too (our build replaces it with Pagefind). So the ratio is what checking, safe rendering, the parity
check, the feeds and exports and the search index cost, against what the theme does on its own.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import generate

# A contact planted in one client so that a surname finds exactly one client (the generator draws
# names from small pools, so its own surnames are shared by hundreds of clients).
PLANTED_CONTACT = "Ottoline Quarrington"
PLANTED_SURNAME = PLANTED_CONTACT.split()[1]
HR_ROW = re.compile(r"(?m)^\| HR sponsor \(primary contact\) \| [^|]+ \|")
SKIP = {".git", "clients", "site", "build", "bench", "tests", ".venv", "node_modules", "linter"}
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def plant_contact(client: generate.Client) -> generate.Client:
    text = HR_ROW.sub(f"| HR sponsor (primary contact) | {PLANTED_CONTACT} |", client.text, count=1)
    return generate.Client(client.slug, client.relative, text, client.defect, client.expected_code)


def edit_note(text: str, number: int) -> str:
    """The doc with its HR sponsor's note changed (still a valid doc): a typical small edit."""
    lines = text.split("\n")
    row = next(i for i, line in enumerate(lines) if HR_ROW.match(line))
    lines[row] = lines[row].rstrip().removesuffix("|").rstrip() + f" (note {number + 1}) |"
    return "\n".join(lines)


def corpus(count: int, seed: int = 0) -> list[generate.Client]:
    """count generated clients, the first one (valid in every corpus) with the planted contact."""
    clients = generate.corpus(count, seed)
    return [plant_contact(clients[0]), *clients[1:]]


def copy_into(folder: Path, sources: Iterable[Path]) -> None:
    """Copy files and folders (without byte-code caches) into folder, each under its own name;
    a source that does not exist is left out."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        if source.is_dir():
            shutil.copytree(source, folder / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, folder / source.name)


def project(repo: Path, folder: Path, count: int, seed: int = 0) -> Path:
    """A copy of the repo's site set-up (mkdocs.yml, hooks, theme overrides, guide, schema) over
    count generated clients; returns the folder."""
    folder.mkdir(parents=True)
    copy_into(folder, (entry for entry in repo.iterdir() if entry.name not in SKIP
                       and not entry.name.startswith(".") and not entry.name.endswith(".egg-info")))
    generate.write(folder, corpus(count, seed))
    (folder / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    return folder


def export_plain(source: Path, folder: Path) -> Path:
    """The same pages and navigation as the hooks make, as plain files, with no hooks: the baseline."""
    import logging

    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the generated defects' findings: known
    config = load_config(str(source / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    docs = folder / "docs"
    try:
        for file in files:
            target = docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if file.is_documentation_page() or file.abs_src_path is None:
                target.write_text(file.content_string, "utf-8")  # as the hooks left it
            else:
                shutil.copy2(file.abs_src_path, target)
    finally:
        config.plugins.on_shutdown()  # the hooks' worker and page sources, as after a build
    shutil.copytree(source / "overrides", folder / "overrides")
    text = (source / "mkdocs.yml").read_text("utf-8")
    text = re.sub(r"(?m)^hooks:[^\n]*\n(?:[ \t]+-[^\n]*\n|[ \t]*\n)*", "", text)
    # Our extension is our work, and `plugins: []` only turns the theme's search off for Pagefind.
    text = re.sub(r"(?m)^[ \t]+- handoff_lint\.[^\n]*\n", "", text)
    text = re.sub(r"(?m)^plugins: \[\][^\n]*\n", "plugins:\n  - search\n", text)
    text = text.replace("docs_dir: clients", "docs_dir: docs")
    text += ("\nvalidation:\n  nav:\n    omitted_files: ignore\n"
             f"nav: {json.dumps(config.nav, ensure_ascii=False)}\n")
    (folder / "mkdocs.yml").write_text(text, "utf-8")
    return folder


def client_page(site: Path, client: generate.Client) -> Path:
    return site / Path(client.relative).relative_to("clients").with_suffix("") / "index.html"


@dataclass
class Sizes:
    total: int  # every file of the site
    html_pages: int
    largest: int
    largest_page: str
    dashboard: int
    search_index: int  # the pagefind/ folder


def sizes(site: Path) -> Sizes:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = {p: p.stat().st_size for p in files if p.suffix == ".html"}
    largest = max(pages, key=lambda p: pages[p])
    return Sizes(
        total=sum(p.stat().st_size for p in files), html_pages=len(pages), largest=pages[largest],
        largest_page=largest.relative_to(site).as_posix(), dashboard=(site / "index.html").stat().st_size,
        search_index=sum(p.stat().st_size for p in files if "pagefind" in p.relative_to(site).parts),
    )


@contextlib.contextmanager
def serving(directory: Path, served: list[tuple[str, int]] | None = None) -> Iterator[str]:
    """Serve a folder over HTTP on a free local port; served gets (path, bytes sent) per response.
    Counting at the server sees what a page's web workers fetch too, which the page's own network
    log does not."""
    record = served if served is not None else []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def copyfile(self, source: Any, outputfile: Any) -> None:
            data = source.read()
            outputfile.write(data)
            record.append((self.path, len(data)))

    handler = functools.partial(Counting, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Search:
    seconds: float  # from the first keystroke to the first result shown
    bytes: int  # transferred from the site's pagefind/ folder by the page
    requests: int
    first: str  # the first result's path
    expected: str


# Runs in the page: note when the first search result appears.
_WATCH = """
window.__firstResult = null;
new MutationObserver(function (changes, observer) {
  if (document.querySelector(".pagefind-ui__result-link")) {
    window.__firstResult = performance.now(); observer.disconnect();
  }
}).observe(document.body, {childList: true, subtree: true});
return performance.now();
"""


def search(site: Path, client: generate.Client, workdir: Path) -> Search | str:
    """Open the dashboard in a fresh headless Chromium, type the planted surname, time the first result."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"needs {CHROMIUM} and {CHROMEDRIVER}"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--no-first-run", f"--user-data-dir={workdir / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(argument)
    expected = "/" + client_page(Path(), client).parent.as_posix() + "/"
    served: list[tuple[str, int]] = []
    with serving(site, served) as url:
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        try:
            driver.get(url)
            box = WebDriverWait(driver, 60).until(until.element_to_be_clickable(
                (By.CSS_SELECTOR, "#handoff-search input.pagefind-ui__search-input")))
            start = driver.execute_script(_WATCH)
            box.send_keys(PLANTED_SURNAME)
            WebDriverWait(driver, 60, poll_frequency=0.02).until(
                lambda d: d.execute_script("return window.__firstResult"))
            shown = driver.execute_script("return window.__firstResult")
            first = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link").get_attribute("href")
            time.sleep(1)  # let the results' fragments finish loading before counting bytes
        finally:
            driver.quit()
    searched = [size for path, size in served if "/pagefind/" in path]
    return Search((shown - start) / 1000, sum(searched), len(searched), urlsplit(first or "").path, expected)
