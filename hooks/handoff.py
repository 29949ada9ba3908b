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
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from handoff_lint import codes, runner
from handoff_lint import files as doc_files
from handoff_lint.check import Checked, apply_severity
from handoff_lint.config import Config, ConfigError, load
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.document import Document
from handoff_lint.paths import check_one_doc_per_client
from handoff_lint.reporters import printable
from handoff_lint.schema import EARLIEST_DATE, LATEST_DATE, load_schema, parse_date
from handoff_lint.site import attributes, client_page, csp, history, pages, parity, publish, uris
from handoff_lint.site.buildlog import escape_build_log
from handoff_lint.site.clients import LastChange
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# Under "mkdocs.plugins" so MkDocs counts these warnings in --strict mode.
log = logging.getLogger("mkdocs.plugins.handoff")

GUIDE_FOLDER = "guide"
TODAY_VARIABLE = "HANDOFF_TODAY"


@dataclass
class _Build:
    """What one build learnt in on_files and needs again when pages are rendered."""

    documents: dict[str, tuple[str, Document]] = field(default_factory=dict)
    errors: int = 0


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
    value = os.environ.get(TODAY_VARIABLE)
    if not value:
        return dt.date.today()
    day = parse_date(value)
    if day is None:
        raise PluginError(f"{TODAY_VARIABLE}={value!r} is not a date written YYYY-MM-DD "
                          f"from {EARLIEST_DATE} to {LATEST_DATE}")
    return day


def _last_changes(root: Path, clients: str) -> dict[str, LastChange]:
    """Each doc's last commit by path relative to root; empty outside a git repository."""
    try:
        result = subprocess.run(["git", *history.LOG_ARGUMENTS, "--", clients], cwd=root,
                                capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return history.last_changes(result.stdout) if result.returncode == 0 else {}


def _check(file: File, root: Path, settings: Config) -> Checked:
    assert file.abs_src_path is not None
    path = Path(file.abs_src_path)
    try:
        relative: PurePosixPath | None = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        relative = None
    display = str(relative) if relative else path.as_posix()
    return runner.check_target(doc_files.Target(display, path, relative), settings)


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
    settings = _settings(root)
    _build.documents.clear()
    _build.errors = 0
    for unreadable in [f for f in files if not uris.is_utf8(f.src_uri)]:
        _error(f"{printable(unreadable.src_uri)}: the file's name is not UTF-8 text; it is not "
               "published (rename it)")
        files.remove(unreadable)
    files = _only_docs(files, config, settings.clients)
    docs: list[pages.Doc] = []
    by_display: dict[str, Checked] = {}
    changes = _last_changes(root, settings.clients)
    for file in list(files.documentation_pages()):
        if file.generated_by is not None or file.abs_src_path is None:
            continue
        checked = _check(file, root, settings)
        by_display[checked.path] = checked
        change = changes.get(checked.relative.as_posix()) if checked.relative else None
        docs.append(pages.Doc(file.src_uri, checked, change))
    for duplicate in apply_severity(check_one_doc_per_client(
        ((d.checked.path, d.checked.relative) for d in docs if d.checked.relative), settings.clients,
    ), settings):
        by_display[duplicate.path].diagnostics.append(duplicate)
    for doc in docs:
        for diagnostic in doc.checked.diagnostics:
            _report(diagnostic)

    hand_written = _guide_pages(root, files, config)
    site = pages.build(
        docs, today=_today(), default_region=settings.region, schema=load_schema(settings.schema_path),
        rules=codes.REGISTRY.values(), hand_written=hand_written, site_name=config.site_name,
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
    for doc in docs:
        if doc.checked.document is not None:
            _build.documents[doc.src_uri] = (doc.checked.path, doc.checked.document)
    return files


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Warn where the rendered page departs from what the linter read (see handoff_lint.site.parity)."""
    entry = _build.documents.get(page.file.src_uri)
    if entry is not None:
        path, document = entry
        skip = {client_page.CARD_CLASS, client_page.BANNER_CLASS}
        for line, message in parity.differences(document, html, skip, client_page.EMAIL_ID):
            _error(f"{path}:{line}:1: the site shows this differently from how the linter reads it: "
                   f"{message}")
    return html


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
    """Strict means strict: fail on any error counted here, even when -q hid the warnings."""
    if config.strict and _build.errors:
        raise Abort(f"Aborted with {_build.errors} handoff error(s) in strict mode; "
                    "`handoff lint` lists them with their fixes.")


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Rebuild when a guide page or the schema changes, not only the clients folder."""
    root = _root(config)
    for folder in (root / GUIDE_FOLDER, root / "schema"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
