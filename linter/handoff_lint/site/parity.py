"""Does the site show what the linter read? Compare a rendered page with the parsed Document.

The linter parses with markdown-it (CommonMark) and the site renders with Python-Markdown; they
disagree on some inputs (a list right after a paragraph, two-space nesting). This compares the
structure both see: headings below the title, tables (header and cell text), lists (items, their
text and what is nested in them) and quotes, so a doc that would render differently from how it was
checked is reported instead of published silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt

from handoff_lint.reading.document import Block, Document
from handoff_lint.site.client_page import CARD_CLASS, CARD_LABELS
from handoff_lint.site.timeline import CONTAINER_CLASS as TIMELINE_CLASS

Event = tuple[object, ...]

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SPACE = re.compile(r"\s+")
_OWN_TEXT_STOP = {"ul", "ol", "blockquote", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = ("bullet_list", "ordered_list")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self) -> Iterator[Node]:
        return (child for child in self.children if isinstance(child, Node))

    def text(self, stop: frozenset[str] | set[str] = frozenset()) -> str:
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in stop and "headerlink" not in child.classes:
                parts.append(child.text(stop))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(markup: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=1)
def _inline_renderer() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


# Characters that can start inline syntax in CommonMark (emphasis, code, links, images, autolinks,
# raw HTML, entities, escapes); text without any of them renders as itself.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&!~]")


@lru_cache(maxsize=8192)
def inline_text(source: str) -> str:
    """The text markdown-it shows for a piece of inline Markdown (markup removed, entities decoded).
    Most cells and headings are plain text, and the same headers recur in every doc: those skip
    the render."""
    if not _INLINE_SYNTAX.search(source):
        return _clean(source)
    return _clean(parse_html(_inline_renderer().renderInline(source)).text())


# The document side ----------------------------------------------------------------------------


def _quote_text(block: Block) -> str:
    parts: list[str] = []
    for child in block.children:
        if child.kind in ("paragraph", "heading"):
            parts.append(inline_text(child.content))
        else:
            parts.append(_quote_text(child))
    return _clean(" ".join(parts))


def _document_events(blocks: list[Block]) -> list[tuple[int, Event]]:
    events: list[tuple[int, Event]] = []
    for block in blocks:
        if block.kind == "heading" and block.level > 1:
            events.append((block.line, ("heading", block.level, inline_text(block.content))))
        elif block.kind == "table" and block.header is not None:
            width = len(block.header.cells)
            header = tuple(inline_text(c.text) for c in block.header.cells)
            rows = tuple(
                tuple(([inline_text(c.text) for c in row.cells] + [""] * width)[:width]) for row in block.rows
            )
            events.append((block.line, ("table", header, rows)))
        elif block.kind in _LISTS:
            items = []
            for item in block.children:
                own = " ".join(inline_text(c.content) for c in item.children if c.kind == "paragraph")
                nested = tuple(event for _, event in _merge_lists(_document_events(
                    [c for c in item.children if c.kind != "paragraph"])))
                items.append((_clean(own), nested))
            events.append((block.line, ("list", block.kind == "ordered_list", tuple(items))))
        elif block.kind == "blockquote":
            events.append((block.line, ("quote", _quote_text(block))))
    return events


def _merge_lists(events: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """Join lists that follow each other directly (CommonMark splits one where the bullet character
    changes; Python-Markdown cannot): the same items either way, so not a difference worth a failure."""
    merged: list[tuple[int, Event]] = []
    for line, event in events:
        if merged and event[0] == "list" and merged[-1][1][0] == "list" and merged[-1][1][1] == event[1]:
            previous_line, previous = merged[-1]
            merged[-1] = (previous_line, ("list", event[1], _seq(previous[2]) + _seq(event[2])))
        else:
            merged.append((line, event))
    return merged


def document_events(document: Document) -> list[tuple[int, Event]]:
    """What the linter read, in order, with each element's first line."""
    events = _document_events(document.preamble)
    for section in document.sections:
        if section.level > 1:
            events.append((section.line, ("heading", section.level, inline_text(section.title))))
        events += _document_events(section.blocks)
        for sub in section.subsections:
            events.append((sub.line, ("heading", sub.level, inline_text(sub.title))))
            events += _document_events(sub.blocks)
    return _merge_lists(events)


# The rendered side ----------------------------------------------------------------------------


class _Stop(Exception):
    """Reached what the site adds after the doc."""


def _cells(row: Node) -> tuple[str, ...]:
    return tuple(_clean(cell.text()) for cell in row.elements() if cell.tag in ("th", "td"))


def _rows(node: Node) -> Iterator[Node]:
    for child in node.elements():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from _rows(child)


# What the site's own blocks (card, banner) hold: a title, the banner's sentence and one list of
# one-line items. Anything else inside one came from the doc continuing the block.
_GENERATED_CHILDREN = {"p", "ul"}
_BLOCKS = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "div", "hr", "img", "details",
           "h1", "h2", "h3", "h4", "h5", "h6"}


def _descendants(node: Node) -> Iterator[Node]:
    for child in node.elements():
        yield child
        yield from _descendants(child)


