"""Every required item of the format, removed from a valid doc, is reported once at the fix's line."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from conftest import (
    check_doc,
    errors,
    findings,
    line_of,
    lint,
    replace_once,
    with_front_matter,
    without_column,
    without_item,
    without_line,
    without_section,
)
from handoff_lint.diagnostics import Diagnostic

FRONT_MATTER_KEYS = ["client", "slug", "doc_date", "ae", "delivery_lead", "trigger"]
# Recorded after the handoff by the Delivery Lead (the AM and the day assigned) or planned (the call):
# the AE may leave them out.
LATER_KEYS = ["account_manager", "am_assigned", "handoff_call"]
TRIGGER_KEYS = ["sow_signed", "deposit_invoice_issued", "deposit_invoice_ref", "crm_closed_won"]

# (section heading, its line in the Northwind example, labels written as "- **Label:**")
LABELLED = [
    ("## Section A — Client basics", 19, [
        "Legal name", "Trading name", "Sites in scope", "Sector", "Sub-sector",
        "Headcount (org-wide)", "Headcount (in scope)", "Companies House number",
        "Recent filings summary", "Press and news",
    ]),
    ("## Section C — What they're solving", 45, [
        "Trigger", "Success measure", "Prior provider experience", "Red lines", "Soft signals",
    ]),
    ("## Section D — What we're delivering", 58, [
        "Curriculum modules", "Workshop modality", "Nudge channel", "Bespoke elements",
        "Out of scope",
    ]),
    ("## Section E — Commercials", 78, ["Total fee", "Discounts", "Side commitments"]),
]
LABEL_CASES = [(heading, line, label) for heading, line, labels in LABELLED for label in labels]

# (table header start, header line, section title for the message, columns)
TABLES = [
    ("| Role |", 36, "Section B — People", ["Role", "Name", "Email", "Phone", "Notes"]),
    ("| Cohort |", 73, "Section D — What we're delivering, Cohorts",
     ["Cohort", "Size", "Composition", "Start date"]),
    ("| Item |", 89, "Section E — Commercials, Fee breakdown", ["Item", "Amount"]),
    ("| Milestone |", 97, "Section E — Commercials, Payment milestones",
     ["Milestone", "Percent", "Amount", "Invoice date"]),
    ("| Risk |", 105, "Section F — Risks flagged in sales cycle",
     ["Risk", "Likelihood", "Mitigation suggested"]),
]
COLUMN_CASES = [(start, line, title, column) for start, line, title, cols in TABLES for column in cols]

SECTIONS = [
    "## Section A — Client basics", "## Section B — People",
    "## Section C — What they're solving", "## Section D — What we're delivering",
    "## Section E — Commercials", "## Section F — Risks flagged in sales cycle",
    "## Section G — Commitments AE made",
]
REQUIRED_ROLES = [
    "Exec sponsor", "HR sponsor (primary contact)", "Procurement contact", "Finance / AP contact",
    "IT / comms platform owner",
]



def _missing(remove: Callable[[str], str], code: str, line: int, message: str, name: str) -> object:
    """A required item removed from the example, and the one error it gives: (code, message, line)."""
    return pytest.param(remove, (code, message, line), id=name)


MISSING = [
    *(_missing(partial(without_item, start=f"{key}:"), "HO304", 1,
               f"front matter: missing key '{key}'", key) for key in FRONT_MATTER_KEYS),
    *(_missing(partial(without_line, start=f"  {key}:"), "HO304", 8,
               f"front matter 'trigger': missing key '{key}'", key) for key in TRIGGER_KEYS),
    *(_missing(partial(without_item, start=f"- **{label}:**"), "HO304", line,
               f"{heading.removeprefix('## ')}: missing '{label}'", label)
      for heading, line, label in LABEL_CASES),
    *(_missing(partial(without_column, header_start=start, column=column), "HO304", line,
               f"{title}: the table has no '{column}' column", f"{start} {column}")
      for start, line, title, column in COLUMN_CASES),
    *(_missing(partial(without_item, start=f"| {role} |"), "HO307", 36,
               f"Section B — People: no row for '{role}'", role) for role in REQUIRED_ROLES),
]


def only_error(text: str) -> tuple[str, str, int]:
    found = errors(text)
    assert len(found) == 1, [f"{d.line}: {d.code} {d.message}" for d in found]
    return found[0].code, found[0].message, found[0].line


def test_the_examples_are_complete(northwind: str) -> None:
    assert lint(northwind) == []


@pytest.mark.parametrize(("remove", "error"), MISSING)
def test_a_missing_required_item_is_one_error_where_it_goes(
    northwind: str, remove: Callable[[str], str], error: tuple[str, str, int]
) -> None:
    assert only_error(remove(northwind)) == error


def test_the_champion_is_optional(northwind: str) -> None:
    assert errors(without_item(northwind, "| Champion")) == []


@pytest.mark.parametrize("heading", SECTIONS)
def test_missing_section_points_where_it_belongs(northwind: str, heading: str) -> None:
    text = without_section(northwind, heading)
    code, message, line = only_error(text)
    # Where the section was: at the next section's heading (a required one, or the handoff call
    # record recorded after them), else at the end of the doc.
    removed_at = northwind.split("\n").index(heading)
    lines = text.split("\n")
    expected_line = next(
        (number for number, text_line in enumerate(lines, start=1)
         if number > removed_at and text_line.startswith("## ")),
        len(text.rstrip("\n").split("\n")),
    )
    assert (code, line) == ("HO301", expected_line)
    assert message == f"missing section '{heading.removeprefix('## ')}'"


@pytest.mark.parametrize(("subsection", "section_line"), [
    ("### Cohorts", 58), ("### Fee breakdown", 78), ("### Payment milestones", 78),
])
def test_missing_table_subsection_points_at_its_section(
    northwind: str, subsection: str, section_line: int
) -> None:
    code, message, line = only_error(without_section(northwind, subsection))
    assert (code, line) == ("HO304", section_line)
    assert message.endswith(f"missing '{subsection.removeprefix('### ')}'")


@pytest.mark.parametrize(("rows_start", "section_line", "noun"), [
    ("| Exec sponsor is new", 103, "row"), ('- "We', 111, "item"),
])
def test_emptied_section_needs_an_entry(northwind: str, rows_start: str, section_line: int,
                                        noun: str) -> None:
    text = northwind
    while rows_start.split(" ")[0] in text and any(
        line.startswith(rows_start.split(" ")[0] + " ") for line in text.split("\n")[section_line:]
    ):
        text = "\n".join(text.split("\n")[:section_line]) + "\n" + without_item(
            "\n".join(text.split("\n")[section_line:]), rows_start.split(" ")[0] + " ")
    code, message, line = only_error(text)
    assert (code, line) == ("HO308", section_line)
    assert f"needs at least 1 {noun}" in message


def test_deleting_section_f_and_misspelling_a_role_gives_exactly_two_errors(northwind: str) -> None:
    text = without_section(northwind, "## Section F").replace(
        "| Procurement contact |", "| Procurment contact |")
    found = errors(text)
    assert [(d.code, d.line) for d in found] == [("HO401", 40), ("HO301", line_of(text, "## Section G"))]
    assert found[0].hint == "Did you mean 'Procurement contact'?"
    assert "Section F — Risks flagged in sales cycle" in found[1].message


def test_near_miss_heading_is_named_in_the_missing_section_error(northwind: str) -> None:
    text = northwind.replace("## Section F — Risks flagged in sales cycle", "## Section F - Risk flagged")
    found = lint(text)
    assert [(d.code, d.line) for d in found] == [("HO301", 103)]
    assert "Section F - Risk flagged" in found[0].message


def test_near_miss_label_and_column_suggest_the_right_title(northwind: str) -> None:
    text = northwind.replace("**Sub-sector:**", "**Sub sectr:**").replace("| Email |", "| E-mail |")
    found = lint(text)
    assert [(d.code, d.line) for d in found] == [("HO304", 27), ("HO304", 36)]
    assert found[0].message.endswith("did you mean 'Sub-sector'?")
    assert found[1].message.endswith("did you mean 'Email'?")


def test_headings_match_whatever_the_case_dashes_and_quotes(northwind: str) -> None:
    text = northwind.replace("## Section C — What they're solving", "## section c - What they’re Solving")
    assert lint(text) == []


def test_unknown_section_and_label_are_warnings(northwind: str) -> None:
    text = northwind.replace("## Section G", "## Notes from the AE\n\n- free text\n\n## Section G")
    text = text.replace("- **Sector:**", "- **Account tier:** Gold\n- **Sector:**")
    found = lint(text)
    assert [(d.code, d.severity.value) for d in found] == [("HO305", "warning"), ("HO303", "warning")]


def test_value_errors_point_at_the_cell(northwind: str) -> None:
    text = northwind.replace("| High | Front-load", "| Likely | Front-load").replace(
        "marcus.bell@northwind-logistics.example", "marcus.bell@").replace(
        "| 32 | Leeds", "| thirty-two | Leeds").replace("| 2027-03-01 |", "| 2027-02-30 |")
    found = errors(text)
    assert [(d.code, d.line) for d in found] == [
        ("HO403", 38), ("HO406", 75), ("HO402", 76), ("HO401", 107)]
    assert found[0].column == northwind.split("\n")[37].index("marcus") + 1


def test_broken_front_matter_gives_one_error_not_a_cascade(northwind: str) -> None:
    text = northwind.replace("slug: northwind-logistics", "slug: [northwind")
    assert [d.code for d in errors(text)] == ["HO203"]


def test_row_with_missing_cells_is_one_error(northwind: str) -> None:
    lines = northwind.split("\n")
    lines[37] = lines[37][: lines[37].rindex("| New COO")] + "|"
    text = "\n".join(lines)
    found = errors(text)
    assert [(d.code, d.line) for d in found] == [("HO306", 38)]
    assert "4 cells but the table has 5 columns" in found[0].message


def test_section_given_twice_is_reported_at_the_second(northwind: str) -> None:
    text = northwind + "\n## Section G — Commitments AE made\n\n- \"More.\"\n"
    found = errors(text)
    assert [d.code for d in found] == ["HO302"]
    assert "first on line 111" in found[0].message


@pytest.mark.parametrize("blank", ["\u200b", "\u00a0", "\u2800", "\u3164", "\u115f", "\uffa0",
                                   "\u2060 \ufeff"])
def test_a_value_that_shows_as_nothing_is_empty(blank: str) -> None:
    from conftest import example_text, findings, line_of, replace_once

    text = replace_once(example_text(), "- **Trading name:** Northwind", f"- **Trading name:** {blank}")
    assert [(f.code, f.line) for f in findings(text, "HO408")] == [
        ("HO408", line_of(text, "- **Trading name:**"))]
    front = replace_once(text, "ae: Priya Shah", f'ae: "{blank}"')
    assert line_of(front, "ae:") in [f.line for f in findings(front, "HO408")]
def test_titles_match_whatever_the_spacing_around_a_slash(northwind: str) -> None:
    text = replace_once(northwind, "| Finance / AP contact |", "| Finance/AP contact |")
    text = replace_once(text, "| IT / comms platform owner |", "| IT /comms platform owner |")
    assert findings(text) == []


def test_an_irish_client_is_recorded_with_its_cro_number(northwind: str) -> None:
    text = replace_once(northwind, "- **Companies House number:** 04817263",
                        "- **Companies House number:** Ireland: CRO 654321")
    text = replace_once(text, "| 0113 496 0101 |", "| +353 1 555 0100 |")
    assert findings(text) == []


def test_a_client_not_registered_in_the_uk_says_where_it_is(northwind: str) -> None:
    text = replace_once(northwind, "- **Companies House number:** 04817263",
                        "- **Companies House number:** United States (Delaware): file 7654321")
    assert findings(text) == []
    unregistered = replace_once(northwind, "- **Companies House number:** 04817263",
                                "- **Companies House number:** Not registered: an unincorporated association")
    assert findings(unregistered) == []


def test_a_uk_company_still_needs_a_companies_house_number(northwind: str) -> None:
    for written in ("1234", "UK: 1234", "England and Wales: 04817", "Ireland:"):
        text = replace_once(northwind, "- **Companies House number:** 04817263",
                            f"- **Companies House number:** {written}")
        [finding] = findings(text)
        assert (finding.code, finding.line) == ("HO405", line_of(text, "Companies House number")), written
        assert "Ireland: CRO 654321" in finding.hint


# Messages: a suggestion for every near miss, hints about what was written, fixes where certain ---


def only(text: str) -> Diagnostic:
    [finding] = findings(text)
    return finding


@pytest.mark.parametrize(("written", "meant"), [
    ("Medium", "Med"), ("medium", "Med"), ("Moderate", "Med"), ("H", "High"), ("high", "High"),
    ("Lo", "Low"), ("MED", "Med"),
])
def test_a_synonym_of_a_choice_is_read_as_the_choice_as_another_case_is(northwind: str, written: str,
                                                                         meant: str) -> None:
    text = replace_once(northwind, "| Night shifts miss the virtual workshops | Med |",
                        f"| Night shifts miss the virtual workshops | {written} |")
    assert findings(text) == []
    from handoff_lint.contract.config import Config
    from handoff_lint.engine.check import check_text

    risks = check_text("doc.md", text, None, Config()).instance["risks"]
    assert isinstance(risks, list) and risks[2]["likelihood"] == meant


def test_a_misspelt_choice_gets_the_choice_and_a_safe_fix(northwind: str) -> None:
    text = replace_once(northwind, "| Night shifts miss the virtual workshops | Med |",
                        "| Night shifts miss the virtual workshops | Medum |")
    finding = only(text)
    assert (finding.code, finding.line) == ("HO401", line_of(text, "| Medum |"))
    assert finding.hint == "Did you mean 'Med'?"
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.edits[0].old == "Medum" and finding.fix.edits[0].new == "Med"


@pytest.mark.parametrize(("written", "meant"), [("Medum", "Med"), ("Lowe", "Low"), ("Hihg", "High")])
def test_every_near_miss_of_a_choice_is_suggested(northwind: str, written: str, meant: str) -> None:
    text = replace_once(northwind, "| Night shifts miss the virtual workshops | Med |",
                        f"| Night shifts miss the virtual workshops | {written} |")
    assert only(text).hint == f"Did you mean '{meant}'?"


def test_near_miss_titles_carry_a_rename(northwind: str) -> None:
    cases = [
        ("## Section F — Risks flagged in sales cycle", "## Section F — Risks flaged in sales cycle",
         "HO301", "Section F — Risks flagged in sales cycle"),
        ("- **Trading name:**", "- **Tradng name:**", "HO304", "Trading name"),
        ("| Risk | Likelihood |", "| Risk | Likelyhood |", "HO304", "Likelihood"),
    ]
    for old, new, code, title in cases:
        text = replace_once(northwind, old, new)
        finding = only(text)
        assert (finding.code, finding.line) == (code, line_of(text, new)), new
        assert finding.fix is not None and finding.fix.safe and finding.fix.edits[0].new == title


def test_a_date_in_words_is_fixed_and_an_ambiguous_one_never_guessed(northwind: str) -> None:
    words = replace_once(northwind, "| 2027-01-11 |", "| 11 Jan 2027 |")
    finding = only(words)
    assert (finding.code, finding.line, finding.hint) == (
        "HO402", line_of(words, "11 Jan 2027"), "Write it as 2027-01-11 (YYYY-MM-DD).")
    assert finding.fix is not None and finding.fix.edits[0].new == "2027-01-11"
    ambiguous = only(replace_once(northwind, "| 2027-01-11 |", "| 01/02/2027 |"))
    assert ambiguous.fix is None
    assert ambiguous.hint.startswith("'01/02/2027' could be 1 February 2027 (day first, as in the UK) "
                                     "or 2 January 2027 (month first, as in the US)")


def test_money_shorthand_is_written_in_full(northwind: str) -> None:
    text = replace_once(northwind, "- **Total fee:** £48,000", "- **Total fee:** £48k")
    finding = only(text)
    assert (finding.code, finding.line) == ("HO407", line_of(text, "£48k"))
    assert finding.message.endswith("'£48k' is not a valid amount of money")
    assert finding.hint == "'£48k' is short for £48,000: write the amount in full, as it is on the SoW."
    assert finding.fix is not None and finding.fix.edits[0].new == "£48,000"


def test_a_placeholder_where_a_date_goes_says_what_was_found(northwind: str) -> None:
    finding = only(with_front_matter(northwind, handoff_call="TBC"))
    assert (finding.code, finding.line) == ("HO402", 14)
    assert finding.hint.startswith("'TBC' stands in for a date not known yet: find it out")


def test_an_address_with_a_display_name_is_read_as_the_address(northwind: str) -> None:
    for written in ("Marcus Bell <marcus.bell@northwind-logistics.example>",
                    "[Marcus Bell](mailto:marcus.bell@northwind-logistics.example)"):
        text = replace_once(northwind, "| marcus.bell@northwind-logistics.example |", f"| {written} |")
        assert findings(text) == [], written
        [exec_sponsor] = [row for row in check_doc(text).instance["people"] if row["role"] == "Exec sponsor"]
        assert exec_sponsor["email"] == "marcus.bell@northwind-logistics.example"
    broken = replace_once(northwind, "| marcus.bell@northwind-logistics.example |",
                          "| Marcus Bell <marcus.bell@> |")
    finding = only(broken)
    assert (finding.code, finding.line) == ("HO403", line_of(broken, "| Exec sponsor |"))
    assert finding.hint.startswith("Write only the address, without the name or the < >")


def test_a_phone_hint_says_what_is_wrong_with_the_number(northwind: str) -> None:
    long = only(replace_once(northwind, "| 0113 496 0101 |", "| 0113 496 0101 5 |"))
    assert long.hint == ("'0113 496 0101 5' has 12 digits, too many for one number: check for a digit "
                         "too many.")
    full = only(replace_once(northwind, "| 0113 496 0101 |", "| 0513 496 0101 |"))
    assert full.code == "HO404"
    assert full.hint.startswith("'0513 496 0101' has the right number of digits but is not a number in use "
                                "in the country it was read for, United Kingdom (GB) (as the repo's "
                                "phone_region says)")
    assert "write the full number" not in full.hint.casefold()
    irish = only(replace_once(northwind, "| 0113 496 0101 |", "| +353 9 555 0100 |"))
    assert "is not a number in use in the country it was read for, Ireland (IE) (by its country code)" in (
        irish.hint)


@pytest.mark.parametrize(("written", "meant"), [
    ("4417823", "04417823"), ("0441 7823", "04417823"), ("sc123456", "SC123456"), ("SC 123456", "SC123456"),
    ("817263", "00817263"),
])
def test_a_companies_house_number_as_copied_gets_the_number_meant(northwind: str, written: str,
                                                                   meant: str) -> None:
    text = replace_once(northwind, "- **Companies House number:** 04817263",
                        f"- **Companies House number:** {written}")
    finding = only(text)
    assert finding.message == (f"Section A — Client basics, Companies House number: '{written}' is not a "
                               f"Companies House number as written: did you mean {meant}?")
    assert finding.hint.endswith(f": write {meant}.") and len(finding.hint) < 100
    assert finding.fix is not None and finding.fix.safe and finding.fix.edits[0].new == meant


def test_a_companies_house_number_that_cannot_be_meant_gets_both_forms_briefly(northwind: str) -> None:
    text = replace_once(northwind, "- **Companies House number:** 04817263",
                        "- **Companies House number:** 123456789")
    finding = only(text)
    assert finding.message.endswith("Companies House number: '123456789' is not a Companies House number")
    assert "04417823, SC123456" in finding.hint and "Ireland: CRO 654321" in finding.hint
    assert finding.fix is None and len(finding.hint) < 250


def test_an_empty_optional_item_may_be_deleted(northwind: str) -> None:
    text = replace_once(northwind, "- **Discount sign-off reference:** DS-2026-114 (Sales Director, "
                        "30 October 2026)", "- **Discount sign-off reference:**")
    finding = only(text)
    assert (finding.code, finding.line) == ("HO408", line_of(text, "Discount sign-off reference"))
    assert finding.hint.endswith(", or delete it if it does not apply.")
    champion = replace_once(
        northwind, "| IT / comms platform owner |",
        "| Champion (if different from sponsor) | | | | |\n| IT / comms platform owner |")
    row = line_of(champion, "| Champion")
    hints = {d.hint for d in findings(champion) if d.line == row}
    assert hints and all(h.endswith(", or delete the row if it does not apply.") for h in hints)
    required = only(replace_once(northwind, "| Marcus Bell |", "| |"))
    assert "delete" not in required.hint


def test_a_number_hint_says_what_is_around_the_number(northwind: str) -> None:
    headcount = "- **Headcount (in scope):** 64"
    text = replace_once(northwind, headcount, f"{headcount.removesuffix('64')}about 64 people")
    finding = only(text)
    assert (finding.code, finding.line) == ("HO406", line_of(text, "about 64 people"))
    assert finding.hint == ("'about 64 people' has words or signs around the number: write the number "
                            "only, 64, and put anything else in a note elsewhere.")
    ranged = only(replace_once(northwind, headcount, f"{headcount.removesuffix('64')}60-70"))
    assert ranged.hint.startswith("'60-70' holds 2 numbers or a decimal: write one whole number")


@pytest.mark.parametrize("name", ["mallory@evil.example, Aisha Rahman", "Aisha <m@evil.example> Rahman",
                                  "Aisha; Bcc: m@evil.example", "Aisha: x"])
def test_a_person_name_with_address_punctuation_is_a_finding(northwind: str, name: str) -> None:
    code, message, _line = only_error(northwind.replace("| Aisha Rahman |", f"| {name} |"))
    assert code == "HO405" and "Name" in message
    front = northwind.replace("account_manager: Hannah Lee", f'account_manager: "{name}"')
    assert only_error(front)[0] == "HO405"


@pytest.mark.parametrize("blank", ["&nbsp;", "&#x3164;", "&#32;", "` `", "**&#8203;**"])
def test_a_value_that_shows_as_nothing_is_empty_wherever_it_is(northwind: str, blank: str) -> None:
    sector = northwind.replace("- **Sector:** Transport and logistics", f"- **Sector:** {blank}")
    assert "HO408" in [d.code for d in errors(sector)]
    cell = northwind.replace("| Aisha Rahman |", f"| {blank} |")
    assert "HO408" in [d.code for d in errors(cell)]
    front = northwind.replace("ae: Priya Shah", f'ae: "{blank}"')
    assert "HO408" in [d.code for d in errors(front)]


@pytest.mark.parametrize("key", LATER_KEYS)
def test_a_fact_recorded_after_the_handoff_may_be_left_out(northwind: str, key: str) -> None:
    text = without_line(northwind, start=f"{key}:")
    assert [d for d in check_doc(text).diagnostics if d.code.startswith("HO3")] == []


@pytest.mark.parametrize(("written", "template", "bound"), [
    ("client: Northwind Logistics Ltd", "client: {}", 160),
    ("ae: Priya Shah", "ae: {}", 100),
    ("account_manager: Hannah Lee", "account_manager: {}", 100),
    ("- **Legal name:** Northwind Logistics Ltd", "- **Legal name:** {}", 160),
    ("- **Sector:** Transport and logistics", "- **Sector:** {}", 100),
    ("    - Unit 4, Aire Valley Distribution Park, Leeds LS9 0PS", "    - {}", 200),
    ("| Exec sponsor | Marcus Bell |", "| Exec sponsor | {} |", 100),
])
def test_a_one_line_value_over_its_bound_is_reported_at_its_line_with_the_bound(
        northwind: str, written: str, template: str, bound: int) -> None:
    def too_long(doc: str) -> list[Diagnostic]:
        return [d for d in findings(doc, "HO405") if "longer than" in d.message]

    assert not too_long(replace_once(northwind, written, template.format("N" * bound)))
    doc = replace_once(northwind, written, template.format("N" * (bound + 1)))
    [found] = too_long(doc)
    assert found.line == line_of(doc, "N" * (bound + 1)) and found.column > 1
    assert f"longer than the {bound} characters" in found.message
    assert f"({bound + 1} characters)" in found.message
    assert found.hint.startswith(f"Shorten it to at most {bound} characters")
