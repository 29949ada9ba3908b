"""Step one of building the site with any generator: check every doc and write every page.

Everything the site publishes is written, as Markdown and plain files, into a staging folder with
the generator's config beside it, so that MkDocs, ProperDocs or Zensical turns the folder into
HTML as it is, running none of our code but the Markdown extensions mkdocs.yml names. What the
last step (handoff_lint.site.finish) needs from this one is in the folder too:

    <stage>/mkdocs.yml      the repo's mkdocs.yml without hooks, with our nav, folders and settings
    <stage>/docs/           client pages, generated pages, the guide, assets, feeds and exports
    <stage>/overrides/      the repo's theme overrides, copied (never through a link)
    <stage>/manifest.json   the day, the pages search indexes, the error count
    <stage>/client-pages.jsonl   one line per client page: its doc, for the parity check
    <stage>/pictures.jsonl       one line per page with a picture (timelines, portfolio): its markup
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from handoff_lint import codes
from handoff_lint.contract.config import Config, ConfigError
from handoff_lint.contract.schema import load_schema
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.domain.lifecycle import day_text
from handoff_lint.engine import cache
from handoff_lint.engine.check import apply_severity
from handoff_lint.engine.reporters import printable
from handoff_lint.reading import files as doc_files
from handoff_lint.reading.source import MAX_BYTES, decode
from handoff_lint.rules.paths import check_one_doc_per_client, is_doc_path
from handoff_lint.site import allocate, attributes, background, guide, pages, queues
from handoff_lint.site.clients import LastChange

SAFE_MARKDOWN = "handoff_lint.site.safe_markdown"
CONFIG_FILE = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"
MANIFEST = "manifest.json"
CLIENT_PAGES = "client-pages.jsonl"
PICTURES = "pictures.jsonl"
SITE = "site"  # where the generator writes, inside the staging folder (Zensical writes nowhere else)
# Keys of mkdocs.yml the steps decide; the rest (theme, extensions, extra files) is kept as written.
# repo_url and edit_uri give the queues' "Record …" links only: left to the theme, repo_url shows a
# repository widget that asks the git host's API about the repository from every page.
_DECIDED = ("hooks", "docs_dir", "site_dir", "nav", "INHERIT", "repo_url", "edit_uri")


class SetupError(ConfigError):
    """mkdocs.yml or the folders cannot be built from; the message says what to change (shown as
    every settings error is, exit 2)."""


@dataclass
class Prepared:
    stage: Path
    findings: list[Diagnostic] = field(default_factory=list)  # every doc's, as `handoff lint` gives them
    messages: list[str] = field(default_factory=list)  # errors about files, not docs (a guide page)

    @property
    def errors(self) -> int:
        return len(self.messages) + sum(d.severity is Severity.ERROR for d in self.findings)


def site_settings(root: Path) -> dict[str, Any]:
    """The repo's mkdocs.yml as plain data; a tag (`!ENV`, `!!python/name`) is refused, since this
    step runs none of a config's code."""
    path = root / CONFIG_FILE
    try:
        loaded = yaml.safe_load(doc_files.read_regular_file(path, 1 << 20).decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SetupError(f"{CONFIG_FILE}: cannot be read as plain YAML: {error}") from None
    if not isinstance(loaded, dict):
        raise SetupError(f"{CONFIG_FILE}: expected the site's settings, key: value")
    return loaded


def generator_config(settings: dict[str, Any], nav: list[pages.NavEntry], today: dt.date,
                     has_overrides: bool) -> dict[str, Any]:
    """The generator's config: the repo's, with our folders and nav, no hooks, and the safe
    Markdown extension told that the steps run."""
    config = {key: value for key, value in settings.items() if key not in _DECIDED}
    extensions = config.get("markdown_extensions") or []
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    if SAFE_MARKDOWN not in names:
        raise SetupError(f"{CONFIG_FILE}: markdown_extensions must list {SAFE_MARKDOWN}, which keeps a "
                         "doc's HTML, scripts and attributes off the site")
    config["markdown_extensions"] = [
        {SAFE_MARKDOWN: {"prepared": True, "key": attributes.KEY}} if name == SAFE_MARKDOWN else entry
        for name, entry in zip(names, extensions, strict=True)
    ]
    theme = dict(config.get("theme") or {})
    theme.pop("custom_dir", None)
    if has_overrides:
        theme["custom_dir"] = OVERRIDES
    config["theme"] = theme
    config["extra"] = {**(config.get("extra") or {}), "handoff_as_of": day_text(today)}
    config.update(docs_dir=DOCS, site_dir=SITE, nav=nav)
    return config


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def hand_written_pages(base: Path) -> tuple[list[tuple[str, guide.HandWritten]], list[Diagnostic],
                                            list[str]]:
    """The guide's pages, each as the site publishes it (guide.hand_written_page: its own front
    matter never reaches the theme), its findings as `handoff lint` gives them, and why any other
    file there is not one."""
    found: list[tuple[str, guide.HandWritten]] = []
    findings: list[Diagnostic] = []
    messages: list[str] = []
    folder = base / guide.GUIDE_FOLDER
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if path.name.startswith("."):
            continue  # a hidden draft, left out as MkDocs leaves it out
        uri = f"{guide.GUIDE_FOLDER}/{path.name}"
        link = doc_files.link_on_the_way(path, base)
        if link is not None or not path.is_file():
            shown = (link or path).relative_to(base).as_posix()
            messages.append(f"{shown}: a link or not a regular file; the site publishes nothing through it")
            continue
        problem = guide.page_name_problem(path.name)
        if problem is not None:
            messages.append(f"{printable(uri)}: {problem}")
            continue
        # Read as a doc is (bounded, never a pipe or a device), and checked as `handoff lint` does.
        read = doc_files.read(doc_files.Target(uri, path, None), MAX_BYTES)
        decoded = read if isinstance(read, Diagnostic) else decode(uri, read)
        if isinstance(decoded, Diagnostic):
            findings.append(decoded)
            continue
        page = guide.hand_written_page(uri, decoded.text, path.stem)
        findings += guide.lint_page(uri, decoded.text)  # the page's own problems among them
        found.append((uri, page))
    return found, findings, messages


def _copy_tree(source: Path, target: Path, base: Path) -> list[str]:
    """Copy a folder of the repo's, refusing every link in it."""
    messages = []
    for folder, subfolders, names in os.walk(source):
        for name in sorted([*subfolders, *names]):
            path = Path(folder, name)
            relative = path.relative_to(source)
            if path.is_symlink():
                messages.append(f"{path.relative_to(base).as_posix()}: a link; the site publishes "
                                "nothing through it")
            elif path.is_file():
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target / relative)
        subfolders[:] = [s for s in subfolders if not Path(folder, s).is_symlink()]
    return messages


