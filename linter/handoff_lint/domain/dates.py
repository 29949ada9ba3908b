"""Dates a handoff can hold: a real calendar date written YYYY-MM-DD, within the years a handoff
lives in."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# The dates a handoff can hold. Everything that counts days (deadlines, working days, registers)
# reads dates through parse_date, so a date in year 1 or 9999 can neither make a count run for
# millions of days nor overflow date arithmetic: it is reported as not a date of a handoff.
EARLIEST_DATE, LATEST_DATE = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


def parse_iso_date(text: str) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD, whatever its year."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD that a handoff can hold: from EARLIEST_DATE to LATEST_DATE."""
    day = parse_iso_date(text)
    return day if day is not None and EARLIEST_DATE <= day <= LATEST_DATE else None
