"""Unsaved text checked as `handoff lint` checks the file, and placed where an editor counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import NORTHWIND, example_text, replace_once
from handoff_lint.diagnostics import Diagnostic, Edit, Fix, Severity
from handoff_lint.editor import live
from handoff_lint.engine.check import check_bytes
from handoff_lint.engine.fixes import fix_text
from handoff_lint.reading.source import too_large

TODAY = dt.date(2026, 11, 20)
DATE_ROW = ("| 1 | 32 | Leeds shift leads, days and nights | 2027-01-11 |",
            "| 1 | 32 | Leeds 🚚 shift leads, days and nights | 11 Jan 2027 |")


def finding(line: int, column: int, fix: Fix | None = None) -> Diagnostic:
    return Diagnostic("doc.md", line, column, "HO402", Severity.ERROR, "m", fix=fix)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_column_after_an_emoji_counts_two_utf16_units(newline: str) -> None:
    lines = live.Lines(newline.join(["first", "ab😀cd", "last"]))
    # The linter's column 5 is the 'd' after 'ab', the emoji and 'c': UTF-16 unit 5, 0-based.
    assert lines.position(2, 5) == live.Position(1, utf16("ab😀c"))
    assert lines.position(2, 5).character == 5


def test_other_encodings_count_their_own_units() -> None:
    utf8 = live.Lines("ab😀cd", lambda text: len(text.encode("utf-8")))
    utf32 = live.Lines("ab😀cd", len)
    assert utf8.position(1, 4) == live.Position(0, 6)
    assert utf32.position(1, 4) == live.Position(0, 3)


def test_a_byte_order_mark_shifts_the_first_line_only() -> None:
    # The linter reads the text without the mark; the editor's first line still holds it.
    lines = live.Lines("\ufeffab\ncd")
    assert lines.position(1, 1) == live.Position(0, 1)
    assert lines.position(2, 1) == live.Position(1, 0)


def test_only_editor_line_breaks_count() -> None:
    # U+2028 and a form feed are inside a line for an editor and for the linter alike.
    lines = live.Lines("a\u2028b\x0cc\nd")
    assert lines.position(2, 1) == live.Position(1, 0)
    assert lines.position(1, 5) == live.Position(0, 4)


def test_positions_past_the_text_stay_on_it() -> None:
    lines = live.Lines("ab\ncd")
    assert lines.position(9, 1) == live.Position(1, 0)
    assert lines.position(1, 6) == live.Position(0, 5)


def test_a_span_covers_what_the_fix_replaces_else_the_rest_of_the_line() -> None:
    lines = live.Lines("- **Held on:** 9 Nov 2026 😀  ")
    fixed = finding(1, 16, Fix("d", (Edit(1, 16, "9 Nov 2026", "2026-11-09"),)))
    assert lines.span(fixed) == live.Span(live.Position(0, 15), live.Position(0, 25))
    assert lines.span(finding(1, 16)).end == live.Position(0, 15 + utf16("9 Nov 2026 😀"))
    assert lines.span(finding(1, 40)) == live.Span(live.Position(0, 40), live.Position(0, 40))


def test_a_refused_paste_is_placed_without_reading_it_whole() -> None:
    huge = "a" * 5_000_000
    lines = live.Lines(huge)
    span = lines.span(finding(1, 1))
    assert span.start == live.Position(0, 0)
    assert span.end.character <= 10_001
    assert lines._lines is None  # never split into lines


def test_unsaved_text_gets_the_findings_of_the_saved_file(repo: Path) -> None:
    text = replace_once(example_text(), *DATE_ROW)
    config = live.settings(repo / NORTHWIND, TODAY)
    checked = live.check(repo / NORTHWIND, text, config)
    saved = check_bytes(str(NORTHWIND), text.encode("utf-8"), NORTHWIND, config).diagnostics
    assert checked.diagnostics == saved and [d.message for d in checked.diagnostics] == [
        d.message for d in saved]
    assert checked.text == text


def test_a_second_doc_for_the_client_is_reported_on_the_open_one(repo: Path) -> None:
    second = repo / NORTHWIND.parent / "handoff-northwind-logistics-2026-11-05.md"
    config = live.settings(second, TODAY)
    codes = {d.code for d in live.check(second, example_text(), config).diagnostics}
    assert "HO504" in codes


def test_a_doc_outside_any_repo_is_checked_with_the_defaults(tmp_path: Path) -> None:
    config = live.settings(tmp_path / "draft.md", TODAY)
    assert config.root == tmp_path.resolve() and config.severity == {}
    assert live.check(tmp_path / "draft.md", example_text(), config).diagnostics


def test_an_untitled_buffer_skips_the_path_rules(tmp_path: Path) -> None:
    config = live.settings(tmp_path / "x.md", TODAY)
    found = live.check(tmp_path / "untitled.md", example_text(), config, has_path=False).diagnostics
    assert found == []


def test_a_lone_surrogate_is_refused_as_a_file_that_is_not_utf8(repo: Path) -> None:
    config = live.settings(repo / NORTHWIND, TODAY)
    [refused] = live.check(repo / NORTHWIND, "---\nclient: \ud800\n", config).diagnostics
    assert refused.code == "HO102" and (refused.line, refused.column) == (2, 9)


@pytest.mark.parametrize(("bom", "newline"), [("", "\n"), ("\ufeff", "\r\n")])
def test_a_quick_fix_edit_makes_the_text_lint_fix_writes(repo: Path, bom: str, newline: str) -> None:
    text = replace_once(example_text(), *DATE_ROW)
    config = live.settings(repo / NORTHWIND, TODAY)
    editor = bom + text.replace("\n", newline)
    checked = live.check(repo / NORTHWIND, editor, config)
    [date] = [d for d in checked.diagnostics if d.fix is not None]
    assert checked.text is not None
    edit = live.fix_edit(checked.text, date, live.Lines(editor))
    assert edit is not None
    fixed = fix_text(str(NORTHWIND), text, NORTHWIND, config).text
    assert apply(editor, edit) == bom + fixed.replace("\n", newline)


def apply(text: str, edit: live.TextEdit) -> str:
    lines = text.split("\n")

    def offset(position: live.Position) -> int:
        before = sum(len(line) + 1 for line in lines[:position.line])
        units = lines[position.line].encode("utf-16-le")[:2 * position.character]
        return before + len(units.decode("utf-16-le"))

    return text[:offset(edit.span.start)] + edit.new + text[offset(edit.span.end):]


@pytest.mark.parametrize("text", ["plain", "£7k 😀", "a" * 3_000_000 + "é", "\ud800"])
def test_the_size_is_what_saving_the_text_would_write(text: str) -> None:
    assert live.utf8_size(text) == len(text.encode("utf-8", "surrogatepass"))


def test_an_oversized_buffer_gets_the_finding_of_an_oversized_file(repo: Path) -> None:
    config = replace(live.settings(repo / NORTHWIND, TODAY), max_bytes=1_000)
    [refused] = live.check(repo / NORTHWIND, "é" * 600, config).diagnostics
    assert refused == too_large(str(NORTHWIND), 1_200, 1_000)
    assert refused.message == too_large(str(NORTHWIND), 1_200, 1_000).message
