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
