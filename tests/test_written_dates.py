"""Dates as people write them: read only where there is one possible meaning."""

from __future__ import annotations

import datetime as dt

import pytest
from handoff_lint.domain.written_dates import read

JAN_12 = dt.date(2027, 1, 12)


@pytest.mark.parametrize("written", ["12 Jan 2027", "12 January 2027", "12th January 2027",
                                     "January 12th, 2027", "Jan 12 2027", "Tuesday 12 January 2027",
                                     "12 Jan, 2027"])
def test_a_date_with_one_meaning_is_read(written: str) -> None:
    assert read(written).dates == (JAN_12,)
    assert read(written).date == JAN_12


def test_day_and_month_that_could_swap_are_never_guessed() -> None:
    reading = read("01/02/2027")
    assert reading.dates == (dt.date(2027, 2, 1), dt.date(2027, 1, 2))  # day first (UK) first
    assert reading.date is None
    assert read("05/05/2027").date == dt.date(2027, 5, 5)  # both orders mean the same day
    assert read("13/01/2027").date == dt.date(2027, 1, 13)  # no 13th month: day first only
    assert read("01.13.2027").date == dt.date(2027, 1, 13)  # month first only
    assert read("12/01/2027").date is None  # 12 January or 1 December


@pytest.mark.parametrize("written", ["2027-01-12", "31/02/2027", "soon", "12 Janvier 2027", "", "Q1 2027"])
def test_what_is_not_a_date_in_words_has_no_reading(written: str) -> None:
    assert read(written).dates == ()
