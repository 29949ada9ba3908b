"""Which files MkDocs publishes: the docs of the clients folder (handoff_lint.site.publish), the
guide's pages as the site writes them, and front matter only the site wrote."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.reporters import printable
from handoff_lint.reading import files as doc_files
from handoff_lint.site import prepare, publish, sanitize, uris


def guide_pages(files: Files, config: MkDocsConfig, source: Callable[[str], str],
                ) -> tuple[list[tuple[str, str]], list[Diagnostic], list[str]]:
    """Add the hand-written guide pages, each published as the site writes it
    (prepare.hand_written_pages); return them as (site path, title), with their findings and why
    any other file there is not published."""
    base = Path(os.path.abspath(Path(config.config_file_path).parent))
    found, findings, messages = prepare.hand_written_pages(base)
    # Where the site's own pages are written: a guide page may not take one.
    taken = {File.generated(config, uri, content="").dest_uri for uri in uris.GENERATED}
    taken |= {file.dest_uri for file in files}
    published: list[tuple[str, str]] = []
    for uri, page in found:
        file = File.generated(config, uri, abs_src_path=source(page.source))
        if file.dest_uri in taken:
            messages.append(f"{printable(uri)}: the site writes this page itself; rename the file")
            continue
        taken.add(file.dest_uri)
        files.append(file)
        published.append((uri, page.title))
    return published, findings, messages


def meta(page: Page) -> list[str]:
    """Keep in a page's front matter, as the theme will read it, only what the site writes
    (handoff_lint.site.sanitize): anything else is dropped before a template sees it, and said."""
    messages = []
    for key, problem in sanitize.meta_problems(page.meta):
        messages.append(f"{printable(page.file.src_path)}: {printable(problem)}; dropped before the theme "
                        "reads it")
        page.meta.pop(key, None)
    return messages


def only_docs(files: Files, config: MkDocsConfig, clients: str) -> tuple[Files, list[str]]:
    """The files without those the site does not publish from the clients folder (site.publish),
    and why each is left out."""
    messages = [f"{printable(file.src_uri)}: the file's name is not UTF-8 text; it is not published "
                "(rename it)" for file in files if not uris.is_utf8(file.src_uri)]
    files = Files([file for file in files if uris.is_utf8(file.src_uri)])
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
    kept = Files([f for f in files if id(f) not in sources or sources[id(f)][0] not in decision.left_out])
    return kept, [*messages, *decision.messages]
