"""HO622: a fact past its due day without a record is a warning that names who records it, never an
error: it depends on today, and an unrelated pull request must not fail overnight."""

from __future__ import annotations

import datetime as dt

from conftest import REPO, findings
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Severity


def seen_on(day: dt.date) -> Config:
    return Config(root=REPO, today=day)


def test_nothing_is_reported_while_every_fact_is_on_time(northwind: str) -> None:
    # Trigger Tue 3 Nov; AM assigned 4 Nov and the call held 9 Nov are recorded; Week 0 is 11 Jan.
    assert findings(northwind, "HO622", config=seen_on(dt.date(2026, 11, 30))) == []


def test_an_unassigned_am_is_fine_in_the_window_then_a_warning_for_the_delivery_lead(northwind: str) -> None:
    text = northwind.replace("account_manager: Hannah Lee\n", "").replace("am_assigned: 2026-11-04\n", "")
    text = text[:text.index("## Handoff call record")]  # as the AE first writes it
    in_window = findings(text, config=seen_on(dt.date(2026, 11, 5)))
    assert [d for d in in_window if d.severity is Severity.ERROR or d.code == "HO622"] == []
    [late] = findings(text, "HO622", config=seen_on(dt.date(2026, 11, 9)))
    assert late.severity is Severity.WARNING
    assert "AM assignment overdue by 2 working days" in late.message
    assert "the Delivery Lead Tom Okafor records it" in late.message
    assert "handoff record northwind-logistics am-assigned --name" in late.hint


def test_a_passed_week_0_with_nothing_recorded_names_the_account_manager(northwind: str) -> None:
    [week_0] = findings(northwind, "HO622", config=seen_on(dt.date(2027, 1, 13)))
    assert week_0.severity is Severity.WARNING
    assert week_0.message == ("Week 0 (first cohort started) overdue by 2 working days (due Mon 11 Jan), "
                              "and not recorded: the Account Manager Hannah Lee records it")


def test_months_past_every_deadline_the_doc_still_has_no_error(northwind: str) -> None:
    found = findings(northwind, config=seen_on(dt.date(2027, 6, 1)))
    assert [d.message.split(" overdue")[0] for d in found if d.code == "HO622"] == [
        "Week 0 (first cohort started)", "Week 12 board report", "Week 2 workshop"]  # one place: by message
    assert [d for d in found if d.severity is Severity.ERROR] == []
