"""Block rules switched off for a body that cannot use them give exactly the tokens of a full parse."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES
from handoff_lint.reading.document import markdown_parser, rules_not_needed
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

PIECES = ["---", "***", "* * *", "___", "- ", "* ", "1. ", "> ", ">", "```", "~~~", "===", "==",
          "-", "[a]: /b", "[a]", ":", "<div>", "<", "| a | b |", "|---|---|", "    ", "\t", "  ",
          "text", "**Label:**", "# ", "## ", "\n", "\n", "\n", "\n\n"]


def tokens(body: str, off: frozenset[str]) -> list[tuple[object, ...]]:
    found: list[Token] = markdown_parser(off).parse(body)
    return [(t.type, t.map, t.content, t.level, t.markup, t.info) for t in found]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_gated_parse_gives_the_same_tokens(body: str) -> None:
    assert tokens(body, rules_not_needed(body)) == tokens(body, frozenset())


@pytest.mark.parametrize("body", [
    "para\n---\n", "para\n===\n", "> ---\n", "- ***\n", "1. ___\n", "text\n  - - -\n",
    "```\ncode\n```\n", "~~~\ncode\n~~~\n", "[a]: /url\n", "<div>\nhtml\n</div>\n",
])
def test_a_body_using_a_rule_keeps_it(body: str) -> None:
    assert tokens(body, rules_not_needed(body)) == tokens(body, frozenset())
    assert rules_not_needed(body) != frozenset(["fence", "reference", "html_block", "hr", "lheading"])


def test_the_examples_skip_the_rules_they_do_not_use() -> None:
    for path in EXAMPLES:
        body = path.read_text("utf-8").split("\n---\n", 1)[1]
        assert {"fence", "reference", "hr", "lheading"} <= rules_not_needed(body)
        assert tokens(body, rules_not_needed(body)) == tokens(body, frozenset())
