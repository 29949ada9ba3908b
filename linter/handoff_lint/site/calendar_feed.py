"""Calendar feeds (iCalendar, with the icalendar library): one for every client, one per Account
Manager. Each event's UID is made from the client's slug and the milestone's key, so a subscribed
calendar updates an event in place when its date moves, however often the site is rebuilt. An event
not yet recorded carries a reminder (VALARM) at 09:00 one working day before, and, when the site's
address is known (mkdocs.yml's site_url), a link to the client's page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from handoff_lint.domain.lifecycle import Kind, milestones
from handoff_lint.domain.workdays import is_working_day
from handoff_lint.site import queues, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.people import owners

if TYPE_CHECKING:
    from icalendar import Alarm

PRODUCT_ID = "-//handoff//Client handoffs//EN"
UID_DOMAIN = "handoff.invalid"
# What a feed carries: calls and their deadlines, cohort starts, the Week 2 and Week 12 milestones
# and invoice dates (Week -4 and a cohort's Week 12 are on the timeline, not in calendars).
FEED_KINDS = (Kind.DEADLINE, Kind.CALL, Kind.COHORT, Kind.MILESTONE, Kind.INVOICE)


def uid(view: ClientView, key: str) -> str:
    slug = view.slug or uris.anchor("client", view.name)
    return f"{slug}.{key}@{UID_DOMAIN}"


REMIND_AT = dt.timedelta(hours=9)


def working_day_before(day: dt.date, region: str) -> dt.date:
    before = day - dt.timedelta(days=1)
    while not is_working_day(before, region):
        before -= dt.timedelta(days=1)
    return before


def alarm(day: dt.date, region: str, what: str) -> Alarm:
    """A display reminder at 09:00 on the working day before an all-day event."""
    from icalendar import Alarm

    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", f"Tomorrow: {what}")
    reminder.add("trigger", -((day - working_day_before(day, region)) - REMIND_AT))
    return reminder


def events(view: ClientView, today: dt.date, site_url: str = "") -> list[str]:
    """A client's dated events (all-day), each as its iCalendar text."""
    from icalendar import Event

    address = queues.page_url(queues.site_base(site_url), view.src_uri)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    found: list[str] = []
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
        if address:
            event.add("url", address)
        if not milestone.recorded and milestone.date >= today:
            event.add_component(alarm(milestone.date, view.region, f"{view.name}: {milestone.label}"))
        found.append(event.to_ical().decode("utf-8"))
    return found


def feed(views: Sequence[ClientView], name: str, events_of: Mapping[int, list[str]]) -> str:
    """One .ics calendar with the clients' events, in client order. A client's events are made once
    for every feed it is in (events_of, by id of its view): the feeds hold each event twice."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    text: str = calendar.to_ical().decode("utf-8")
    end = text.rindex("END:VCALENDAR")
    ordered = sorted(views, key=lambda v: (v.slug, v.name))
    return text[:end] + "".join(event for view in ordered for event in events_of[id(view)]) + text[end:]


def _feeds(views: Sequence[ClientView]) -> list[tuple[str, str, Sequence[ClientView]]]:
    """(path in the site, calendar name, its clients): all clients, then one per Account Manager."""
    return [(uris.CALENDAR_ALL, "Client handoffs", views),
            *((uris.am_calendar(manager), f"Client handoffs: {manager}", owned)
              for manager, owned in sorted(owners(views, "am").items()))]


def paths(views: Sequence[ClientView]) -> list[str]:
    """Where the feeds go in the site, known before they are written."""
    return [path for path, _, _ in _feeds(views)]


def feeds(views: Sequence[ClientView], today: dt.date, site_url: str = "") -> dict[str, str]:
    """Every feed by its path in the site."""
    events_of = {id(view): events(view, today, site_url) for view in views}
    return {path: feed(owned, name, events_of) for path, name, owned in _feeds(views)}
