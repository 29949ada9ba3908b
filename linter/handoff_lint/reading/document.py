"""Markdown body to a Document: sections, subsections and their blocks, each with file line numbers.

Only block structure is parsed (markdown-it's inline rule is off): the extractor needs the text as
the AE wrote it, not rendered inline markup, and skipping inline parsing is most of the cost saved.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from handoff_lint.reading.tables import ALT, table_extent

MAX_NESTING = 20

_LIST_MARKER = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class Cell:
    text: str
    column: int


@dataclass
class Row:
    line: int
    cells: list[Cell]


@dataclass
class Block:
    """A block-level element; lines are 1-based file lines, end_line inclusive."""

    kind: str
    line: int
    end_line: int
    content: str = ""
    level: int = 0
    children: list[Block] = field(default_factory=list)
    header: Row | None = None
    rows: list[Row] = field(default_factory=list)


@dataclass
class Section:
    title: str
    line: int
    level: int
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class Pasted:
    """Text pasted from a word processor or a spreadsheet that Markdown would misread, and how it
    was read instead: `marker` (at file `line`, 1-based `column`) is a pasted bullet, a number
    outside a list, or a tab between cells, and the document reads it as `reading`."""

    kind: str  # "bullet", "number", "tabs" (a table row) or "table" (rows outside a table, not read)
    line: int
    column: int
    marker: str  # with the space after it when that is not plain (no-break spaces, as Word pastes)
    reading: str
    written: str  # the whole line as written
    last_line: int = 0  # for a "table": its last line
    continues: bool = False  # for a "number": it continues a paragraph (only "1." may interrupt one)

    @property
    def symbol(self) -> str:
        """The bullet or number as the writer sees it, without the space after it."""
        return self.marker.rstrip(_GAP_CHARACTERS)


@dataclass
class Document:
    lines: list[str]
    line_offset: int
    preamble: list[Block]
    sections: list[Section]
    too_deep_line: int | None = None
    pasted: list[Pasted] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # the lines as written, when read otherwise

    def as_written(self, line: int) -> str:
        """A file line of the body as the writer wrote it (lines holds it as read)."""
        return (self.written or self.lines)[line - self.line_offset - 1]

    @property
    def last_content_line(self) -> int:
        """The last line that is not blank (where text missing at the end of the doc goes)."""
        for index in range(len(self.lines) - 1, -1, -1):
            if self.lines[index].strip():
                return self.line_offset + index + 1
        return max(self.line_offset, 1)

    def source(self, first_line: int, last_line: int) -> list[str]:
        return self.lines[first_line - self.line_offset - 1:last_line - self.line_offset]

    def top_level_blocks(self) -> list[Block]:
        """Every block not inside another, in the order written: the preamble's, then each
        section's and its subsections' (headings are sections, not blocks)."""
        blocks = list(self.preamble)
        for section in self.sections:
            blocks += section.blocks
            for sub in section.subsections:
                blocks += sub.blocks
        return blocks


# Block rules that can only ever match where their marker characters are in the text. A body without
# them is parsed with those rules off: the same tokens, without trying each rule on every line.
# Each test is a necessary condition of the rule matching anywhere (markdown-it's rules_block).
_SETEXT = re.compile(r"(?m)(?<![^ \t\n>])([-=])\1*[ \t]*$")
_GATES: dict[str, Callable[[str], bool]] = {
    "fence": lambda body: "```" in body or "~~~" in body,
    "reference": lambda body: "]:" in body,
    "html_block": lambda body: "<" in body,
    # A line ending in three or more of one of * - _ (spaces between), after an indent, a > or a
    # list marker's space.
    "hr": lambda body: _may_be_rule(body),
    # A setext underline: a line ending in a run of = or of -.
    "lheading": lambda body: _SETEXT.search(body) is not None,
}


def _may_be_rule(body: str) -> bool:
    """Whether a line ends in three or more of one of * - _ with only spaces and tabs between: a
    necessary condition of a thematic break. A scan from each line's end, linear in the text (the
    regular expression it replaces backtracked quadratically on '- - - - ... x')."""
    for line in body.split("\n"):
        end = line.rstrip(" \t")
        if not end or end[-1] not in "*-_":
            continue
        marker, count = end[-1], 0
        for char in reversed(end):
            if char == marker:
                count += 1
                if count == 3:
                    return True
            elif char not in " \t":
                break
    return False


@lru_cache(maxsize=32)  # one parser per combination of gated rules (2 ** 5)
def markdown_parser(off: frozenset[str] = frozenset()) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    parser.block.ruler.at("table", table_extent, {"alt": ALT})  # rows are split from the lines
    parser.disable("inline")
    return parser.disable(sorted(off)) if off else parser


def rules_not_needed(body: str) -> frozenset[str]:
    """The gated block rules that cannot match anywhere in body."""
    if "\r" in body or "\0" in body:
        return frozenset()  # markdown-it normalises these first; keep every rule
    return frozenset(name for name, may_match in _GATES.items() if not may_match(body))


def split_row(raw: str) -> list[Cell]:
    """Split a pipe-table row into cells with their 1-based columns, as GFM does (\\| escapes)."""
    cells: list[Cell] = []
    stripped = raw.rstrip()
    start = len(raw) - len(raw.lstrip())
    end = len(stripped)
    if stripped[start:start + 1] == "|":
        start += 1
    if end > start and stripped[end - 1] == "|" and stripped[end - 2:end - 1] != "\\":
        end -= 1
    position = start
    if "\\" not in raw:  # no escapes (nearly every row): every pipe separates two cells
        for piece in raw[start:end].split("|"):
            leading = len(piece) - len(piece.lstrip())
            cells.append(Cell(piece.strip(), position + leading + 1))
            position += len(piece) + 1
        return cells
    for match in [*_UNESCAPED_PIPE.finditer(raw, start, end), None]:
        stop = match.start() if match else end
        piece = raw[position:stop]
        leading = len(piece) - len(piece.lstrip())
        cells.append(Cell(piece.strip().replace("\\|", "|"), position + leading + 1))
        position = stop + 1
    return cells


def _table(block: Block, lines: list[str], offset: int) -> None:
    first = block.line - offset - 1
    last = block.end_line - offset - 1
    block.header = Row(block.line, split_row(lines[first]))
    block.rows = [
        Row(index + offset + 1, split_row(lines[index])) for index in range(first + 2, last + 1)
    ]


# A table's inner tokens, which markdown-it's full table rule emits only near the nesting limit
# (mdtable); rows are read from the source lines (_table) either way.
_SKIP_INNER = {"thead", "tbody", "tr", "th", "td"}


def _blocks(tokens: list[Token], lines: list[str], offset: int) -> tuple[list[Block], int | None]:
    root = Block("root", 0, 0)
    stack = [root]
    too_deep: int | None = None
    for token in tokens:
        kind = token.type
        if token.level >= MAX_NESTING - 1 and token.map and too_deep is None:
            too_deep = token.map[0] + offset + 1
        nesting = token.nesting  # 1: an _open token, -1: a _close token (cheaper than endswith)
        if nesting == 1:
            name = kind[:-5]
            if name in _SKIP_INNER:
                continue
            start, end = token.map if token.map else (0, 0)
            level = int(token.tag[1:]) if name == "heading" else 0
            block = Block(name, start + offset + 1, end + offset, level=level)
            stack[-1].children.append(block)
            stack.append(block)
        elif nesting == -1:
            if kind[:-6] in _SKIP_INNER:
                continue
            block = stack.pop()
            if block.kind == "table":
                _table(block, lines, offset)
        elif kind == "inline":
            if stack[-1].kind in ("heading", "paragraph"):
                stack[-1].content = token.content
        else:
            start, end = token.map if token.map else (0, 0)
            stack[-1].children.append(Block(kind, start + offset + 1, end + offset, token.content))
    return root.children, too_deep


def _subsections(section: Section) -> None:
    blocks, section.blocks = section.blocks, []
    for block in blocks:
        if block.kind == "heading" and block.level == 3:
            section.subsections.append(Section(block.content.strip(), block.line, 3))
        elif section.subsections:
            section.subsections[-1].blocks.append(block)
        else:
            section.blocks.append(block)


def _sections(blocks: list[Block]) -> tuple[list[Block], list[Section]]:
    """Split top-level blocks at H2 headings; an H1 before the first H2 is the doc's title."""
    preamble: list[Block] = []
    sections: list[Section] = []
    for block in blocks:
        starts_section = block.kind == "heading" and (
            block.level == 2 or (block.level == 1 and sections)
        )
        if starts_section:
            sections.append(Section(block.content.strip(), block.line, block.level))
        elif sections:
            sections[-1].blocks.append(block)
        else:
            preamble.append(block)
    for section in sections:
        _subsections(section)
    return preamble, sections


