"""Dates kept on one line: '2026-11-25' never shows as '2026-11-' over '25' on a phone.

A table cell wraps anywhere (a pasted 3,000-letter name must not widen the page), which lets a
narrow column break a date after any character. Every date in a page's text, the site's own or a
doc's, goes in a span of the class CLASS, which the stylesheet keeps on one line: ISO dates and
months (2026-11-25, 2026-11) and the site's written days (Wed 25 Nov, Wed 25 Nov 2026). Python-
Markdown's tree (Wrap, in the safe Markdown extension), the HTML the site writes itself (html) and
the site's script (PATTERN, for the rows it writes) all use the one pattern.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

CLASS = "handoff-date"
_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# Punctuation right after a date stays with it: "(due Wed 25 Nov)" never leaves ")" on a line alone.
_AFTER = r"(?![\w-])[),.;:!?]*"
# Also a JavaScript regular expression (the site's script compiles it as it is).
PATTERN = (rf"(?<![\w-])\d{{4}}-\d{{2}}(?:-\d{{2}})?{_AFTER}"
           rf"|(?<![\w-])(?:{_DAYS}) \d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?{_AFTER}")
_DATE = re.compile(PATTERN)
# What never wraps anyway, or whose text is not the page's: code, and what is already one date.
_SKIPPED = frozenset({"code", "pre", "script", "style", "kbd", "samp"})


def html(escaped: str) -> str:
    """HTML text (already escaped) with each date in a span of CLASS; the pattern holds no '&', '<'
    or '>', so no entity or tag is ever cut."""
    return _DATE.sub(lambda match: f'<span class="{CLASS}">{match.group()}</span>', escaped)


def _spans(text: str) -> tuple[str, list[etree.Element]]:
    """The text before the first date, and a span for each date with the text after it as its tail."""
    found = list(_DATE.finditer(text))
    if not found:
        return text, []
    made = []
    for index, match in enumerate(found):
        span = etree.Element("span", {"class": CLASS})
        span.text = match.group()
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        span.tail = text[match.end():end]
        made.append(span)
    return text[:found[0].start()], made


def wrap(root: etree.Element) -> None:
    """Every date in the text of root and of its descendants in a span of CLASS, in place (walked
    without recursion: a doc's nesting sets no depth)."""
    found, waiting = [], [root]
    while waiting:
        element = waiting.pop()
        if element.tag in _SKIPPED or element.get("class") == CLASS:
            continue
        found.append(element)
        waiting.extend(element)
    # Most text holds no date: one search of it, and no list or call per node, where none is found.
    search = _DATE.search
    for element in found:
        children = list(element)
        for position in range(len(children) - 1, -1, -1):
            child = children[position]
            if child.tail and search(child.tail):
                child.tail, made = _spans(child.tail)
                for offset, span in enumerate(made, start=1):
                    element.insert(position + offset, span)
        if element.text and search(element.text):
            element.text, made = _spans(element.text)
            for offset, span in enumerate(made):
                element.insert(offset, span)


class Wrap(Treeprocessor):
    """Python-Markdown's tree with every date in a span of CLASS."""

    def run(self, root: etree.Element) -> None:
        wrap(root)
