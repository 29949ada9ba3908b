"""The rest of the handoff, recorded later: HO604 (the records' order), HO619 (nothing done after
today), HO620 (the call's attendees) and HO621 (the 4-week onboarding clock)."""

from __future__ import annotations

import datetime as dt

from conftest import REPO, findings, line_of, with_front_matter
from handoff_lint.contract.config import Config

TODAY = Config(root=REPO, today=dt.date(2026, 11, 30))

MILESTONES = """
## Delivery milestones

- **Week 0 (first cohort started):** {started}
- **Week 2 workshop delivered:** {week_2}
"""


def with_milestones(text: str, started: str, week_2: str) -> str:
    return text.rstrip("\n") + "\n" + MILESTONES.format(started=started, week_2=week_2)


def test_the_examples_records_pass(northwind: str) -> None:
    # Northwind records its handoff call: held on its planned day, by the three people named.
    assert "## Handoff call record" in northwind
    assert findings(northwind, "HO604", "HO619", "HO620", "HO621", config=TODAY) == []


# HO604: order ---------------------------------------------------------------------------------

def test_a_call_held_before_the_trigger_fails(northwind: str) -> None:
    text = northwind.replace("- **Held on:** 2026-11-09", "- **Held on:** 2026-11-02")
    [finding] = findings(text, "HO604")
    assert finding.line == line_of(text, "- **Held on:**")
    assert "held_on 2026-11-02 is before the handoff trigger (2026-11-03" in finding.message


def test_a_call_held_before_the_am_was_assigned_fails(northwind: str) -> None:
    text = with_front_matter(northwind, am_assigned="2026-11-10", handoff_call="2026-11-10")
    [finding] = findings(text, "HO604")
    assert finding.line == line_of(text, "- **Held on:**")
    assert "held_on 2026-11-09 is before am_assigned 2026-11-10" in finding.message


def test_the_intro_email_and_the_ae_leaving_come_after_the_call(northwind: str) -> None:
    text = northwind.replace("- **Intro e-mail sent on:** 2026-11-09",
                             "- **Intro e-mail sent on:** 2026-11-06")
    [finding] = findings(text, "HO604")
    assert "intro_email_sent 2026-11-06 is before held_on 2026-11-09" in finding.message


def test_the_week_2_workshop_comes_after_the_first_cohort_started(northwind: str) -> None:
    good = with_milestones(northwind, "2027-01-11", "2027-01-25")
    assert findings(good, "HO604") == []
    bad = with_milestones(northwind, "2027-01-11", "2027-01-08")
    [finding] = findings(bad, "HO604")
    assert finding.line == line_of(bad, "- **Week 2 workshop delivered:**")
    assert "week_2_workshop 2027-01-08 is before first_cohort_started 2027-01-11" in finding.message


# HO619: nothing done after today --------------------------------------------------------------

def test_a_milestone_recorded_after_today_fails(northwind: str) -> None:
    text = with_milestones(northwind, "2026-11-30", "2026-12-14")
    [finding] = findings(text, "HO619", config=TODAY)
    assert finding.line == line_of(text, "- **Week 2 workshop delivered:**")
    assert "week_2_workshop 2026-12-14 is after today (2026-11-30)" in finding.message
    assert finding.severity.value == "error"
    # Planned dates may lie ahead: Northwind's cohorts start in 2027.
    assert findings(northwind, "HO619", config=TODAY) == []


def test_without_a_today_the_future_check_has_nothing_to_measure(northwind: str) -> None:
    assert findings(with_milestones(northwind, "2026-11-30", "2026-12-14"), "HO619") == []


# HO620: attendees -----------------------------------------------------------------------------

def test_a_missing_attendee_is_named(northwind: str) -> None:
    text = northwind.replace("    - Tom Okafor\n", "")
    [finding] = findings(text, "HO620")
    assert finding.line == line_of(text, "- **Attendees:**")
    assert "leave out Delivery Lead Tom Okafor" in finding.message


def test_someone_else_on_the_call_is_reported_where_written(northwind: str) -> None:
    text = northwind.replace("    - Hannah Lee\n", "    - hannah  lee\n    - Marcus Bell\n")
    [finding] = findings(text, "HO620")  # names match ignoring case and spacing
    assert finding.line == line_of(text, "    - Marcus Bell")
    assert "'Marcus Bell' is not the doc's AE, Delivery Lead or Account Manager" in finding.message


# HO621: the 4-week onboarding clock ------------------------------------------------------------

def test_a_first_cohort_four_weeks_after_the_trigger_passes(northwind: str) -> None:
    text = northwind.replace("| 2027-01-11 |", "| 2026-12-01 |")  # trigger 2026-11-03 + 4 weeks
    assert findings(text, "HO621") == []


def test_a_compressed_onboarding_clock_is_a_warning_at_the_first_cohort(northwind: str) -> None:
    text = northwind.replace("| 2027-01-11 |", "| 2026-11-30 |")
    [finding] = findings(text, "HO621")
    assert finding.severity.value == "warning"
    assert finding.line == line_of(text, "| 2026-11-30 |")
    assert "Cohort 1 starts 2026-11-30, 3 weeks and 6 days after the handoff trigger" in finding.message
    assert "4-week onboarding clock is compressed" in finding.message
    assert "Week -4 would have been 2026-11-02" in finding.message


def test_a_recorded_start_earlier_than_planned_also_compresses_it(northwind: str) -> None:
    text = with_milestones(northwind, "2026-11-20", "2026-12-04")
    [finding] = findings(text, "HO621")
    assert finding.line == line_of(text, "- **Week 0 (first cohort started):**")


def test_without_the_owners_in_the_front_matter_attendees_are_not_compared(northwind: str) -> None:
    text = northwind.replace("delivery_lead: Tom Okafor\n", "")
    assert findings(text, "HO620") == [] and findings(text, "HO304")
