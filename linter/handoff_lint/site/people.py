"""Per-person views: each Delivery Lead's, Account Manager's and AE's queue of open items (see
site.queues) and clients with their stage and clock, the AM's calendar feed and the AE's commission.
Long lists go on to numbered pages of bounded size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.site import paging, queues, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import link, text
from handoff_lint.site.names import by_person
from handoff_lint.site.stages import status

PAGE_SIZE = 50
ROLES = {"dl": "Delivery Lead", "am": "Account Manager", "ae": "AE"}
_NAMES = {"dl": "delivery_lead", "am": "account_manager", "ae": "ae"}


def _urgent_first(views: Sequence[ClientView]) -> list[ClientView]:
    return sorted(views, key=lambda v: (not v.clock.needs_action, not v.errors,
                                        v.clock.due or v.trigger or dt.date.max, v.name.casefold()))


def owners(views: Sequence[ClientView], role: str) -> dict[str, list[ClientView]]:
    """Clients by the person named in a role ('dl', 'am' or 'ae'). Names written differently but
    meaning the same person ('Hannah Lee', 'hannah  lee') are one person, shown as first written (by
    name order); names that only share a slug ('José García', 'Jose Garcia') are two, with two pages."""
    return by_person(views, lambda view: str(getattr(view, _NAMES[role])))


def _entry(view: ClientView, page: str) -> str:
    incomplete = f" · **incomplete** ({len(view.errors)} errors)" if view.errors else ""
    return f"- {link(text(view.name), page, view.src_uri)}: {status(view.clock)}{incomplete}"


def person_pages(role: str, name: str, clients: Sequence[ClientView], today: dt.date | None = None,
                 mine: Sequence[queues.Entry] = (), base: str = "") -> dict[str, str]:
    ordered = _urgent_first(clients)
    chunks = [ordered[i:i + PAGE_SIZE] for i in range(0, len(ordered), PAGE_SIZE)] or [[]]
    pages: dict[str, str] = {}
    for number, chunk in enumerate(chunks, start=1):
        uri = uris.person_page(role, name, number)
        extra = []
        if role == "am":
            feed = link(text(name) + "’s calendar (.ics)", uri, uris.am_calendar(name))
            extra.append(f"Subscribe to {feed}: "
                         "handoff calls, deadlines, cohort starts, Week 2 and Week 12 milestones, invoices.")
        elif role == "ae":
            tranches = link("tranches by deal", uri, uris.COMMISSION)
            extra.append(f"Commission: {tranches}.")
        pager = []
        if number > 1:
            pager.append(link("previous page", uri, uris.person_page(role, name, number - 1)))
        if number < len(chunks):
            pager.append(link("next page", uri, uris.person_page(role, name, number + 1)))
        paged = f" (page {number} of {len(chunks)})" if len(chunks) > 1 else ""
        queue = queues.person_queue(mine, uri, today, base) if number == 1 and today is not None else ""
        pages[uri] = "\n".join([
            f"# {ROLES[role]}: {text(name)}{paged}\n",
            queue,
            f"## Clients ({len(clients)})\n" if queue else "",
            f"{len(clients)} client{'' if len(clients) == 1 else 's'}, what needs action first. "
            + " ".join(extra) + "\n",
            "\n".join(_entry(v, uri) for v in chunk) + "\n" if chunk else "No clients.\n",
            " · ".join(pager) + "\n" if pager else "",
            f"{link('Everyone', uri, uris.PEOPLE)} · {link('Dashboard', uri, uris.DASHBOARD)}\n",
        ])
    return pages


def pages(views: Sequence[ClientView], today: dt.date | None = None, base: str = "") -> dict[str, str]:
    """The people index (in pages of bounded size: it grows with the number of people) and every
    person's pages, by path. With today, each page starts with the person's queue."""
    found: dict[str, str] = {}
    entries: list[tuple[str, str, str]] = []  # (role, person, counts) in index order
    queued: dict[str, list[queues.Entry]] = {}
    for entry in queues.entries(views, today) if today is not None else []:
        if entry.item.owner:
            queued.setdefault(queues.person_uri(*entry.owner_key), []).append(entry)
    for role in ROLES:
        grouped = owners(views, role)
        for name in sorted(grouped, key=str.casefold):
            clients = grouped[name]
            mine = queued.get(uris.person_page(role, name), [])
            found.update(person_pages(role, name, clients, today, mine, base))
            open_now = sum(e.item.actionable for e in mine)
            records = sum(not e.item.actionable and e.item.overdue for e in mine)
            entries.append((role, name, f"{len(clients)} client{'' if len(clients) == 1 else 's'}, "
                                        f"{open_now} open item{'' if open_now == 1 else 's'}, "
                                        f"{records} record{'' if records == 1 else 's'} to complete"))

    def render(uri: str, part: Sequence[tuple[str, str, str]], pager: str) -> str:
        index = ["# People\n", "Each Delivery Lead's, Account Manager's and AE's queue and clients.\n",
                 pager]
        for role in ROLES:
            lines = [f"- {link(text(name), uri, uris.person_page(role, name))}: {counts}"
                     for listed, name, counts in part if listed == role]
            if lines:
                index.append(f"## {ROLES[role]}s\n")
                index.append("\n".join(lines) + "\n")
        if not part:
            index.append("Nobody named yet.\n")
        index.append(pager)
        index.append(f"See also: {link('AE commission', uri, uris.COMMISSION)}.\n")
        return "\n".join(p for p in index if p)
    found.update(paging.paged(uris.PEOPLE, entries, render))
    return found
