"""The doc's body as the site renders it: as written, plus the blank lines Python-Markdown needs.

CommonMark (the linter) lets a quote, a table, a fence or a list start right after a line of
text, and ends a quote, a table or a fence where the next block starts; Python-Markdown (the site)
reads such lines as more of the same paragraph or quote. Where the parsed Document shows a block
starting directly under text, or a quote, table or fence followed directly by more, a blank line
(continuing any enclosing quote) goes between them, so both see the same structure. Nothing the AE
wrote is changed or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handoff_lint.reading.document import Block, Document

_ENDS_EARLY = {"blockquote", "table", "fence"}
_LISTS = {"bullet_list", "ordered_list"}
_QUOTE_MARKER = re.compile(r"[ \t]*>[ \t]?")


def _quote_prefix(line: str, depth: int) -> str:
    """The first `depth` quote markers of a line, so an added blank line stays inside the quotes."""
    prefix = ""
    for _ in range(depth):
        match = _QUOTE_MARKER.match(line, len(prefix))
        if not match:
            break
        prefix = line[:match.end()]
    return prefix.rstrip()


@dataclass
class _Gaps:
    before: dict[int, int] = field(default_factory=dict)  # file line -> enclosing quote depth
    after: dict[int, int] = field(default_factory=dict)


def _gaps(blocks: list[Block], parent: str, depth: int, found: _Gaps) -> None:
    for block in blocks:
        if block.kind in _ENDS_EARLY or (block.kind in _LISTS and parent != "list_item"):
            found.before.setdefault(block.line, depth)
        if block.kind in _ENDS_EARLY:
            found.after.setdefault(block.end_line, depth)
        _gaps(block.children, block.kind, depth + (block.kind == "blockquote"), found)


def _is_blank(line: str, depth: int) -> bool:
    return not line.strip() or line.strip() == _quote_prefix(line, depth).strip()


def spaced_body(document: Document) -> str:
    """The body text with a blank line before each quote, table or list that follows text directly."""
    found = _Gaps()
    _gaps(document.top_level_blocks(), "root", 0, found)
    source = document.lines
    lines: list[str] = []
    for index, line in enumerate(source):
        file_line = index + document.line_offset + 1
        depth = found.before.get(file_line)
        # (lines[-1] may already be the gap added after a quote that ends just before.)
        if (depth is not None and index > 0 and not _is_blank(source[index - 1], depth)
                and not _is_blank(lines[-1], depth)):
            lines.append(_quote_prefix(line, depth))
        lines.append(line)
        depth = found.after.get(file_line)
        if depth is not None and index + 1 < len(source) and not _is_blank(source[index + 1], depth):
            lines.append(_quote_prefix(line, depth))
    return "\n".join(lines)
