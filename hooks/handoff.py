"""MkDocs adapter for the handoff site: maps MkDocs events to handoff_lint.site.

Page content is written by the package's plain functions; this module only reads files, git and the
clock, hands them over, and reports findings through MkDocs' logger. It also counts the errors
itself and ends a `--strict` build with a failure when there were any, whatever the log level
(`mkdocs build --strict -q` silences the warnings MkDocs would otherwise count). Another generator
would need a new adapter like this one, not new pages.

What is MkDocs-specific about building fast in bounded memory lives here too: a second process for
the work that needs nothing back from rendering (handoff_lint.site.background), each page's
rendering kept in the store and reused while its Markdown and the files it links to are unchanged,
page sources and rendered pages waiting on disk rather than in memory (MkDocs holds every page until
the last is written), and search indexed in a thread once the pages it indexes are written.
"""

# ruff: noqa: E402 (the imports come once the repo's folders are off sys.path, below)
from __future__ import annotations

import os
import sys

# MkDocs puts this file's folder first on sys.path while it runs it, and `python -m mkdocs` run in
# the repo puts the repo there for the whole build. Either way a folder committed to the repo could be
# imported in place of a library (pagefind/, multiprocessing/, handoff_lint/) and run inside the build,
# with its environment. So every entry in the repo is taken off before anything else is imported,
# except installed code (see _INSTALLED), and on_pre_build refuses a build whose command put the repo
# there (what it imported before this file ran may have come from it).
_HOOK_FOLDER = os.path.dirname(os.path.abspath(__file__))
_REPO = os.path.dirname(_HOOK_FOLDER)
# Where installed code is, even when it is in the repo's folder: the package's own source (an
# editable install's, pyproject.toml's package-dir) and the Python installation (a .venv there).
_INSTALLED = [os.path.join(_REPO, "linter"), *{os.path.abspath(prefix) for prefix in
                                             (sys.prefix, sys.exec_prefix, sys.base_prefix)}]


def _below(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _in_repo(entry: str) -> bool:
    path = os.path.abspath(entry or os.curdir)  # "" is the working folder
    # Only folders: an editable install's import hook has an entry that names no file.
    return (_below(path, _REPO) and not any(_below(path, folder) for folder in _INSTALLED)
            and os.path.isdir(path))


_REPO_ON_PATH = [entry for entry in sys.path
                 if _in_repo(entry) and os.path.abspath(entry or os.curdir) != _HOOK_FOLDER]
sys.path[:] = [entry for entry in sys.path if not _in_repo(entry)]

import datetime as dt
import hashlib
import itertools
import json
import logging
import multiprocessing
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any, ParamSpec, TypeVar
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
    allocate,
    attributes,
    background,
    csp,
    exports,
    guide,
    history,
    indexing,
    pages,
    publish,
    queues,
    sanitize,
    search,
    uris,
)
from handoff_lint.site.buildlog import escape_build_log
from handoff_lint.site.pictures import Pictures
from handoff_lint.source import MAX_BYTES, decode
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

# Under "mkdocs.plugins" so MkDocs counts these warnings in --strict mode.
log = logging.getLogger("mkdocs.plugins.handoff")

GUIDE_FOLDER = guide.GUIDE_FOLDER
SAFE_MARKDOWN = "handoff_lint.site.safe_markdown"
CHECK_BATCH = 20  # docs checked at a time, by this process and the worker in turn


_P = ParamSpec("_P")
_T = TypeVar("_T")
_KINDS = ("check", "parity", "render")  # the store's kinds of entry


