from __future__ import annotations

import datetime as dt

from handoff_lint.contract.config import REGIONS
from handoff_lint.domain.workdays import (
    add_weekdays,
    add_working_days,
    holiday_name,
    holidays_between,
    is_working_day,
    region_name,
    working_days_between,
)


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


def test_weekdays_alone_are_the_earliest_a_working_day_deadline_can_fall() -> None:
    # Wednesday 23 December 2026: weekdays only give Friday 25; Christmas and Boxing Day (observed)
    # move the working-day count on to Tuesday 29.
    assert add_weekdays(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 25)
    assert add_working_days(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 29)


def test_counting_and_naming_the_days_between() -> None:
    start, end = dt.date(2026, 12, 23), dt.date(2026, 12, 30)
    assert working_days_between(start, end) == 3  # 24, 29 and 30 December
    assert holidays_between(start, end) == [
        (dt.date(2026, 12, 25), "Christmas Day"), (dt.date(2026, 12, 28), "Boxing Day (observed)"),
    ]


def test_regions_have_names() -> None:
    assert region_name("northern-ireland") == "Northern Ireland"
    assert region_name("mars") == "mars"


def test_every_configurable_region_has_a_calendar() -> None:
    for region in REGIONS:
        assert is_working_day(dt.date(2026, 11, 24), region)
        assert region_name(region) != region


def test_days_between_are_counted_as_if_one_by_one() -> None:
    # Counted by the week for speed: the same as looking at each day, over every start weekday, spans
    # across year ends (Christmas and New Year substitutes) and every region.
    for region in REGIONS:
        for first in (dt.date(2025, 12, 15) + dt.timedelta(days=n) for n in range(0, 21, 3)):
            for length in (0, 1, 2, 6, 7, 8, 13, 30, 400):
                last = first + dt.timedelta(days=length)
                one_by_one = sum(1 for n in range(1, length + 1)
                                 if is_working_day(first + dt.timedelta(days=n), region))
                assert working_days_between(first, last, region) == one_by_one, (region, first, length)
    assert working_days_between(dt.date(2026, 5, 1), dt.date(2026, 4, 1)) == 0
