"""The last step of building the site with any generator: the built HTML made what we publish.

Over the site a generator wrote from the staging folder (handoff_lint.site.prepare): each client
page is checked to show what the linter read, then gets its timeline (and each portfolio page its
picture); each page search indexes is marked for Pagefind with the site's own record of it (never
anything a doc wrote); every page gets its Content-Security-Policy with the theme's inline scripts
moved into files; and Pagefind indexes the marked pages. Returns the errors found, as
`path:line:col: message` lines.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from handoff_lint.contract.config import Config
from handoff_lint.engine import cache
from handoff_lint.engine.check import Checked
from handoff_lint.reading import files
from handoff_lint.site import background, csp, indexing, search, timeline
from handoff_lint.site.prepare import CLIENT_PAGES, MANIFEST, PICTURES

_ARTICLE = '<article class="md-content__inner md-typeset">'


def built_page(src_uri: str, directory_urls: bool = True) -> str:
    """Where a generator writes a page's HTML, under the site's folder."""
    path = PurePosixPath(src_uri).with_suffix("")
    if not directory_urls:
        return f"{path}.html"
    if path.name in ("index", "README"):
        return (path.parent / "index.html").as_posix()
    return (path / "index.html").as_posix()


def _base_url(page: str) -> str:
    """From a built page to the site's root, as the theme links it."""
    depth = len(PurePosixPath(page).parts) - 1
    return "/".join([".."] * depth) or "."


def mark_for_search(page: str, record: search.Record) -> str:
    """The page's content marked for Pagefind: its filters and the names that find it first, each
    escaped, inside the theme's article (so the site's header, navigation and footer are not
    indexed)."""
    start = page.find(_ARTICLE)
    end = page.rfind("</article>")
    if start < 0 or end < start:
        return page
    start += len(_ARTICLE)
    filters = record.get("filters")
    marks = "".join(
        f'<span hidden data-pagefind-filter="{html.escape(str(name))}">{html.escape(str(value))}</span>'
        for name, values in (filters.items() if isinstance(filters, dict) else ())
        for value in values
    )
    names = record.get("names")
    if isinstance(names, list) and names:
        weight = int(str(record.get("weight", search.NAME_WEIGHT)))
        marks += (f'<p hidden data-pagefind-weight="{weight}">'
                  f'{html.escape(" · ".join(map(str, names)))}</p>')
    return f"{page[:start]}<div data-pagefind-body>{marks}{page[start:end]}</div>{page[end:]}"


def _html_files(site: Path) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(site):
        subfolders[:] = sorted(s for s in subfolders if not Path(folder, s).is_symlink())
        for name in sorted(names):
            if name.endswith(".html") and not Path(folder, name).is_symlink():
                yield Path(folder, name)


@dataclass
class Finished:
    errors: list[str] = field(default_factory=list)  # what fails a strict build
    active: list[str] = field(default_factory=list)  # script that is not the theme's: fails any build
    notes: list[str] = field(default_factory=list)  # what the person building should know; fails nothing


ERROR_PAGE = "404.html"


def error_page_note(site_url: str) -> str | None:
    """What to say about the error page when no site_url is set. A server shows 404.html for a
    missing address at any depth, so its links cannot be relative; the generators write them from
    site_url's path, else from the server's root, which is wrong for a site served under a sub-path.
    Nothing in the page can find that path itself: the policy allows no <base> and no inline script."""
    if site_url:
        return None
    return (f"{ERROR_PAGE}: its links and assets start at the server's root (/), as mkdocs.yml sets no "
            "site_url; if the site is served under a sub-path (https://intranet.example.com/handoff/), "
            "set site_url to that address and build again")


def theme_scripts(*theme_folders: Path) -> csp.ThemeScripts:
    """The inline scripts of the generator's own theme, read from its installed templates (never the
    repo's overrides: a script of ours is a file), so a theme upgrade brings its own list."""
    return csp.theme_scripts(path.read_text("utf-8") for folder in theme_folders
                             for path in sorted(folder.rglob("*.html")) if path.is_file())


def finish(stage: Path, site: Path, settings: Config, store: cache.Store, theme: csp.ThemeScripts,
           shard_size: int = search.SHARD_SIZE) -> Finished:
    """Make the built site in `site` what we publish, with what was found wrong."""
    manifest = json.loads((stage / MANIFEST).read_text("utf-8"))
    directory_urls = bool(manifest["use_directory_urls"])
    records: dict[str, search.Record] = manifest["search"]
    errors: list[str] = []
    active: list[str] = []
    fingerprint = cache.settings_fingerprint(settings)
    with (stage / CLIENT_PAGES).open(encoding="utf-8") as lines:
        for line in lines:
            client = json.loads(line)
            built = site / built_page(client["page"], directory_urls)
            page = built.read_text("utf-8")
            target = files.Target(client["doc"], Path(client["path"]), PurePosixPath(client["relative"]))
            checked, _ = cache.check_target(target, settings, store, fingerprint)
            errors += _parity(checked, page)  # on the page as rendered, before the site adds to it
    with (stage / PICTURES).open(encoding="utf-8") as lines:
        for line in lines:
            picture = json.loads(line)
            built = site / built_page(picture["page"], directory_urls)
            built.write_text(timeline.place(built.read_text("utf-8"), picture["picture"]), "utf-8")
    written: set[str] = set()
    root_url = urlsplit(str(manifest.get("site_url") or "/")).path or "/"
    for path in _html_files(site):
        page_path = path.relative_to(site).as_posix()
        # As the theme links its error page: from the server's root, wherever the error happened.
        base = root_url if page_path == ERROR_PAGE else _base_url(page_path)
        hardened = csp.harden(path.read_text("utf-8"), base, theme)
        active += [f"{page_path}: {problem}; the site publishes no script but the theme's"
                   for problem in hardened.problems]
        for script, body in hardened.files.items():
            if script not in written:
                written.add(script)
                (site / script).parent.mkdir(parents=True, exist_ok=True)
                (site / script).write_text(body, "utf-8")
        path.write_text(hardened.page, "utf-8")
    indexed = []
    for uri, record in records.items():
        built = site / built_page(uri, directory_urls)
        if built.is_file():
            built.write_text(mark_for_search(built.read_text("utf-8"), record), "utf-8")
            indexed.append(built_page(uri, directory_urls))
    try:
        indexing.index(site, indexed, shard_size)
    except indexing.SearchIndexFailed as error:
        errors.append(str(error))
    note = error_page_note(str(manifest.get("site_url") or ""))
    return Finished(errors, active, [note] if note else [])


def _parity(checked: Checked, page: str) -> list[str]:
    return [background.parity_finding(checked.path, line, message)
            for line, message in background.page_differences(checked, page)]
