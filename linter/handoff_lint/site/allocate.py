"""One owner for every path the site writes: generated pages, client pages, feeds and exports.

Each path is claimed by what makes it; a second claim on the same address is a build error, never one
page silently replacing another. Addresses are compared as a browser reaches them with MkDocs'
directory URLs ('a/b.md' and 'a/b/index.md' are both 'a/b/') and without regard to capitals (as a
case-insensitive file system stores them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class PathCollision(Exception):
    """Two things the site writes would have the same address."""


def address(path: str) -> str:
    """Where a file in the site is served: a page at its folder's URL, any other file at its path."""
    if not path.endswith(".md"):
        return path.casefold()
    stem = path.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name.casefold() in ("index", "readme"):
        return f"{folder}/".casefold().lstrip("/")
    return f"{stem}/".casefold()


class Paths:
    """The paths claimed so far, each with a description of what claimed it."""

    def __init__(self) -> None:
        self._owners: dict[str, tuple[str, str]] = {}  # address -> (path, what claimed it)

    def claim(self, path: str, owner: str) -> None:
        """Take path for owner; PathCollision if something else already has its address."""
        key = address(path)
        taken = self._owners.get(key)
        if taken is not None:
            raise PathCollision(f"{path} ({owner}) and {taken[0]} ({taken[1]}) would be the same page; "
                                "the site writes neither over the other")
        self._owners[key] = (path, owner)

    def claim_all(self, paths: Iterable[str], owner: str) -> None:
        for path in paths:
            self.claim(path, owner)

    def merge(self, parts: Iterable[tuple[str, Mapping[str, str]]]) -> dict[str, str]:
        """Pages from several makers, (what made them, path -> content), as one mapping; every path
        claimed."""
        merged: dict[str, str] = {}
        for owner, pages in parts:
            self.claim_all(pages, owner)
            merged.update(pages)
        return merged
