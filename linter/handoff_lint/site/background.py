"""Work a build can do in another process, beside its own: checking docs (half of them), checking that
each rendered client page shows what the linter read, and making the files the site offers for
download.

Rendering pages is MkDocs' own work and runs in one process; these jobs need nothing back from it but
the rendered HTML, so an adapter hands them to a second process and collects them at the end of the
build. Each job is a plain function of picklable arguments.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from handoff_lint.contract.config import Config
from handoff_lint.engine import cache, runner
from handoff_lint.engine.check import Checked
from handoff_lint.reading import files
from handoff_lint.site import calendar_feed, client_page, exports, parity, timeline
from handoff_lint.site.clients import ClientView

# The site's own blocks on a client page: parity skips them (and checks that the doc did not extend them).
GENERATED_BLOCKS = frozenset({client_page.CARD_CLASS, client_page.BANNER_CLASS, timeline.CONTAINER_CLASS})


def check_docs(targets: Sequence[files.Target], config: Config, store_folder: Path | None,
               settings: str) -> list[tuple[Checked, str | None]]:
    """cache.check_target for each doc, in order: the docs' checks shared between two processes."""
    store = cache.Store(store_folder)
    return [cache.check_target(target, config, store, settings) for target in targets]


ParityJob = tuple[files.Target, str, str]  # a client page's doc, the key of its check, its HTML


def page_differences(checked: Checked, html: str) -> list[tuple[int, str]]:
    """(line, what differs) where a rendered client page departs from its doc (handoff_lint.site.
    parity), the blocks the site adds to the page left out; none for a doc that was not parsed."""
    if checked.document is None:
        return []
    return parity.differences(checked.document, html, set(GENERATED_BLOCKS), client_page.EMAIL_ID)


def parity_finding(path: str, line: int, message: str) -> str:
    """One difference as the build reports it."""
    return f"{path}:{line}:1: the site shows this differently from how the linter reads it: {message}"


def parity_differences(jobs: Sequence[ParityJob], store_folder: Path | None,
                       config: Config) -> list[list[tuple[int, str]]]:
    """The parity check of rendered client pages (one result per job, in order), on each doc's parse
    from the store (or parsed again when the store does not have it). Each result is kept in the
    store under its page's key. Pages come in batches: one hand-over per page costs the build more
    in its own process than the check costs in this one."""
    store = cache.Store(store_folder)
    results: list[list[tuple[int, str]]] = []
    for target, doc_key, html in jobs:
        checked = store.load("check", doc_key, cache.CHECK)
        if checked is None:
            checked = runner.check_target(target, config)
        found = page_differences(checked, html)
        store.save("parity", cache.parity_key(doc_key, html), found)
        results.append(found)
    return results


def downloads(views: Sequence[ClientView], entries: Path, today: dt.date,
              site_url: str = "") -> dict[str, str]:
    """The calendar feeds and the exports, by path in the site; entries is a file of the docs'
    export entries, one JSON array [page path, JSON text] a line (kept on disk as they are made)."""
    with entries.open(encoding="utf-8") as lines:
        made = [(str(page), str(text)) for page, text in map(json.loads, lines)]
    return {**calendar_feed.feeds(views, today, site_url), **exports.exports(views, made, today)}


def download_paths(views: Sequence[ClientView]) -> list[str]:
    """Where downloads puts its files in the site, known before they are written."""
    return [*calendar_feed.paths(views), *exports.PATHS]
