"""HO616 to HO618: no template placeholders, no raw HTML, no links that run code. Code spans and
fenced code are text, and are not checked."""

from __future__ import annotations

import pytest
from conftest import findings, line_of, replace_once, with_front_matter

SECTOR = "- **Sector:** Transport and logistics"


def column_of(text: str, line: int, fragment: str) -> int:
    return text.split("\n")[line - 1].index(fragment) + 1


def sector_finding(northwind: str, value: str, code: str, at: str) -> str:
    """The example with Sector's value replaced has one `code` finding, at `at`: its message."""
    text = replace_once(northwind, SECTOR, f"- **Sector:** {value}")
    [finding] = findings(text, code)
    line = line_of(text, "- **Sector:**")
    assert (finding.line, finding.column) == (line, column_of(text, line, at))
    return finding.message


def test_the_example_is_clean(northwind: str) -> None:
    assert findings(northwind, "HO616", "HO617", "HO618") == []


# HO616 placeholders -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "token"), [
    ("[Sector]", "[Sector]"), ("TBD", "TBD"), ("tbc", "tbc"), ("TODO: ask the client", "TODO"),
    ("Transport <sub-sector>", "<sub-sector>"), ("<…>", "<…>"), ("Logistics XXX", "XXX"),
])
def test_a_placeholder_in_a_value_fails_where_it_is(northwind: str, value: str, token: str) -> None:
    message = sector_finding(northwind, value, "HO616", token)
    assert message == f"Section A — Client basics, Sector: '{token}' is template text, not a value"


def test_a_placeholder_hint_speaks_of_what_was_found(northwind: str) -> None:
    tbc = findings(replace_once(northwind, "- **Sector:** Transport and logistics", "- **Sector:** TBC"),
                   "HO616")
    assert [d.hint for d in tbc] == [
        "Find out the real value and write it here before the handoff: Delivery cannot act on 'TBC'."]
    assert "square brackets" not in tbc[0].hint
    bracket = findings(replace_once(northwind, "- **Sector:** Transport and logistics",
                                    "- **Sector:** [Sector]"), "HO616")
    assert bracket[0].hint.startswith("Replace the [...] placeholder with the real value.")


def test_placeholders_in_front_matter_and_table_cells(northwind: str) -> None:
    text = with_front_matter(northwind, account_manager='"[AM name]"', deposit_invoice_ref="INV-2026-XXXX")
    text = replace_once(text, "| Gareth Price |", "| [Name] |")
    found = findings(text, "HO616")
    where = [(line_of(text, start), token) for start, token in
             (("account_manager:", "[AM"), ("deposit_invoice_ref:", "XXXX"), ("| [Name] |", "[Name]"))]
    assert [(d.line, d.column) for d in found] == [(line, column_of(text, line, token))
                                                    for line, token in where]
    assert found[0].message == "front matter 'account_manager': '[AM name]' is template text, not a value"
    assert found[2].message.startswith("Section B — People, row 'Procurement contact', Name:")


@pytest.mark.parametrize(("value", "token"), [
    ("t.b.c.", "t.b.c."), ("T.B.D", "T.B.D"), ("Logistics (t. b. a.)", "t. b. a."),
    ("Transport ?? logistics", "??"), ("???", "???"),
])
def test_a_placeholder_word_in_any_spelling_fails_where_it_is(northwind: str, value: str,
                                                              token: str) -> None:
    message = sector_finding(northwind, value, "HO616", token)
    assert message == f"Section A — Client basics, Sector: '{token}' is template text, not a value"


@pytest.mark.parametrize(("value", "taken_for"), [
    ("To follow", "to follow"), ("Pending", "pending"), ("pending confirmation", "pending"),
    ("Awaiting details from client", "awaiting"), ("Sarah to confirm", "to confirm"),
    ("HR team to confirm", "to confirm"), ("Unknown", "unknown"), ("Not yet known", "not yet known"),
    ("?", "?"), ("Details to follow from the client", "to follow"),
])
def test_a_value_that_is_only_placeholder_words_fails(northwind: str, value: str, taken_for: str) -> None:
    message = sector_finding(northwind, value, "HO616", value)
    assert message == (f"Section A — Client basics, Sector: '{value}' is a placeholder, not a value "
                       f"('{taken_for}' stands for something not known yet)")


