"""HO614 and HO615: cohorts start after the SoW, and a cohort across the summer holidays is a risk
written in Section F (the playbook's own example)."""

from __future__ import annotations

from pathlib import PurePosixPath

from conftest import REPO, findings, line_of, replace_once
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Severity

GLENMORE = PurePosixPath("clients/glenmore-distillers/01-handoff/handoff-glenmore-distillers-2026-11-19.md")
COHORT_2 = "| 2 | 32 | Manchester shift leads, days and nights | 2027-03-01 |"


def starting(text: str, date: str) -> str:
    return replace_once(text, COHORT_2, COHORT_2.replace("2027-03-01", date))


def test_the_examples_cohorts_pass(northwind: str) -> None:
    assert findings(northwind, "HO614", "HO615") == []
    # Glenmore's Cohort 3 runs through the summer, and Section F says so.
    glenmore = (REPO / GLENMORE).read_text("utf-8")
    assert findings(glenmore, "HO614", "HO615") == []


def test_a_cohort_before_the_sow_fails_at_its_start_date(northwind: str) -> None:
    text = starting(northwind, "2026-10-01")
    [finding] = findings(text, "HO614")
    row = line_of(text, "| 2026-10-01 |")
    assert (finding.line, finding.column) == (row, text.split("\n")[row - 1].index("2026-10-01") + 1)
    assert finding.message == "Cohort 2 starts 2026-10-01, before the SoW was signed (2026-11-02)"


def test_a_start_date_that_is_not_a_date_is_reported_once_by_the_schema(northwind: str) -> None:
    text = starting(northwind, "2027-02-30")
    assert [(d.code, d.line) for d in findings(text)] == [("HO402", line_of(text, "| 2027-02-30 |"))]


def test_a_summer_cohort_without_a_summer_risk_warns(northwind: str) -> None:
    text = starting(northwind, "2027-06-14")
    [finding] = findings(text, "HO615")
    assert (finding.line, finding.severity) == (line_of(text, "| 2027-06-14 |"), Severity.WARNING)
    assert finding.message == (
        "Cohort 2 runs 2027-06-14 to 2027-09-06 (12 weeks), across the school summer holidays "
        "(20 July to 31 August), and no risk in Section F mentions it")
    assert "| Cohort 2 spans the summer holidays | Med |" in finding.hint


def test_a_summer_risk_in_section_f_answers_it(northwind: str) -> None:
    text = starting(northwind, "2027-06-14")
    text = replace_once(text, "| Night shifts miss the virtual workshops | Med |",
                        "| Cohort 2 spans the summer holidays | Med |")
    assert findings(text, "HO615") == []


def test_a_cohort_that_ends_before_the_summer_holidays_passes(northwind: str) -> None:
    # 26 April + 12 weeks = 19 July, the day before the English school holidays.
    assert findings(starting(northwind, "2027-04-26"), "HO615") == []


def test_scottish_schools_break_up_earlier(northwind: str) -> None:
    # 12 April + 12 weeks = 5 July: clear in England and Wales, into the holidays in Scotland.
    text = starting(northwind, "2027-04-12")
    assert findings(text, "HO615") == []
    [finding] = findings(text, "HO615", config=Config(region="scotland"))
    assert "(25 June to 20 August)" in finding.message


def test_a_cohort_size_that_is_not_a_positive_number_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, COHORT_2, COHORT_2.replace("| 32 |", "| 0 |"))
    assert [(d.code, d.line) for d in findings(text)] == [("HO406", line_of(text, "| 2 | 0 |"))]



def test_a_risk_naming_the_july_holidays_answers_it(northwind: str) -> None:
    text = starting(northwind, "2027-06-14")
    for risk in ("Cohort 1 runs into the July holidays", "Attendance dips over the August break",
                 "Staff away over the school break", "Leads are on holiday"):
        said = replace_once(text, "| Night shifts miss the virtual workshops |", f"| {risk} |")
        assert findings(said, "HO615") == [], risk


def test_a_risk_about_another_holiday_does_not_answer_it(northwind: str) -> None:
    text = starting(northwind, "2027-06-14")
    other = replace_once(text, "| Night shifts miss the virtual workshops |",
                         "| Christmas holidays slow the sign-off |")
    assert [d.code for d in findings(other, "HO615")] == ["HO615"]
