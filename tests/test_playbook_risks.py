"""HO611 and HO612: Section F surfaces real risks, each with a suggested mitigation."""

from __future__ import annotations

import pytest
from conftest import findings, line_of, replace_once, without_line

RISK_ROWS = (
    "| Exec sponsor is new in role | High | Front-load engagement; over-invest in the W4 walkthrough |\n"
    "| Procurement framework renewal in August 2027 | Med | Land the W8 walkthrough before the renewal "
    "cycle |\n"
    "| Night shifts miss the virtual workshops | Med | Run the night-shift versions and record both |\n"
)


def test_the_examples_risks_are_real_and_mitigated(northwind: str) -> None:
    assert findings(northwind, "HO611", "HO612") == []
    # A risk that starts with "No" is still a risk.
    text = replace_once(northwind, "| Night shifts miss the virtual workshops |",
                        "| No budget for backfill cover |")
    assert findings(text, "HO611", "HO612") == []


@pytest.mark.parametrize("none", ["None", "No risks identified", "N/A", "Nothing significant"])
def test_a_section_f_that_says_there_are_no_risks_fails(northwind: str, none: str) -> None:
    text = replace_once(northwind, RISK_ROWS, f"| {none} | Low | None |\n")
    [finding] = findings(text, "HO611", "HO612")
    assert (finding.code, finding.line) == ("HO611", line_of(text, f"| {none} |"))
    assert f"Section F says '{none}'" in finding.message


def test_a_mitigation_that_says_nothing_fails_at_the_mitigation(northwind: str) -> None:
    text = replace_once(northwind, "| Run the night-shift versions and record both |", "| N/A |")
    [finding] = findings(text, "HO611", "HO612")
    row = line_of(text, "| Night shifts miss")
    assert (finding.code, finding.line, finding.column) == (
        "HO612", row, text.split("\n")[row - 1].index("N/A") + 1)
    assert finding.message == ("risk 'Night shifts miss the virtual workshops' has mitigation 'N/A': "
                               "suggest what Delivery should do about it")


def test_an_empty_mitigation_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "| Run the night-shift versions and record both |", "|  |")
    assert [(d.code, d.line) for d in findings(text)] == [("HO408", line_of(text, "| Night shifts"))]


def test_a_likelihood_out_of_the_list_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "new in role | High |", "new in role | Huge |")
    assert [(d.code, d.line) for d in findings(text)] == [("HO401", line_of(text, "| Huge |"))]


def test_an_empty_section_f_is_reported_once_by_the_schema(northwind: str) -> None:
    text = northwind
    for row in RISK_ROWS.strip("\n").split("\n"):
        text = without_line(text, row)
    assert [d.code for d in findings(text)] == ["HO308"]
