"""Search indexed beside the rest of the build: Pagefind starts once every page it indexes is
written, while MkDocs writes the others (handoff_lint.site.indexing)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from handoff_lint.engine.reporters import printable
from handoff_lint.site import indexing, search


@dataclass
class SearchIndex:
    shard_size: int = search.SHARD_SIZE  # pages per Pagefind run
    indexed: list[str] = field(default_factory=list)  # the built files of the pages search indexes
    _not_yet_written: set[str] = field(default_factory=set)  # pages to index MkDocs has yet to write
    _last: str | None = None  # the last of them, being written
    _thread: threading.Thread | None = None
    _error: PluginError | None = None

    def expect(self, pages: dict[str, str]) -> None:
        """The pages to index, as (source path, built file), before MkDocs writes any."""
        self.indexed = list(pages.values())
        self._not_yet_written = set(pages)
        self._last, self._thread, self._error = None, None, None

    def writing(self, src_uri: str, site: Path) -> None:
        """MkDocs is about to write this page; the one before it is on disk."""
        if self._last is not None:
            self._last = None
            self.start(site)
        if self._not_yet_written:
            self._not_yet_written.discard(src_uri)
            if not self._not_yet_written:
                self._last = src_uri

    def start(self, site: Path) -> None:
        """Index the built site for search, unless it is being indexed: Pagefind reads the pages
        marked data-pagefind-body (client pages and the guide), a shard at a time, and writes each
        shard's chunked index into the site's pagefind/ folder (handoff_lint.site.search)."""
        if self._thread is not None:
            return

        def index() -> None:
            try:
                indexing.index(site, self.indexed, self.shard_size)
            except indexing.SearchIndexFailed as error:
                self._error = PluginError(str(error))
            except Exception as error:  # the build fails with the reason, never passes without search
                self._error = PluginError(f"search index not built: {printable(repr(error))}")

        self._thread = threading.Thread(target=index, name="handoff-search-index", daemon=True)
        self._thread.start()

    def wait(self, site: Path) -> None:
        """Index the site if no page to index was written, wait, and raise what went wrong."""
        self.start(site)
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
