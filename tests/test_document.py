from __future__ import annotations

from handoff_lint.reading.document import Cell, item_text, parse, split_row


def test_sections_start_at_h2_and_keep_h3_subsections() -> None:
    document = parse("# Title\n\n## Section A\n\n- a\n\n### Cohorts\n\n| x |\n|---|\n| 1 |\n", 3)
    [section] = document.sections
    assert (section.title, section.line) == ("Section A", 6)
    assert [b.kind for b in section.blocks] == ["bullet_list"]
    [cohorts] = section.subsections
    assert (cohorts.title, cohorts.line) == ("Cohorts", 10)
    [table] = cohorts.blocks
    assert table.header is not None and table.header.line == 12
    assert [(row.line, [c.text for c in row.cells]) for row in table.rows] == [(14, ["1"])]
    assert [b.kind for b in document.preamble] == ["heading"]


def test_top_level_blocks_are_in_the_order_written_across_sections() -> None:
    body = "# Title\n\n## A\n\n> quote\n\n### Sub\n\n- a\n\n## B\n\ntext\n"
    document = parse(body)
    assert [(b.kind, b.line) for b in document.top_level_blocks()] == [
        ("heading", 1), ("blockquote", 5), ("bullet_list", 9), ("paragraph", 13)]


def test_rows_keep_every_cell_the_author_wrote() -> None:
    assert split_row("| a | b |") == [Cell("a", 3), Cell("b", 7)]
    assert [c.text for c in split_row("| 1 | 2 | 3 |")] == ["1", "2", "3"]
    assert [c.text for c in split_row("| only |")] == ["only"]
    assert [c.text for c in split_row(r"| a \| b | c |")] == ["a | b", "c"]


def test_item_text_is_the_source_without_marker_and_indent() -> None:
    body = "- **Trigger:**\n    > \"Exact words\"\n- **Sites:**\n    - One\n    - Two\n"
    document = parse(body)
    first, second = document.preamble[0].children
    assert item_text(document, first) == '**Trigger:**\n> "Exact words"'
    assert item_text(document, second.children[1].children[0]) == "One"


def test_nesting_past_the_limit_is_reported_not_dropped_silently() -> None:
    deep = "".join("    " * depth + "- level\n" for depth in range(30))
    assert parse(deep).too_deep_line is not None
    assert parse("- a\n    - b\n").too_deep_line is None
