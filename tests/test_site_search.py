"""What search indexes: client pages with their filters and names, and the guide; nothing else."""

from __future__ import annotations

import json

import pytest
from conftest import example_text, site_view
from handoff_lint.site import search


def test_a_client_page_has_its_owners_sector_and_risks_as_filters() -> None:
    record = search.client_record(site_view(example_text()))
    assert record["filters"] == {
        search.ACCOUNT_MANAGER: ["Hannah Lee"], search.AE: ["Priya Shah"],
        search.SECTOR: ["Transport and logistics"], search.RISK: ["High", "Med"],
    }


def test_the_clients_and_its_contacts_names_find_it_first() -> None:
    record = search.client_record(site_view(example_text()))
    names = record["names"]
    assert isinstance(names, list)
    assert names[0] == "Northwind Logistics Ltd" and "Aisha Rahman" in names
    assert record["weight"] == search.NAME_WEIGHT


def test_only_client_pages_and_the_guide_are_indexed() -> None:
    view = site_view(example_text())
    records = search.records([view], ["guide/index.md"])
    assert set(records) == {view.src_uri, "guide/index.md"}
    assert records["guide/index.md"]["filters"] == {}


def test_pages_are_indexed_in_shards_of_bounded_size_in_path_order() -> None:
    pages = [(f"client-{n:02}/01-handoff/handoff-client-{n:02}/index.html", 8000) for n in range(7, 0, -1)]
    paths = sorted(path for path, _ in pages)
    groups = search.shards([*pages, ("guide/index.html", 3000), pages[0]], 3)
    assert [len(group) for group in groups] == [3, 3, 2]
    assert [page for group in groups for page in group] == [*paths, "guide/index.html"]
    assert search.shards(reversed(pages), 3) == search.shards(pages, 3)  # the same pages, the same shards
    assert search.shards(pages, 100) == [paths]
    assert search.shards([], 3) == []
    with pytest.raises(ValueError):
        search.shards(pages, 0)


def test_a_shard_also_holds_no_more_words_than_pagefind_indexes_in_bounded_memory() -> None:
    pages = [("a/index.html", 400), ("b/index.html", 400), ("c/index.html", 400),
             ("d/index.html", 5000), ("e/index.html", 1)]
    assert search.shards(pages, 1000, words=1000) == [
        ["a/index.html", "b/index.html"], ["c/index.html"], ["d/index.html"], ["e/index.html"]]
    generated = search.SHARD_WORDS // 1330  # generated client pages hold some 1,330 words each
    assert generated > search.SHARD_SIZE


def test_the_words_of_a_page_are_those_from_its_search_mark_on_without_tags() -> None:
    page = ('<html><head><title>Menu text</title></head><body><nav>Menu</nav>'
            '<div data-pagefind-body><h1>Northwind</h1>\n\n<p>Aisha   Rahman</p></div></body></html>')
    assert search.word_count(page) == 3
    assert search.word_count("<p>no mark: all of it</p>") == 5
    assert search.word_count("<" * 100_000) == 1  # text that is no tag counts, in linear time


def test_the_first_shard_is_the_main_bundle_and_the_others_sit_inside_it() -> None:
    assert search.bundle_folder(1) == "pagefind"
    assert search.bundle_folder(2) == "pagefind/shard-2"
    assert json.loads(search.shards_file(3)) == {"shards": 3}
    with pytest.raises(ValueError):
        search.bundle_folder(0)


@pytest.mark.parametrize(("value", "size"), [(None, search.SHARD_SIZE), ("", search.SHARD_SIZE),
                                             ("250", 250), (" 1 ", 1)])
def test_the_shard_size_setting(value: str | None, size: int) -> None:
    assert search.shard_size(value) == size


@pytest.mark.parametrize("value", ["0", "-5", "1.5", "many", "١٠", "1e3"])
def test_a_shard_size_that_is_no_whole_number_of_pages_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="whole number of pages"):
        search.shard_size(value)
