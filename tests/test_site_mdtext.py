"""Writing values into the site's Markdown: what a name or an author holds shows as that text."""

from __future__ import annotations

import markdown
import pytest
from handoff_lint.site.mdtext import text


def shown(source: str) -> str:
    """The HTML Python-Markdown makes of one line of inline Markdown."""
    return markdown.markdown(source)


@pytest.mark.parametrize(("value", "html"), [
    ("Priya Shah", "<p>Priya Shah</p>"),
    ("Marcus &#x202E;lleB", "<p>Marcus &amp;#x202E;lleB</p>"),
    ("&lt;b&gt;x", "<p>&amp;lt;b&amp;gt;x</p>"),
    ("<https://evil.example>", "<p>&lt;https://evil.example&gt;</p>"),
    ("Mallory\u202eevil", "<p>Malloryevil</p>"),
    ("Esc\x1b[2J", "<p>Esc[2J</p>"),
    ("*bold* [link](https://evil.example) `code`",
     "<p>*bold* [link](https://evil.example) `code`</p>"),
    ("Line\nbreak", "<p>Line break</p>"),
])
def test_a_value_shows_as_its_text_without_hidden_characters(value: str, html: str) -> None:
    assert shown(text(value)) == html
