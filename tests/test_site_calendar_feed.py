"""Calendar feeds: one for everything, one per Account Manager, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt

from conftest import SITE_DATE, example_views
from handoff_lint.site import uris
from handoff_lint.site.calendar_feed import feeds
from icalendar import Calendar


def events(text: str) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(text)
    return [
        {"uid": str(e["UID"]), "start": e.decoded("DTSTART"), "summary": str(e["SUMMARY"])}
        for e in calendar.walk("VEVENT")
    ]


def test_one_feed_for_all_and_one_per_account_manager() -> None:
    views = example_views()
    found = feeds(views, SITE_DATE)
    managers = {v.account_manager for v in views if v.account_manager}
    assert set(found) == {uris.CALENDAR_ALL} | {uris.am_calendar(m) for m in managers}
    everything = events(found[uris.CALENDAR_ALL])
    # A client with no Account Manager yet (Fenwick) is in the feed for all only.
    unassigned = events(feeds([v for v in views if not v.account_manager], SITE_DATE)[uris.CALENDAR_ALL])
    assert unassigned
    assert sum(len(events(found[uris.am_calendar(m)])) for m in managers) + len(unassigned) == len(everything)
    summaries = " ".join(str(e["summary"]) for e in everything)
    for what in ("Handoff call", "AM assignment deadline", "Handoff call deadline", "starts (Week 0)",
                 "Week 2 workshop", "Week 12 board report", "Invoice: Deposit on signature"):
        assert what in summaries
    assert all(isinstance(e["start"], dt.date) for e in everything)


def test_uids_are_unique_and_do_not_change_with_the_day_of_the_build() -> None:
    views = example_views()
    today = [e["uid"] for e in events(feeds(views, SITE_DATE)[uris.CALENDAR_ALL])]
    assert len(today) == len(set(today))
    later = [e["uid"] for e in events(feeds(views, SITE_DATE + dt.timedelta(days=40))[uris.CALENDAR_ALL])]
    assert later == today
    assert all(str(uid).endswith("@handoff.invalid") for uid in today)
