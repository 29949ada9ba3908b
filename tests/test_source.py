from __future__ import annotations

import time

from conftest import CLIENTS
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.reading.source import MAX_COLUMNS, MAX_TABLE_CELLS, Source, decode


def refusal(data: bytes, limit: int = 1024 * 1024) -> Diagnostic:
    result = decode("doc.md", data, limit)
    assert isinstance(result, Diagnostic), result
    return result


def test_plain_utf8_is_accepted_unchanged() -> None:
    assert decode("doc.md", "# Café\n".encode()) == Source("doc.md", "# Café\n")


def test_utf8_bom_is_dropped_without_moving_lines() -> None:
    result = decode("doc.md", b"\xef\xbb\xbf---\nclient: A\n")
    assert isinstance(result, Source)
    assert result.text.startswith("---\n")


def test_crlf_and_lone_cr_become_lf_keeping_line_count() -> None:
    result = decode("doc.md", b"a\r\nb\rc\n")
    assert isinstance(result, Source)
    assert result.text == "a\nb\nc\n"


def test_utf16_is_refused_at_line_one() -> None:
    diagnostic = refusal("---\n".encode("utf-16"))
    assert (diagnostic.code, diagnostic.line) == ("HO102", 1)
    assert "UTF-16" in diagnostic.message


def test_windows_1252_byte_is_located_by_line_and_column() -> None:
    diagnostic = refusal(b"line one\nprice: \x80100\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("HO102", 2, 8)
    assert "0x80" in diagnostic.message
    assert "UTF-8" in diagnostic.hint


def test_nul_byte_is_binary_content() -> None:
    diagnostic = refusal(b"ok\nbad\x00here\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("HO105", 2, 4)


def test_empty_and_blank_files_are_refused() -> None:
    assert refusal(b"").code == "HO103"
    assert refusal(b"  \n\n\t\n").code == "HO103"


def test_oversized_file_is_refused_before_decoding() -> None:
    diagnostic = refusal(b"x" * 101, limit=100)
    assert diagnostic.code == "HO104"
    assert "101 bytes" in diagnostic.message


def _paragraph(head: str, count: int, filler_lines: int = 100) -> str:
    return "\n".join([head] * count + ["a b " * 2_250] * filler_lines) + "\n"


def test_brackets_in_a_long_paragraph_are_too_complex_whatever_follows_them() -> None:
    # Python-Markdown reads to the paragraph's end from each of these: 20 s and more at 900 KB.
    for head in ("[", "[a](", "![a](", "[a](<", "[a]["):
        result = decode("doc.md", ("# Doc\n\n" + _paragraph(head, 199)).encode())
        assert isinstance(result, Diagnostic) and result.code == "HO107", head
        assert "'['" in result.message and result.line > 3


def test_the_bracket_budget_is_shared_by_the_paragraphs_of_a_doc() -> None:
    one = _paragraph("[a](", 15, 30)  # 15 '[' in 270 KB: about 4 million, under the budget alone
    assert isinstance(decode("doc.md", one.encode()), Source)
    three = decode("doc.md", "\n".join([one] * 3).encode())  # together over it
    assert isinstance(three, Diagnostic) and three.code == "HO107"
    assert isinstance(decode("doc.md", _paragraph("[a](", 12).encode()), Diagnostic)


def test_brackets_in_many_short_paragraphs_are_fine() -> None:
    text = "\n\n".join("See [the SOW](https://example.com/sow) and [notes](https://example.com/n)."
                       for _ in range(900))
    assert isinstance(decode("doc.md", text.encode()), Source)


def _table(columns: int, rows: int, indent: str = "", row: str | None = None) -> str:
    line = indent + "|" + "a|" * columns
    body = [line if row is None else indent + row] * rows
    return "\n".join([line, indent + "|" + "-|" * columns, *body]) + "\n"


def cells_refusal(text: str) -> Diagnostic:
    started = time.process_time()
    result = decode("doc.md", text.encode())
    assert time.process_time() - started < 1  # the bound itself is one pass over the lines
    assert isinstance(result, Diagnostic) and result.code == "HO107", result
    return result


def test_a_table_row_wider_than_a_table_is_refused_on_its_line() -> None:
    result = cells_refusal("# Doc\n\n" + _table(MAX_COLUMNS + 1, 1))
    assert (result.line, result.column) == (3, 2 * MAX_COLUMNS + 1)  # the 101st '|'

    assert f"{MAX_COLUMNS + 2} '|'" in result.message


def test_every_line_of_a_table_counts_as_a_full_row_whether_or_not_it_holds_a_pipe() -> None:
    # Python-Markdown gives each line of a table's block all the header's columns.
    rows = MAX_TABLE_CELLS // 50
    result = cells_refusal("# Doc\n\n" + _table(49, rows, row="a"))
    assert 3 < result.line < 3 + rows and "cells" in result.message


def test_the_cell_budget_is_shared_by_every_table_wherever_it_is() -> None:
    table = _table(40, 8)  # 410 cells: fine alone
    for indent, between in (("", "\n"), ("    ", "- item\n\n"), ("> ", "\n"), ("", "## Section\n\n")):
        one = between + _table(40, 8, indent)
        assert isinstance(decode("doc.md", ("# Doc\n\n" + one).encode()), Source), indent
        many = "# Doc\n\n" + one * (MAX_TABLE_CELLS // 410 + 1)
        assert "cells" in cells_refusal(many).message, indent
    assert isinstance(decode("doc.md", table.encode()), Source)


def test_a_blank_line_of_spaces_or_tabs_ends_a_table_and_nothing_else_does() -> None:
    header = _table(99, 0)
    bare_rows = "a\n" * (MAX_TABLE_CELLS // 100)
    assert isinstance(decode("doc.md", (header + " \t\n" + bare_rows).encode()), Source)
    cells_refusal(header + "\u00a0\n" + bare_rows)  # not blank to a renderer: the table goes on


def test_pipes_are_counted_in_code_and_escaped_alike() -> None:
    for cell in ("`|`", "\\|"):
        cells_refusal("| a | b |\n|---|---|\n| " + cell * (MAX_COLUMNS + 1) + " | c |\n")


def test_real_tables_are_far_from_the_limits() -> None:
    risks = "".join(f"| Risk {n} | Low | Watch it closely and report at the weekly call |\n"
                    for n in range(2_000))
    text = "# Doc\n\n| Risk | Likelihood | Mitigation |\n|---|---|---|\n" + risks
    assert isinstance(decode("doc.md", text.encode()), Source)
    for example in CLIENTS.glob("*/01-handoff/*.md"):
        assert isinstance(decode("doc.md", example.read_bytes()), Source), example
