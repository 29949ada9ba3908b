"""HO602 and HO603: the Account Manager within 2 working days of the trigger, the handoff call
within 5; working days skip weekends and the bank holidays of the client's region."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import findings, line_of, with_front_matter, without_section
from handoff_lint.contract.config import Config, load
from handoff_lint.diagnostics import Severity


def triggered(text: str, day: str, am_assigned: str, handoff_call: str) -> str:
    """The doc with all three trigger conditions met on `day`, and the two events after it; the call
    is planned, so the record of the example's call is left out."""
    text = without_section(text, "## Handoff call record")
    return with_front_matter(text, sow_signed=day, deposit_invoice_issued=day, crm_closed_won=day,
                             doc_date=day, am_assigned=am_assigned, handoff_call=handoff_call)


def test_the_example_meets_both_deadlines(northwind: str) -> None:
    assert findings(northwind, "HO602", "HO603") == []


def in_scotland(text: str) -> str:
    """The doc with `region: scotland` added to its front matter."""
    return text.replace("\nae: ", "\nregion: scotland\nae: ", 1)


def test_a_deadline_across_a_weekend(northwind: str) -> None:
    # Friday 6 November: two working days on is Tuesday 10, five is Friday 13.
    on_time = triggered(northwind, "2026-11-06", "2026-11-10", "2026-11-13")
    assert findings(on_time, "HO602", "HO603") == []
    late = triggered(northwind, "2026-11-06", "2026-11-11", "2026-11-16")
    assigned, call = findings(late, "HO602", "HO603")
    assert (assigned.code, assigned.line, assigned.severity) == (
        "HO602", line_of(late, "am_assigned:"), Severity.WARNING)
    assert "am_assigned 2026-11-11 (Wednesday) is 3 working days after the handoff trigger " \
           "(2026-11-06" in assigned.message
    assert "the deadline was 2026-11-10 (Tuesday), 2 working days" in assigned.message
    assert (call.code, call.line) == ("HO603", line_of(late, "handoff_call:"))
    assert "the deadline was 2026-11-13 (Friday), 5 working days" in call.message


def test_a_deadline_across_christmas_and_boxing_day(northwind: str) -> None:
    # Wednesday 23 December 2026: Christmas Day is a Friday and Boxing Day's holiday moves to Monday
    # 28, so two working days on is Tuesday 29; five is Monday 4 January (New Year's Day skipped).
    on_time = triggered(northwind, "2026-12-23", "2026-12-29", "2027-01-04")
    assert findings(on_time, "HO602", "HO603") == []
    late = triggered(northwind, "2026-12-23", "2026-12-30", "2027-01-05")
    assigned, call = findings(late, "HO602", "HO603")
    assert "the deadline was 2026-12-29" in assigned.message
    assert "Christmas Day 2026-12-25" in assigned.message
    assert "Boxing Day (observed) 2026-12-28" in assigned.message
    assert "the deadline was 2027-01-04" in call.message
    assert "New Year's Day 2027-01-01" in call.message


def test_a_deadline_across_easter(northwind: str) -> None:
    # Thursday 25 March 2027: Good Friday and Easter Monday are bank holidays in England and Wales.
    on_time = triggered(northwind, "2027-03-25", "2027-03-31", "2027-04-05")
    assert findings(on_time, "HO602", "HO603") == []
    late = triggered(northwind, "2027-03-25", "2027-04-01", "2027-04-05")
    [assigned] = findings(late, "HO602", "HO603")
    assert "the deadline was 2027-03-31" in assigned.message
    assert "Easter Monday 2027-03-29" in assigned.message


def test_easter_monday_is_a_working_day_in_scotland(northwind: str) -> None:
    text = in_scotland(triggered(northwind, "2027-03-25", "2027-03-31", "2027-04-01"))
    [assigned] = findings(text, "HO602")
    assert "the deadline was 2027-03-30" in assigned.message
    assert "bank holidays in Scotland skipped: Good Friday 2027-03-26" in assigned.message


SCOTTISH_ONLY = ("2026-11-26", "2026-12-01", "2026-12-03")  # St Andrew's Day is Monday 30 November


def test_a_scottish_only_holiday_counts_under_the_docs_scottish_region(northwind: str) -> None:
    text = triggered(northwind, *SCOTTISH_ONLY)
    [late] = findings(text, "HO602")  # England and Wales: due Monday 30 November
    assert "the deadline was 2026-11-30" in late.message
    scottish = in_scotland(text)
    assert findings(scottish, "HO602", "HO603") == []


def test_a_scottish_only_holiday_counts_under_the_repos_scottish_region(northwind: str) -> None:
    text = triggered(northwind, *SCOTTISH_ONLY)
    assert findings(text, "HO602", config=Config(region="scotland")) == []
    late = triggered(northwind, "2026-11-26", "2026-12-02", "2026-12-03")
    [finding] = findings(late, "HO602", config=Config(region="scotland"))
    assert "the deadline was 2026-12-01" in finding.message
    assert "Saint Andrew's Day 2026-11-30" in finding.message


def test_region_and_severity_come_from_pyproject(northwind: str, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.handoff]\nregion = "scotland"\n\n'
        '[tool.handoff.severity]\nHO602 = "error"\nHO603 = "off"\n', "utf-8")
    config = load(tmp_path)
    assert config.region == "scotland"
    on_time_in_scotland = triggered(northwind, *SCOTTISH_ONLY)
    assert findings(on_time_in_scotland, "HO602", config=config) == []
    late = triggered(northwind, "2026-11-26", "2026-12-02", "2026-12-10")
    [finding] = findings(late, "HO602", "HO603", config=config)  # HO603 is off
    assert (finding.code, finding.severity) == ("HO602", Severity.ERROR)
    assert [d.code for d in findings(late, "HO602", "HO603")] == ["HO602", "HO603"]  # defaults


@pytest.mark.parametrize("day", ["2026-11-07", "2026-11-08"])
def test_a_trigger_at_the_weekend_counts_from_monday(northwind: str, day: str) -> None:
    # Two working days after a Saturday or Sunday trigger: Monday is the first, Tuesday the second.
    assert findings(triggered(northwind, day, "2026-11-10", "2026-11-13"), "HO602", "HO603") == []
    [late] = findings(triggered(northwind, day, "2026-11-11", "2026-11-13"), "HO602")
    assert "the deadline was 2026-11-10" in late.message


def test_a_call_recorded_as_held_late_is_late_where_it_is_recorded(northwind: str) -> None:
    # Trigger Tuesday 2026-11-03: the call was due by Tuesday 2026-11-10, whatever was planned.
    text = northwind.replace("- **Held on:** 2026-11-09", "- **Held on:** 2026-11-11")
    [finding] = findings(text, "HO603")
    assert finding.line == line_of(text, "- **Held on:**")
    assert finding.message.startswith("held_on 2026-11-11 (Wednesday) is 6 working days after")