@dataclass
class _Build:
    """What one build learnt in on_files and needs again when pages are rendered."""

    # Client page -> (its doc, the key of its check in the store): the parsed doc itself is not kept.
    documents: dict[str, tuple[doc_files.Target, str]] = field(default_factory=dict)
    shard_size: int = search.SHARD_SIZE  # pages per Pagefind run
    search: dict[str, object] = field(default_factory=dict)
    indexed: list[str] = field(default_factory=list)  # the built files of the pages search indexes
    not_yet_written: set[str] = field(default_factory=set)  # pages to index MkDocs has yet to write
    last_to_index: str | None = None  # the last of them, being written
    indexing: threading.Thread | None = None
    index_error: PluginError | None = None
    store: cache.Store = field(default_factory=lambda: cache.Store(None))
    settings: str = ""  # cache.settings_fingerprint of config
    config: Config = field(default_factory=Config)
    errors: int = 0
    # Each page's picture (client timelines, the portfolio), made from the views as the page is placed.
    pictures: Pictures = field(default_factory=lambda: Pictures({}, dt.date.min))
    edit_base: str = ""  # the git host's web editor for docs, from repo_url and edit_uri (on_config)
    # Page sources written by the site, kept on disk until MkDocs reads them (see _page_sources).
    sources: Path | None = None
    # Page path -> where its rendered content waits, and the marker standing in for it.
    set_aside: dict[str, tuple[Path, str]] = field(default_factory=dict)
    # A second process (handoff_lint.site.background) for the work that needs nothing back while
    # pages render: the downloads, and the parity check of each rendered client page (doc path, result).
    worker: Executor | None = None
    downloads: Future[dict[str, str]] | None = None
    parity_waiting: list[background.ParityJob] = field(default_factory=list)
    parity: list[tuple[list[str], Future[list[list[tuple[int, str]]]]]] = field(default_factory=list)
    # The store's entries this build used, by kind: the others are removed at the end of the build.
    used: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in _KINDS})
    # What a page's rendering depends on besides its Markdown (see _render_context).
    render_context: str = ""
    # Inline scripts already moved to files (every page has the same few).
    scripts_written: set[str] = field(default_factory=set)
    # The inline scripts the theme's templates write: the only ones a page may keep (moved to files).
    theme_scripts: csp.ThemeScripts = field(default_factory=csp.ThemeScripts)
    # Pages that held active content not the theme's, which fails any build.
    active_content: set[str] = field(default_factory=set)


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
    try:
        return cache.open_store(root, os.environ, Path.home())
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


def _guide_pages(files: Files, config: MkDocsConfig, sources: Callable[[str], str]) -> list[tuple[str, str]]:
    """Add the hand-written guide pages, each published as the site writes it (guide.hand_written_page:
    the page's own front matter never reaches the theme); return them as (site path, title)."""
    found: list[tuple[str, str]] = []
    base = Path(os.path.abspath(Path(config.config_file_path).parent))
    folder = base / GUIDE_FOLDER
    # Where the site's own pages are written: a guide page may not take one (guide/README.md would
    # be written as guide/index.html, over the guide's front page).
    taken = {File.generated(config, uri, content="").dest_uri for uri in uris.GENERATED}
    taken |= {file.dest_uri for file in files}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue  # a hidden draft, left out as MkDocs leaves it out
        uri = f"{GUIDE_FOLDER}/{path.name}"
        link = doc_files.link_on_the_way(path, base)
        if link is not None or not path.is_file():
            shown = (link or path).relative_to(base).as_posix()
            _error(f"{shown}: a link or not a regular file; the site publishes nothing through it")
            continue
        # Read as a doc is (bounded, never a pipe or a device), and checked as `handoff lint` does.
        shown = printable(uri)
        read = doc_files.read(doc_files.Target(shown, path, None), MAX_BYTES)
        decoded = read if isinstance(read, Diagnostic) else decode(shown, read)
        if isinstance(decoded, Diagnostic):
            _report(decoded)
            continue
        page = guide.hand_written_page(shown, decoded.text, path.stem)
        file = File.generated(config, uri, abs_src_path=sources(page.source))
        refused = guide.page_name_problem(path.name)
        if refused is None and file.dest_uri in taken:
            refused = "the site writes this page itself; rename the file"
        if refused is not None:
            _error(f"{shown}: {refused}")
            continue
        for problem in apply_severity(guide.lint_page(shown, decoded.text), _build.config):
            _report(problem)
        taken.add(file.dest_uri)
        files.append(file)
        found.append((uri, page.title))
    return found


