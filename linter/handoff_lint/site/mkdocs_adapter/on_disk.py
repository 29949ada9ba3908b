"""Page sources the site writes, and pages MkDocs has rendered, waiting on disk in a folder of the
build's own rather than in memory: MkDocs holds every page's source until it reads it, and every
rendered page until the last is written (at 10,000 clients, over a GB)."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from mkdocs.structure.pages import Page

from handoff_lint.site import attributes


class OnDisk:
    def __init__(self) -> None:
        self.folder: Path | None = None
        # Page path -> where its rendered content waits in one file (offset, length), and the
        # marker standing in for it. One file for every page: a file each cost a create, a read and
        # an unlink per page, seconds of system time at 1,000 clients.
        self.set_aside: dict[str, tuple[int, int, str]] = {}
        self._aside: BinaryIO | None = None
        self._names = itertools.count()

    def open(self) -> Path:
        """A new, empty folder for this build."""
        self.remove()
        self.folder = Path(tempfile.mkdtemp(prefix="handoff-pages-"))
        return self.folder

    def source(self, content: str) -> str:
        """Where a page's Markdown waits for MkDocs to read it (a backing MkDocs offers for generated
        files)."""
        assert self.folder is not None
        path = self.folder / f"{next(self._names)}.md"  # numbered: no name taken from a doc
        path.write_text(content, "utf-8")
        return str(path)

    def put_aside(self, page: Page, html: str) -> str:
        """The marker MkDocs holds in place of a rendered page until put_back; the page's Markdown,
        rendered, is let go as well."""
        page.markdown = None
        if self.folder is None:
            return html
        if self._aside is None:
            self._aside = (self.folder / "rendered-pages").open("w+b")
        content = html.encode("utf-8")
        offset = self._aside.seek(0, os.SEEK_END)
        self._aside.write(content)
        # Keyed, so no doc can write it (handoff_lint.site.attributes). The theme writes a title itself
        # unless the content has an "<h1", which it looks for in what it is given: so the marker has one
        # where the content has.
        marker = f"<!--{attributes.KEY}-page-content{' <h1' if '<h1' in html else ''}-->"
        self.set_aside[page.file.src_uri] = (offset, len(content), marker)
        return marker

    def put_back(self, output: str, page: Page) -> str:
        """The written page with its content back in place of the marker."""
        found = self.set_aside.pop(page.file.src_uri, None)
        if found is None or self._aside is None:
            return output
        offset, length, marker = found
        self._aside.seek(offset)  # put_aside seeks to the end again before it writes
        content = self._aside.read(length).decode("utf-8")
        return output.replace(marker, content, 1)

    def remove(self) -> None:
        if self._aside is not None:
            self._aside.close()
            self._aside = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        self.set_aside.clear()
