"""UK working days: weekends and the region's bank holidays skipped, from the holidays library."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

# Each region's bank-holiday calendar: the holidays library's subdivision code, and its name as
# a message or the site shows it.
_CALENDARS = {
    "england-and-wales": ("ENG", "England and Wales"),
    "scotland": ("SCT", "Scotland"),
    "northern-ireland": ("NIR", "Northern Ireland"),
}


REGIONS = tuple(_CALENDARS)


def region_name(region: str) -> str:
    """'Scotland' for 'scotland'; an unknown region as it was written."""
    return _CALENDARS[region][1] if region in _CALENDARS else region


@lru_cache(maxsize=64)
def _calendar(region: str, year: int) -> holidays.HolidayBase:
    # Loading the calendars takes a tenth of a second, which a lint run pays only when it needs them.
    import holidays

    return holidays.country_holidays("GB", subdiv=_CALENDARS[region][0], years=(year, year + 1))


def is_working_day(day: dt.date, region: str = "england-and-wales") -> bool:
    return day.weekday() < 5 and day not in _calendar(region, day.year)


def _count_forward(start: dt.date, count: int, counts: Callable[[dt.date], bool]) -> dt.date:
    """The day on which the count-th day after `start` that `counts` is reached."""
    day = start
    remaining = count
    while remaining > 0:
        day += dt.timedelta(days=1)
        remaining -= counts(day)
    return day


def add_working_days(start: dt.date, count: int, region: str = "england-and-wales") -> dt.date:
    """The date `count` working days after `start` (the start day itself is day 0)."""
    return _count_forward(start, count, lambda day: is_working_day(day, region))


def add_weekdays(start: dt.date, count: int) -> dt.date:
    """The date `count` weekdays after `start`: the earliest add_working_days can return, since
    bank holidays only move a date later. Needs no calendar."""
    return _count_forward(start, count, lambda day: day.weekday() < 5)


def working_days_between(start: dt.date, end: dt.date, region: str = "england-and-wales") -> int:
    """Working days after `start` up to and including `end`: the weekdays, counted by the week
    (every clock on the site asks this), less the bank holidays on weekdays among them."""
    days = (end - start).days
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    weekdays = weeks * 5 + sum(1 for offset in range(1, rest + 1) if (start.weekday() + offset) % 7 < 5)
    holidays = {day for year in range(start.year, end.year + 1) for day in _calendar(region, year)
                if start < day <= end and day.weekday() < 5}
    return weekdays - len(holidays)


def holidays_between(start: dt.date, end: dt.date,
                     region: str = "england-and-wales") -> list[tuple[dt.date, str]]:
    """The bank holidays on weekdays after `start` up to and including `end`, with their names."""
    found = []
    for day in _days_after(start, end):
        name = holiday_name(day, region) if day.weekday() < 5 else None
        if name:
            found.append((day, name))
    return found


def _days_after(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=offset) for offset in range(1, (end - start).days + 1)]


def holiday_name(day: dt.date, region: str = "england-and-wales") -> str | None:
    name = _calendar(region, day.year).get(day)
    return str(name) if name else None