def _published_meta(page: Page) -> None:
    """Every page's front matter, as the theme will read it, holds only what the site writes
    (handoff_lint.site.sanitize): anything else is reported and dropped before a template sees it."""
    for key, problem in sanitize.meta_problems(page.meta):
        _error(f"{printable(page.file.src_path)}: {printable(problem)}; dropped before the theme reads it")
        page.meta.pop(key, None)


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


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    """The hook runs the site's steps, so pages may convert (handoff_lint.site.safe_markdown).
    repo_url and edit_uri give the queues' "Record …" links to the git host's web editor, and
    nothing else: left to the theme, repo_url shows a repository widget that asks the host's API
    about the repository from every page, a request to another host."""
    if SAFE_MARKDOWN not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: markdown_extensions must list {SAFE_MARKDOWN}, which keeps a "
                          "doc's HTML, scripts and attributes off the site")
    config.mdx_configs.setdefault(SAFE_MARKDOWN, {})["prepared"] = True
    _build.edit_base = queues.edit_base(config.repo_url, config.edit_uri)
    config.repo_url = None
    config.edit_uri = None
    return config


def _refuse_repo_on_import_path() -> None:
    if _REPO_ON_PATH:
        shown = ", ".join(repr(entry) for entry in _REPO_ON_PATH)
        raise PluginError(f"Python's import path holds the repo's folders ({shown}): a folder committed "
                          "there would run as a library inside the build. Run `mkdocs build` (or "
                          "`python -I -m mkdocs build`), not `python -m mkdocs` in the repo, and set "
                          "no PYTHONPATH into it.")


def _refuse_linked_output(config: MkDocsConfig) -> None:
    """Refuse, before MkDocs empties the output folder, an output folder that is a link or is reached
    through one (MkDocs would empty the folder it leads to, anywhere), or that holds a link (MkDocs
    and this build would write through it)."""
    root = Path(os.path.abspath(Path(config.config_file_path).parent))
    site = Path(os.path.abspath(config.site_dir))
    # Inside the repo, every folder on the way to it could be committed; outside, only the person
    # running the build named it, but it must still not be a link.
    link = doc_files.link_on_the_way(site, root) if root in site.parents else (
        site if site.is_symlink() else None)
    if link is not None:
        raise PluginError(f"site_dir {_shown(site, root)}: {_shown(link, root)} is a link; the site is "
                          "never written through a link (the build would empty whatever it leads to). "
                          "Remove the link, or build into a real folder (`mkdocs build -d FOLDER`).")
    found = _links_under(site) if site.is_dir() else []
    if found:
        shown = ", ".join(_shown(path, root) for path in found[:5])
        raise PluginError(f"{shown}{' and more' if len(found) > 5 else ''}: a link in the site's output "
                          "folder; the build never writes or deletes through a link. Remove the links "
                          f"(or the whole folder {_shown(site, root)}; the build makes it again).")


def _links_under(folder: Path) -> list[Path]:
    """Every link under folder, to a file or a folder, hidden ones included, found without following
    any."""
    found: list[Path] = []
    for parent, subfolders, names in os.walk(folder):
        found.extend(Path(parent, name) for name in sorted([*subfolders, *names])
                     if os.path.islink(Path(parent, name)))
    return found


def _shown(path: Path, root: Path) -> str:
    return printable(path.relative_to(root).as_posix() if root in path.parents else path.as_posix())


