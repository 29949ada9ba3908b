"""Blank lines the site's Markdown needs, placed from the parsed Document; nothing else changes."""

from __future__ import annotations

from conftest import check_doc, example_text
from handoff_lint.reading.document import parse
from handoff_lint.site.spacing import spaced_body


def spaced(body: str) -> str:
    return spaced_body(parse(body))


def test_a_quote_under_a_label_is_set_apart_from_the_label_and_the_next_item() -> None:
    body = '- **Trigger:**\n    > "Exact words."\n- **Success measure:** Fewer leavers.\n'
    assert spaced(body) == '- **Trigger:**\n\n    > "Exact words."\n\n- **Success measure:** Fewer leavers.\n'


def test_a_list_or_table_right_after_text_gets_a_blank_line() -> None:
    assert spaced("Anything promised:\n- one\n- two\n") == "Anything promised:\n\n- one\n- two\n"
    assert spaced("Text\n| a | b |\n|---|---|\n| 1 | 2 |\n") == "Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_a_gap_inside_a_quote_stays_inside_the_quote() -> None:
    assert spaced("> Said:\n> - one\n> - two\n") == "> Said:\n>\n> - one\n> - two\n"


def test_nested_lists_and_already_spaced_docs_are_left_alone() -> None:
    body = "- **Sites in scope:**\n    - Leeds\n    - Manchester\n\n> quote\n\nText\n"
    assert spaced(body) == body


def test_the_example_only_gains_blank_lines() -> None:
    checked = check_doc(example_text())
    assert checked.document is not None and checked.front is not None
    result = spaced_body(checked.document)
    assert [line for line in result.split("\n") if line.strip()] == [
        line for line in checked.front.body.split("\n") if line.strip()]