def _parse(body: str, line_offset: int) -> Document:
    lines = body.split("\n")
    tokens = markdown_parser(rules_not_needed(body)).parse(body)
    blocks, too_deep = _blocks(tokens, lines, line_offset)
    preamble, sections = _sections(blocks)
    return Document(lines, line_offset, preamble, sections, too_deep)


# Bullets a word processor pastes as characters, Word's Symbol-font ones (private use) included.
# A dash other than '-', and the 'o' Word pastes for a second-level bullet, are bullets only beside
# another pasted bullet (or, for 'o', before a tab, as Word pastes it): one line opening with a dash
# may be an attribution ("— Ruth").
# Word pastes the space after a bullet or number as no-break spaces, which Markdown does not take
# for the space a list item needs.
_GAP_CHARACTERS = " \t\u00a0"
_PASTED_BULLET = re.compile(
    r"^([ \t]*)([•◦▪‣·●○■□▫►▸➢✓✔\uf0a7\uf0b7\uf0d8\uf076\u2010-\u2015\u2212o])([ \t\u00a0]+)\S")
_ONLY_BESIDE_BULLETS = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212o")
# A numbered line Markdown does not take for a list item: "(1) ..." anywhere, or "2. ..." inside a
# paragraph (only a list starting at 1 may interrupt one).
_BRACKETED_NUMBER = re.compile(r"^([ \t]*)(\(\d{1,2}\))([ \t\u00a0]+)\S")
_NUMBER = re.compile(r"^([ \t]*)(\d{1,2}[.)])([ \t\u00a0]+)\S")
_SEPARATE = ("fence", "code_block", "html_block")
# What a body must hold somewhere for _pasted to find anything (nearly every doc holds none of it,
# and one search is far cheaper than walking the lines and blocks).
_MAY_BE_PASTED = re.compile(
    r"(?m)^[ \t]*(?:[•◦▪‣·●○■□▫►▸➢✓✔\uf0a7\uf0b7\uf0d8\uf076\u2010-\u2015\u2212]|o[ \t\u00a0]|\(\d|"
    r"\d{1,2}[.)])|\t")