def _site_file(config: MkDocsConfig, uri: str) -> Path:
    """Where a file the build writes itself goes: inside the output folder, never through a link."""
    site = Path(os.path.abspath(config.site_dir))
    target = Path(os.path.abspath(site / uri))
    if site not in target.parents or doc_files.link_on_the_way(target, site) is not None:
        raise PluginError(f"{printable(uri)}: not written, as it would be outside the site's output "
                          f"folder or written through a link")
    return target


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    """Refuse, before MkDocs empties the output folder and walks the clients folder, a build that
    could run code from the repo, write or delete through a link, or walk into a linked folder."""
    _refuse_repo_on_import_path()
    _refuse_linked_output(config)
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
    _build.used = {kind: set() for kind in _KINDS}
    _build.scripts_written.clear()
    _build.active_content.clear()
    _build.theme_scripts = _theme_scripts(config)
    _build.set_aside.clear()
    _build.errors = 0
    _build.store = _store(root)
    _build.settings = cache.settings_fingerprint(settings)
    _build.config = settings
    for unreadable in [f for f in files if not uris.is_utf8(f.src_uri)]:
        _error(f"{printable(unreadable.src_uri)}: the file's name is not UTF-8 text; it is not "
               "published (rename it)")
        files.remove(unreadable)
    files = _only_docs(files, config, settings.clients)
    # Every page's template says which day the states and clocks are seen from.
    config.extra["handoff_as_of"] = day_text(today)
    changes = history.read_last_changes(root, settings.clients)
    worker = _build.worker = _start_worker()
    targets = [(file.src_uri, _target(file, root)) for file in files.documentation_pages()
               if file.generated_by is None and file.abs_src_path is not None]
    duplicates: dict[str, list[Diagnostic]] = {}
    for duplicate in apply_severity(check_one_doc_per_client(
        ((t.display, t.relative) for _, t in targets if t.relative), settings.clients,
    ), settings):
        duplicates.setdefault(duplicate.path, []).append(duplicate)

    def checked_docs() -> Iterator[pages.Doc]:
        """Each doc checked (or its check taken from the cache) and reported, one at a time, in
        order. Every other batch is checked by the worker while this process checks the one before."""
        batches = [targets[start:start + CHECK_BATCH] for start in range(0, len(targets), CHECK_BATCH)]
        handed: dict[int, Future[list[tuple[Checked, str | None]]]] = {}

        def hand_over(number: int) -> None:
            # A batch is handed over only just ahead of its turn: a worker running ahead would fill
            # memory with checks waiting to be used (at 10,000 clients, hundreds of MB).
            if number < len(batches) and number % 2 and number not in handed:
                handed[number] = worker.submit(background.check_docs, [t for _, t in batches[number]],
                                               settings, _build.store.folder, _build.settings)

        hand_over(1)
        for number, batch in enumerate(batches):
            hand_over(number + 1)
            hand_over(number + 2)
            results = (handed.pop(number).result() if number % 2 else
                       [cache.check_target(target, settings, _build.store, _build.settings)
                        for _, target in batch])
            yield from (doc(src_uri, target, checked, key)
                        for (src_uri, target), (checked, key) in zip(batch, results, strict=True))

    def doc(src_uri: str, target: doc_files.Target, checked: Checked, key: str | None) -> pages.Doc:
        checked.diagnostics.extend(duplicates.get(checked.path, ()))
        for diagnostic in checked.diagnostics:
            _report(diagnostic)
        if key is not None:
            _build.used["check"].add(key)
        if checked.document is not None and key is not None:
            _build.documents[src_uri] = (target, key)
        change = changes.get(checked.relative.as_posix()) if checked.relative else None
        return pages.Doc(src_uri, checked, change)

    sources = _page_sources()
    hand_written = _guide_pages(files, config, sources)

    assert _build.sources is not None
    entries = _build.sources / "entries.jsonl"  # read by the worker, which makes the exports
    with entries.open("w", encoding="utf-8") as out:

        def client_out(uri: str, content: str, entry: exports.Entry) -> None:
            page_file = files.get_file_from_path(uri)
            assert page_file is not None
            page_file.abs_src_path = sources(content)
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")

        try:
            site = pages.build(
                checked_docs(), today=today, default_region=settings.region,
                schema=load_schema(settings.schema_path), rules=codes.REGISTRY.values(),
                hand_written=hand_written, site_name=config.site_name, client_out=client_out,
                edit_base=_build.edit_base,
            )
        except allocate.PathCollision as error:
            raise PluginError(f"two pages for one address: {error}") from None
    _build.downloads = worker.submit(background.downloads, site.views, entries, today, config.site_url or "")
    # Listed now, empty, so that pages may link to them; written when the worker has made them, at
    # the end of the build (making them takes as long as writing every page).
    downloads = dict.fromkeys(background.download_paths(site.views), "")
    for uri, content in {**site.generated, **downloads}.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            _error(f"{existing.src_path}: the site writes {uri} itself; rename this file")
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=sources(content)) if uri.endswith(".md")
                     else File.generated(config, uri, content=content))
    config.nav = site.nav
    # Only a few pages are in the sidebar; the rest (every client, every page of a paged list) are
    # reached from them, so MkDocs should not list them as missing from the navigation.
    in_nav = set(_nav_pages(site.nav))
    for file in files.documentation_pages():
        if file.src_uri not in in_nav:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    _build.search = dict(site.search)
    _build.pictures = site.pictures
    _build.indexing = None
    # The pages search indexes are written first, so that indexing can start while MkDocs writes
    # the rest (the order of a site's files decides nothing else).
    return Files(sorted(files, key=lambda file: file.src_uri not in _build.search))


