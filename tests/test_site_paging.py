"""Lists of any length as pages of bounded size, linked to their neighbours."""

from __future__ import annotations

from collections.abc import Sequence

from handoff_lint.site import paging


def test_page_paths_never_collide_with_a_names_slug() -> None:
    assert paging.page_uri("registers/am/index.md", 1) == "registers/am/index.md"
    assert paging.page_uri("registers/am/hannah-lee.md", 3) == "registers/am/hannah-lee/3.md"


def test_a_list_is_cut_into_pages_of_at_most_the_size_and_an_empty_list_has_one_page() -> None:
    assert [len(c) for c in paging.chunks(list(range(250)), 100)] == [100, 100, 50]
    assert paging.chunks([], 100) == [[]]


def test_each_page_links_to_its_neighbours() -> None:
    def render(uri: str, part: Sequence[int], pager: str) -> str:
        return f"{uri}|{len(part)}|{pager}"

    pages = paging.paged("all/index.md", list(range(250)), render, size=100)
    assert list(pages) == ["all/index.md", "all/index/2.md", "all/index/3.md"]
    middle = pages["all/index/2.md"]
    assert "Page 2 of 3" in middle
    assert "[‹ previous](../index.md)" in middle and "[next ›](3.md)" in middle
    assert paging.pager("all/index.md", 1, 1) == ""
