"""MkDocs' events, each handing what MkDocs has to the site's steps and reporting through its logger.

Errors are also counted here, and a `--strict` build ends with a failure when there were any,
whatever the log level (`mkdocs build --strict -q` silences the warnings MkDocs would otherwise
count).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handoff_lint import codes
from handoff_lint.contract.config import TODAY_VARIABLE, Config, load, parse_today
from handoff_lint.contract.schema import load_schema
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.domain.lifecycle import day_text
from handoff_lint.engine import cache, runner
from handoff_lint.engine.check import Checked, apply_severity
from handoff_lint.engine.reporters import printable
from handoff_lint.errors import Refusal
from handoff_lint.reading import files as doc_files
from handoff_lint.rules.paths import check_one_doc_per_client
from handoff_lint.site import (
    allocate,
    attributes,
    background,
    csp,
    exports,
    finish,
    guide,
    history,
    pages,
    queues,
    search,
)
from handoff_lint.site.buildlog import escape_build_log
from handoff_lint.site.mkdocs_adapter import output_folder, published, rendering, worker
from handoff_lint.site.mkdocs_adapter.on_disk import OnDisk
from handoff_lint.site.mkdocs_adapter.search_index import SearchIndex
from handoff_lint.site.pictures import Pictures
from handoff_lint.site.prepare import SAFE_MARKDOWN

# Under "mkdocs.plugins" so MkDocs counts these warnings in --strict mode.
log = logging.getLogger("mkdocs.plugins.handoff")

CHECK_BATCH = 20  # docs checked at a time, by this process and the worker in turn
_KINDS = ("check", "parity", "render")  # the store's kinds of entry
_T = TypeVar("_T")


@dataclass
class _Build:
    """What one build learnt in on_files and needs again when pages are rendered."""

    # Client page -> (its doc, the key of its check in the store): the parsed doc itself is not kept.
    documents: dict[str, tuple[doc_files.Target, str]] = field(default_factory=dict)
    search: dict[str, object] = field(default_factory=dict)
    search_index: SearchIndex = field(default_factory=SearchIndex)
    store: cache.Store = field(default_factory=lambda: cache.Store(None))
    settings: str = ""  # cache.settings_fingerprint of config
    config: Config = field(default_factory=Config)
    errors: int = 0
    # Each page's picture (client timelines, the portfolio), made from the views as the page is placed.
    pictures: Pictures = field(default_factory=lambda: Pictures({}, dt.date.min))
    edit_base: str = ""  # the git host's web editor for docs, from repo_url and edit_uri (on_config)
    # Page sources written by the site, and rendered pages, waiting on disk until MkDocs needs them.
    on_disk: OnDisk = field(default_factory=OnDisk)
    # A second process for the work that needs nothing back while pages render.
    background: worker.Background = field(default_factory=worker.Background)
    # The store's entries this build used, by kind: the others are removed at the end of the build.
    used: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in _KINDS})
    # What a page's rendering depends on besides its Markdown (see rendering.render_context).
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


def _refused_fails_the_build(make: Callable[[], _T]) -> _T:
    """What make returns; a Refusal (unreadable settings, a HANDOFF_TODAY that is no date, an unsafe
    cache folder) fails the build with its message, as the command exits 2 with it."""
    try:
        return make()
    except Refusal as error:
        raise PluginError(str(error)) from None


def _today() -> dt.date:
    """Today, or HANDOFF_TODAY (YYYY-MM-DD) for a reproducible build."""
    return _refused_fails_the_build(lambda: parse_today(os.environ.get(TODAY_VARIABLE), dt.date.today()))


def _target(file: File, root: Path) -> doc_files.Target:
    assert file.abs_src_path is not None
    path = Path(file.abs_src_path)
    try:
        relative: PurePosixPath | None = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        relative = None
    display = str(relative) if relative else path.as_posix()
    return doc_files.Target(display, path, relative)


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


def _report_all(findings: list[Diagnostic]) -> None:
    for finding in apply_severity(findings, _build.config):
        _report(finding)


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


def refuse_repo_on_import_path(entries: list[str]) -> None:
    """Refuse a build whose command put the repo's folders on Python's import path (entries): what
    it imported before the hook took them off may have come from the repo."""
    if entries:
        shown = ", ".join(repr(entry) for entry in entries)
        raise PluginError(f"Python's import path holds the repo's folders ({shown}): a folder committed "
                          "there would run as a library inside the build. Run `mkdocs build` (or "
                          "`python -I -m mkdocs build`), not `python -m mkdocs` in the repo, and set "
                          "no PYTHONPATH into it.")


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    """Refuse, before MkDocs empties the output folder and walks the clients folder, a build that
    could write or delete through a link, or walk into a linked folder (the hook refuses one that
    could run code from the repo first)."""
    output_folder.refuse_linked_output(config)
    escape_build_log()
    attributes.renew_key()
    try:
        _build.search_index.shard_size = search.shard_size(os.environ.get(search.SHARD_SIZE_VARIABLE))
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
    settings = replace(_refused_fails_the_build(lambda: load(root)), today=today)
    _build.documents.clear()
    _build.used = {kind: set() for kind in _KINDS}
    _build.scripts_written.clear()
    _build.active_content.clear()
    custom = os.path.abspath(config.theme.custom_dir) if config.theme.custom_dir else None
    _build.theme_scripts = finish.theme_scripts(*(Path(folder) for folder in config.theme.dirs
                                                  if os.path.abspath(folder) != custom))
    _build.errors = 0
    _build.store = _refused_fails_the_build(lambda: cache.open_store(root, os.environ, Path.home()))
    _build.settings = cache.settings_fingerprint(settings)
    _build.config = settings
    files, left_out = published.only_docs(files, config, settings.clients)
    for message in left_out:
        _error(message)
    # Every page's template says which day the states and clocks are seen from.
    config.extra["handoff_as_of"] = day_text(today)
    changes = history.read_last_changes(root, settings.clients)
    second = _build.background.start()
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
                handed[number] = second.submit(background.check_docs, [t for _, t in batches[number]],
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

    on_disk = _build.on_disk
    entries = on_disk.open() / "entries.jsonl"  # read by the worker, which makes the exports
    hand_written, guide_findings, guide_messages = published.guide_pages(files, config, on_disk.source)
    _report_all(guide_findings)
    for message in guide_messages:
        _error(message)
    with entries.open("w", encoding="utf-8") as out:

        def client_out(uri: str, content: str, entry: exports.Entry) -> None:
            page_file = files.get_file_from_path(uri)
            assert page_file is not None
            page_file.abs_src_path = on_disk.source(content)
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
    _build.background.downloads = second.submit(background.downloads, site.views, entries, today,
                                                 config.site_url or "")
    # Listed now, empty, so that pages may link to them; written when the worker has made them, at
    # the end of the build (making them takes as long as writing every page).
    downloads = dict.fromkeys(background.download_paths(site.views), "")
    for uri, content in {**site.generated, **downloads}.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            _error(f"{existing.src_path}: the site writes {uri} itself; rename this file")
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=on_disk.source(content)) if uri.endswith(".md")
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
    # The pages search indexes are written first, so that indexing can start while MkDocs writes
    # the rest (the order of a site's files decides nothing else).
    return Files(sorted(files, key=lambda file: file.src_uri not in _build.search))


def _nav_pages(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [uri for value in entries.values() for uri in _nav_pages(value)]
    if isinstance(entries, list):
        return [uri for entry in entries for uri in _nav_pages(entry)]
    return []


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files, **_: Any) -> Navigation:
    _build.render_context = rendering.render_context(config)
    # The pages to index, of those MkDocs will write (it leaves out the files its settings exclude,
    # such as a guide page whose name starts with a dot, after on_files).
    written = {file.src_uri for file in files.documentation_pages()}
    included = [file for file in map(files.get_file_from_path, _build.search)
                if file is not None and file.src_uri in written]
    _build.search_index.expect({file.src_uri: file.dest_uri for file in included})
    return nav


def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """What search indexes on this page is the site's decision, whatever the page's meta says.
    The page is rendered through the store: a page whose Markdown and surroundings are as they
    were when it was last rendered is not rendered again."""
    record = _build.search.get(page.file.src_uri)
    page.meta.pop("handoff_search", None)
    for message in published.meta(page):
        _error(message)
    if record is not None:
        page.meta["handoff_search"] = record
    if _build.store.folder is not None:
        # The build's attribute key is the same secret in another build's Markdown: compare without it.
        source = markdown.replace(attributes.KEY, "\0")
        key = rendering.page_key(_build.render_context, page.file.src_uri, source)
        _build.used["render"].add(key)
        page.render = partial(rendering.render, page, key, store=_build.store)  # type: ignore[method-assign]
    return markdown


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
            _build.background.parity_known(target.display, found)
        else:
            _build.background.check_parity((target, doc_key, html), _build.store.folder, _build.config)
    # After the parity check, which reads the page as rendered from the doc alone.
    return _build.on_disk.put_aside(page, _build.pictures.place(page.file.src_uri, html))


def _write_downloads(config: MkDocsConfig) -> None:
    if _build.background.downloads is None:
        return
    try:
        made = _build.background.downloads.result()
    except Exception as error:  # the worker's failure is the build's, with the reason shown
        raise PluginError(f"calendar feeds and exports not written: {printable(repr(error))}") from None
    for uri, content in made.items():
        target = output_folder.site_file(config, uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8"))  # as MkDocs writes a file: no newline translation


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
        target = output_folder.site_file(config, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, "utf-8")
    return hardened.page


def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    output = _build.on_disk.put_back(output, page)
    return _harden(output, get_relative_url(".", page.url), config, page.file.src_path)


def on_page_context(context: Any, page: Page, config: MkDocsConfig, **_: Any) -> Any:
    # MkDocs writes a page after on_post_page: the page before this one is on disk by now.
    _build.search_index.writing(page.file.src_uri, Path(config.site_dir))
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **_: Any) -> str:
    if not template_name.endswith(".html"):
        return output_content
    # As MkDocs links the error page: from site_url's path (else the server's root), wherever the
    # error happened.
    note = finish.error_page_note(config.site_url or "") if template_name == finish.ERROR_PAGE else None
    if note:
        log.info(note)
    return _harden(output_content, urlsplit(config.site_url or "/").path, config, template_name)


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    """Finish what the worker did (downloads, parity findings), wait for the search index, and fail
    a strict build with any error counted here, even when -q hid the warnings."""
    _write_downloads(config)
    for message in _build.background.parity_findings(_build.store.folder, _build.config):
        _error(message)
    _build.background.stop()
    _build.on_disk.remove()  # after the worker: it reads the export entries from there
    for kind, keys in _build.used.items():  # what no page of this build needed
        _build.store.prune(kind, keys)
    search.remove_theme_search(Path(config.site_dir))
    _build.search_index.wait(Path(config.site_dir))
    if _build.active_content:
        raise Abort(f"Aborted: {len(_build.active_content)} page(s) hold script that is not the "
                    "theme's (listed above); the site publishes none, strict or not.")
    if config.strict and _build.errors:
        raise Abort(f"Aborted with {_build.errors} handoff error(s) in strict mode; "
                    "`handoff lint` lists them with their fixes.")


def on_build_error(**_: Any) -> None:
    _build.background.stop()
    _build.on_disk.remove()


def on_shutdown(**_: Any) -> None:
    _build.background.stop()
    _build.on_disk.remove()


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Rebuild when a guide page or the schema changes, not only the clients folder."""
    root = _root(config)
    for folder in (root / guide.GUIDE_FOLDER, root / "schema"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