def _page_sources() -> Callable[[str], str]:
    """Where the pages the site writes wait for MkDocs to read them: files in a folder of this
    build's own, so that memory does not hold every page's source until MkDocs reaches it (a
    backing MkDocs offers for generated files). Returns a function from a page's Markdown to its
    file's path."""
    _remove_sources()
    folder = _build.sources = Path(tempfile.mkdtemp(prefix="handoff-pages-"))
    names = itertools.count()

    def write(content: str) -> str:
        path = folder / f"{next(names)}.md"  # numbered: no name taken from a doc
        path.write_text(content, "utf-8")
        return str(path)

    return write


def _remove_sources() -> None:
    if _build.sources is not None:
        shutil.rmtree(_build.sources, ignore_errors=True)
        _build.sources = None


def _nav_pages(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [uri for value in entries.values() for uri in _nav_pages(value)]
    if isinstance(entries, list):
        return [uri for entry in entries for uri in _nav_pages(entry)]
    return []


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **_: Any) -> Navigation:
    _build.render_context = _render_context(config)
    # The pages to index, of those MkDocs will write (it leaves out the files its settings exclude,
    # such as a guide page whose name starts with a dot, after on_files).
    written = {file.src_uri for file in files.documentation_pages()}
    included = [file for file in map(files.get_file_from_path, _build.search)
                if file is not None and file.src_uri in written]
    _build.indexed = [file.dest_uri for file in included]
    _build.not_yet_written = {file.src_uri for file in included}
    return nav


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """What search indexes on this page is the site's decision, whatever the page's meta says.
    The page is rendered through the store: a page whose Markdown and surroundings are as they
    were when it was last rendered is not rendered again."""
    record = _build.search.get(page.file.src_uri)
    page.meta.pop("handoff_search", None)
    _published_meta(page)
    if record is not None:
        page.meta["handoff_search"] = record
    if _build.store.folder is not None:
        # The build's attribute key is the same secret in another build's Markdown: compare without it.
        source = markdown.replace(attributes.KEY, "\0")
        key = hashlib.sha256(f"{_build.render_context}\0{page.file.src_uri}\0{source}".encode()).hexdigest()
        page.render = partial(_render, page, key)  # type: ignore[method-assign]
    return markdown


# What Page.render leaves on a page, and what it logged: content, table of contents, title, anchor
# ids, links to anchors (by the linked page's source path), messages as (logger, level, text), and
# every file it looked up, with the address and inclusion it found (None: not found). Plain data, so
# that the store keeps it as data and reads it back as nothing else (handoff_lint.cache).
_Lookups = dict[str, tuple[str, str] | None]


@dataclass
class _Anchor:
    """A heading in a page's table of contents (MkDocs' AnchorLink, as data)."""

    title: str
    id: str
    level: int
    children: list[_Anchor]


@dataclass
class _Rendered:
    content: str
    toc: list[_Anchor]
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    messages: list[tuple[str, int, str]]
    lookups: _Lookups


def _anchors(links: Iterable[AnchorLink]) -> list[_Anchor]:
    return [_Anchor(link.title, link.id, link.level, _anchors(link.children)) for link in links]


def _anchor_links(anchors: list[_Anchor]) -> list[AnchorLink]:
    links = []
    for anchor in anchors:
        link = AnchorLink(anchor.title, anchor.id, anchor.level)
        link.children = _anchor_links(anchor.children)
        links.append(link)
    return links


_RENDERED = cache.reader(_Rendered)


def _found(file: File | None) -> tuple[str, str] | None:
    """What a lookup found, as a stored rendering remembers it."""
    return None if file is None else (file.url, file.inclusion.name)


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.name, record.levelno, record.getMessage()))


