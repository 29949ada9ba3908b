from __future__ import annotations

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.source import Source, decode


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