def generated_block_problem(node: Node) -> str | None:
    """Why a card, banner or timeline box holds more than the site wrote into it; None when it holds
    only that."""
    children = list(node.elements())
    if TIMELINE_CLASS in node.classes:
        # Its title, the placeholder the picture replaces and the legend: three paragraphs of text.
        if len(children) > 3 or any(child.tag != "p" or any(inner.tag in _BLOCKS for inner in
                                                           _descendants(child)) for child in children):
            return "it holds a block the site did not write"
        return None
    lists = [child for child in children if child.tag == "ul"]
    if any(child.tag not in _GENERATED_CHILDREN for child in children) or len(lists) != 1:
        return "it holds a block the site did not write"
    if sum(1 for child in children if child.tag == "p") > 2:
        return "it holds a paragraph the site did not write"
    for item in lists[0].elements():
        if item.tag != "li" or any(inner.tag in _BLOCKS for inner in _descendants(item)):
            return "one of its items holds a block the site did not write"
    return None


def _card_problem(node: Node) -> str | None:
    if CARD_CLASS not in node.classes:
        return None
    items = [item for ul in node.elements() if ul.tag == "ul" for item in ul.elements()]
    labels = tuple(_clean(item.text()).split(":", 1)[0] for item in items)
    return None if labels == CARD_LABELS else "its rows are not the ones the site writes"


class _Extended(Exception):
    """The doc continued a block the site generated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _html_events(node: Node, skip_classes: set[str], stop_id: str, events: list[Event]) -> None:
    for child in node.elements():
        if child.attrs.get("id") == stop_id:
            raise _Stop
        if child.classes & skip_classes:
            problem = generated_block_problem(child)
            if problem is None:
                problem = _card_problem(child)
            if problem is not None:
                title = next((_clean(p.text()) for p in child.elements()
                              if "admonition-title" in p.classes), "the site's summary")
                raise _Extended(f"'{title}' continues with the doc's text: {problem}; start the "
                                "doc's first block at the margin after the title")
            continue
        if child.tag in ("nav", "script", "style", "pre"):
            continue
        if child.tag in ("h2", "h3", "h4", "h5", "h6"):
            events.append(("heading", int(child.tag[1]), _clean(child.text())))
        elif child.tag == "table":
            rows = list(_rows(child))
            if rows:
                events.append(("table", _cells(rows[0]), tuple(_cells(r) for r in rows[1:])))
        elif child.tag in ("ul", "ol"):
            items = []
            for item in child.elements():
                if item.tag != "li":
                    continue
                nested: list[Event] = []
                _html_events(item, skip_classes, stop_id, nested)
                merged = tuple(event for _, event in _merge_lists([(0, e) for e in nested]))
                items.append((_clean(item.text(_OWN_TEXT_STOP)), merged))
            events.append(("list", child.tag == "ol", tuple(items)))
        elif child.tag == "blockquote":
            events.append(("quote", _clean(child.text())))
        elif child.tag != "h1":
            _html_events(child, skip_classes, stop_id, events)


def html_events(markup: str, skip_classes: set[str], stop_id: str) -> list[Event]:
    """What the page shows, in order: inside <article> when there is one, minus what the site adds.
    Raises _Extended when a block the site adds holds more than the site wrote into it."""
    root = parse_html(markup)
    article = next((n for n in _walk(root) if n.tag == "article"), root)
    events: list[Event] = []
    try:
        _html_events(article, skip_classes, stop_id, events)
    except _Stop:
        pass
    else:
        if stop_id:
            raise _Extended("the site's intro e-mail does not show as its own section (an unclosed "
                            "code fence in the doc takes it in); close every ``` fence")
    return [event for _, event in _merge_lists([(0, event) for event in events])]


def _first_line(document: Document) -> int:
    return document.preamble[0].line if document.preamble else document.line_offset + 1


def _walk(node: Node) -> Iterator[Node]:
    for child in node.elements():
        yield child
        yield from _walk(child)


def _seq(value: object) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else ()


def _describe(event: Event) -> str:
    kind = event[0]
    if kind == "heading":
        return f"heading '{event[2]}'"
    if kind == "table":
        return f"a table with columns {event[1]} and {len(_seq(event[2]))} rows"
    if kind == "list":
        return f"a list of {len(_seq(event[2]))} items"
    return f"a quote '{event[1]}'"


def _first_difference(expected: Event, shown: Event) -> str:
    if expected[0] == shown[0] == "table" and expected[1] != shown[1]:
        return f"table columns {expected[1]} show as {shown[1]}"
    if expected[0] == shown[0] == "table":
        for number, (a, b) in enumerate(zip(_seq(expected[2]), _seq(shown[2]), strict=False), start=1):
            if a != b:
                return f"table row {number} {a} shows as {b}"
    if expected[0] == shown[0] == "list":
        for number, (a, b) in enumerate(zip(_seq(expected[2]), _seq(shown[2]), strict=False), start=1):
            if a != b:
                detail = f"'{a[0]}' shows as '{b[0]}'" if a[0] != b[0] else "its nested content differs"
                return f"list item {number}: {detail}"
    return f"the linter reads {_describe(expected)} but the site shows {_describe(shown)}"


def differences(document: Document, markup: str, skip_classes: set[str],
                stop_id: str) -> list[tuple[int, str]]:
    """(line, what differs) for the first place the page departs from the Document; [] when none."""
    expected = document_events(document)
    try:
        shown = html_events(markup, skip_classes, stop_id)
    except _Extended as extended:
        return [(_first_line(document), extended.message)]
    for (line, want), got in zip(expected, shown, strict=False):
        if want != got:
            return [(line, _first_difference(want, got))]
    if len(expected) > len(shown):
        line, want = expected[len(shown)]
        return [(line, f"the linter reads {_describe(want)} that the site does not show")]
    if len(shown) > len(expected):
        line = expected[-1][0] if expected else document.line_offset + 1
        return [(line, f"the site shows {_describe(shown[len(expected)])} that the linter does not read")]
    return []