def _render(page: Page, key: str, config: MkDocsConfig, files: Files) -> None:
    """Page.render, or what it left last time: when the page's Markdown is the same and every file
    it looked up (its links' targets) is where it was, found or not, as before."""
    _build.used["render"].add(key)
    found = _build.store.load("render", key, _RENDERED)
    if found is not None and all(_found(files.get_file_from_path(path)) == seen
                                 for path, seen in found.lookups.items()):
        page.content, page.toc = found.content, TableOfContents(_anchor_links(found.toc))
        page.present_anchor_ids = found.anchors
        page._title_from_render = found.title
        if found.links is not None:
            page.links_to_anchors = {file: linked for uri, linked in found.links.items()
                                     if (file := files.get_file_from_path(uri)) is not None}
        for name, level, message in found.messages:  # the same warnings, so that --strict counts them again
            logging.getLogger(name).log(level, "%s", message)
        return
    recorder = _Recorder()
    lookups: _Lookups = {}

    def looking_up(path: str) -> File | None:
        file = Files.get_file_from_path(files, path)
        lookups[str(path)] = _found(file)
        return file

    logging.getLogger("mkdocs").addHandler(recorder)
    files.get_file_from_path = looking_up  # type: ignore[method-assign]
    try:
        Page.render(page, config, files)
    finally:
        del files.get_file_from_path
        logging.getLogger("mkdocs").removeHandler(recorder)
    links = ({file.src_uri: linked for file, linked in page.links_to_anchors.items()}
             if page.links_to_anchors is not None else None)
    _build.store.save("render", key, _Rendered(page.content or "", _anchors(page.toc),
                                               page._title_from_render, page.present_anchor_ids, links,
                                               recorder.messages, lookups))


def _render_context(config: MkDocsConfig) -> str:
    """Everything besides a page's Markdown and the files it links to that decides how it renders:
    the Markdown extensions and their settings, the libraries' and the linter's versions, and how
    links are checked and reported; and the code that runs around it (this file, any other hook)
    and mkdocs.yml, so that a branch whose build renders otherwise keeps what it rendered to itself."""
    digest = hashlib.sha256(cache.linter_fingerprint().encode())
    hooks: Any = config["hooks"]  # by name, once MkDocs has loaded them
    modules = hooks.values() if isinstance(hooks, dict) else hooks
    sources = [config.config_file_path, *(getattr(module, "__file__", None) for module in modules)]
    for source in sources:
        if source:
            digest.update(hashlib.sha256(Path(source).read_bytes()).digest())
    for library in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments"):
        digest.update(f"{library}={metadata.version(library)}".encode())
    # The log level too: MkDocs creates no warning under -q, and records no link to an anchor under
    # -v, so what a build at one level keeps is not what a build at another would have found.
    level = logging.getLogger("mkdocs.structure.pages").getEffectiveLevel()
    digest.update(repr((config.markdown_extensions, config.mdx_configs, config.use_directory_urls,
                        sorted(config.validation.items(), key=str), config.site_url, level)).encode())
    return digest.hexdigest()


