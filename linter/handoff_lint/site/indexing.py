"""Pagefind's run over a built site: the pages search indexes, a shard at a time.

Pagefind reads the pages marked data-pagefind-body (client pages and the guide) and writes each
shard's chunked index into the site's pagefind/ folder (handoff_lint.site.search says which pages,
how they are split and how the site's script finds the shards). One run after another, so a build
holds one shard's index in memory, never the whole site's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from handoff_lint.errors import Refusal
from handoff_lint.site import search


class SearchIndexFailed(Refusal):
    """The search index could not be built; the message says why."""


def index(site: Path, pages: Sequence[str], shard_size: int) -> None:
    """Index the built pages (paths under site) into site/pagefind, in shards of shard_size pages."""
    counted = [(page, search.word_count((site / page).read_text("utf-8"))) for page in pages]
    groups = search.shards(counted, shard_size) or [[]]
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
    """Pagefind's binary itself, not `python -m pagefind` (which would look for the module in the
    working folder first), run in the shard's own folder: Pagefind reads a pagefind.yml, .toml or
    .json from its working folder, and one committed to the repo would steer it."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexFailed("search index not built: Pagefind's binary is not installed "
                                "(`pip install -e \".[site]\"` installs it)")
    command = [str(binary), "--site", str(pages), "--output-path", str(bundle), "--quiet"]
    try:
        result = subprocess.run(command, cwd=pages, capture_output=True, text=True, timeout=1800,
                                check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise SearchIndexFailed(f"search index not built: {error}") from None
    if result.returncode != 0:
        raise SearchIndexFailed(f"search index not built (pagefind exit {result.returncode}): "
                                f"{(result.stderr or result.stdout).strip()[-2000:]}")
