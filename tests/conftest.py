"""Shared helpers: the example clients as test material, and a one-call way to check a doc."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

import pytest
from handoff_lint.check import Checked, check_bytes
from handoff_lint.config import Config
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.site import search
from handoff_lint.site.clients import ClientView, LastChange, view
from handoff_lint.site.pages import Doc

REPO = Path(__file__).resolve().parents[1]
# bench/ is not part of the package: its generator, project copy and local server serve the tests too.
sys.path.insert(0, str(REPO / "bench"))
import sitebench  # noqa: E402
from sitebench import serving  # noqa: E402, F401  (the browser tests' local server)

CLIENTS = REPO / "clients"
NORTHWIND = PurePosixPath(
    "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
)
EXAMPLES = sorted(CLIENTS.glob("*/01-handoff/handoff-*.md"))


def example_text(relative: PurePosixPath = NORTHWIND) -> str:
    return (REPO / relative).read_text("utf-8")


def check_doc(text: str | bytes, relative: PurePosixPath | None = NORTHWIND,
              config: Config | None = None) -> Checked:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_bytes(str(relative or "doc.md"), data, relative, config or Config(root=REPO))


def lint(text: str | bytes, relative: PurePosixPath | None = NORTHWIND,
         config: Config | None = None) -> list[Diagnostic]:
    return check_doc(text, relative, config).diagnostics


def errors(text: str | bytes, relative: PurePosixPath | None = NORTHWIND) -> list[Diagnostic]:
    return [d for d in lint(text, relative) if d.severity.value == "error"]


def line_of(text: str, fragment: str) -> int:
    """1-based number of the first line containing fragment."""
    for number, line in enumerate(text.split("\n"), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


def without_item(text: str, start: str) -> str:
    """Remove the line starting with `start` and the indented lines that belong to it."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    end = index + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    return "\n".join(lines[:index] + lines[end:])


def without_line(text: str, start: str) -> str:
    """Remove the first line starting with `start`."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    return "\n".join(lines[:index] + lines[index + 1:])


def without_section(text: str, heading: str) -> str:
    """Remove a heading and everything up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = index + 1
    stop = re.compile(rf"^#{{1,{level}}} ")
    while end < len(lines) and not stop.match(lines[end]):
        end += 1
    return "\n".join(lines[:index] + lines[end:])


def without_column(text: str, header_start: str, column: str) -> str:
    """Remove one column from the table whose header line starts with header_start."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    position = [c.strip() for c in lines[index].strip().strip("|").split("|")].index(column)
    end = index
    while end < len(lines) and lines[end].startswith("|"):
        cells = lines[end].strip().strip("|").split("|")
        del cells[position]
        lines[end] = "|" + "|".join(cells) + "|"
        end += 1
    return "\n".join(lines)


def replace_once(text: str, old: str, new: str) -> str:
    """text with `old` replaced by `new`, which must occur exactly once (a mutation that misses
    would make a failing fixture pass for the wrong reason)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def with_front_matter(text: str, **values: str) -> str:
    """text with front matter keys (nested ones included) set to new values: `am_assigned="..."`."""
    lines = text.split("\n")
    closing = lines.index("---", 1)
    for key, value in values.items():
        index = next(i for i in range(1, closing) if re.match(rf"^\s*{key}:", lines[i]))
        indent = lines[index][:len(lines[index]) - len(lines[index].lstrip())]
        lines[index] = f"{indent}{key}: {value}"
    return "\n".join(lines)


def findings(text: str, *codes: str, relative: PurePosixPath | None = None,
             config: Config | None = None) -> list[Diagnostic]:
    """The diagnostics with these codes for a doc (all of them when no code is given); path checks
    are off by default, so a mutated date does not also report the file name."""
    return [d for d in check_doc(text, relative, config).diagnostics if not codes or d.code in codes]