@pytest.mark.parametrize("risk", [
    "Pending renewal of the procurement framework", "Awaiting board approval of the budget",
    "Client to confirm headcount by Friday, which may move the kickoff",
    "Sponsor asked why?", "Unknown attrition among night-shift managers",
])
def test_placeholder_words_in_prose_that_says_something_pass(northwind: str, risk: str) -> None:
    text = replace_once(northwind, "| Exec sponsor is new in role |", f"| {risk} |")
    assert findings(text, "HO616") == []


def test_placeholders_in_table_cells_name_their_row(northwind: str) -> None:
    text = replace_once(northwind, "| Front-load engagement; over-invest in the W4 walkthrough |",
                        "| AM to confirm |")
    [finding] = findings(text, "HO616")
    assert finding.line == line_of(text, "| AM to confirm |")
    assert finding.message.startswith("Section F — Risks flagged in sales cycle, row 'Exec sponsor is "
                                      "new in role', Mitigation suggested: 'AM to confirm' is a placeholder")


def test_a_firm_adds_its_own_placeholder_words(northwind: str) -> None:
    from handoff_lint.contract.config import Config

    text = replace_once(northwind, SECTOR, "- **Sector:** To be sourced")
    assert findings(text, "HO616") == []
    config = Config(placeholder_words=("to be sourced", "TK"))
    [finding] = findings(text, "HO616", config=config)
    assert "'To be sourced' is a placeholder" in finding.message
    tk = replace_once(northwind, SECTOR, "- **Sector:** TK")
    assert len(findings(tk, "HO616", config=config)) == 1


def test_a_placeholder_in_a_field_with_a_form_is_named_by_the_schema(northwind: str) -> None:
    for value in ("t.b.c.", "To follow", "awaiting details"):
        text = replace_once(northwind, "marcus.bell@northwind-logistics.example", value)
        [finding] = findings(text, "HO403", "HO616")
        assert finding.code == "HO403"
        assert finding.hint.startswith(f"'{value}' stands in for an e-mail address not known yet")


def test_the_playbooks_own_commitment_template_fails(northwind: str) -> None:
    promise = "We'll send the manager attrition baseline report at Week 4."
    text = replace_once(northwind, promise, "We'll send the [X] report at Week 4.")
    [finding] = findings(text, "HO616")
    assert finding.line == line_of(text, "[X]")
    assert "'[X]'" in finding.message


@pytest.mark.parametrize("value", [
    "Transport and logistics (see [the register](https://example.com/register))",
    "Transport `[X]` and logistics",
    "Transport \\[sic\\] and logistics",
    "Transport and logistics <https://example.com>",
    "Transport and logistics (next review: 2027)",
    "Transport and logistics, attrition <20% by Week 12",
    "Transport and logistics, 5 < 6 > 4",
])
def test_links_code_spans_and_escaped_brackets_are_not_placeholders(northwind: str, value: str) -> None:
    text = replace_once(northwind, SECTOR, f"- **Sector:** {value}")
    assert findings(text, "HO616", "HO617", "HO618") == []


def test_an_invalid_value_with_a_placeholder_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "marcus.bell@northwind-logistics.example", "<email>")
    assert [(d.code, d.line) for d in findings(text)] == [("HO403", line_of(text, "| Exec sponsor |"))]


# HO617 raw HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "token"), [
    ("Transport <img src=x onerror=alert(1)> and logistics", "<img src=x onerror=alert(1)>"),
    ("<b>Transport</b> and logistics", "<b>"),
    ("Transport <span style=\"display:none\">and</span> logistics", '<span style="display:none">'),
    ("Transport <!-- hidden --> and logistics", "<!-- hidden -->"),
])
def test_inline_html_fails_where_it_is(northwind: str, value: str, token: str) -> None:
    message = sector_finding(northwind, value, "HO617", token)
    assert message == f"'{token}' is raw HTML; the site shows a doc's text and never runs it"