def _write(docs: Path, uri: str, content: str) -> None:
    path = docs / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8"))


def prepare(root: Path, stage: Path, settings: Config, *, today: dt.date,
            changes: dict[str, LastChange], store: cache.Store) -> Prepared:
    """Check every doc under the repo's clients folder and write the site to build into stage
    (an empty folder of the build's own). changes are the docs' last commits by repo path."""
    settings = replace(settings, today=today)
    site = site_settings(root)
    attributes.renew_key()  # a key no page of an earlier build showed
    prepared = Prepared(stage)
    docs = stage / DOCS
    docs.mkdir(parents=True)
    clients = root / settings.clients
    if clients.is_symlink():
        raise SetupError(f"{settings.clients}: a link to a folder; the site is built from no folder "
                         "reached through a link")
    targets, problems = doc_files.discover([clients], root, root, settings.clients)
    fingerprint = cache.settings_fingerprint(settings)
    duplicates = check_one_doc_per_client(
        ((t.display, t.relative) for t in targets if t.relative), settings.clients)
    prepared.findings += apply_severity([*problems, *duplicates], settings)
    by_doc: dict[str, list[Diagnostic]] = {}
    for duplicate in prepared.findings:
        by_doc.setdefault(duplicate.path, []).append(duplicate)

    published: dict[str, doc_files.Target] = {}  # by page path

    def checked_docs() -> Iterator[pages.Doc]:
        for target in targets:
            checked, _ = cache.check_target(target, settings, store, fingerprint)
            prepared.findings.extend(checked.diagnostics)
            relative = target.relative
            if (relative is None or not is_doc_path(relative, settings.clients)
                    or doc_files.link_on_the_way(target.path, root) is not None):
                continue  # checked and reported, never published
            checked.diagnostics.extend(by_doc.get(checked.path, ()))
            src_uri = relative.relative_to(settings.clients).as_posix()
            published[src_uri] = target
            yield pages.Doc(src_uri, checked, changes.get(relative.as_posix()))

    guide_pages, guide_findings, prepared.messages = hand_written_pages(root)
    prepared.findings += apply_severity(guide_findings, settings)
    for uri, page in guide_pages:
        _write(docs, uri, page.source)
    entries = stage / "entries.jsonl"
    with entries.open("w", encoding="utf-8") as entry_lines, \
            (stage / CLIENT_PAGES).open("w", encoding="utf-8") as page_lines:
        def client_out(uri: str, content: str, entry: object) -> None:
            _write(docs, uri, content)
            entry_lines.write(json.dumps(entry, ensure_ascii=False) + "\n")

        try:
            built = pages.build(
                checked_docs(), today=today, default_region=settings.region,
                schema=load_schema(settings.schema_path), rules=codes.REGISTRY.values(),
                hand_written=[(uri, page.title) for uri, page in guide_pages],
                site_name=str(site.get("site_name") or "Client handoffs"), client_out=client_out,
                edit_base=queues.edit_base(_text(site.get("repo_url")), _text(site.get("edit_uri"))),
            )
        except allocate.PathCollision as error:
            raise SetupError(f"two pages for one address: {printable(str(error))}") from None
        for view in built.views:
            target = published[view.src_uri]
            page_lines.write(json.dumps({
                "page": view.src_uri, "doc": target.display, "path": str(target.path),
                "relative": str(target.relative),
            }, ensure_ascii=False) + "\n")
    with (stage / PICTURES).open("w", encoding="utf-8") as picture_lines:
        for uri in [*(view.src_uri for view in built.views), *built.pictures.portfolio]:
            picture = built.pictures.for_page(uri)
            if picture is not None:
                picture_lines.write(json.dumps({"page": uri, "picture": picture}, ensure_ascii=False) + "\n")
    downloads = background.downloads(built.views, entries, today, _text(site.get("site_url")) or "")
    entries.unlink()
    for uri, content in {**built.generated, **downloads}.items():
        _write(docs, uri, content)
    has_overrides = False
    overrides = site.get("theme", {}).get("custom_dir") if isinstance(site.get("theme"), dict) else None
    if overrides:
        source = root / str(overrides)
        if doc_files.link_on_the_way(source, root) is not None or not source.resolve().is_relative_to(root):
            raise SetupError(f"{CONFIG_FILE}: theme.custom_dir {overrides!r} must be a folder of the repo, "
                             "not reached through a link")
        prepared.messages += _copy_tree(source, stage / OVERRIDES, root)
        has_overrides = True
    config = generator_config(site, built.nav, today, has_overrides)
    (stage / CONFIG_FILE).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    (stage / MANIFEST).write_text(json.dumps({
        "today": today.isoformat(),
        "root": str(root),
        "search": built.search,
        "errors": prepared.errors,
        "use_directory_urls": bool(site.get("use_directory_urls", True)),
        "site_url": str(site.get("site_url") or ""),
    }, ensure_ascii=False), "utf-8")
    return prepared