PARITY_BATCH = 25  # client pages handed to the worker at a time


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Check, in the background, that the rendered page shows what the linter read (see
    handoff_lint.site.parity); the result is reported at the end of the build."""
    entry = _build.documents.get(page.file.src_uri)
    if entry is not None:
        target, doc_key = entry
        parity_key = cache.parity_key(doc_key, html)
        _build.used["parity"].add(parity_key)
        found = _build.store.load("parity", parity_key, cache.PARITY)
        if found is not None:
            done: Future[list[list[tuple[int, str]]]] = Future()
            done.set_result([found])
            _build.parity.append(([target.display], done))
        else:
            _build.parity_waiting.append((target, doc_key, html))
            if len(_build.parity_waiting) >= PARITY_BATCH:
                _hand_over_parity()
    # After the parity check, which reads the page as rendered from the doc alone.
    return _set_aside(page, _build.pictures.place(page.file.src_uri, html))


def _set_aside(page: Page, html: str) -> str:
    """MkDocs renders every page before it writes any, and keeps them all: at 10,000 clients, over
    a GB. So a rendered page waits on disk, in the build's own folder, and MkDocs holds a marker in
    its place until on_post_page puts it back; its Markdown, rendered, is let go as well."""
    page.markdown = None
    if _build.sources is None:
        return html
    path = _build.sources / f"page-{len(_build.set_aside)}.html"
    path.write_text(html, "utf-8")
    # Keyed, so no doc can write it (handoff_lint.site.attributes). The theme writes a title itself
    # unless the content has an "<h1", which it looks for in what it is given: so the marker has one
    # where the content has.
    marker = f"<!--{attributes.KEY}-page-content{' <h1' if '<h1' in html else ''}-->"
    _build.set_aside[page.file.src_uri] = (path, marker)
    return marker


def _put_back(output: str, page: Page) -> str:
    """The written page with its content back in place of the marker."""
    found = _build.set_aside.pop(page.file.src_uri, None)
    if found is None:
        return output
    path, marker = found
    content = path.read_text("utf-8")
    path.unlink()
    return output.replace(marker, content, 1)


def _hand_over_parity() -> None:
    jobs, _build.parity_waiting = _build.parity_waiting, []
    if jobs:
        assert _build.worker is not None
        future = _build.worker.submit(background.parity_differences, jobs, _build.store.folder, _build.config)
        _build.parity.append(([target.display for target, _, _ in jobs], future))


class _InPlace(Executor):
    """Runs each job at once, in this process: where no second process can be started safely."""

    def submit(self, fn: Callable[_P, _T], /, *args: _P.args, **kwargs: _P.kwargs) -> Future[_T]:
        done: Future[_T] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except Exception as error:  # the job's failure, reported where its result is read
            done.set_exception(error)
        return done


def _start_worker() -> Executor:
    _stop_worker()
    # Forked where it is safe, in a process of one thread (`mkdocs build`): a spawned worker would run
    # the main script again, and whoever calls MkDocs from a script may not guard it. `mkdocs serve`
    # runs threads, whose locks a fork would copy held: there it is spawned (its main is guarded).
    forkable = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    if forkable and sys.platform.startswith("linux"):
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    # A spawned worker, and the resource tracker its queues start, are `python -c ...` in this
    # process's working folder (the repo, under `mkdocs serve`), which Python puts first on their
    # sys.path: a committed multiprocessing/ would run there. PYTHONSAFEPATH (Python 3.11 on) keeps it
    # off, set only while they start; before 3.11 nothing does, so the jobs run in this process.
    if sys.version_info < (3, 11):
        return _InPlace()
    before = os.environ.get(_SAFE_PATH)
    os.environ[_SAFE_PATH] = "1"
    try:
        worker = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        worker.submit(os.getpid).result()  # the worker is started by its first job
    finally:
        if before is None:
            del os.environ[_SAFE_PATH]
        else:
            os.environ[_SAFE_PATH] = before
    return worker


_SAFE_PATH = "PYTHONSAFEPATH"


def _stop_worker() -> None:
    if _build.worker is not None:
        _build.worker.shutdown(wait=True, cancel_futures=True)
    _build.worker, _build.downloads = None, None
    _build.parity.clear()
    _build.parity_waiting.clear()


def _write_downloads(config: MkDocsConfig) -> None:
    if _build.downloads is None:
        return
    try:
        made = _build.downloads.result()
    except Exception as error:  # the worker's failure is the build's, with the reason shown
        raise PluginError(f"calendar feeds and exports not written: {printable(repr(error))}") from None
    for uri, content in made.items():
        target = _site_file(config, uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))  # as MkDocs writes a file: no newline translation


def _report_parity() -> None:
    _hand_over_parity()
    for paths, future in _build.parity:
        try:
            results = future.result()
        except Exception as error:
            for path in paths:
                _error(f"{path}:1:1: the parity check failed: {printable(repr(error))}")
            continue
        for path, differences in zip(paths, results, strict=True):
            for line, message in differences:
                _error(f"{path}:{line}:1: the site shows this differently from how the linter reads "
                       f"it: {message}")


def _theme_scripts(config: MkDocsConfig) -> csp.ThemeScripts:
    """The inline scripts of the installed theme, read from its templates, so a theme upgrade brings
    its own list and no page adds to it. Not the repo's overrides: a script of ours is a file."""
    custom = os.path.abspath(config.theme.custom_dir) if config.theme.custom_dir else None
    templates = [path.read_text("utf-8") for folder in config.theme.dirs if os.path.abspath(folder) != custom
                 for path in sorted(Path(folder).rglob("*.html")) if path.is_file()]
    return csp.theme_scripts(templates)


