"""Which attributes the site's pages may carry: ids and classes come from the site's own code only.

The theme trusts the page: mkdocs-material reads its configuration from `<script id="__config">`
(an earlier element with that id replaces it), treats classes such as `mermaid` or `annotate` as
instructions, and may show a `title` as HTML. So nothing a doc writes may become an id, a name, a
class, a title or a data-* attribute:

- The generated pages mark their own ids and classes with a key, `{ #<KEY>-name }` (attr_list) or
  `!!! abstract <KEY>-name` (admonition), and `clean` turns them into `name`. KEY is a new secret
  for every build, so a doc, written before the build, cannot know it; an id or class without it
  is dropped.
- Every heading id that toc derives from heading text is namespaced, `h-...` (`heading_slug`), so
  no doc heading ("__config", "__search") can take an id the theme or the site relies on.
- Classes are otherwise only those Python-Markdown's own extensions write (admonition types, code
  highlighting); no title (toc adds the permalink's after this runs), name, data-* or event
  attribute at all.
"""

from __future__ import annotations

import html
import re
import secrets
from html.parser import HTMLParser

from markdown.extensions.toc import slugify

KEY = "k" + secrets.token_hex(12)
HEADING_PREFIX = "h-"
PERMALINK_TITLE = "Permanent link"  # Python-Markdown's toc writes it on each heading's ¶ link

# The types mkdocs-material styles (and their aliases); any other word after !!! is dropped.
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
    "missing", "danger", "error", "bug", "example", "quote", "cite",
})
EXTENSION_CLASSES = frozenset({
    "admonition", "admonition-title", "highlight", "filename", "linenos", "linenodiv",
    "highlighttable", "code", "hll",
}) | ADMONITION_TYPES
# Pygments' token classes ("k", "nb", "s2", "cpf"): one letter and up to two more letters or digits.
_TOKEN_CLASS = re.compile(r"^[a-z][a-z0-9]{0,2}$")
# Code highlighting names the fence's language; the theme acts on `mermaid`, so that one is not kept.
_LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9_+#.-]{1,40}$")
_THEME_LANGUAGES = frozenset({"language-mermaid"})
# Python-Markdown's tables extension writes column alignment as a style; nothing else may.
_ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
# What Markdown itself writes; everything else (on*, name, data-*, target, dir, ...) is dropped.
_PLAIN_ATTRIBUTES = frozenset({"href", "src", "alt", "start", "colspan", "rowspan"})


def renew_key() -> None:
    """A new key for the next build: `mkdocs serve` rebuilds in one process, and a key that ever
    showed on a page must not work for a doc written after."""
    global KEY
    KEY = "k" + secrets.token_hex(12)


def use_key(key: str) -> None:
    """The key of a build whose pages were written by another process (handoff site build: the
    generator renders what the prepare step wrote)."""
    global KEY
    if not re.fullmatch(r"k[0-9a-f]{24}", key):
        raise ValueError("not a key this module made")
    KEY = key


def trusted_id(name: str) -> str:
    """How a generated page writes an id of its own, e.g. `{ #<trusted_id('x')> }`."""
    assert not name.startswith(HEADING_PREFIX), "the h- namespace belongs to headings' text"
    return f"{KEY}-{name}"


def trusted_class(name: str) -> str:
    """How a generated page writes a class of its own (attr_list or an admonition's extra word)."""
    return f"{KEY}-{name}"


def heading_slug(value: str, separator: str) -> str:
    """toc's heading id, always in the h- namespace, never an id the theme or the site uses."""
    return HEADING_PREFIX + (slugify(value, separator) or "heading")


def _trusted(value: str) -> str | None:
    return value[len(KEY) + 1:] if value.startswith(KEY + "-") and len(value) > len(KEY) + 1 else None


def _class_allowed(name: str, code: bool) -> bool:
    if name in EXTENSION_CLASSES:
        return True
    if not code:
        return False
    return _TOKEN_CLASS.match(name) is not None or (
        _LANGUAGE_CLASS.match(name) is not None and name not in _THEME_LANGUAGES)


def clean(attributes: dict[str, str], *, trust: bool = True) -> dict[str, str]:
    """The attributes an element may keep. With trust (the page's own tree), keyed ids and classes
    become their names; without (highlighted code, stored aside by an extension), no id is kept at
    all, and code highlighting's classes are."""
    kept: dict[str, str] = {}
    for name, value in attributes.items():
        name = name.lower()
        if name == "id":
            trusted = _trusted(value) if trust else None
            if trusted is not None:
                kept["id"] = trusted
        elif name == "class":
            classes = []
            for word in value.split():
                trusted = _trusted(word) if trust else None
                if trusted is not None:
                    classes.append(trusted)
                elif _class_allowed(word, code=not trust):
                    classes.append(word)
            if classes:
                kept["class"] = " ".join(classes)
        elif name == "style":
            if _ALIGN_STYLE.match(value):
                kept["style"] = value
        elif name in _PLAIN_ATTRIBUTES:
            kept[name] = value
    return kept


class _Rewriter(HTMLParser):
    """Re-writes HTML with every start tag's attributes cleaned; text, entities and end tags as
    they were."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], end: str) -> None:
        kept = clean({name: value or "" for name, value in attrs}, trust=False)
        rendered = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in kept.items())
        self.out.append(f"<{tag}{rendered}{end}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data.replace("<", "&lt;"))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        pass  # nothing an extension writes needs a comment, and one could hide text from review

    def handle_decl(self, decl: str) -> None:
        pass

    def unknown_decl(self, data: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass


def clean_html(fragment: str) -> str:
    """An HTML fragment (such as a highlighted code block) with its attributes cleaned, no id kept."""
    if "<" not in fragment:
        return fragment  # no tag, so no attribute: most stored fragments are one entity, "&amp;"
    rewriter = _Rewriter()
    rewriter.feed(fragment)
    rewriter.close()
    # What the parser still holds (an unclosed "<" at the end) is text, shown as text.
    return "".join(rewriter.out) + html.escape(rewriter.rawdata)
