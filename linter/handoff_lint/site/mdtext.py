"""Small helpers for writing Markdown safely: escaped text, table cells, tables, links, fences."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence

import yaml
from markdown_it import MarkdownIt

from handoff_lint.reading.characters import hidden

# Characters Python-Markdown gives a meaning inline (tables add |, attr_list adds { and }); with
# [ and ] escaped, ( ) and ! cannot form a link or an image.
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
_BACKTICKS = re.compile(r"`+")


# Written as entities: `&` would start one (`&#x202E;` is a bidi override once rendered) and `<` an
# autolink; Python-Markdown has no backslash escape for `&`.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ENTITY_SPECIAL = re.compile(r"[&<>]")


_TAG = re.compile(r"<[^<>]*>")  # a tag holds no "<": each scan stops at the next one, so it is linear
_INLINE = MarkdownIt("commonmark", {"html": False})


def _visible(value: str) -> str:
    """The value without control, bidi and invisible characters, its white space runs one space."""
    dropped = {offset for offset, _ in hidden(value)}
    if dropped:
        value = "".join(char for offset, char in enumerate(value) if offset not in dropped)
    return " ".join(value.split())


def plain(markdown: str) -> str:
    """What inline Markdown (a risk as the AE wrote it) shows, as plain text: for a page's title or
    a value the site's script writes as text."""
    return _visible(html.unescape(_TAG.sub("", _INLINE.renderInline(markdown))))


def text(value: object) -> str:
    """Plain text (a name from the front matter, an author from git) as Markdown that shows exactly
    that text: control, bidi and invisible characters dropped, every character with a meaning in
    Markdown or HTML escaped."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", _visible(str(value)))
    return _ENTITY_SPECIAL.sub(lambda match: _ENTITIES[match.group()], escaped)


def inline(value: object) -> str:
    """Markdown the AE wrote (a risk, a commitment) on one line, fit for a table cell."""
    joined = " ".join(str(value).split())
    return re.sub(r"(?<!\\)\|", r"\\|", joined)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells must already be Markdown (use text() or inline())."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def relative_link(from_uri: str, to_uri: str) -> str:
    """The relative path from one source page to another, as Markdown links between pages need."""
    start = posixpath.dirname(from_uri) or "."
    return posixpath.relpath(to_uri, start)


def link(label: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link from one page to another (or to a heading of the same page)."""
    if to_uri == from_uri and anchor:
        return f"[{label}](#{anchor})"
    target = relative_link(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{label}]({target.replace(' ', '%20')})"


def fence(body: str, language: str = "text") -> str:
    """A fenced code block longer than any run of backticks inside, so nothing can close it early."""
    longest = max((len(run) for run in _BACKTICKS.findall(body)), default=0)
    marker = "`" * max(3, longest + 1)
    return f"{marker}{language}\n{body.rstrip()}\n{marker}\n"


def indent(block: str, prefix: str = "    ") -> str:
    """Indent every non-empty line, as an admonition's body needs."""
    return "\n".join(prefix + line if line.strip() else "" for line in block.split("\n"))


# libyaml's, where PyYAML was built with it: the same YAML, written and read several times faster,
# for the front matter of every one of the site's thousands of pages.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def front_matter(data: Mapping[str, object]) -> str:
    """A page's front matter block, from the site's own data (never a doc's YAML)."""
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"


def read_front_matter(text: str) -> object:
    """Front matter the site wrote itself, read back (safe: plain data only)."""
    return yaml.load(text, Loader=_LOADER)
