"""Lists of any length as pages of bounded size: the site's pages never grow with the client count.

A list (clients, risks, commitments) is cut into pages of at most ROWS entries; each page links to
its neighbours. Every page path is derived from a base path, so pages link to each other without
knowing how many there are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from handoff_lint.site.mdtext import link

T = TypeVar("T")

# A page of 100 table rows is some 40 KB of HTML: short enough to read and to sort in the browser.
ROWS = 100


def page_uri(base: str, number: int) -> str:
    """The path of page `number` (from 1) of the list at `base` (a path ending '.md').

    Later pages go in a folder named after the first ('risks.md', 'risks/2.md'): no name's slug
    holds a '/', so a page number never collides with another list's path."""
    return base if number == 1 else f"{base.removesuffix('.md')}/{number}.md"


def chunks(items: Sequence[T], size: int = ROWS) -> list[Sequence[T]]:
    """The items in pages of at most `size`; one empty page for no items, so every list has a page."""
    return [items[start:start + size] for start in range(0, len(items), size)] or [items[:0]]


def pager(base: str, number: int, total: int) -> str:
    """'Page 2 of 7' with links to the first, previous, next and last pages; empty for one page."""
    if total <= 1:
        return ""
    here = page_uri(base, number)
    steps = [
        ("« first", 1, number > 2), ("‹ previous", number - 1, number > 1),
        ("next ›", number + 1, number < total), ("last »", total, number < total - 1),
    ]
    links = [link(label, here, page_uri(base, target)) for label, target, shown in steps if shown]
    return f"Page {number} of {total}: " + " · ".join(links) + "\n"


def paged(base: str, items: Sequence[T], render: Callable[[str, Sequence[T], str], str],
          size: int = ROWS) -> dict[str, str]:
    """Page path -> Markdown for a list; render(page path, its items, pager line) writes one page."""
    parts = chunks(items, size)
    return {
        page_uri(base, number): render(page_uri(base, number), part, pager(base, number, len(parts)))
        for number, part in enumerate(parts, start=1)
    }
