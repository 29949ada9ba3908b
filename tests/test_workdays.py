from __future__ import annotations

import datetime as dt

from handoff_lint.workdays import add_working_days, holiday_name, is_working_day


def test_weekends_are_skipped() -> None:
    assert add_working_days(dt.date(2026, 11, 27), 2) == dt.date(2026, 12, 1)


def test_christmas_and_boxing_day_are_skipped() -> None:
    # Boxing Day 2026 is a Saturday, so its bank holiday moves to Monday 28 December.
    assert add_working_days(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 29)


def test_easter_is_skipped() -> None:
    assert add_working_days(dt.date(2027, 3, 25), 2) == dt.date(2027, 3, 31)


def test_st_andrews_day_counts_only_in_scotland() -> None:
    monday = dt.date(2026, 11, 30)
    assert is_working_day(monday, "england-and-wales")
    assert not is_working_day(monday, "scotland")
    assert holiday_name(monday, "scotland") == "Saint Andrew's Day"
