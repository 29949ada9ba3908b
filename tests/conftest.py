"""Shared helpers: the example clients as test material, and a one-call way to check a doc."""

from __future__ import annotations

import datetime as dt
import os
import re
import resource
import shutil
import subprocess
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

import pytest
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.check import Checked, check_bytes
from handoff_lint.site import search
from handoff_lint.site.clients import ClientView, LastChange, view
from handoff_lint.site.pages import Doc
from hypothesis import settings

# No test is timed with the wall clock: hypothesis's per-example deadline (200 ms by default) would
# fail a test whenever another process holds the core, so no property test has one.
settings.register_profile("handoff", deadline=None)
settings.load_profile("handoff")

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


def site_markdown() -> Any:
    """Python-Markdown with the site's own extensions, read from mkdocs.yml, set as the site's
    steps set them (the safe extension told that they run)."""
    import markdown
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    names: list[str] = []
    configs: dict[str, Any] = {"handoff_lint.site.safe_markdown": {"prepared": True}}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            configs[name] = {**configs.get(name, {}), **(options or {})}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=configs)


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
    # The examples are a snapshot of one day: seen later, their open facts would be overdue (HO622).
    monkeypatch.setenv("HANDOFF_TODAY", SITE_TODAY)
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


def children_cpu_seconds() -> float:
    """User and system CPU time of this process's finished subprocesses (and theirs): what a command
    run from a test cost, whatever else the machine was doing meanwhile."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def site_build(project: Path, site: Path, generator: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """`handoff site build` (the site's steps, any generator) run as a person would, from the project's
    folder, isolated; returns the finished process."""
    env = {**os.environ, "HANDOFF_TODAY": SITE_TODAY, "NO_MKDOCS_2_WARNING": "1",
           "HANDOFF_CACHE_DIR": str(site.with_name(f"{site.name}-cache"))}
    command = [sys.executable, "-I", "-m", "handoff_lint", "site", "build", "--generator", generator]
    return subprocess.run([*command, "-d", str(site), *extra], cwd=project, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


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


# The generated sites: the same site over this many valid generated clients (bench/generate.py).
SMALL, LARGE = 30, 300


@pytest.fixture(scope="session")
def generated_sites(tmp_path_factory: pytest.TempPathFactory, generate: ModuleType) -> dict[int, Path]:
    """The repo's site over SMALL and over LARGE generated clients instead of the examples."""
    built = {}
    for count in (SMALL, LARGE):
        folder = tmp_path_factory.mktemp(f"generated-{count}")
        config = copy_site_project(folder / "project")
        for old in (config.parent / "clients").iterdir():
            if old.is_dir():
                shutil.rmtree(old)
        generate.write(config.parent, generate.corpus(count, defect_share=0))
        result = build_site(config, folder / "site")
        assert result.returncode == 0, result.stderr[-3000:]
        built[count] = folder / "site"
    return built


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


# Chromium's own pages: its new-tab page fetches chrome-untrusted://new-tab-page/... at start-up,
# and on a busy machine that lands in the log after the test's first page. Never a page's request.
CHROMIUM_OWN_SCHEMES = ("chrome", "chrome-untrusted", "chrome-search", "devtools")


def requested_urls(driver: Any) -> list[str]:
    """Every URL the pages asked for since the last call (Chromium's "performance" log)."""
    import json
    from urllib.parse import urlsplit

    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if urlsplit(url).scheme not in CHROMIUM_OWN_SCHEMES:
                urls.append(url)
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
    driver.set_script_timeout(BROWSER_WAIT_SECONDS)  # the tests' own short waits in the page
    try:
        yield driver
    finally:
        driver.quit()


# What a hostile doc's script would set if it ever ran: the browser tests look for it.
SCRIPT_MARKER = "__pwned"


def script_marker(driver: Any) -> object:
    return driver.execute_script(
        f"return window.{SCRIPT_MARKER} === undefined ? null : window.{SCRIPT_MARKER};")


# How long a browser test waits for the page to reach a state. Only a stop for a hang, never a
# measure: on a machine busy with other work, Chromium may take many times its usual second.
BROWSER_WAIT_SECONDS = 180


def waiting(driver: Any) -> Any:
    """A wait for a condition in the page, as long as BROWSER_WAIT_SECONDS."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, BROWSER_WAIT_SECONDS,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def open_page(driver: Any, url: str) -> None:
    """Load a page and let every pending event run (broken images fire onerror after load)."""
    driver.get(url)
    waiting(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.execute_async_script("const done = arguments[0]; setTimeout(done, 500);")


# Kinds of test -----------------------------------------------------------------------------------
# `bash scripts/test --fast` leaves out the tests that build the site (`site`), drive Chromium
# (`browser`) or install pre-commit hooks for real (`slow`). A test's kind follows from what it
# uses, so nobody has to remember to mark a new test: the fixtures it requests (directly or
# through other fixtures) and the helpers its code calls, followed through tests/ call by call.
# While a test runs, a command of a kind it is not marked with stops it (see _refuse_unmarked),
# so a test that reaches mkdocs, Chromium or a hook install some other way cannot slip into --fast.

TESTS = Path(__file__).resolve().parent
KINDS = ("site", "browser", "slow")
FIXTURE_KINDS = {"built_site": "site", "sharded_site": "site", "browser": "browser", "hook_repo": "slow"}
HELPER_KINDS: dict[Callable[..., object], str] = {build_site: "site", copy_site_project: "site",
                                                  site_build: "site"}


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from _code_objects(constant)  # nested functions, lambdas, comprehensions


def _kinds_reached(function: object, seen: set[object]) -> set[str]:
    """The kinds of the helpers a function of tests/ calls, directly or through other such functions."""
    function = getattr(getattr(function, "hypothesis", None), "inner_test", function)
    if (not isinstance(function, types.FunctionType) or function in seen
            or not Path(function.__code__.co_filename).is_relative_to(TESTS)):
        return set()
    seen.add(function)
    kinds: set[str] = set()
    for code in _code_objects(function.__code__):
        for name in code.co_names:
            value = function.__globals__.get(name)
            if value is None:
                continue
            if isinstance(value, types.FunctionType) and value in HELPER_KINDS:
                kinds.add(HELPER_KINDS[value])
            else:
                kinds |= _kinds_reached(value, seen)
    return kinds


def kinds_of(item: pytest.Item) -> set[str]:
    """site, browser and slow, as far as the fixtures a test uses and the code it calls show."""
    kinds = {FIXTURE_KINDS[name] for name in getattr(item, "fixturenames", ()) if name in FIXTURE_KINDS}
    fixtures = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    seen: set[object] = set()
    for function in [getattr(item, "obj", None), *(defs[-1].func for defs in fixtures.values())]:
        kinds |= _kinds_reached(function, seen)
    return kinds


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for kind in sorted(kinds_of(item)):
            item.add_marker(kind)


def command_kind(command: object) -> str | None:
    """The kind of test a command belongs to: a site build, a browser, or a real hook install."""
    if isinstance(command, (str, bytes, os.PathLike)):
        command = [command]
    if not isinstance(command, Sequence):
        return None
    words = {os.path.basename(os.fsdecode(word)) for word in command
             if isinstance(word, (str, bytes, os.PathLike))}
    if words & {"mkdocs", "properdocs", "zensical"} and "build" in words:
        return "site"
    if "site" in words and words & {"handoff", "handoff_lint"}:  # `handoff site build|prepare|finish`
        return "site"
    if words & {"chromium", "chromedriver"}:
        return "browser"
    if words & {"pre_commit", "pre-commit"} and "install" in words:
        return "slow"
    return None


_RUNNING: list[pytest.Item] = []  # the test running now (set and cleared around each test)


def _refuse_unmarked(event: str, arguments: tuple[Any, ...]) -> None:
    if event != "subprocess.Popen" or not _RUNNING:
        return
    command = arguments[1]
    kind = command_kind(command)
    item = _RUNNING[-1]
    if kind is not None and item.get_closest_marker(kind) is None:
        raise RuntimeError(f"{item.nodeid} runs {command!r} but is not marked {kind!r}: use the "
                           "fixtures or helpers of tests/conftest.py that build, browse or install")


sys.addaudithook(_refuse_unmarked)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _RUNNING.append(item)
    try:
        return (yield)
    finally:
        _RUNNING.pop()
