"""Lists the site's script filters and sorts over every row, not the page's 100: All clients, All risks.

A list is a paged table of Markdown pages (what a reader without the script gets) and one static JSON
file of every row, which the script (handoff_lint.site.script) reads as data. The file says which
filters and sorts the list has and, for each row, its cells, the values it is filtered by and the
keys it is sorted by. Cells are parts of plain text (some of them links, chips or emphasis); the
script writes every part with textContent, never as markup, so a value from a doc stays text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from handoff_lint.site import uris

Part = dict[str, object]
Cell = list[Part]
SortKey = str | int


@dataclass(frozen=True)
class Filter:
    """A choice above the list: rows whose value for key is the one chosen. values fixes the choices
    and their order (stages in stage order); without, they are every value the rows have, by name."""

    key: str
    label: str
    every: str  # the choice that filters nothing ("every AM")
    values: Sequence[str] | None = None


@dataclass(frozen=True)
class Sort:
    """An order of the list: by each of keys in turn, descending where the key starts with '-'.
    An empty value sorts last either way."""

    key: str
    label: str
    keys: Sequence[str]


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    filters: Mapping[str, str]
    sort: Mapping[str, SortKey]


@dataclass(frozen=True)
class Noun:
    one: str
    many: str


def text(value: str) -> Part:
    return {"text": value}


def strong(value: str) -> Part:
    return {"text": value, "strong": True}


def link(value: str, src_uri: str) -> Part:
    """A link to a page of the site, by its source path; no page is plain text ('—' for nothing)."""
    return {"text": value, "url": uris.url(src_uri)} if value and src_uri else text(value or "—")


def chip(value: str, *kinds: str) -> Part:
    """A chip (handoff_lint.site.stages), e.g. chip('Onboarding', 'onboarding', 'due-soon'); each kind
    is the end of one of the site's chip classes, lowercase words and hyphens only."""
    return {"text": value, "chip": list(kinds)}


def data(noun: Noun, filters: Sequence[Filter], sorts: Sequence[Sort], rows: Sequence[Row]) -> str:
    """The list's JSON file; rows in the list's own order (what the first sort gives)."""
    return json.dumps({
        "noun": {"one": noun.one, "many": noun.many},
        "filters": [{"key": f.key, "label": f.label, "every": f.every,
                     **({"values": list(f.values)} if f.values is not None else {})} for f in filters],
        "sorts": [{"key": s.key, "label": s.label, "keys": list(s.keys)} for s in sorts],
        "rows": [{"cells": [list(cell) for cell in row.cells], "filters": dict(row.filters),
                  "sort": dict(row.sort)} for row in rows],
    }, ensure_ascii=False, separators=(",", ":"))
