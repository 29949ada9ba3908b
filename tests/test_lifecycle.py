"""Where a handoff is up to, seen from a fixed today: each stage and its clock in working days
(across weekends and bank holidays), planned versus done, the commission tranches and milestones."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conftest import example_text
from handoff_lint.contract.config import Config
from handoff_lint.domain.lifecycle import (
    Kind,
    Records,
    Stage,
    TrancheState,
    Urgency,
    clock,
    day_text,
    milestones,
    records,
    tranches,
)
from handoff_lint.engine.check import check_text

D = dt.date
# A handoff whose AM is assigned and whose call is held; cohort 1 starts Mon 11 Jan 2027.
CALLED = Records(trigger=D(2026, 11, 16), sow_signed=D(2026, 11, 16), am_assigned=D(2026, 11, 17),
                 call_planned=D(2026, 11, 20), call_held=D(2026, 11, 20),
                 cohort_starts=(("1", D(2027, 1, 11)),))
# The same handoff with Week 0 recorded on the planned day.
STARTED = replace(CALLED, first_cohort_started=D(2027, 1, 11))


def test_no_trigger_no_clock() -> None:
    assert clock(Records(), D(2026, 11, 30)).stage is Stage.DATES_MISSING


def test_am_to_be_assigned_counts_working_days_left() -> None:
    waiting = Records(trigger=D(2026, 12, 1))  # Tuesday: due Thursday
    seen = clock(waiting, D(2026, 12, 2))
    assert (seen.stage, seen.urgency) == (Stage.AM_TO_BE_ASSIGNED, Urgency.DUE_SOON)
    assert seen.text == "AM to be assigned, due Thu 3 Dec (1 working day left)"
    assert clock(waiting, D(2026, 12, 3)).text == "AM to be assigned, due today"
    assert clock(waiting, D(2026, 12, 4)).text == \
        "AM to be assigned, overdue by 1 working day (due Thu 3 Dec)"


def test_a_planned_assignment_is_not_done_until_its_day() -> None:
    planned = Records(trigger=D(2026, 12, 1), am_assigned=D(2026, 12, 3))
    assert clock(planned, D(2026, 12, 2)).stage is Stage.AM_TO_BE_ASSIGNED
    assert clock(planned, D(2026, 12, 3)).stage is Stage.HANDOFF_CALL


def test_the_clock_skips_the_weekend() -> None:
    friday = Records(trigger=D(2026, 11, 27))  # AM due Tuesday 1 December
    saturday = clock(friday, D(2026, 11, 28))
    assert saturday.due == D(2026, 12, 1)
    assert saturday.text == "AM to be assigned, due Tue 1 Dec (2 working days left)"
    assert saturday.needs_action
    assert clock(friday, D(2026, 12, 2)).text == "AM to be assigned, overdue by 1 working day (due Tue 1 Dec)"


def test_the_handoff_call_clock_skips_christmas_and_the_boxing_day_substitute() -> None:
    # Monday 21 December: five working days skip 25 December and Monday 28 (Boxing Day's substitute).
    assigned = Records(trigger=D(2026, 12, 21), am_assigned=D(2026, 12, 22))
    seen = clock(assigned, D(2026, 12, 24))
    assert (seen.stage, seen.due) == (Stage.HANDOFF_CALL, D(2026, 12, 30))
    assert seen.text == "handoff call due Wed 30 Dec (2 working days left)"
    assert clock(assigned, D(2027, 1, 4)).text == \
        "handoff call overdue by 2 working days (due Wed 30 Dec 2026)"  # 31 Dec and 4 Jan; 1 Jan is a holiday


def test_a_regional_bank_holiday_moves_the_deadline() -> None:
    # Wednesday 25 November 2026: Scotland keeps St Andrew's Day (Monday 30 November).
    england = Records(trigger=D(2026, 11, 25), am_assigned=D(2026, 11, 26))
    scotland = replace(england, region="scotland")
    assert clock(england, D(2026, 11, 27)).due == D(2026, 12, 2)
    assert clock(scotland, D(2026, 11, 27)).due == D(2026, 12, 3)
    assert clock(scotland, D(2026, 12, 1)).text == "handoff call due Thu 3 Dec (2 working days left)"


def test_handoff_call_overdue_by_working_days() -> None:
    late = Records(trigger=D(2026, 11, 16), am_assigned=D(2026, 11, 17), call_planned=D(2026, 11, 30))
    seen = clock(late, D(2026, 11, 25))
    assert seen.urgency is Urgency.OVERDUE
    assert seen.text == "handoff call overdue by 2 working days (due Mon 23 Nov)"
    assert seen.needs_action


def test_onboarding_counts_down_to_week_0() -> None:
    seen = clock(CALLED, D(2026, 11, 30))
    assert (seen.stage, seen.week, seen.urgency) == (Stage.ONBOARDING, -6, Urgency.ON_TRACK)
    assert seen.text == "in onboarding, Week -6 (first cohort starts Mon 11 Jan 2027)"
    assert clock(CALLED, D(2027, 1, 4)).week == -1
    assert not seen.needs_action


def test_a_planned_call_whose_day_has_passed_is_not_a_held_one() -> None:
    planned = replace(CALLED, call_held=None)
    seen = clock(planned, D(2026, 11, 24))
    assert (seen.stage, seen.urgency) == (Stage.HANDOFF_CALL, Urgency.OVERDUE)


def test_an_unnamed_account_manager_is_not_assigned_whatever_the_date() -> None:
    unnamed = replace(CALLED, am_named=False)
    assert clock(unnamed, D(2026, 11, 30)).stage is Stage.AM_TO_BE_ASSIGNED


def test_a_planned_week_0_that_has_passed_unrecorded_is_overdue_not_started() -> None:
    seen = clock(CALLED, D(2027, 1, 13))
    assert (seen.stage, seen.urgency) == (Stage.ONBOARDING, Urgency.OVERDUE)
    assert seen.text == "Week 0 (first cohort start) not recorded, overdue by 2 working days (due Mon 11 Jan)"


def test_a_recorded_start_counts_over_the_planned_one_once_it_has_happened() -> None:
    moved = replace(CALLED, first_cohort_started=D(2027, 1, 18))
    assert clock(moved, D(2027, 1, 12)).stage is Stage.ONBOARDING
    assert clock(moved, D(2027, 1, 18)).stage is Stage.DELIVERY


def test_delivery_waits_for_the_week_2_workshop_then_the_week_12_report() -> None:
    seen = clock(STARTED, D(2027, 1, 20))
    assert (seen.stage, seen.week) == (Stage.DELIVERY, 1)
    assert seen.text == "Week 2 workshop due Mon 25 Jan (3 working days left)"
    assert clock(STARTED, D(2027, 1, 26)).text == "Week 2 workshop overdue by 1 working day (due Mon 25 Jan)"
    workshop = replace(STARTED, week_2_workshop=D(2027, 1, 25))
    assert clock(workshop, D(2027, 1, 26)).text == "Week 12 report due Mon 5 Apr (47 working days left)"
    assert clock(workshop, D(2027, 4, 6)).text == "Week 12 report overdue by 1 working day (due Mon 5 Apr)"
    # Seen on a Saturday, only Monday is left.
    assert clock(workshop, D(2027, 4, 3)).text == "Week 12 report due Mon 5 Apr (1 working day left)"


def test_complete_once_the_board_report_is_delivered() -> None:
    done = replace(STARTED, week_2_workshop=D(2027, 1, 25), week_12_board_report=D(2027, 4, 6))
    seen = clock(done, D(2027, 4, 7))
    assert (seen.stage, seen.urgency) == (Stage.COMPLETE, Urgency.DONE)
    assert clock(done, D(2027, 4, 5)).stage is Stage.DELIVERY  # recorded ahead: not done yet


def test_commission_tranches_are_earned_due_or_overdue() -> None:
    seen = tranches(STARTED, D(2027, 1, 26))
    assert [(t.share, t.state, t.date) for t in seen] == [
        (50, TrancheState.EARNED, D(2026, 11, 16)),
        (30, TrancheState.OVERDUE, D(2027, 1, 25)),
        (20, TrancheState.DUE, D(2027, 4, 5)),
    ]
    delivered = replace(STARTED, week_2_workshop=D(2027, 1, 25))
    assert tranches(delivered, D(2027, 1, 26))[1].state is TrancheState.EARNED
    undated = tranches(replace(CALLED, cohort_starts=()), D(2026, 11, 30))
    assert [t.state for t in undated] == [TrancheState.EARNED, TrancheState.NOT_DATED, TrancheState.NOT_DATED]


def test_milestones_have_stable_unique_keys_and_come_soonest_first() -> None:
    found = milestones(CALLED, D(2026, 11, 30))
    keys = [m.key for m in found]
    assert len(keys) == len(set(keys))
    assert [m.date for m in found] == sorted(m.date for m in found)
    assert {m.kind for m in found} >= {Kind.TRIGGER, Kind.DEADLINE, Kind.CALL, Kind.ONBOARDING, Kind.COHORT,
                                       Kind.MILESTONE}
    assert next(m for m in found if m.key == "cohort-0-week-minus-4").date == D(2026, 12, 14)


def test_records_read_from_a_checked_doc() -> None:
    checked = check_text("doc.md", example_text(), None, Config())
    recorded = records(checked.instance, "england-and-wales")
    assert recorded.trigger == D(2026, 11, 3)
    assert recorded.call_held == D(2026, 11, 9)
    assert recorded.first_start == D(2027, 1, 11)
    assert recorded.invoices[0].percent == "40%"


def test_day_text_adds_the_year_only_when_it_differs() -> None:
    assert day_text(D(2026, 12, 3), D(2026, 11, 30)) == "Thu 3 Dec"
    assert day_text(D(2027, 1, 11), D(2026, 11, 30)) == "Mon 11 Jan 2027"
