"""Text a page contributes to the page templates outside the Markdown, made inert.

MkDocs and mkdocs-material write a page's title, its description and the navigation labels into the
HTML as they are, since they expect titles already rendered from a heading; the theme also acts on
other front matter keys (`template:` picks the template, `icon:` a file to include, `status:`,
`hide:`, `search:`, `tags:`, a redirect's `location:` inside a script). A client name such as
`Acme <img src=x onerror=...>` from a doc's front matter would become markup there (and in the
search results, which show titles as HTML). So no page's own front matter reaches the theme: the
site writes each page's front matter itself, with only the keys in PAGE_META, and every text in it
goes through html_text first. The Markdown itself is made safe by safe_markdown.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

# What hide: may list: the parts of a page mkdocs-material can hide (page.meta.hide).
HIDE_WORDS = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
# The only front matter keys a published page carries: title and description (as HTML text), hide,
# and the site's own search record (set by the build, never by a page).
TEXT_META = ("title", "description")
PAGE_META = frozenset({*TEXT_META, "hide", "handoff_search"})


def html_text(value: str) -> str:
    """value as HTML text: markup characters and quotes become entities, so it shows as written."""
    return html.escape(value, quote=True)


def meta_problems(meta: Mapping[str, object]) -> list[tuple[str, str]]:
    """What in a page's front matter the theme must not be given, as (key, what is wrong): a key
    the site does not set, a title or description that is not text, hide: words the theme does not
    know."""
    problems = [(key, f"front matter key {key!r}: the site does not publish it") for key in meta
                if key not in PAGE_META]
    problems += [(key, f"front matter key {key!r}: not text") for key in TEXT_META
                 if key in meta and not isinstance(meta[key], str)]
    hide = meta.get("hide")
    if "hide" in meta and not (isinstance(hide, list) and all(w in HIDE_WORDS for w in hide)):
        problems.append(("hide", f"front matter key 'hide': not a list of {', '.join(sorted(HIDE_WORDS))}"))
    return problems