def _all_blocks(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from _all_blocks(block.children)


def _document_blocks(document: Document) -> Iterator[Block]:
    for block in document.top_level_blocks():
        yield from _all_blocks([block])


def _marker(kind: str, line: int, match: re.Match[str], continues: bool = False) -> Pasted:
    """A pasted bullet or number, read as a '-' item. Where the space after it is plain, the
    reading keeps every column (the marker becomes '-' and spaces of its width); after no-break
    spaces it is the marker and its space made '- ', so the columns after it move left, and a
    search from a reported column still finds what it looks for."""
    indent, symbol, gap = match.group(1), match.group(2), match.group(3)
    if "\u00a0" not in gap:
        return Pasted(kind, line, len(indent) + 1, symbol, "-" + " " * (len(symbol) - 1), match.string,
                      continues=continues)
    return Pasted(kind, line, len(indent) + 1, symbol + gap, "- ", match.string, continues=continues)


def _pasted(document: Document) -> list[Pasted]:
    """What Markdown misreads in the parsed doc: see Pasted."""
    offset = document.line_offset
    found: dict[int, Pasted] = {}
    code_lines = {line for block in _document_blocks(document) if block.kind in _SEPARATE
                  for line in range(block.line, block.end_line + 1)}
    bullets: dict[int, re.Match[str]] = {}
    for index, text in enumerate(document.lines):
        line = index + offset + 1
        match = _PASTED_BULLET.match(text)
        if match and line not in code_lines:
            bullets[line] = match
    for line, match in bullets.items():
        word_paste = match.group(2) == "o" and match.group(3).startswith("\t")
        alone = (match.group(2) in _ONLY_BESIDE_BULLETS and not word_paste
                 and not ({line - 1, line + 1} & set(bullets)))
        if not alone:
            found[line] = _marker("bullet", line, match)
    for block in _document_blocks(document):
        # (Paragraphs never hold one another, so this looks at each line once.)
        bulleted = block.kind == "paragraph" and any(
            line in found for line in range(block.line, block.end_line + 1))
        if block.kind == "paragraph" and not bulleted and _tab_separated(document, block):
            # A table pasted whole: not read as one (which line is its header is the writer's to
            # say), but reported once, at its first line.
            text = document.lines[block.line - offset - 1]
            found[block.line] = Pasted("table", block.line, text.index("\t") + 1, "\t", "", text,
                                       block.end_line)
        elif block.kind == "paragraph":
            for line in range(block.line, block.end_line + 1):
                text = document.lines[line - offset - 1]
                number = _BRACKETED_NUMBER.match(text) or _NUMBER.match(text)
                # A plain "2. " opening a paragraph would have been a list: only its no-break
                # spaces keep it out, and the reading takes them for the space they stand for.
                if number and line not in found and (
                        line > block.line or number.group(2).startswith("(") or "\u00a0" in number.group(3)):
                    found[line] = _marker("number", line, number, continues=line > block.line)
        elif block.kind == "table":
            for row in block.rows:
                text = document.lines[row.line - offset - 1]
                if "\t" in text.strip() and "|" not in text:
                    found[row.line] = Pasted("tabs", row.line, text.index("\t") + 1, "\t", "|", text)
    return sorted(found.values(), key=lambda p: p.line)


def _tab_separated(document: Document, block: Block) -> bool:
    """Whether a paragraph is rows pasted from a spreadsheet: two or more lines, each with a tab
    between its cells and no '|'."""
    lines = document.source(block.line, block.end_line)
    return len(lines) >= 2 and all("\t" in line.strip() and "|" not in line for line in lines)


def _as_read(lines: list[str], pasted: list[Pasted], offset: int) -> str:
    read = list(lines)
    for item in pasted:
        index = item.line - offset - 1
        text = read[index]
        if item.kind == "table":
            continue
        if item.kind == "tabs":
            # A tab at the end is an empty last cell, as a spreadsheet copies it: one more '|' at
            # the end keeps it a cell (and moves no column before it).
            read[index] = text.replace("\t", "|") + ("|" if text.rstrip(" \r").endswith("\t") else "")
        else:
            start = item.column - 1
            read[index] = text[:start] + item.reading + text[start + len(item.marker):]
    return "\n".join(read)


def parse(body: str, line_offset: int = 0) -> Document:
    """Parse a doc's Markdown body; line_offset is the number of file lines before the body.

    Pasted bullets, numbers and tab-separated rows (Pasted) are read as the writer meant them: the
    document holds the lines as read, with every column where it was, and lists what it read
    differently so the checks can report it with the fix.
    """
    document = _parse(body, line_offset)
    pasted = _pasted(document) if _MAY_BE_PASTED.search(body) else []
    if not any(item.kind != "table" for item in pasted):
        document.pasted = pasted
        return document
    written = document.lines
    document = _parse(_as_read(written, pasted, line_offset), line_offset)
    document.pasted = pasted
    document.written = written
    return document


def item_text(document: Document, item: Block) -> str:
    """The source of a list item as written, without its marker and with its indent removed."""
    source = document.source(item.line, item.end_line)
    while source and not source[-1].strip():
        source = source[:-1]
    if not source:
        return ""
    marker = _LIST_MARKER.match(source[0])
    indent = marker.end() if marker else 0
    first = source[0][indent:]
    rest = textwrap.dedent("\n".join(source[1:]))
    return f"{first}\n{rest}".strip()


def block_text(document: Document, block: Block) -> str:
    """The source of any block as written, dedented."""
    if block.kind == "list_item":
        return item_text(document, block)
    source = document.source(block.line, block.end_line)
    return textwrap.dedent("\n".join(source)).strip()
