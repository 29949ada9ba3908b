"""Bytes to text: encoding, byte-order marks, line endings and size, with positions for every refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff_lint.codes import diagnostic
from handoff_lint.diagnostics import Diagnostic

MAX_BYTES = 1024 * 1024
# A handoff doc is a few pages. Far more lines, or one enormous line, is a paste accident (a
# spreadsheet, an image as text); refusing it here also bounds the parser's time and memory.
MAX_LINES = 5_000
MAX_LINE_LENGTH = 10_000

# Markdown renderers spend time on inline markup that grows with the square of how much of it one
# paragraph holds (Python-Markdown, which the site uses, takes 18 s on 9,990 '[' in one paragraph),
# and on brackets above all. A real paragraph holds a few dozen such characters; these limits keep
# every paragraph, and so the whole page, quick to render.
MAX_MARKUP_PER_BLOCK = 2_000
MAX_MARKUP = 20_000  # a real doc holds about a hundred
MAX_BRACKETS_PER_BLOCK = 200
MAX_BRACKETS = 2_000
# Python-Markdown reads on from every '[' (or '![', '[a](') to the end of its paragraph looking for
# where the link ends, so its time grows with the brackets times the paragraph's length: 199 '[' in
# a 900 KB paragraph take over 30 s, though each count alone is small. The sum of that product over
# the doc's paragraphs is bounded instead (a real doc: a few hundred thousand; this: about 2 s).
MAX_BRACKET_WORK = 10_000_000
# Python-Markdown builds, styles and reads every table cell on its own (about 40 microseconds each),
# and a cell takes two characters ("a|"): a 1 MB table of 4,990 columns took the site 37 s to
# build. Nor does a row need any '|' to be given all its table's columns: every line of a table's
# block gets as many cells as its header has. So the cells a block can hold are bounded, counted as
# its lines times one more than the most '|' any of its lines holds (a block is what a blank line
# ends, as Python-Markdown splits the text), and so are a row's columns. A real doc: 7 columns, a
# few hundred cells.
MAX_COLUMNS = 100
MAX_TABLE_CELLS = 20_000
_MARKUP = frozenset("[*_`\\<&")
# A line that starts a block of its own for a renderer: a list item, a table row, a heading.
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|\||#)")

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


def too_large(path: str, size: int, limit: int = MAX_BYTES) -> Diagnostic:
    return diagnostic(
        path, 1, 1, "HO104",
        f"file is {size:,} bytes; a handoff doc may be at most {limit:,} bytes",
        "Remove pasted data (spreadsheets, images as text) and link to it instead.",
    )


def _oversized(path: str, text: str) -> Diagnostic | None:
    lines = text.removesuffix("\n").split("\n")
    if len(lines) > MAX_LINES:
        return diagnostic(
            path, MAX_LINES + 1, 1, "HO104",
            f"the doc has {len(lines):,} lines; a handoff doc may have at most {MAX_LINES:,}",
            "Remove pasted data (a long table, a list of rows) and link to it instead.",
        )
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_LENGTH:
            return diagnostic(
                path, number, MAX_LINE_LENGTH + 1, "HO104",
                f"this line is {len(line):,} characters long; a line may be at most "
                f"{MAX_LINE_LENGTH:,}",
                "Remove the pasted data on this line (an image or a spreadsheet as text) and link "
                "to it instead, or break the paragraph into several lines.",
            )
    return None


def _too_complex(path: str, text: str) -> Diagnostic | None:
    """HO107 where a paragraph (or the doc) first holds more inline markup than any renderer can
    be trusted to read quickly; one pass over the text."""
    if (sum(text.count(char) for char in _MARKUP) <= MAX_BRACKETS_PER_BLOCK
            and text.count("[") * len(text) <= MAX_BRACKET_WORK):
        return None  # under the smallest limits in all: the usual case, at the cost of a count
    block_markup = block_brackets = brackets = markup = 0
    block_length = work_before = 0  # the current paragraph's characters; earlier paragraphs' work
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or _BLOCK_START.match(line):
            work_before += block_brackets * block_length
            block_markup = block_brackets = block_length = 0
        block_length += len(line) + 1
        if not _MARKUP.intersection(line):
            if work_before + block_brackets * block_length <= MAX_BRACKET_WORK:
                continue
            opening = in_line = 0
        else:
            opening = line.count("[")
            in_line = sum(line.count(char) for char in _MARKUP)
        block_markup += in_line
        markup += in_line
        block_brackets += opening
        brackets += opening
        problem = (
            f"this paragraph holds more than {MAX_BRACKETS_PER_BLOCK:,} '['"
            if block_brackets > MAX_BRACKETS_PER_BLOCK else
            f"this paragraph holds {block_brackets:,} '[' in {block_length:,} characters, which a "
            "renderer reads once for each '['"
            if work_before + block_brackets * block_length > MAX_BRACKET_WORK else
            f"the doc holds more than {MAX_BRACKETS:,} '['" if brackets > MAX_BRACKETS else
            f"this paragraph holds more than {MAX_MARKUP_PER_BLOCK:,} Markdown markup characters "
            "([ * _ ` \\ < &)" if block_markup > MAX_MARKUP_PER_BLOCK else
            f"the doc holds more than {MAX_MARKUP:,} Markdown markup characters ([ * _ ` \\ < &)"
            if markup > MAX_MARKUP else None
        )
        if problem:
            return diagnostic(
                path, number, 1, "HO107", f"{problem}; a doc like this takes a Markdown renderer "
                "minutes to read, so it is neither checked nor published",
                "Remove the pasted data or the long runs of brackets and symbols; link to data "
                "instead of pasting it, and split long paragraphs.",
            )
    return None


def _nth_pipe(line: str, count: int) -> int:
    """The column of the count-th '|' in the line (it holds at least that many)."""
    position = -1
    for _ in range(count):
        position = line.index("|", position + 1)
    return position + 1


def _too_many_cells(path: str, text: str) -> Diagnostic | None:
    """HO107 where a line first holds more '|' than a table has columns, or where the blocks up to
    it could hold more table cells than the doc may; one pass over the lines."""
    pipes = text.count("|")
    if pipes <= MAX_COLUMNS and (pipes + 1) * (text.count("\n") + 1) <= MAX_TABLE_CELLS:
        return None  # no table, or too few '|' and lines for the cells to add up: the usual case
    cells_before = block_lines = block_width = 0  # earlier blocks' cells; this block's lines, '|'
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip(" \t"):  # as blank to Python-Markdown, which expands tabs first
            cells_before += block_lines * (block_width + 1) if block_width else 0
            block_lines = block_width = 0
            continue
        width = line.count("|")
        block_lines += 1
        block_width = max(block_width, width)
        problem = (
            f"this line holds {width:,} '|': a table row of more than {MAX_COLUMNS} columns"
            if width > MAX_COLUMNS else
            f"the tables up to here hold more than {MAX_TABLE_CELLS:,} cells (each line of a "
            "table gets a cell for every column of its widest row)"
            if block_width and cells_before + block_lines * (block_width + 1) > MAX_TABLE_CELLS
            else None
        )
        if problem:
            return diagnostic(
                path, number, _nth_pipe(line, MAX_COLUMNS + 1) if width > MAX_COLUMNS else 1,
                "HO107", f"{problem}; a doc like this takes a Markdown renderer far too long to "
                "read, so it is neither checked nor published",
                "Remove the pasted table and link to the spreadsheet instead; a handoff's tables "
                "hold a few columns and rows.",
            )
    return None


def decode(path: str, data: bytes, limit: int = MAX_BYTES) -> Source | Diagnostic:
    """Turn a doc's bytes into a Source, or say precisely why they are not a readable doc."""
    if len(data) > limit:
        return too_large(path, len(data), limit)
    if data.startswith(_UTF16_BOMS):
        return diagnostic(
            path, 1, 1, "HO102", "file is UTF-16 text; handoff docs must be UTF-8",
            "Save the file as UTF-8 (Save As, Encoding: UTF-8).",
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    # NUL before encoding: a .docx or an image renamed to .md is binary, not mis-encoded text.
    nul = data.find(b"\x00")
    if nul >= 0:
        before = data[:nul].decode("utf-8", "replace")
        return diagnostic(
            path, before.count("\n") + 1, len(before) - before.rfind("\n"), "HO105",
            "the file contains NUL bytes: it is a binary file (a Word document, an image), not text",
            "Copy the text into a new doc made with `handoff new`; do not rename binary files to .md.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return diagnostic(
            path, line, column, "HO102",
            f"byte 0x{data[error.start]:02x} is not valid UTF-8",
            "Save the file as UTF-8; text pasted from Word or an old e-mail is often Windows-1252.",
        )
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        return diagnostic(
            path, line, column, "HO105",
            f"control character U+{ord(control.group()):04X} in the text: this is not a plain text file",
            "Copy the text into a new doc made with `handoff new`; do not rename binary files to .md.",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return diagnostic(
            path, 1, 1, "HO103", "file is empty",
            "Run `handoff new <slug> --client \"<Legal name>\"` for a template and fill it in.",
        )
    refused = _oversized(path, text) or _too_complex(path, text) or _too_many_cells(path, text)
    if refused:
        return refused
    return Source(path, text)
