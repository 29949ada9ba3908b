"""A client's page: the doc as written, headed by the summary card, followed by the intro e-mail."""

from __future__ import annotations

import yaml
from conftest import check_doc, example_text, site_view, without_line, without_section
from handoff_lint.site.attributes import trusted_class, trusted_id
from handoff_lint.site.client_page import banner, card, intro_email, page
from handoff_lint.site.clients import LastChange


def render(text: str | bytes, last_change: LastChange | None = None) -> str:
    return page(site_view(text, last_change=last_change), check_doc(text))


def test_the_page_meta_is_the_sites_own_not_the_docs_front_matter() -> None:
    source = render(example_text())
    meta = yaml.safe_load(source.split("---\n")[1])
    assert meta == {"title": "Northwind Logistics Ltd", "description": "Handoff for Northwind Logistics Ltd"}
    assert "deposit_invoice_ref" not in source


def test_the_card_comes_right_after_the_title_and_the_doc_follows_as_written() -> None:
    source = render(example_text(), LastChange("Priya Shah", "2026-11-04", "0123456789abcdef"))
    title = source.index("# Handoff: Northwind Logistics Ltd")
    card_at = source.index(f'!!! abstract {trusted_class("handoff-card")} "At a glance"')
    section_a = source.index("## Section A — Client basics")
    assert title < card_at < section_a
    body = example_text().split("---\n", 2)[2]
    for line in body.split("\n"):
        assert line in source  # nothing the AE wrote is dropped or changed
    assert "**Last changed:** 2026-11-04 by Priya Shah (commit `0123456789`)" in source


def test_the_card_gives_dates_with_their_deadline_state_and_counts() -> None:
    text = card(site_view(example_text()))
    assert "**AM assigned:** 2026-11-04 ✓ on time (due 2026-11-05)" in text
    assert "**Handoff call:** 2026-11-09 ✓ on time (due 2026-11-10)" in text
    assert "**Total fee:** £48,000" in text
    assert "**Risks:** 1 High · 2 Med · 0 Low" in text
    assert "**Last changed:** not committed yet" in text


def test_the_intro_email_is_ready_to_copy() -> None:
    text = intro_email(check_doc(example_text()))
    assert f"## Intro e-mail {{ #{trusted_id('handoff-intro-e-mail')} }}" in text
    assert "```text\nTo: Aisha Rahman <aisha.rahman@northwind-logistics.example>\n" in text
    assert "Subject: Introducing Hannah Lee, your Account Manager" in text
    assert "(mailto:aisha.rahman@northwind-logistics.example?subject=Introducing%20Hannah%20Lee" in text


def test_without_an_hr_sponsor_the_email_says_what_is_missing() -> None:
    text = intro_email(check_doc(without_line(example_text(), "| HR sponsor (primary contact)")))
    assert "can be written once the doc gives" in text
    assert "HR sponsor (primary contact)" in text
    assert "```" not in text


def test_an_incomplete_doc_gets_a_banner_with_every_error_and_its_line() -> None:
    client = site_view(without_section(example_text(), "## Section F"))
    text = banner(client)
    assert text.startswith(f'!!! danger {trusted_class("handoff-incomplete")} "Incomplete handoff"')
    for error in client.errors:
        assert f"line {error.line}: [{error.code}](../../guide/rules.md#{error.code.lower()})" in text
    assert banner(site_view(example_text())) == ""


def test_a_doc_without_front_matter_is_still_shown_as_written() -> None:
    source = render("no front matter, just <b>text</b>\n")
    assert "Incomplete handoff" in source
    assert "\nno front matter, just <b>text</b>\n" in source


def test_a_doc_that_cannot_be_parsed_is_shown_as_plain_text_never_lost() -> None:
    unclosed = "---\nclient: Acme\n## Section A — Client basics\n"
    source = render(unclosed)
    assert "```text\n" + unclosed + "```" in source
    assert "Incomplete handoff" in source


def test_a_doc_that_cannot_be_read_gets_a_banner_only() -> None:
    source = render(b"\xff\xfe\x00\x00")
    assert "Incomplete handoff" in source and "could not be read" in source


def test_a_doc_nested_past_the_limit_is_not_handed_to_the_renderer() -> None:
    nested = "".join("    " * depth + "- a\n" for depth in range(500))
    checked = check_doc(example_text() + "\n" + nested)
    source = page(site_view(example_text() + "\n" + nested), checked)
    assert "HO310" in source and "nested too deeply" in source
    assert "    " * 30 + "- a" not in source
def test_pasted_bullets_and_numbers_show_as_separate_items() -> None:
    import markdown

    promises = ("- \"We'll send the manager attrition baseline report at Week 4.\"\n"
                "- \"Our facilitator will mention the Manchester cross-dock pilot in the kickoff.\"\n"
                "- \"We can attend your leadership away-day on 4 February.\"\n")
    for pasted in (promises.replace("- ", "• "),
                   "Promised:\n" + "".join(f"{n}. {line[2:]}\n"
                                           for n, line in enumerate(promises.splitlines(), start=2))):
        text = example_text().replace(promises, pasted)
        html = markdown.markdown(render(text).split("## Section G")[1].split("## ")[0])
        assert html.count("<li>") == 3, pasted


def test_a_git_author_shows_as_plain_text_in_the_card() -> None:
    author = "Mal\u202elory &#x202E;x &lt;b\x1b[2J <https://evil.example> *y*"
    source = render(example_text(), LastChange(author, "2026-11-04", "0123456789abcdef"))
    line = next(line for line in source.split("\n") if "**Last changed:**" in line)
    assert "\u202e" not in line and "\x1b" not in line
    assert "by Mallory &amp;#x202E;x &amp;lt;b\\[2J &lt;https://evil.example&gt; \\*y\\*" in line
