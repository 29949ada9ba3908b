"""MkDocs adapter for the handoff site: MkDocs' events, handed to handoff_lint.site.

Every page is written by the package's plain functions, the same `handoff site prepare` and
`finish` run for any generator; the events that call them, and what only MkDocs needs (a second
process, the render cache, pages waiting on disk), are in handoff_lint.site.mkdocs_adapter. This
file only keeps the repo's folders off Python's import path before anything is imported from it.
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

from typing import Any

from handoff_lint.site.mkdocs_adapter import events
from handoff_lint.site.mkdocs_adapter.events import (
    on_build_error,
    on_config,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
    on_shutdown,
)
from mkdocs.config.defaults import MkDocsConfig

__all__ = ["on_build_error", "on_config", "on_files", "on_nav", "on_page_content", "on_page_context",
           "on_page_markdown", "on_post_build", "on_post_page", "on_post_template", "on_pre_build",
           "on_serve", "on_shutdown"]


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    """Refuse a build that could have imported code from the repo, then the package's checks."""
    events.refuse_repo_on_import_path(_REPO_ON_PATH)
    events.on_pre_build(config)
