"""Document to instance: values by title, their positions, and content that has no place."""

from __future__ import annotations

import pytest
from conftest import check_doc, line_of, replace_once
from handoff_lint.contract.extract import canonical_choice, coerce


def test_the_example_becomes_plain_data(northwind: str) -> None:
    instance = check_doc(northwind).instance
    assert instance["front_matter"]["trigger"]["sow_signed"] == "2026-11-02"  # type: ignore[index]
    basics = instance["client_basics"]
    assert basics["headcount_org_wide"] == 1240  # type: ignore[index]
    assert basics["sites_in_scope"][1].startswith("Kingsway")  # type: ignore[index]
    assert instance["people"][0] == {  # type: ignore[index]
        "role": "Exec sponsor", "name": "Marcus Bell",
        "email": "marcus.bell@northwind-logistics.example", "phone": "0113 496 0101",
        "notes": 'New COO (joined June 2026); strong relationship; "Marcus"; prefers a short Teams '
                 "call to e-mail",
    }
    assert instance["problem"]["trigger"].startswith('> "We promoted')  # type: ignore[index]
    assert instance["delivery"]["cohorts"][1]["size"] == 32  # type: ignore[index]
    assert instance["commitments"][0] == '"We\'ll send the manager attrition baseline report at Week 4."'  # type: ignore[index]


def test_every_value_has_a_source_position(northwind: str) -> None:
    checked = check_doc(northwind)
    assert checked.extraction is not None
    positions = checked.extraction.source_map
    assert positions["/client_basics"] == (19, 1)
    assert positions["/client_basics/sector"] == (26, 15)
    assert positions["/people/2/email"][0] == 40
    assert positions["/commitments/2"] == (115, 1)


def test_numbers_are_read_with_thousands_separators() -> None:
    assert coerce("1,240", {"type": "integer"}) == 1240
    assert coerce("about 300", {"type": "integer"}) == "about 300"
    assert coerce("1,24", {"type": "integer"}) == "1,24"


def test_choices_ignore_case_and_a_parenthetical() -> None:
    roles = ["HR sponsor (primary contact)", "Champion (if different from sponsor)", "Exec sponsor"]
    assert canonical_choice("hr sponsor", roles) == "HR sponsor (primary contact)"
    assert canonical_choice("Exec Sponsor", roles) == "Exec sponsor"
    assert canonical_choice("Champion", roles) == "Champion (if different from sponsor)"
    assert canonical_choice("Sponsor", roles) == "Sponsor"
    assert canonical_choice("high", ["High", "Med", "Low"]) == "High"


def test_an_unlabelled_bullet_in_a_group_is_flagged(northwind: str) -> None:
    text = northwind.replace("- **Sector:**", "- just a note\n- **Sector:**")
    found = check_doc(text).diagnostics
    assert [(d.code, d.line) for d in found] == [("HO309", 26)]


RISKS = "## Section F — Risks flagged in sales cycle\n\n"
TABLE = "| Risk | Likelihood | Mitigation suggested |\n"
LAST_RISK = (
    "| Night shifts miss the virtual workshops | Med | Run the night-shift versions and record both |\n"
)


@pytest.mark.parametrize(("old", "new", "at", "column", "message"), [
    pytest.param(RISKS, RISKS + "Also: the budget may be frozen in Q2.\n\n",
                 "Also: the budget", 1, "Section F — Risks flagged in sales cycle': this paragraph",
                 id="paragraph before the Section F table"),
    pytest.param(LAST_RISK, LAST_RISK + "\n- Budget freeze in Q2: High, watch it\n",
                 "- Budget freeze", 1, "Section F — Risks flagged in sales cycle': this list",
                 id="list after the Section F table"),
    pytest.param("### Cohorts\n\n", "### Cohorts\n\n> Cohort 3 to be confirmed.\n\n",
                 "> Cohort 3", 1, "'Cohorts': this quote", id="quote before a subsection's table"),
    pytest.param("- **Trading name:** Northwind\n", "- **Trading name:** Northwind\n\nA second office.\n\n",
                 "A second office.", 1, "Section A — Client basics: this paragraph",
                 id="paragraph between labelled bullets"),
    pytest.param("- **Sites in scope:**\n", "- **Sites in scope:** two sites\n",
                 "two sites", len("- **Sites in scope:** ") + 1,
                 "'Sites in scope': the text after the label is not read", id="text after a list label"),
    pytest.param("    - Translation into Polish.\n",
                 "    - Translation into Polish.\n\n    Nothing else was discussed.\n",
                 "Nothing else was discussed.", 5, "'Out of scope': this paragraph",
                 id="paragraph under nested bullets"),
    pytest.param("## Section G — Commitments AE made\n\n",
                 "## Section G — Commitments AE made\n\nAll from the final call:\n\n",
                 "All from the final call:", 1, "'Section G — Commitments AE made': this paragraph",
                 id="paragraph before Section G's bullets"),
    pytest.param("# Handoff: Northwind Logistics Ltd\n", "# Handoff: Northwind Logistics Ltd\n\nDraft 2.\n",
                 "Draft 2.", 1, "before the first section: this paragraph", id="paragraph above Section A"),
])
def test_content_the_format_has_no_place_for_is_reported_where_it_is(
    northwind: str, old: str, new: str, at: str, column: int, message: str
) -> None:
    text = replace_once(northwind, old, new)
    found = check_doc(text).diagnostics
    assert [(d.code, d.line, d.column) for d in found] == [("HO309", line_of(text, at), column)]
    assert message in found[0].message and "is not read" in found[0].message
    assert found[0].hint.endswith(".") and ("delete the" in found[0].hint)


def test_the_content_beside_a_table_does_not_change_what_is_read(northwind: str) -> None:
    text = replace_once(northwind, RISKS, RISKS + "- Budget freeze in Q2\n\n")
    assert check_doc(text).instance["risks"] == check_doc(northwind).instance["risks"]


def test_risks_written_as_a_list_instead_of_a_table_are_not_read_and_say_so(northwind: str) -> None:
    start = northwind.index(TABLE)
    end = northwind.index("## Section G")
    as_a_list = "- Exec sponsor is new in role (High): front-load engagement\n\n"
    text = northwind[:start] + as_a_list + northwind[end:]
    found = [(d.code, d.line, d.severity.value) for d in check_doc(text).diagnostics]
    line = line_of(text, "- Exec sponsor is new in role")
    assert ("HO309", line, "warning") in found  # the list: where the AE looks
    assert ("HO308", line_of(text, "## Section F"), "error") in found  # and no risk at all was read
    hint = next(d.hint for d in check_doc(text).diagnostics if d.code == "HO309")
    assert "| Risk | Likelihood | Mitigation suggested |" in hint


def test_guidance_notes_and_rules_are_not_content(northwind: str) -> None:
    text = replace_once(northwind, RISKS, RISKS + '[//]: # "One row per risk."\n\n---\n\n')
    assert check_doc(text).diagnostics == []
