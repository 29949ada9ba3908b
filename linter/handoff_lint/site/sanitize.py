"""Text a doc contributes to the page templates outside the Markdown, made inert.

MkDocs and mkdocs-material write a page's title, its description and the navigation labels into the
HTML as they are, since they expect titles already rendered from a heading. A client name such as
`Acme <img src=x onerror=...>` from a doc's front matter would become markup there (and in the
search results, which show titles as HTML). Every such string goes through html_text first; the
Markdown itself is made safe by safe_markdown.
"""

from __future__ import annotations

import html


def html_text(value: str) -> str:
    """value as HTML text: markup characters and quotes become entities, so it shows as written."""
    return html.escape(value, quote=True)