@pytest.fixture
def northwind() -> str:
    return example_text()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A handoff repo with settings and the example clients, as the working folder."""
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n')
    shutil.copytree(CLIENTS, tmp_path / "clients")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def generate() -> ModuleType:
    """bench/generate.py, the synthetic-client generator."""
    return sitebench.generate


# The site ---------------------------------------------------------------------------------------

SITE_TODAY = "2026-11-24"  # a fixed "today" so the upcoming-dates register is reproducible
SITE_DATE = dt.date.fromisoformat(SITE_TODAY)
NORTHWIND_URI = NORTHWIND.relative_to("clients").as_posix()  # its page's source path in the site


def site_view(text: str | bytes, uri: str = NORTHWIND_URI,
              last_change: LastChange | None = None) -> ClientView:
    """What the site shows about a doc (by default a mutated Northwind), seen on SITE_DATE."""
    return view(check_doc(text), uri, "england-and-wales", SITE_DATE, last_change)


def example_site_docs() -> list[Doc]:
    """The example clients as the site adapter hands them over: page source path and check."""
    docs = []
    for path in EXAMPLES:
        relative = PurePosixPath(path.relative_to(REPO).as_posix())
        docs.append(Doc(str(relative.relative_to("clients")), check_doc(path.read_bytes(), relative)))
    return docs


def example_views() -> list[ClientView]:
    return [view(d.checked, d.src_uri, "england-and-wales", SITE_DATE) for d in example_site_docs()]
SITE_SOURCES = ("mkdocs.yml", "pyproject.toml", "hooks", "clients", "guide", "overrides", "schema")


def build_site(config: Path, site_dir: Path, strict: bool = True, cache: Path | None = None,
               settings: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build` on a config; returns the finished process (output in stderr).
    Each build has a cold cache of its own unless a cache folder is given; settings are more
    environment variables for the build."""
    command = [sys.executable, "-I", "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    env = {**os.environ, "HANDOFF_TODAY": SITE_TODAY, "NO_MKDOCS_2_WARNING": "1",
           "HANDOFF_CACHE_DIR": str(cache or site_dir.with_name(f"{site_dir.name}-cache")),
           **(settings or {})}
    return subprocess.run(command + (["--strict"] if strict else []), cwd=config.parent, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def copy_site_project(target: Path) -> Path:
    """Copy what the site is built from into target (no git history there); returns its mkdocs.yml."""
    sitebench.copy_into(target, (REPO / name for name in SITE_SOURCES))
    return target / "mkdocs.yml"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per test session with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(REPO / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


# Pages per search shard in sharded_site: the example clients and the guide make several shards.
SHARD_SIZE = 2


@pytest.fixture(scope="session")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site with its search index in shards of SHARD_SIZE pages."""
    site_dir = tmp_path_factory.mktemp("sharded-site")
    result = build_site(REPO / "mkdocs.yml", site_dir,
                        settings={search.SHARD_SIZE_VARIABLE: str(SHARD_SIZE)})
    assert result.returncode == 0, result.stderr
    return site_dir


def indexed_pages(site: Path) -> list[tuple[str, int]]:
    """The built pages search indexes (marked data-pagefind-body), as (path in the site, words),
    what the build splits into shards."""
    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("index.html")}
    return sorted((path, search.word_count(text)) for path, text in pages.items()
                  if search.BODY_MARK in text)


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def requested_urls(driver: Any) -> list[str]:
    """Every URL Chromium asked for since the last call (its "performance" log)."""
    import json

    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """Headless Chromium through chromedriver, with a fresh profile; it records its network requests
    ("performance" log) and console ("browser" log) for the tests to inspect."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(f"needs Debian's chromium and chromedriver ({CHROMIUM}, {CHROMEDRIVER})")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


# What a hostile doc's script would set if it ever ran: the browser tests look for it.
SCRIPT_MARKER = "__pwned"


def script_marker(driver: Any) -> object:
    return driver.execute_script(
        f"return window.{SCRIPT_MARKER} === undefined ? null : window.{SCRIPT_MARKER};")


def open_page(driver: Any, url: str) -> None:
    """Load a page and let every pending event run (broken images fire onerror after load)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.execute_async_script("const done = arguments[0]; setTimeout(done, 500);")