def _harden(output: str, base_url: str, config: MkDocsConfig, page: str) -> str:
    """The page with its Content-Security-Policy, the theme's inline scripts moved to files in the
    site; any other active content is dropped and recorded, to fail the build (strict or not)."""
    hardened = csp.harden(output, base_url, _build.theme_scripts)
    for problem in hardened.problems:
        message = (f"{printable(page)}: {printable(problem)}; the site publishes no script but the "
                   "theme's. Remove it from the page (or from its front matter).")
        _build.active_content.add(page)
        log.error(message)
    for path, body in hardened.files.items():
        if path in _build.scripts_written:
            continue  # named by its content's hash: the same path is the same file
        _build.scripts_written.add(path)
        target = _site_file(config, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, "utf-8")
    return hardened.page


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    output = _put_back(output, page)
    return _harden(output, get_relative_url(".", page.url), config, page.file.src_path)


def on_page_context(context: Any, page: Page, config: MkDocsConfig, **_: Any) -> Any:
    # MkDocs writes a page after on_post_page: the page before this one is on disk by now.
    if _build.last_to_index is not None:
        _build.last_to_index = None
        _start_indexing(config)
    if _build.not_yet_written:
        _build.not_yet_written.discard(page.file.src_uri)
        if not _build.not_yet_written:
            _build.last_to_index = page.file.src_uri
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **_: Any) -> str:
    if not template_name.endswith(".html"):
        return output_content
    # As MkDocs links the error page: from the server's root, wherever the error happened.
    return _harden(output_content, urlsplit(config.site_url or "/").path, config, template_name)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Finish what the worker did (downloads, parity findings), wait for the search index, and fail
    a strict build with any error counted here, even when -q hid the warnings."""
    _write_downloads(config)
    _report_parity()
    _stop_worker()
    _remove_sources()  # after the worker: it reads the export entries from there
    for kind, keys in _build.used.items():  # what no page of this build needed
        _build.store.prune(kind, keys)
    search.remove_theme_search(Path(config.site_dir))
    _start_indexing(config)  # if no page to index was written
    assert _build.indexing is not None
    _build.indexing.join()
    if _build.index_error is not None:
        raise _build.index_error
    if _build.active_content:
        raise Abort(f"Aborted: {len(_build.active_content)} page(s) hold script that is not the "
                    "theme's (listed above); the site publishes none, strict or not.")
    if config.strict and _build.errors:
        raise Abort(f"Aborted with {_build.errors} handoff error(s) in strict mode; "
                    "`handoff lint` lists them with their fixes.")


def _start_indexing(config: MkDocsConfig) -> None:
    """Index the built site for search, beside the rest of the build, once every page to index is
    written: Pagefind reads the pages marked data-pagefind-body (client pages and the guide), a
    shard at a time, and writes each shard's chunked index into the site's pagefind/ folder
    (handoff_lint.site.search)."""
    if _build.indexing is not None:
        return
    _build.index_error = None

    def index() -> None:
        try:
            indexing.index(Path(config.site_dir), _build.indexed, _build.shard_size)
        except indexing.SearchIndexFailed as error:
            _build.index_error = PluginError(str(error))
        except Exception as error:  # the build fails with the reason, never passes without search
            _build.index_error = PluginError(f"search index not built: {printable(repr(error))}")

    _build.indexing = threading.Thread(target=index, name="handoff-search-index", daemon=True)
    _build.indexing.start()


def on_build_error(**_: Any) -> None:
    _stop_worker()
    _remove_sources()


def on_shutdown(**_: Any) -> None:
    _stop_worker()
    _remove_sources()


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Rebuild when a guide page or the schema changes, not only the clients folder."""
    root = _root(config)
    for folder in (root / GUIDE_FOLDER, root / "schema"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
