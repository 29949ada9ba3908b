"""Each client's open facts, with who records them and when, seen from a fixed today."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handoff_lint.domain.lifecycle import Records
from handoff_lint.domain.queue import Bucket, Item, Owners, Role, by_urgency, open_items

D = dt.date
OWNERS = Owners(ae="Priya Shah", delivery_lead="Tom Okafor", account_manager="Hannah Lee")
# Trigger Mon 16 Nov 2026: AM due Wed 18 Nov, call due Mon 23 Nov; Week 0 planned Mon 11 Jan 2027.
SIGNED = Records(trigger=D(2026, 11, 16), cohort_starts=(("1", D(2027, 1, 11)),))


def events(items: list[Item]) -> list[tuple[str, str, Bucket]]:
    return [(i.fact.event, i.owner, i.bucket) for i in items]


def test_the_delivery_lead_holds_everything_until_an_am_is_named() -> None:
    unnamed = replace(SIGNED, am_named=False)
    items = open_items(unnamed, replace(OWNERS, account_manager=""), D(2026, 11, 18))
    assert events(items)[:2] == [("am-assigned", "Tom Okafor", Bucket.TODAY),
                                 ("call-held", "Tom Okafor", Bucket.LATER)]
    assert all(i.role is Role.DELIVERY_LEAD for i in items)


def test_each_fact_goes_to_its_owner_once_the_am_is_assigned() -> None:
    held = replace(SIGNED, am_assigned=D(2026, 11, 17), call_held=D(2026, 11, 20))
    items = open_items(held, OWNERS, D(2026, 11, 23))
    assert events(items) == [
        ("intro-sent", "Priya Shah", Bucket.OVERDUE),
        ("ae-off", "Priya Shah", Bucket.OVERDUE),
        ("week0", "Hannah Lee", Bucket.LATER),
        ("week2", "Hannah Lee", Bucket.LATER),
        ("week12", "Hannah Lee", Bucket.LATER),
    ]
    assert items[0].late == 1 and items[0].words(D(2026, 11, 23)) == \
        "intro e-mail overdue by 1 working day (due Fri 20 Nov)"


def test_due_this_week_is_until_sunday() -> None:
    items = open_items(SIGNED, OWNERS, D(2026, 11, 16))  # Monday
    assert events(items)[:2] == [("am-assigned", "Tom Okafor", Bucket.THIS_WEEK),
                                 ("call-held", "Hannah Lee", Bucket.LATER)]


def test_long_overdue_items_are_records_to_complete() -> None:
    # 11 working days after the AM's deadline: a record nobody kept, not today's work.
    items = open_items(SIGNED, OWNERS, D(2026, 12, 3))
    assert [(i.fact.event, i.late, i.bucket) for i in items][:2] == [
        ("am-assigned", 11, Bucket.RECORD), ("call-held", 8, Bucket.OVERDUE)]
    assert not items[0].actionable and items[1].actionable


def test_a_client_past_week_12_with_nothing_recorded_is_all_records() -> None:
    items = open_items(SIGNED, OWNERS, D(2027, 4, 7))
    assert {i.bucket for i in items} == {Bucket.RECORD}
    kept = replace(SIGNED, am_assigned=D(2026, 11, 17), call_held=D(2026, 11, 20),
                   intro_email_sent=D(2026, 11, 20), ae_off_account=D(2026, 11, 20),
                   first_cohort_started=D(2027, 1, 11), week_2_workshop=D(2027, 1, 25))
    [report] = open_items(kept, OWNERS, D(2027, 4, 7))
    assert (report.fact.event, report.bucket, report.late) == ("week12", Bucket.OVERDUE, 2)


def test_a_recorded_week_12_report_leaves_no_item() -> None:
    finished = replace(SIGNED, week_12_board_report=D(2027, 4, 5))
    assert open_items(finished, OWNERS, D(2027, 4, 6)) == []
    assert open_items(finished, OWNERS, D(2027, 4, 4))  # recorded ahead of its day: a plan


def test_most_urgent_first_today_then_the_most_recently_overdue() -> None:
    items = open_items(SIGNED, OWNERS, D(2026, 11, 23))  # call due today, AM 3 working days late
    assert [i.fact.event for i in by_urgency(items)][:2] == ["call-held", "am-assigned"]
