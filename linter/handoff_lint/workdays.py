"""UK working days: weekends and the region's bank holidays skipped, from the holidays library."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

# The holidays library names the UK's bank-holiday calendars by subdivision code.
_SUBDIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


@lru_cache(maxsize=64)
def _calendar(region: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv=_SUBDIVISIONS[region], years=(year, year + 1))


def is_working_day(day: dt.date, region: str = "england-and-wales") -> bool:
    return day.weekday() < 5 and day not in _calendar(region, day.year)


def add_working_days(start: dt.date, count: int, region: str = "england-and-wales") -> dt.date:
    """The date `count` working days after `start` (the start day itself is day 0)."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, region):
            remaining -= 1
    return day


def holiday_name(day: dt.date, region: str = "england-and-wales") -> str | None:
    name = _calendar(region, day.year).get(day)
    return str(name) if name else None
