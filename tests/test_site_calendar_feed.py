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


def test_what_is_not_yet_recorded_has_a_reminder_one_working_day_before() -> None:
    calendar = Calendar.from_ical(feeds(example_views(), SITE_DATE)[uris.CALENDAR_ALL])
    reminded = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT") if e.walk("VALARM")}
    # Fenwick's AM assignment deadline is Wed 25 Nov: the reminder is at 09:00 on Tue 24 Nov.
    deadline = reminded["Fenwick Foods Ltd: AM assignment deadline (2 working days)"]
    [alarm] = deadline.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -dt.timedelta(hours=15)
    # Harbour's Week 12 report is due Mon 1 Feb 2027: one working day before is Friday, 09:00.
    report = reminded["Harbour Housing Association Limited: Week 12 board report due"]
    assert report.walk("VALARM")[0].decoded("TRIGGER") == -dt.timedelta(days=2, hours=15)
    # Something recorded, or already past, has none.
    assert "Harbour Housing Association Limited: Week 2 workshop delivered" not in reminded
    assert all(e.decoded("DTSTART") >= SITE_DATE for e in reminded.values())


def test_events_link_to_the_client_page_only_when_the_site_address_is_known() -> None:
    views = example_views()
    assert "URL" not in feeds(views, SITE_DATE)[uris.CALENDAR_ALL]
    site = "https://handoffs.firm.example/"
    calendar = Calendar.from_ical(feeds(views, SITE_DATE, site)[uris.CALENDAR_ALL])
    urls = {str(e["URL"]) for e in calendar.walk("VEVENT")}
    assert f"{site}northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04/" in urls
    assert "URL" not in feeds(views, SITE_DATE, "javascript:alert(1)")[uris.CALENDAR_ALL]
