"""A Python-Markdown extension that never lets a doc publish active content, an id or a class.

The linter already refuses raw HTML, but a non-strict local build still renders an incomplete doc;
this makes sure even then the page shows the HTML as text instead of running it. It also drops
links with a scheme other than http(s), mailto or tel (javascript:, data:, vbscript:, ...), turns
every image into a plain link or text (no doc image ever loads: not from a third party, nor from
the site itself, where it would be a request the reader did not make), and keeps
only the attributes handoff_lint.site.attributes allows: no id, class, title, name or data-* a doc
wrote (attr_list, an admonition's extra words or a code fence's `{ #id .class }`), only the site's
own.

Use it as `handoff_lint.site.safe_markdown` in a list of Markdown extensions, with toc's slugify set
to handoff_lint.site.attributes.heading_slug, and `prepared: true` in its settings. The site's own
steps set that (`handoff site build`, and the MkDocs hook): a generator run on `mkdocs.yml` without
them (Zensical runs no hooks) would publish docs nobody checked, so without it the first page
converted stops the build.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from handoff_lint.reading.links import is_safe_link, link_scheme
from handoff_lint.site import attributes, dates
from handoff_lint.site.attributes import PERMALINK_TITLE, clean, clean_html, heading_slug

# After attr_list (8) has applied `{ ... }`, before toc (5) reads the headings' ids.
_ATTRIBUTES_PRIORITY = 7
# Before raw_html (30) puts the stored blocks (highlighted code) into the page.
_STASH_PRIORITY = 35
# An image's address stays a link to follow only when it is on the web.
_IMAGE_LINK_SCHEMES = frozenset({"http", "https"})
_ALLOWED_AFTER_TOC = frozenset({"id", "class", "title", "style", "href", "src", "alt", "start",
                                "colspan", "rowspan"})


class _Attributes(Treeprocessor):
    """Every element's attributes cleaned: the site's keyed ids and classes kept, a doc's dropped."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            kept = clean(dict(element.attrib))
            element.attrib.clear()
            element.attrib.update(kept)


class _Neutralise(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                # toc's permalinks are the only elements with a title: it adds them after
                # _Attributes dropped every title a doc wrote.
                if name not in _ALLOWED_AFTER_TOC or (
                    name == "title" and element.attrib[name] != PERMALINK_TITLE
                ):
                    del element.attrib[name]
            if element.get("title") == PERMALINK_TITLE:
                # A heading's "¶" link is the site's: search leaves it out of titles and excerpts.
                element.set("data-pagefind-ignore", "all")
            href = element.get("href")
            if href is not None and not is_safe_link(href):
                del element.attrib["href"]
            if element.tag == "img":
                # No image in a doc ever loads: the site publishes no file from clients/, so a
                # local one could only be a request to the site itself (`/oauth2/sign_out` signs
                # the reader out), and one from elsewhere tells that host who read the page.
                src = element.get("src", "")
                alt = element.get("alt") or src
                element.tag = "a"
                element.attrib.clear()
                if link_scheme(src) in _IMAGE_LINK_SCHEMES:
                    element.set("href", src)
                element.text = alt
            elif element.get("src") is not None:
                del element.attrib["src"]


class _CleanStash(Postprocessor):
    """HTML that extensions store aside (a fenced code block with its `{ #id .class }`) never passes
    the tree processors, so it is cleaned here, before it is put back into the page."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if isinstance(block, str):
                blocks[index] = clean_html(block)
            else:
                for element in block.iter():
                    kept = clean(dict(element.attrib), trust=False)
                    element.attrib.clear()
                    element.attrib.update(kept)
        return text


class Unprepared(Exception):
    """The site is being built without its own steps."""


class _RequirePrepared(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        raise Unprepared(
            "this site is built with `handoff site build` (or `mkdocs build`, whose hook runs the "
            "same steps); a generator run on its own would publish docs nobody checked"
        )


class SafeMarkdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "prepared": [False, "set by the site's own build steps; without it nothing converts"],
            "key": ["", "the build's attribute key, when another process wrote the pages"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        if not self.getConfig("prepared"):
            # Registered, not raised: MkDocs loads every extension when it reads mkdocs.yml, before
            # its hook has said that the steps run.
            md.preprocessors.register(_RequirePrepared(md), "handoff_require_prepared", 1000)
        if self.getConfig("key"):
            attributes.use_key(self.getConfig("key"))
        # Without these two, raw HTML is ordinary text and the serializer escapes it.
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        if "toc" in md.treeprocessors:
            # Heading ids from a heading's text are namespaced whatever the configuration says.
            md.treeprocessors["toc"].slugify = heading_slug  # type: ignore[attr-defined]
        md.treeprocessors.register(_Attributes(md), "handoff_attributes", _ATTRIBUTES_PRIORITY)
        # Dates kept on one line, once the page's classes are cleaned (its spans' class is the site's).
        md.treeprocessors.register(dates.Wrap(md), "handoff_dates", -90)
        # Last of all tree processors, after links, attr_list and the table of contents are built.
        md.treeprocessors.register(_Neutralise(md), "handoff_neutralise", -100)
        md.postprocessors.register(_CleanStash(md), "handoff_clean_stash", _STASH_PRIORITY)


def makeExtension(**kwargs: Any) -> SafeMarkdownExtension:
    return SafeMarkdownExtension(**kwargs)
