"""A Python-Markdown extension that never lets a doc publish active content.

The linter already refuses raw HTML, but a non-strict local build still renders an incomplete doc;
this makes sure even then the page shows the HTML as text instead of running it. It also drops
links with a scheme other than http(s), mailto or tel (javascript:, data:, vbscript:, ...), turns
images from other hosts into plain links (the site loads nothing from a third party), and keeps only
harmless attributes (attr_list could otherwise add onclick= or a style with a remote url()).

Use it as `handoff_lint.site.safe_markdown` in a list of Markdown extensions.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from handoff_lint.links import is_local, is_safe_link

SAFE_ATTRIBUTES = {
    "id", "class", "href", "src", "alt", "title", "colspan", "rowspan", "align", "start", "type",
    "lang", "dir", "rel", "target", "width", "height", "name",
}
# Python-Markdown's tables extension writes column alignment as a style; nothing else may.
_ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


class _Neutralise(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                value = element.attrib[name]
                if name == "style" and _ALIGN_STYLE.match(value):
                    continue
                if name not in SAFE_ATTRIBUTES:
                    del element.attrib[name]
            href = element.get("href")
            if href is not None and not is_safe_link(href):
                del element.attrib["href"]
            if element.tag == "img":
                src = element.get("src", "")
                if not is_local(src):
                    alt = element.get("alt") or src
                    element.tag = "a"
                    element.attrib.clear()
                    if is_safe_link(src):
                        element.set("href", src)
                    element.text = alt
            elif element.get("src") is not None and not is_local(element.get("src", "")):
                del element.attrib["src"]


class SafeMarkdownExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Without these two, raw HTML is ordinary text and the serializer escapes it.
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        # Last of all tree processors, after links, attr_list and the table of contents are built.
        md.treeprocessors.register(_Neutralise(md), "handoff_neutralise", -100)


def makeExtension(**kwargs: Any) -> SafeMarkdownExtension:
    return SafeMarkdownExtension(**kwargs)
