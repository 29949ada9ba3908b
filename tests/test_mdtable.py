"""The table rule that skips cell tokens finds exactly the tables markdown-it's own rule finds."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
from handoff_lint.reading.document import MAX_NESTING
from handoff_lint.reading.tables import ALT, table_extent
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.parser_block import _rules

CELL_TOKENS = {"thead_open", "thead_close", "tbody_open", "tbody_close", "tr_open", "tr_close",
               "th_open", "th_close", "td_open", "td_close"}


def full() -> MarkdownIt:
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable("inline")


def lean() -> MarkdownIt:
    parser = full()
    parser.block.ruler.at("table", table_extent, {"alt": ALT})
    return parser


FULL, LEAN = full(), lean()


def outline(parser: MarkdownIt, body: str) -> list[tuple[object, ...]]:
    """Every token but a table's insides, and each table's own lines."""
    found: list[tuple[object, ...]] = []
    inside = 0
    for token in parser.parse(body):
        if token.type == "table_open":
            inside += 1
        elif token.type == "table_close":
            inside -= 1
        elif inside or token.type in CELL_TOKENS:
            continue
        found.append((token.type, token.map, token.level, token.content))
    return found


def test_alt_matches_the_library() -> None:
    assert next(alt for name, _, alt in _rules if name == "table") == ALT


PIECES = ["| a | b |", "|---|---|", "|:-:|--:|", "| x |", "| \\| |", "a | b", "--- | ---", "|",
          "- ", "> ", "    ", "  ", "text", "# h", "\n", "\n", "\n", "\n\n", "---", "-", ":", "|-"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_tables_same_everything_else(body: str) -> None:
    assert outline(LEAN, body) == outline(FULL, body)


@pytest.mark.parametrize("depth", [0, 14, 15, 16, 19])
def test_near_the_nesting_limit_the_full_rule_runs(depth: int) -> None:
    body = "> " * depth + "| a | b |\n" + "> " * depth + "|---|---|\n" + "> " * depth + "| 1 | 2 |\n"
    assert outline(LEAN, body) == outline(FULL, body)
    if depth >= MAX_NESTING - 5:  # the cell tokens are what reach the limit here
        assert [t.type for t in LEAN.parse(body)] == [t.type for t in FULL.parse(body)]


def test_examples_parse_the_same() -> None:
    for path in EXAMPLES:
        body = path.read_text("utf-8")
        assert outline(LEAN, body) == outline(FULL, body)
