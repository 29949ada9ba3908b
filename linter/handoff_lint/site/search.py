"""What the site's search (Pagefind) is told about each page, decided here and never by a doc.

Only client pages and the guide are indexed: the dashboard and the registers repeat what the client
pages say. A client page carries its filters (Account Manager, AE, sector, risk likelihood) and the
names that should find it first (the client's and its contacts'), all taken from the checked
instance; the site's template writes them as Pagefind's data- attributes, which the Markdown of a
doc can never produce (handoff_lint.site.safe_markdown drops every data- attribute).

Pagefind holds a whole index in memory until it writes it (about 0.45 MB per client page), so the
pages are indexed in shards of at most SHARD_SIZE pages, one Pagefind run after another: a build
needs one shard's memory however many clients there are. Each shard is a bundle of its own; the
first is the main bundle, and the site's script merges the others into the same search.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from handoff_lint.site.clients import LIKELIHOODS, ClientView

# The filter names shown in the search panel, in this order.
ACCOUNT_MANAGER = "Account Manager"
AE = "AE"
SECTOR = "Sector"
RISK = "Risk likelihood"
FILTERS = (ACCOUNT_MANAGER, AE, SECTOR, RISK)

# How much more a match in a client's or contact's name counts than one in the page text (Pagefind's
# data-pagefind-weight: 1 is ordinary text, headings weigh up to 7, 10 is the most it takes).
NAME_WEIGHT = 10
# A guide page's text counts for less than a client page's, so that a person's or a client's name
# finds the client first even where the guide uses the same name as an example.
GUIDE_WEIGHT = 0.2
# What a result shows besides its title and excerpt (Pagefind's data-pagefind-meta), read by the
# site's script: the client's stage and Account Manager.
STAGE_META = "stage"
AM_META = "account_manager"

Record = dict[str, object]

# The theme's own search (lunr, its word splitters and its worker), which the site never loads:
# left out of the built site (some 1.2 MB, wordcut.js alone 677 KB).
THEME_SEARCH_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers")


def remove_theme_search(site: Path) -> None:
    """Remove the theme's search files from a built site (never through a link)."""
    for relative in THEME_SEARCH_FILES:
        folder = site / relative
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)


def client_record(view: ClientView) -> Record:
    """The search record of a client page: its filters and the names that find it first."""
    filters: dict[str, list[str]] = {
        ACCOUNT_MANAGER: [view.account_manager] if view.account_manager else [],
        AE: [view.ae] if view.ae else [],
        SECTOR: [view.sector] if view.sector else [],
        RISK: [level for level in LIKELIHOODS if view.risk_count(level)],
    }
    names = [view.name, *view.contacts]
    stage = view.clock.stage.value + (f": {view.clock.text}" if view.clock.text else "")
    return {"filters": {name: values for name, values in filters.items() if values},
            "names": list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip())),
            "weight": NAME_WEIGHT, "body_weight": 1,
            "meta": {"title": view.name, STAGE_META: stage,
                     AM_META: view.account_manager or "not yet assigned"}}


def guide_record() -> Record:
    """A guide page is indexed as it is, its text weighing less than a client page's: no filters,
    no names."""
    return {"filters": {}, "names": [], "weight": NAME_WEIGHT, "body_weight": GUIDE_WEIGHT, "meta": {}}


def records(views: Sequence[ClientView], guide_pages: Sequence[str]) -> dict[str, Record]:
    """Source path -> search record for every page to index; pages not listed are not indexed."""
    found = {uri: guide_record() for uri in guide_pages}
    found.update({view.src_uri: client_record(view) for view in views})
    return found


# Pagefind's memory grows with the words it indexes, by some 350 bytes a word (a run over 1,000
# generated client pages of 1,330 words each peaks at about 450 MB, over 2,000 at about 900 MB).
# So a shard holds at most SHARD_SIZE pages and SHARD_WORDS words, which keeps a run near 500 MB
# however long the docs are; 1,000 clients and the guide still fit in one. Every further shard adds
# its metadata, filters and an index chunk (some 20 to 40 KB) to what a search downloads, and its
# share of the search's work.
SHARD_SIZE = 1100
SHARD_WORDS = 1_500_000
# The setting (an environment variable of the build) that changes it, for a machine with less memory.
SHARD_SIZE_VARIABLE = "HANDOFF_SEARCH_SHARD_SIZE"
# Where the bundles go in the site: the first shard is the main bundle, shard n (from 2 on) is in
# the main bundle's SHARD_PREFIX<n>/ folder.
BUNDLE = "pagefind"
SHARD_PREFIX = "shard-"
# In the main bundle: how many shards there are, for the site's script to merge them all.
SHARDS_FILE = "handoff-shards.json"
BODY_MARK = "data-pagefind-body"  # what the site's template marks as the part to index
_TAG = re.compile(r"<[^<>]*>")  # never past another "<": linear on any page


def shard_size(value: str | None) -> int:
    """The shard size a setting asks for (SHARD_SIZE when unset); ValueError if it is no whole
    number of pages of at least 1."""
    if value is None or not value.strip():
        return SHARD_SIZE
    text = value.strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise ValueError(f"{value!r} is not a whole number of pages (1 or more)")
    return int(text)


def word_count(page: str) -> int:
    """About how many words Pagefind reads from a built page: those from the tag marked
    data-pagefind-body to the end, tags left out."""
    mark = page.find(BODY_MARK)
    start = page.rfind("<", 0, mark) if mark > 0 else 0  # the tag that carries the mark
    return len(_TAG.sub(" ", page[max(start, 0):]).split())


def shards(pages: Iterable[tuple[str, int]], size: int, words: int = SHARD_WORDS) -> list[list[str]]:
    """The pages to index, as (path in the built site, word_count), in groups of at most size
    pages and words (a longer page is a shard of its own), in path order: the same pages always
    make the same shards."""
    if size < 1:
        raise ValueError("a shard holds at least one page")
    found: list[list[str]] = []
    total = 0
    for path, count in sorted(dict(pages).items()):
        if not found or len(found[-1]) >= size or total + count > words:
            found.append([])
            total = 0
        found[-1].append(path)
        total += count
    return found


def bundle_folder(number: int) -> str:
    """The folder, relative to the site, of shard number's bundle (the first shard is number 1)."""
    if number < 1:
        raise ValueError("shards are numbered from 1")
    return BUNDLE if number == 1 else f"{BUNDLE}/{SHARD_PREFIX}{number}"


def shards_file(count: int) -> str:
    """What SHARDS_FILE holds: the number of shards, and nothing a doc could write."""
    return json.dumps({"shards": count})
