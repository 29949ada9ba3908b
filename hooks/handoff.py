"""MkDocs adapter for the handoff site: maps MkDocs events to handoff_lint.site, nothing more.

Page content is written by the package's plain functions; this module only reads files, git and the
clock, hands them over, and reports findings through MkDocs' logger. It also counts the errors
itself and ends a `--strict` build with a failure when there were any, whatever the log level
(`mkdocs build --strict -q` silences the warnings MkDocs would otherwise count). Another generator
would need a new adapter like this one, not new pages.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from handoff_lint import cache, codes, runner
from handoff_lint import files as doc_files
from handoff_lint.check import Checked, apply_severity
from handoff_lint.config import TODAY_VARIABLE, Config, ConfigError, load, parse_today
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.lifecycle import day_text
from handoff_lint.paths import check_one_doc_per_client
from handoff_lint.reporters import printable
from handoff_lint.schema import load_schema
from handoff_lint.site import (
    attributes,
    client_page,
    csp,
    history,
    pages,
    parity,
    publish,
    search,
    timeline,
    uris,
)
from handoff_lint.site.buildlog import escape_build_log
from handoff_lint.site.clients import LastChange
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# Under "mkdocs.plugins" so MkDocs counts these warnings in --strict mode.
log = logging.getLogger("mkdocs.plugins.handoff")

GUIDE_FOLDER = "guide"
CACHE_VARIABLE = "HANDOFF_CACHE"  # "off": check every doc afresh and keep nothing


@dataclass
class _Build:
    """What one build learnt in on_files and needs again when pages are rendered."""

    # Client page -> (its doc, the key of its check in the store): the parsed doc itself is not kept.
    documents: dict[str, tuple[doc_files.Target, str]] = field(default_factory=dict)
    shard_size: int = search.SHARD_SIZE  # pages per Pagefind run
    search: dict[str, object] = field(default_factory=dict)
    indexed: list[str] = field(default_factory=list)  # the built files of the pages search indexes
    store: cache.Store = field(default_factory=lambda: cache.Store(None))
    settings: str = ""  # cache.settings_fingerprint of config
    config: Config = field(default_factory=Config)
    errors: int = 0
    timelines: dict[str, str] = field(default_factory=dict)


_build = _Build()


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _settings(root: Path) -> Config:
    try:
        return load(root)
    except ConfigError as error:
        raise PluginError(str(error)) from None


def _today() -> dt.date:
    """Today, or HANDOFF_TODAY (YYYY-MM-DD) for a reproducible build."""
    try:
        return parse_today(os.environ.get(TODAY_VARIABLE), dt.date.today())
    except ConfigError as error:
        raise PluginError(str(error)) from None


def _last_changes(root: Path, clients: str) -> dict[str, LastChange]:
    """Each doc's last commit by path relative to root; empty outside a git repository."""
    try:
        result = subprocess.run(["git", *history.LOG_ARGUMENTS, "--", clients], cwd=root,
                                capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return history.last_changes(result.stdout) if result.returncode == 0 else {}


def _target(file: File, root: Path) -> doc_files.Target:
    assert file.abs_src_path is not None
    path = Path(file.abs_src_path)
    try:
        relative: PurePosixPath | None = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        relative = None
    display = str(relative) if relative else path.as_posix()
    return doc_files.Target(display, path, relative)


def _store(root: Path) -> cache.Store:
    if os.environ.get(CACHE_VARIABLE, "").casefold() == "off":
        return cache.Store(None)
    try:
        return cache.Store(cache.folder_for(root, os.environ, Path.home()))
    except cache.UnsafeFolder as error:
        raise PluginError(str(error)) from None


def _error(message: str) -> None:
    """A finding that must fail a strict build: logged as a warning, and counted here."""
    _build.errors += 1
    log.warning(message)


def _report(diagnostic: Diagnostic) -> None:
    # Escaped: a file name or a value may hold a line break or a terminal's escape sequence.
    where = f"{printable(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}"
    message = printable(diagnostic.message)
    if diagnostic.severity is Severity.ERROR:
        _error(f"{where}: {diagnostic.code} {message}")
    else:
        log.info(f"{where}: {diagnostic.code} ({diagnostic.severity.value}) {message}")
    if isinstance(diagnostic, runner.InternalError):
        log.debug(f"{where}: {diagnostic.details}")  # `mkdocs build --verbose` shows the traceback


def _guide_pages(root: Path, files: Files, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Add the hand-written guide pages; return them as (site path, title)."""
    found: list[tuple[str, str]] = []
    base = Path(os.path.abspath(Path(config.config_file_path).parent))
    folder = base / GUIDE_FOLDER
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        uri = f"{GUIDE_FOLDER}/{path.name}"
        link = doc_files.link_on_the_way(path, base)
        if link is not None or not path.is_file():
            shown = (link or path).relative_to(base).as_posix()
            _error(f"{shown}: a link or not a regular file; the site publishes nothing through it")
            continue
        if uri in uris.GENERATED or files.get_file_from_path(uri) is not None:
            _error(f"{GUIDE_FOLDER}/{path.name}: the site writes this page itself; rename the file")
            continue
        files.append(File.generated(config, uri, abs_src_path=str(path)))
        found.append((uri, pages.markdown_title(path.read_text("utf-8"), path.stem)))
    return found


def _only_docs(files: Files, config: MkDocsConfig, clients: str) -> Files:
    """The files without those the site does not publish from the clients folder (site.publish)."""
    # Unresolved paths throughout: resolving would hide the very links this looks for.
    root = Path(os.path.abspath(Path(config.config_file_path).parent))
    docs_dir = Path(os.path.abspath(config.docs_dir))
    custom_dir = config.theme.custom_dir
    overrides = Path(os.path.abspath(custom_dir)) if custom_dir else None
    sources: dict[int, tuple[PurePosixPath, PurePosixPath | None]] = {}  # by id(file)
    for file in files:
        if file.generated_by is not None or file.abs_src_path is None:
            continue
        path = Path(os.path.abspath(file.abs_src_path))
        if overrides is not None and overrides in path.parents and root in path.parents:
            # The repo's own theme overrides are published as they are, but never through a link.
            link = doc_files.link_on_the_way(path, root)
            if link is not None:
                sources[id(file)] = (PurePosixPath(path.relative_to(root).as_posix()),
                                     PurePosixPath(link.relative_to(root).as_posix()))
            continue
        if docs_dir != path and docs_dir not in path.parents:
            continue  # the theme's own assets
        link = doc_files.link_on_the_way(path, root)
        sources[id(file)] = (PurePosixPath(path.relative_to(root).as_posix()),
                             PurePosixPath(link.relative_to(root).as_posix()) if link else None)
    decision = publish.decide(sources.values(), clients)
    for message in decision.messages:
        _error(message)
    return Files([f for f in files if id(f) not in sources or sources[id(f)][0] not in decision.left_out])


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    """Refuse, before MkDocs walks the clients folder, a linked folder it would walk into."""
    escape_build_log()
    attributes.renew_key()
    try:
        _build.shard_size = search.shard_size(os.environ.get(search.SHARD_SIZE_VARIABLE))
    except ValueError as error:
        raise PluginError(f"{search.SHARD_SIZE_VARIABLE}: {error}") from None
    root = Path(os.path.abspath(Path(config.config_file_path).parent))
    docs_dir = Path(os.path.abspath(config.docs_dir))
    link = doc_files.link_on_the_way(docs_dir, root)
    found = [link] if link is not None else doc_files.linked_folders(docs_dir)
    if found:
        shown = ", ".join(path.relative_to(root).as_posix() for path in found)
        raise PluginError(f"{shown}: a link to a folder; the site is built from no folder reached "
                          "through a link (it could lead anywhere, /proc or /etc). Remove the link; "
                          "`handoff lint` reports it too.")


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    root = _root(config)
    today = _today()
    settings = replace(_settings(root), today=today)
    _build.documents.clear()
    _build.errors = 0
    _build.store = _store(root)
    _build.settings = cache.settings_fingerprint(settings)
    _build.config = settings
    for unreadable in [f for f in files if not uris.is_utf8(f.src_uri)]:
        _error(f"{printable(unreadable.src_uri)}: the file's name is not UTF-8 text; it is not "
               "published (rename it)")
        files.remove(unreadable)
    files = _only_docs(files, config, settings.clients)
    _build.timelines.clear()
    # Every page's template says which day the states and clocks are seen from.
    config.extra["handoff_as_of"] = day_text(today)
    changes = _last_changes(root, settings.clients)
    targets = [(file.src_uri, _target(file, root)) for file in files.documentation_pages()
               if file.generated_by is None and file.abs_src_path is not None]
    duplicates: dict[str, list[Diagnostic]] = {}
    for duplicate in apply_severity(check_one_doc_per_client(
        ((t.display, t.relative) for _, t in targets if t.relative), settings.clients,
    ), settings):
        duplicates.setdefault(duplicate.path, []).append(duplicate)

    def checked_docs() -> Iterator[pages.Doc]:
        """Each doc checked (or its check taken from the cache) and reported, one at a time."""
        for src_uri, target in targets:
            checked, key = cache.check_target(target, settings, _build.store, _build.settings)
            checked.diagnostics.extend(duplicates.get(checked.path, ()))
            for diagnostic in checked.diagnostics:
                _report(diagnostic)
            if checked.document is not None and key is not None:
                _build.documents[src_uri] = (target, key)
            change = changes.get(checked.relative.as_posix()) if checked.relative else None
            yield pages.Doc(src_uri, checked, change)

    hand_written = _guide_pages(root, files, config)
    site = pages.build(
        checked_docs(), today=today, default_region=settings.region,
        schema=load_schema(settings.schema_path), rules=codes.REGISTRY.values(),
        hand_written=hand_written, site_name=config.site_name,
    )
    for uri, content in site.client_pages.items():
        page_file = files.get_file_from_path(uri)
        assert page_file is not None
        page_file.content_string = content
    for uri, content in site.generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            _error(f"{existing.src_path}: the site writes {uri} itself; rename this file")
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    config.nav = site.nav
    # Only a few pages are in the sidebar; the rest (every client, every page of a paged list) are
    # reached from them, so MkDocs should not list them as missing from the navigation.
    in_nav = set(_nav_pages(site.nav))
    for file in files.documentation_pages():
        if file.src_uri not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    _build.search = dict(site.search)
    _build.indexed = [file.dest_uri for file in map(files.get_file_from_path, site.search) if file]
    _build.timelines.update(site.timelines)
    return files


def _nav_pages(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [uri for value in entries.values() for uri in _nav_pages(value)]
    if isinstance(entries, list):
        return [uri for entry in entries for uri in _nav_pages(entry)]
    return []


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """What search indexes on this page is the site's decision, whatever the page's meta says."""
    record = _build.search.get(page.file.src_uri)
    page.meta.pop("handoff_search", None)
    if record is not None:
        page.meta["handoff_search"] = record
    return markdown


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Warn where the rendered page departs from what the linter read (see handoff_lint.site.parity)."""
    entry = _build.documents.get(page.file.src_uri)
    if entry is not None:
        target, doc_key = entry
        key = cache.parity_key(doc_key, html)
        found = _build.store.load("parity", key)
        if isinstance(found, list):
            differences: list[tuple[int, str]] = found
        else:
            differences = _differences(target, doc_key, html)
            _build.store.save("parity", key, differences)
        path = target.display
        for line, message in differences:
            _error(f"{path}:{line}:1: the site shows this differently from how the linter reads it: "
                   f"{message}")
    picture = _build.timelines.get(page.file.src_uri)
    return timeline.place(html, picture) if picture is not None else html


def _harden(output: str, base_url: str, config: MkDocsConfig, content: str = "") -> str:
    """The page with its Content-Security-Policy, its inline scripts moved to files in the site."""
    hardened, scripts = csp.harden(output, base_url, content)
    for path, body in scripts.items():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, "utf-8")
    return hardened


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return _harden(output, get_relative_url(".", page.url), config, page.content or "")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **_: Any) -> str:
    if not template_name.endswith(".html"):
        return output_content
    # As MkDocs links the error page: from the server's root, wherever the error happened.
    return _harden(output_content, urlsplit(config.site_url or "/").path, config)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Index the built site for search: Pagefind reads the pages marked data-pagefind-body (client
    pages and the guide), a shard at a time, and writes each shard's chunked index into the site's
    pagefind/ folder (handoff_lint.site.search). Strict means strict: a build with any error counted
    here fails, even when -q hid the warnings."""
    if config.strict and _build.errors:
        raise Abort(f"Aborted with {_build.errors} handoff error(s) in strict mode; "
                    "`handoff lint` lists them with their fixes.")
    site = Path(config.site_dir)
    pages = [(page, search.word_count((site / page).read_text("utf-8"))) for page in _build.indexed]
    # One run after another, so the build holds one shard's index in memory, never the whole site's.
    groups = search.shards(pages, _build.shard_size) or [[]]
    for number, group in enumerate(groups, start=1):
        # Inside the site, so the pages can be hard links; not a hidden name, which MkDocs would
        # keep: the next build clears whatever a crash leaves.
        with tempfile.TemporaryDirectory(prefix="search-shard-", dir=site) as folder:
            for page in group:
                _place(site / page, Path(folder, page))
            _pagefind(Path(folder), site / search.bundle_folder(number))
    (site / search.BUNDLE / search.SHARDS_FILE).write_text(search.shards_file(len(groups)), "utf-8")


def _place(page: Path, copy: Path) -> None:
    """The built page at the same path in a shard's folder, so its search results link to it."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(page, copy)
    except OSError:
        shutil.copyfile(page, copy)


def _pagefind(pages: Path, bundle: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(bundle),
               "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise PluginError(f"search index not built: {error}") from None
    if result.returncode != 0:
        raise PluginError(f"search index not built (pagefind exit {result.returncode}): "
                          f"{(result.stderr or result.stdout).strip()[-2000:]}")


def _differences(target: doc_files.Target, doc_key: str, html: str) -> list[tuple[int, str]]:
    """The parity check, on the doc's parse from the store (or parsed again if it is gone)."""
    checked = _build.store.load("check", doc_key)
    if not isinstance(checked, Checked):
        checked = runner.check_target(target, _build.config)
    if checked.document is None:
        return []
    skip = {client_page.CARD_CLASS, client_page.BANNER_CLASS, timeline.CONTAINER_CLASS}
    return parity.differences(checked.document, html, skip, client_page.EMAIL_ID)


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Rebuild when a guide page or the schema changes, not only the clients folder."""
    root = _root(config)
    for folder in (root / GUIDE_FOLDER, root / "schema"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
