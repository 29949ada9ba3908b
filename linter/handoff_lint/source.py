"""Bytes to text: encoding, byte-order marks, line endings and size, with positions for every refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff_lint.codes import default_severity
from handoff_lint.diagnostics import Diagnostic

MAX_BYTES = 1024 * 1024

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"
# C0 controls other than tab, line feed, form feed and carriage return never belong in prose.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """A doc's text with LF line endings and no byte-order mark; line numbers are unchanged by both."""

    path: str
    text: str


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _refusal(path: str, code: str, line: int, column: int, message: str, hint: str) -> Diagnostic:
    return Diagnostic(path, line, column, code, default_severity(code), message, hint)


def too_large(path: str, size: int, limit: int = MAX_BYTES) -> Diagnostic:
    return _refusal(
        path, "HO104", 1, 1,
        f"file is {size:,} bytes; a handoff doc may be at most {limit:,} bytes",
        "Remove pasted data (spreadsheets, images as text) and link to it instead.",
    )


def decode(path: str, data: bytes, limit: int = MAX_BYTES) -> Source | Diagnostic:
    """Turn a doc's bytes into a Source, or say precisely why they are not a readable doc."""
    if len(data) > limit:
        return too_large(path, len(data), limit)
    if data.startswith(_UTF16_BOMS):
        return _refusal(
            path, "HO102", 1, 1, "file is UTF-16 text; handoff docs must be UTF-8",
            "Save the file as UTF-8 (Save As, Encoding: UTF-8).",
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return _refusal(
            path, "HO102", line, column,
            f"byte 0x{data[error.start]:02x} is not valid UTF-8",
            "Save the file as UTF-8; text pasted from Word or an old e-mail is often Windows-1252.",
        )
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return _refusal(
            path, "HO105", line, column,
            f"control character U+{ord(control.group()):04X} in the text: this is not a plain text file",
            "Copy the text into a new doc made with `handoff new`; do not rename binary files to .md.",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return _refusal(
            path, "HO103", 1, 1, "file is empty",
            "Run `handoff new <slug> --client \"<Legal name>\"` for a template and fill it in.",
        )
    return Source(path, text)