def test_an_html_block_fails_at_its_first_line(northwind: str) -> None:
    script = "<script>\nalert(document.cookie)\n</script>\n\n"
    text = replace_once(northwind, "## Section G", script + "## Section G")
    found = findings(text, "HO617")
    assert [(d.line, d.column) for d in found] == [(line_of(text, "<script>"), 1),
                                                    (line_of(text, "</script>"), 1)]


def test_html_in_the_front_matter_fails(northwind: str) -> None:
    text = with_front_matter(northwind, client='"Northwind <script>alert(1)</script>"')
    [finding] = findings(text, "HO617")
    line = line_of(text, "client:")
    assert (finding.line, finding.column) == (line, column_of(text, line, "<script>"))
    assert finding.message.startswith("front matter 'client': '<script>' is raw HTML")


def test_html_in_code_is_text(northwind: str) -> None:
    text = replace_once(northwind, SECTOR, "- **Sector:** Transport `<script>` and logistics")
    assert findings(text, "HO617") == []
    fenced = replace_once(northwind, "## Section G", "```\n<script>alert(1)</script>\n```\n\n## Section G")
    assert findings(fenced, "HO617", "HO618") == []


# HO618 unsafe links -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "scheme", "at"), [
    ("[report](javascript:alert(1))", "javascript:", "javascript"),
    ("[report](JavaScript&#x3A;alert(1))", "javascript:", "JavaScript"),
    ("[report](data:text/html;base64,PHNjcmlwdD4=)", "data:", "data:"),
    ("![logo](vbscript:msgbox)", "vbscript:", "vbscript"),
    ("<javascript:alert(1)>", "javascript:", "javascript"),
])
def test_a_link_that_runs_code_fails_where_it_is(northwind: str, value: str, scheme: str, at: str) -> None:
    message = sector_finding(northwind, f"Transport, see {value}", "HO618", at)
    assert message == f"a '{scheme}' link could run code in the reader's browser"


def test_a_reference_link_to_javascript_fails(northwind: str) -> None:
    text = replace_once(northwind, SECTOR, f"{SECTOR}, see [the report][r]") + "\n[r]: javascript:alert(1)\n"
    [finding] = findings(text, "HO618")
    assert finding.line == line_of(text, "[r]: javascript:")


@pytest.mark.parametrize("link", [
    "[site](https://northwind.example)", "<mailto:ap@northwind.example>", "[call](tel:+441134960101)",
    "[guide](../guide.md)", "a data: dashboard",
])
def test_ordinary_links_and_words_pass(northwind: str, link: str) -> None:
    text = replace_once(northwind, SECTOR, f"{SECTOR}, see {link}")
    assert findings(text, "HO616", "HO617", "HO618") == []


@pytest.mark.parametrize("value", [
    "T\u200bBD", "TO\u200dDO", "X\u2060XX", "\u202eDBT\u202c", "ＴＢＤ", "ТВD", "ΤΒC",
    "&lt;sub-sector&gt;", "［Sector］", "𝐓𝐎𝐃𝐎", "T*B*D", "TB*D*", "_TBD_", "T_B_D", "TO*DO*", "`TBD`",
    "ᴛʙᴅ", "‹client name›", "«sub-sector»",
])
def test_a_placeholder_disguised_by_hidden_or_look_alike_characters(northwind: str, value: str) -> None:
    text = replace_once(northwind, SECTOR, f"- **Sector:** {value}")
    [finding] = findings(text, "HO616")
    assert finding.line == line_of(text, "- **Sector:**")


@pytest.mark.parametrize("value", ['"T\\u200bBD"', '"\\uff34\\uff22\\uff24"', '"&lt;AM name&gt;"'])
def test_a_disguised_placeholder_in_the_front_matter(northwind: str, value: str) -> None:
    text = with_front_matter(northwind, account_manager=value)
    # An entity's ';' is also punctuation no name holds (HO405), reported first at the same place.
    assert [f.line for f in findings(text, "HO616", "HO405")] == [line_of(text, "account_manager:")]
