"""Each page's rendering kept in the store and reused while its Markdown, the files it links to and
everything else that decides how it renders (render_context) are unchanged."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from handoff_lint.engine import cache

# What Page.render leaves on a page, and what it logged: content, table of contents, title, anchor
# ids, links to anchors (by the linked page's source path), messages as (logger, level, text), and
# every file it looked up, with the address and inclusion it found (None: not found). Plain data, so
# that the store keeps it as data and reads it back as nothing else (handoff_lint.engine.cache).
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


def page_key(context: str, src_uri: str, markdown: str) -> str:
    """The store's key for a page's rendering."""
    return hashlib.sha256(f"{context}\0{src_uri}\0{markdown}".encode()).hexdigest()


def render(page: Page, key: str, config: MkDocsConfig, files: Files, store: cache.Store) -> None:
    """Page.render, or what it left last time: when the page's Markdown is the same and every file
    it looked up (its links' targets) is where it was, found or not, as before."""
    found = store.load("render", key, _RENDERED)
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
    store.save("render", key, _Rendered(page.content or "", _anchors(page.toc),
                                        page._title_from_render, page.present_anchor_ids, links,
                                        recorder.messages, lookups))


def render_context(config: MkDocsConfig) -> str:
    """Everything besides a page's Markdown and the files it links to that decides how it renders:
    the Markdown extensions and their settings, the libraries' and the linter's versions, and how
    links are checked and reported; and the code that runs around it (the linter's, the hooks)
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
