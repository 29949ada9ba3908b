"""What must not be left in a doc Delivery acts on: template placeholders, raw HTML and links that
would run code on the site.

The Markdown parser here reads blocks only, so inline HTML and link destinations are found in the
lines as written, with code spans and code blocks left alone (a tag in `backticks` is text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.common.html_blocks import block_names

from handoff_lint.contract.extract import iter_strings
from handoff_lint.contract.schema import load_schema
from handoff_lint.contract.validate import describe
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.placeholders import STRONG, may_hold, whole_value
from handoff_lint.domain.records import FRONT_MATTER
from handoff_lint.reading.characters import skeleton
from handoff_lint.reading.document import Block, Document
from handoff_lint.reading.links import SAFE_SCHEMES, link_scheme
from handoff_lint.rules.playbook.context import Context, quote

HTML_ELEMENTS = frozenset(block_names) | {
    "a", "abbr", "audio", "b", "bdi", "bdo", "br", "button", "canvas", "cite", "code", "data", "del",
    "dfn", "em", "embed", "font", "i", "img", "input", "ins", "kbd", "label", "map", "mark", "marquee",
    "math", "meter", "object", "output", "picture", "q", "s", "samp", "script", "select", "slot",
    "small", "span", "strike", "strong", "style", "sub", "sup", "svg", "template", "textarea", "time",
    "u", "var", "video", "wbr",
}

_BACKTICKS = re.compile(r"`+")
_BRACKETS = re.compile(r"(?<![\\!\]])\[(?P<inner>[^\[\]\n]+)\](?![(\[:])")
_TASK_BOX = re.compile(r"^\[[ xX]\]")
_ANGLE = re.compile(r"<(?P<inner>[^<>\n]{1,200})(?:>|$)")
_AUTOLINK = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*$|^[^\s<>@]+@[^\s<>@]+$")
_TAG = re.compile(r"^(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attributes>(?:[\s/][^<>]*)?)$")
_LINK_DESTINATION = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:\s*<?(?P<url>[^\s>]+)")
_NOTE = re.compile(r"^\s{0,3}\[//\]:\s")
_SCRIPT_SCHEME = re.compile(r"\b(?:javascript|vbscript)\s*:", re.IGNORECASE)
# What the patterns below need at least one of. Most values and lines have none, and looking for
# these (plain substring tests, far cheaper than the patterns) runs on every value and line.
_PLACEHOLDER_CHARS = ("<", "[")
_ACTIVE_CHARS, _ACTIVE_WORDS = ("<", "[", "]"), ("SCRIPT",)


def _may_hold(text: str, chars: tuple[str, ...], words: tuple[str, ...]) -> bool:
    if any(char in text for char in chars):
        return True
    upper = text.upper()
    return any(word in upper for word in words)


def _maybe_placeholder(text: str, words: tuple[str, ...] = ()) -> bool:
    return any(char in text for char in _PLACEHOLDER_CHARS) or may_hold(text, words)


def _maybe_active(text: str) -> bool:
    return _may_hold(text, _ACTIVE_CHARS, _ACTIVE_WORDS)


@dataclass(frozen=True)
class Found:
    offset: int
    code: str
    token: str


def without_code_spans(text: str) -> str:
    """The text with every `code span` blanked out, keeping columns.

    A run of backticks opens a span that the next run of the same length on the same line closes
    (CommonMark's rule); a run with no partner is text. Runs are paired in one pass over them, so
    the time is linear whatever the text (a regular expression with a backreference was cubic on
    a long run of backticks)."""
    if "`" not in text:
        return text
    chars = list(text)
    for line_start, line in _lines_with_offsets(text):
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
        partner: list[int | None] = [None] * len(runs)
        next_of_length: dict[int, int] = {}
        for index in range(len(runs) - 1, -1, -1):
            length = runs[index][1] - runs[index][0]
            partner[index] = next_of_length.get(length)
            next_of_length[length] = index
        index = 0
        while index < len(runs):
            closing = partner[index]
            if closing is None:
                index += 1
                continue
            start, end = line_start + runs[index][0], line_start + runs[closing][1]
            chars[start:end] = " " * (end - start)
            index = closing + 1
    return "".join(chars)


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _angle(inner: str) -> str | None:
    """What a <...> is: 'HO617' raw HTML, 'HO618' an unsafe autolink, 'HO616' a placeholder, None
    for a safe autolink."""
    if inner.startswith(("!", "?")):
        return "HO617"  # a comment, declaration or processing instruction
    autolink = _AUTOLINK.match(inner)
    if autolink:
        scheme = link_scheme(inner)
        return "HO618" if scheme and scheme not in SAFE_SCHEMES else None
    tag = _TAG.match(inner)
    if tag and (tag.group("close") or tag.group("name").casefold() in HTML_ELEMENTS
                or "=" in tag.group("attributes") or inner.endswith("/")):
        return "HO617"
    return "HO616" if inner.strip() == inner else None


def placeholders(text: str, labels: frozenset[str] = frozenset(),
                 words: tuple[str, ...] = ()) -> list[Found]:
    """Template text left in a value: [AM name], TBD, t.b.c., ??, <client>, or a value that is
    only placeholder words ('To follow', 'Sarah to confirm'; `words` adds a firm's own); read as
    it shows, so hidden, look-alike and fullwidth characters and HTML entities do not hide one.
    Tokens are quoted as written when the text itself holds them, else as they read."""
    found = _placeholders_as_written(text, labels, words)
    shown = skeleton(text)
    return found or (_placeholders_as_written(shown, labels, words) if shown != text else [])


# The code of a value that is nothing but placeholder words: its Found names the words it was
# taken for, and the token is the value itself.
_WHOLE = "HO616-whole"


def _placeholders_as_written(text: str, labels: frozenset[str], words: tuple[str, ...] = ()) -> list[Found]:
    if not _maybe_placeholder(text, words):
        return []
    # A word shows as itself in a code span (`TBD`); brackets and angles there are code.
    found = [Found(m.start(), "HO616", m.group(0)) for m in STRONG.finditer(text)]
    if not found:
        phrase = whole_value(text, words)
        if phrase is not None:
            return [Found(0, _WHOLE, phrase)]
    text = without_code_spans(text)
    for match in _BRACKETS.finditer(text):
        inner = match.group("inner")
        if inner.startswith(("^", "//")) or inner.casefold() in labels:
            continue  # a footnote, a note line, a reference link
        if match.start() == 0 and _TASK_BOX.match(match.group(0)):
            continue
        found.append(Found(match.start(), "HO616", match.group(0)))
    for match in _ANGLE.finditer(text):
        # A placeholder is closed on its line: '<20% by Week 12' is a comparison, not a template.
        if match.group(0).endswith(">") and _angle(match.group("inner")) == "HO616":
            found.append(Found(match.start(), "HO616", match.group(0)))
    return sorted(found, key=lambda f: f.offset)


def active_content(text: str) -> list[Found]:
    """Raw HTML and links with unsafe schemes in one line of text (code spans excluded)."""
    if not _maybe_active(text):
        return []
    text = without_code_spans(text)
    found: list[Found] = []
    for match in _ANGLE.finditer(text):
        code = _angle(match.group("inner"))
        if code == "HO617":
            found.append(Found(match.start(), code, match.group(0)))
        elif code == "HO618":
            found.append(Found(match.start() + 1, code, f"{link_scheme(match.group('inner'))}:"))
    destinations = [*_LINK_DESTINATION.finditer(text), *_REFERENCE.finditer(text)]
    for match in destinations:
        scheme = link_scheme(match.group("url"))
        if scheme is not None and scheme not in SAFE_SCHEMES:
            found.append(Found(match.start("url"), "HO618", f"{scheme}:"))
    found += [Found(m.start(), "HO618", m.group(0).replace(" ", "").casefold())
              for m in _SCRIPT_SCHEME.finditer(text)]
    return sorted(found, key=lambda f: f.offset)


# Placeholders in values ---------------------------------------------------------------------------


def _reference_labels(lines: tuple[str, ...]) -> frozenset[str]:
    return frozenset(m.group("label").casefold() for line in lines if (m := _REFERENCE.match(line)))


def _locate(context: Context, pointer: str, token: str) -> tuple[int, int]:
    """The line and column of token in the file, searching from where the value starts."""
    line, column = context.where(pointer)
    for number in range(line, min(line + 200, len(context.lines)) + 1):
        text = context.lines[number - 1]
        start = column - 1 if number == line else 0
        found = text.find(token, start)
        if found < 0 and number == line:
            found = text.find(token)
        if found >= 0:
            return number, found + 1
    return line, column


@lru_cache(maxsize=8)
def _listed_choices(schema_path: str | None) -> str:
    """Every enum and const string in the schema: a value may be one of these, not the doc's text."""
    found: list[str] = []
    stack: list[object] = [load_schema(schema_path)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found += [c for c in node.get("enum", []) if isinstance(c, str)] if isinstance(
                node.get("enum"), list) else []
            found += [node["const"]] if isinstance(node.get("const"), str) else []
            stack += node.values()
        elif isinstance(node, list):
            stack += node
    return "\n".join(found)


def _body_may_match(may_hold: Callable[[str], bool], context: Context) -> bool:
    """Whether any value outside the front matter can match: each is cut from the doc's own lines
    (or is one of the schema's listed choices), so a doc without a match has none. Front matter
    values are not covered: YAML escapes can spell characters the text does not hold."""
    text = "\n".join(context.lines)
    return (may_hold(text) or may_hold(_listed_choices(context.config.schema_path))
            or may_hold(skeleton(text)))


def _placeholder_hint(tokens: list[Found]) -> str:
    """The fix for what was found: a word standing in for a value, or a template's brackets."""
    if any(STRONG.fullmatch(t.token) or t.code == _WHOLE for t in tokens):
        return ("Find out the real value and write it here before the handoff: Delivery cannot act on "
                f"'{tokens[0].token}'.")
    if any(t.token.startswith("<") for t in tokens):
        return "Replace the <...> placeholder with the real value."
    return ("Replace the [...] placeholder with the real value. If square brackets belong in a quote, "
            "use parentheses or write \\[ \\].")


def no_placeholders(context: Context) -> Iterator[Diagnostic]:
    """HO616: no template placeholder is left in any value, front matter included."""
    labels = _reference_labels(context.lines)
    words = context.config.placeholder_words
    values = (iter_strings(context.instance, "")
              if _body_may_match(lambda text: _maybe_placeholder(text, words), context)
              else iter_strings(context.front_matter, f"/{FRONT_MATTER}"))
    for pointer, text in values:
        if context.already_reported(pointer):
            continue
        tokens = placeholders(text, labels, words)
        if not tokens:
            continue
        if tokens[0].code == _WHOLE:
            value = quote(text)
            yield context.finding(
                "HO616", _locate(context, pointer, value),
                f"{_describe(context, pointer)}: '{value}' is a placeholder, not a value "
                f"('{tokens[0].token}' stands for something not known yet)",
                f"Find out the real value and write it here before the handoff: Delivery cannot act "
                f"on '{value}'.",
            )
            continue
        names = ", ".join(dict.fromkeys(f"'{t.token}'" for t in tokens))
        yield context.finding(
            "HO616", _locate(context, pointer, tokens[0].token),
            f"{_describe(context, pointer)}: {names} is template text, not a value",
            _placeholder_hint(tokens),
        )


def _describe(context: Context, pointer: str) -> str:
    parts = [p for p in pointer.split("/") if p]
    return describe(load_schema(context.config.schema_path), context.instance, parts)


# Raw HTML and unsafe links ------------------------------------------------------------------------


def _blocks(document: Document) -> Iterator[Block]:
    stack = document.top_level_blocks()
    while stack:
        block = stack.pop()
        yield block
        stack += block.children


def _active_items(context: Context) -> Iterator[tuple[int, int, Found, str]]:
    """(line, column, item, what the message opens with) for each piece of raw HTML or unsafe
    link, in the front matter and then the body."""
    for pointer, text in iter_strings(context.front_matter, f"/{FRONT_MATTER}"):
        for item in active_content(text):
            if item.code in ("HO617", "HO618"):
                yield *_locate(context, pointer, item.token), item, _describe(context, pointer) + ": "
    document = context.document
    if document is None or not _maybe_active("\n".join(document.lines)):
        return
    code_lines = {number for block in _blocks(document) if block.kind in ("fence", "code_block")
                  for number in range(block.line, block.end_line + 1)}
    for index, text in enumerate(document.lines):
        number = document.line_offset + index + 1
        if number in code_lines or _NOTE.match(text):
            continue
        for item in active_content(text):
            yield number, item.offset + 1, item, ""


def no_active_content(context: Context) -> Iterator[Diagnostic]:
    """HO617 and HO618: no raw HTML and no javascript:/data: links, in the body or the front matter."""
    seen: set[tuple[int, str]] = set()
    for line, column, item, where in _active_items(context):
        key = (line, item.code)  # one finding per line and kind: '<b>x</b>' is one mistake
        if key in seen:
            continue
        seen.add(key)
        if item.code == "HO617":
            message = f"{where}'{item.token}' is raw HTML; the site shows a doc's text and never runs it"
            hint = ("Write plain Markdown instead. To show a tag as text, put it in `backticks`; if "
                    "it is a placeholder, replace it with the value.")
        else:
            message = f"{where}a '{item.token}' link could run code in the reader's browser"
            hint = "Link to an https:// address, or remove the link."
        yield context.finding(item.code, (line, column), message, hint)
