"""The handoff trigger (the latest of the three trigger dates) and the working-day deadlines from it."""

from __future__ import annotations

import datetime as dt

from handoff_lint.domain.deadlines import (
    AM_ASSIGNED_WITHIN,
    HANDOFF_CALL_WITHIN,
    Deadline,
    State,
    Trigger,
    deadline,
    missed,
    region_of,
    trigger,
)

TODAY = dt.date(2026, 11, 24)
FRONT = {"trigger": {"sow_signed": "2026-11-02", "deposit_invoice_issued": "2026-11-03",
                     "crm_closed_won": "2026-11-03"}}


def test_the_trigger_is_the_latest_of_the_three_dates() -> None:
    front = {"trigger": {"sow_signed": "2026-11-05", "deposit_invoice_issued": "2026-11-03",
                         "crm_closed_won": "2026-11-04"}}
    assert trigger(front) == Trigger(dt.date(2026, 11, 5), "sow_signed")


def test_a_tie_names_the_first_condition_in_the_playbooks_order() -> None:
    assert trigger(FRONT) == Trigger(dt.date(2026, 11, 3), "deposit_invoice_issued")


def test_no_trigger_date_unless_all_three_are_real_dates() -> None:
    assert trigger({"trigger": {**FRONT["trigger"], "crm_closed_won": "2026-11-31"}}) is None
    assert trigger({"trigger": {"sow_signed": "2026-11-02"}}) is None
    assert trigger({"trigger": "2026-11-02"}) is None
    assert trigger({}) is None


def test_am_assigned_within_two_working_days_is_on_time() -> None:
    start = trigger(FRONT)  # Tuesday 3 November
    assert start is not None
    result = deadline(start.date, dt.date(2026, 11, 5), AM_ASSIGNED_WITHIN, "england-and-wales", TODAY)
    assert result == Deadline(State.ON_TIME, dt.date(2026, 11, 5), dt.date(2026, 11, 5))


def test_a_handoff_call_after_five_working_days_is_late() -> None:
    start = dt.date(2026, 11, 3)
    result = deadline(start, dt.date(2026, 11, 11), HANDOFF_CALL_WITHIN, "england-and-wales", TODAY)
    assert result == Deadline(State.LATE, dt.date(2026, 11, 11), dt.date(2026, 11, 10))


def test_weekends_and_the_regions_bank_holidays_do_not_count() -> None:
    friday = dt.date(2026, 11, 27)  # Monday 30 November is St Andrew's Day in Scotland only
    later = dt.date(2026, 12, 4)
    england = deadline(friday, dt.date(2026, 12, 2), AM_ASSIGNED_WITHIN, "england-and-wales", later)
    scotland = deadline(friday, dt.date(2026, 12, 2), AM_ASSIGNED_WITHIN, "scotland", later)
    assert (england.state, england.due) == (State.LATE, dt.date(2026, 12, 1))
    assert (scotland.state, scotland.due) == (State.ON_TIME, dt.date(2026, 12, 2))


def test_a_missing_date_is_due_until_the_deadline_passes_then_late() -> None:
    start = dt.date(2026, 11, 23)
    due = deadline(start, None, AM_ASSIGNED_WITHIN, "england-and-wales", TODAY)
    assert due == Deadline(State.DUE, None, dt.date(2026, 11, 25))
    overdue = deadline(start, None, AM_ASSIGNED_WITHIN, "england-and-wales", dt.date(2026, 11, 26))
    assert overdue.state is State.LATE


def test_a_date_after_today_is_a_plan_never_on_time() -> None:
    start = dt.date(2026, 11, 23)
    planned = deadline(start, dt.date(2026, 11, 25), AM_ASSIGNED_WITHIN, "england-and-wales", TODAY)
    assert planned == Deadline(State.DUE, None, dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    passed = deadline(start, None, AM_ASSIGNED_WITHIN, "england-and-wales", dt.date(2026, 11, 26),
                      planned=dt.date(2026, 11, 25))
    assert (passed.state, passed.done, passed.planned) == (State.LATE, None, dt.date(2026, 11, 25))


def test_without_a_trigger_nothing_can_be_said() -> None:
    result = deadline(None, dt.date(2026, 11, 5), AM_ASSIGNED_WITHIN, "england-and-wales", TODAY)
    assert result == Deadline(State.UNKNOWN, dt.date(2026, 11, 5))


def test_missed_gives_the_deadline_only_when_it_was_missed() -> None:
    friday = dt.date(2026, 11, 27)
    tuesday, wednesday = dt.date(2026, 12, 1), dt.date(2026, 12, 2)
    assert missed(friday, tuesday, AM_ASSIGNED_WITHIN, "england-and-wales") is None
    assert missed(friday, wednesday, AM_ASSIGNED_WITHIN, "england-and-wales") == tuesday
    # St Andrew's Day (Monday 30 November) moves Scotland's deadline past the weekday-only bound.
    assert missed(friday, wednesday, AM_ASSIGNED_WITHIN, "scotland") is None


def test_region_comes_from_the_front_matter_or_the_default() -> None:
    assert region_of({"region": "scotland"}, "england-and-wales") == "scotland"
    assert region_of({"region": "mars"}, "northern-ireland") == "northern-ireland"
    assert region_of({}, "england-and-wales") == "england-and-wales"
