from __future__ import annotations

from conftest import check_doc
from handoff_lint.extract import canonical_choice, coerce


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
