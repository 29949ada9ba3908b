"""MkDocs adapter for the handoff site: maps MkDocs events to handoff_lint.site, nothing more.

Page content is written by the package's plain functions; this module only reads files, git and the
clock, hands them over, and reports findings through MkDocs' logger so `mkdocs build --strict`
fails on an incomplete doc. Another generator would need a new adapter like this one, not new pages.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from handoff_lint import codes, runner
from handoff_lint import files as doc_files
from handoff_lint.check import Checked, apply_severity
from handoff_lint.config import TODAY_VARIABLE, Config, ConfigError, load, parse_today
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.document import Document
from handoff_lint.lifecycle import day_text
from handoff_lint.paths import check_one_doc_per_client
from handoff_lint.schema import load_schema
from handoff_lint.site import client_page, history, pages, parity, timeline, uris
from handoff_lint.site.clients import LastChange
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# Under "mkdocs.plugins" so MkDocs counts these warnings in --strict mode.
log = logging.getLogger("mkdocs.plugins.handoff")

GUIDE_FOLDER = "guide"


@dataclass
class _Build:
    """What one build learnt in on_files and needs again when pages are rendered."""

    documents: dict[str, tuple[str, Document]] = field(default_factory=dict)
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


def _check(file: File, root: Path, settings: Config) -> Checked:
    assert file.abs_src_path is not None
    path = Path(file.abs_src_path)
    try:
        relative: PurePosixPath | None = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        relative = None
    display = str(relative) if relative else path.as_posix()
    return runner.check_target(doc_files.Target(display, path, relative), settings)


def _report(diagnostic: Diagnostic) -> None:
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}"
    if diagnostic.severity is Severity.ERROR:
        log.warning(f"{where}: {diagnostic.code} {diagnostic.message}")
    else:
        log.info(f"{where}: {diagnostic.code} ({diagnostic.severity.value}) {diagnostic.message}")
    if isinstance(diagnostic, runner.InternalError):
        log.debug(f"{where}: {diagnostic.details}")  # `mkdocs build --verbose` shows the traceback


def _guide_pages(root: Path, files: Files, config: MkDocsConfig) -> list[tuple[str, str]]:
    """Add the hand-written guide pages; return them as (site path, title)."""
    found: list[tuple[str, str]] = []
    folder = root / GUIDE_FOLDER
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        uri = f"{GUIDE_FOLDER}/{path.name}"
        if uri in uris.GENERATED or files.get_file_from_path(uri) is not None:
            log.warning(f"{GUIDE_FOLDER}/{path.name}: the site writes this page itself; rename the file")
            continue
        files.append(File.generated(config, uri, abs_src_path=str(path)))
        found.append((uri, pages.markdown_title(path.read_text("utf-8"), path.stem)))
    return found


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    root = _root(config)
    today = _today()
    settings = replace(_settings(root), today=today)
    _build.documents.clear()
    _build.timelines.clear()
    # Every page's template says which day the states and clocks are seen from.
    config.extra["handoff_as_of"] = day_text(today)
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
        docs, today=today, default_region=settings.region, schema=load_schema(settings.schema_path),
        rules=codes.REGISTRY.values(), hand_written=hand_written, site_name=config.site_name,
    )
    for uri, content in site.client_pages.items():
        page_file = files.get_file_from_path(uri)
        assert page_file is not None
        page_file.content_string = content
    for uri, content in site.generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning(f"{existing.src_path}: the site writes {uri} itself; rename this file")
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    config.nav = site.nav
    _build.timelines.update(site.timelines)
    for doc in docs:
        if doc.checked.document is not None:
            _build.documents[doc.src_uri] = (doc.checked.path, doc.checked.document)
    return files


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Warn where the rendered page departs from what the linter read (see handoff_lint.site.parity)."""
    entry = _build.documents.get(page.file.src_uri)
    if entry is not None:
        path, document = entry
        skip = {client_page.CARD_CLASS, client_page.BANNER_CLASS, timeline.CONTAINER_CLASS}
        for line, message in parity.differences(document, html, skip, client_page.EMAIL_ID):
            log.warning(f"{path}:{line}:1: the site shows this differently from how the linter reads "
                        f"it: {message}")
    picture = _build.timelines.get(page.file.src_uri)
    return timeline.place(html, picture) if picture is not None else html


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    """Rebuild when a guide page or the schema changes, not only the clients folder."""
    root = _root(config)
    for folder in (root / GUIDE_FOLDER, root / "schema"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
