"""Calendar feeds (iCalendar, with the icalendar library): one for every client, one per Account
Manager. Each event's UID is made from the client's slug and the milestone's key, so a subscribed
calendar updates an event in place when its date moves, however often the site is rebuilt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.lifecycle import Kind, milestones
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.people import owners

PRODUCT_ID = "-//handoff//Client handoffs//EN"
UID_DOMAIN = "handoff.invalid"
# What a feed carries: calls and their deadlines, cohort starts, the Week 2 and Week 12 milestones
# and invoice dates (Week -4 and a cohort's Week 12 are on the timeline, not in calendars).
FEED_KINDS = (Kind.DEADLINE, Kind.CALL, Kind.COHORT, Kind.MILESTONE, Kind.INVOICE)


def uid(view: ClientView, key: str) -> str:
    slug = view.slug or uris.anchor("client", view.name)
    return f"{slug}.{key}@{UID_DOMAIN}"


def feed(views: Sequence[ClientView], today: dt.date, name: str) -> str:
    """One .ics calendar with every client's dated events (all-day), soonest first."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    for view in sorted(views, key=lambda v: (v.slug, v.name)):
        for milestone in milestones(view.records, today):
            if milestone.kind not in FEED_KINDS or milestone.key.endswith("-week-12"):
                continue
            event = Event()
            event.add("uid", uid(view, milestone.key))
            event.add("dtstamp", stamp)
            event.add("dtstart", milestone.date)
            event.add("dtend", milestone.date + dt.timedelta(days=1))
            event.add("summary", f"{view.name}: {milestone.label}")
            owners = f"AM {view.account_manager or 'not named'}, AE {view.ae or 'not named'}"
            event.add("description", f"{milestone.label} for {view.name} ({owners}).")
            event.add("categories", [milestone.kind.value])
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


def feeds(views: Sequence[ClientView], today: dt.date) -> dict[str, str]:
    """Every feed by its path in the site: all clients, then one per Account Manager."""
    found = {uris.CALENDAR_ALL: feed(views, today, "Client handoffs")}
    for manager, owned in sorted(owners(views, "am").items()):
        found[uris.am_calendar(manager)] = feed(owned, today, f"Client handoffs: {manager}")
    return found
