"""Dates written the ways people write them, read only where there is one possible meaning."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_WORDS_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%A %d %B %Y", "%a %d %b %Y",
                  "%A %d %b %Y", "%a %d %B %Y")
_NUMERIC = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


@dataclass(frozen=True)
class Reading:
    """What a written date can mean: one date, or none, or two when the order of day and month is
    unknown (then the day-first reading, as in the UK, comes first)."""

    dates: tuple[dt.date, ...]

    @property
    def date(self) -> dt.date | None:
        return self.dates[0] if len(self.dates) == 1 else None


def _in_words(text: str) -> dt.date | None:
    cleaned = re.sub(r"[,\s]+", " ", _ORDINAL.sub("", text)).strip()
    cleaned = re.sub(r"(?i)\bsept\b", "Sep", cleaned)  # the one common four-letter abbreviation
    for pattern in _WORDS_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read(text: str) -> Reading:
    """'12 Jan 2027', 'January 12th, 2027' and '13/01/2027' have one meaning; '01/02/2027' has two
    (1 February in the UK, 2 January in the US) and is never guessed."""
    words = _in_words(text.strip())
    if words is not None:
        return Reading((words,))
    match = _NUMERIC.match(text.strip())
    if not match:
        return Reading(())
    first, second, year = (int(group) for group in match.groups())
    meanings = [d for d in (_valid(year, second, first), _valid(year, first, second)) if d is not None]
    return Reading(tuple(dict.fromkeys(meanings)))
