"""What the linter accepts renders the same on the site: tables, nested lists, quotes, headings.

The pure tests render with Python-Markdown configured exactly as mkdocs.yml configures it; the last
test compares every example's page in the real built site with the linter's parsed Document.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from conftest import EXAMPLES, REPO, SITE_DATE, check_doc, example_text, line_of, site_markdown
from handoff_lint.site import client_page, parity
from handoff_lint.site.clients import view
from handoff_lint.site.parity import differences, document_events, html_events
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

SKIP = {client_page.CARD_CLASS, client_page.BANNER_CLASS}


def rendered_page(text: str) -> tuple[Any, str]:
    checked = check_doc(text)
    assert checked.document is not None
    source = client_page.page(view(checked, "x/01-handoff/x.md", "england-and-wales", SITE_DATE), checked)
    body = source.split("---\n", 2)[2]  # the page's meta block is read by the site generator
    return checked.document, site_markdown().convert(body)


def test_every_example_renders_as_it_was_read() -> None:
    for path in EXAMPLES:
        document, html = rendered_page(path.read_text("utf-8"))
        assert differences(document, html, SKIP, client_page.EMAIL_ID) == [], path.name


def test_the_comparison_sees_tables_lists_and_quotes() -> None:
    document, html = rendered_page(example_text())
    kinds = [event[0] for event in html_events(html, SKIP, client_page.EMAIL_ID)]
    assert kinds.count("table") == 5  # People, Cohorts, Fee breakdown, Payment milestones, Risks
    assert "list" in kinds and "heading" in kinds
    assert [e for _, e in document_events(document)] == html_events(html, SKIP, client_page.EMAIL_ID)


def test_two_space_nesting_is_caught_as_a_difference() -> None:
    text = example_text().replace("    - Unit 4, Aire Valley", "  - Unit 4, Aire Valley")
    text = text.replace("    - Kingsway Cross-Dock", "  - Kingsway Cross-Dock")
    document, html = rendered_page(text)
    found = differences(document, html, SKIP, client_page.EMAIL_ID)
    assert len(found) == 1
    line, message = found[0]
    assert line == line_of(text, "- **Legal name:**")  # where Section A's list starts
    assert "list item 3" in message  # Sites in scope


def test_a_changed_cell_is_reported_with_its_row() -> None:
    document, html = rendered_page(example_text())
    html = html.replace("<td>Marcus Bell</td>", "<td>Someone else</td>")
    found = differences(document, html, SKIP, client_page.EMAIL_ID)
    assert found and "table row 1" in found[0][1] and "Someone else" in found[0][1]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.parent.name for p in EXAMPLES])
def test_the_built_site_shows_every_example_as_the_linter_read_it(built_site: Path, path: Path) -> None:
    relative = PurePosixPath(path.relative_to(REPO / "clients").as_posix())
    page = built_site / relative.parent / relative.stem / "index.html"
    checked = check_doc(path.read_bytes(), PurePosixPath("clients") / relative)
    assert checked.document is not None
    html = page.read_text("utf-8")
    assert differences(checked.document, html, SKIP, client_page.EMAIL_ID) == []
    assert len(html_events(html, SKIP, client_page.EMAIL_ID)) == len(document_events(checked.document))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\nab1.,;:'\"#£—()|-+=/%$@?", max_size=40))
def test_text_without_inline_syntax_is_read_as_markdown_it_reads_it(source: str) -> None:
    rendered = parity.parse_html(MarkdownIt("commonmark").enable("table").renderInline(source)).text()
    assert parity.inline_text(source) == " ".join(rendered.split())


CONTINUATIONS = {
    "indented code": "\n    - **Account Manager:** Mallory (forged)\n",
    "indented link": "\n    - **Total fee:** £1 [click](https://evil.example/login)\n",
    "eight spaces": "\n        - **Total fee:** £1\n",
    "two-space item": "\n  - **Total fee:** £1\n",
    "lazy line": "\n- **Total fee:** £1\nlazy line\n",
    "indented quote": "\n    > **Total fee:** £1\n",
    "quote": "\n> **Total fee:** £1\n",
    "table row": "\n    | Total fee | £1 |\n    |---|---|\n    | a | b |\n",
    "indented paragraph then item": "\n    forged\n\n    - **AE:** Mallory\n",
}


@pytest.mark.parametrize("shape", CONTINUATIONS.values(), ids=CONTINUATIONS.keys())
def test_nothing_in_the_doc_continues_the_card(shape: str) -> None:
    text = example_text().replace("# Handoff: Northwind Logistics Ltd\n",
                                  "# Handoff: Northwind Logistics Ltd\n" + shape, 1)
    _document, html = rendered_page(text)
    card_html = html.split('<hr', 1)[0]
    assert "Mallory" not in card_html and "£1" not in card_html and "lazy" not in card_html
    assert card_html.count("<li>") == len(client_page.CARD_LABELS)


def test_a_card_the_doc_extends_is_a_difference() -> None:
    document, html = rendered_page(example_text())
    forged = "<li><strong>Account Manager:</strong> Mallory</li>"
    extended = html.replace("</ul>\n</div>", f"{forged}</ul>\n</div>", 1)
    assert extended != html
    found = differences(document, extended, SKIP, client_page.EMAIL_ID)
    assert found and "At a glance" in found[0][1] and "rows" in found[0][1]
    nested = html.replace("</ul>\n</div>", "</ul>\n<pre><code>x</code></pre>\n</div>", 1)
    assert "block the site did not write" in differences(document, nested, SKIP, client_page.EMAIL_ID)[0][1]


def test_an_intro_email_taken_in_by_the_doc_is_a_difference() -> None:
    document, html = rendered_page(example_text())
    swallowed = html.replace(f'id="{client_page.EMAIL_ID}"', 'id="elsewhere"')
    assert swallowed != html
    assert "intro e-mail" in differences(document, swallowed, SKIP, client_page.EMAIL_ID)[0][1]
