"""The home page (what needs someone today, and counts) and the paged lists behind it.

"Needs action" holds this morning's work from the people's queues (site.queues): at most 25 items due
within 2 working days or overdue by at most 10, grouped by who records them; records nobody kept
are a count with a link. Incomplete docs and High risks have panels of their own, and a client whose
Week 12 board report is recorded leaves both queues and the High risks. Every list is bounded, so no
page grows with the number of clients: the full lists are paged (All clients, Needs action, Records
to complete), and the exports and the people views carry the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN
from handoff_lint.domain.lifecycle import STAGES, Kind, Urgency, day_text, milestones
from handoff_lint.site import filterable, paging, queues, uris
from handoff_lint.site.attributes import trusted_class, trusted_id
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import inline, link, table, text
from handoff_lint.site.stages import stage_chip, status, status_parts

COLUMNS = ("Client", "Stage", "AM", "AE", "First cohort", "High risks")
DASHBOARD_CLASS = "handoff-dashboard"
ALL_CLIENTS_CLASS = "handoff-all-clients"  # the site's script adds filters and sorting over every client
# Bounds: however many clients there are, the page holds at most this much.
MAX_LISTED = 25
WEEKS_AHEAD = 12
MAX_PER_WEEK = 6
AHEAD_KINDS = (Kind.CALL, Kind.DEADLINE, Kind.COHORT, Kind.MILESTONE)


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def order(views: Sequence[ClientView]) -> list[ClientView]:
    """Newest trigger first (docs without one last), then by name."""
    return sorted(views, key=lambda v: (v.trigger is None, -(v.trigger.toordinal() if v.trigger else 0),
                                        v.name.casefold()))


def _bounded(lines: list[str], more: str) -> str:
    shown = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        shown.append(f"- … and {len(lines) - MAX_LISTED} more: {more}")
    return "\n".join(shown) + "\n"


def _owner_link(name: str, role: str, page: str) -> str:
    return link(text(name), page, uris.person_page(role, name)) if name else "—"


def _row(view: ClientView, page: str) -> list[str]:
    name = link(text(view.name), page, view.src_uri)
    if view.errors:
        name += " **(incomplete)**"
    return [
        name, status(view.clock), _owner_link(view.account_manager, "am", page),
        _owner_link(view.ae, "ae", page),
        _date(view.first_cohort_start), str(view.risk_count("High")),
    ]


def ahead(views: Sequence[ClientView], today: dt.date) -> str:
    """The next 12 weeks across clients, week by week, a bounded number of events per week."""
    end = today + dt.timedelta(weeks=WEEKS_AHEAD)
    monday = today - dt.timedelta(days=today.weekday())
    weeks: dict[dt.date, list[tuple[dt.date, str]]] = {}
    for view in views:
        for m in milestones(view.records, today):
            if m.kind in AHEAD_KINDS and today <= m.date < end and not m.key.endswith("-week-12") \
                    and not m.recorded:
                week = m.date - dt.timedelta(days=m.date.weekday())
                client = link(text(view.name), uris.DASHBOARD, view.src_uri)
                label = f"{day_text(m.date, today)}: {client}, {text(m.label)}"
                weeks.setdefault(week, []).append((m.date, label))
    lines = []
    for index in range(WEEKS_AHEAD + 1):
        week = monday + dt.timedelta(weeks=index)
        events = sorted(weeks.get(week, []))
        if not events:
            continue
        shown = [label for _, label in events[:MAX_PER_WEEK]]
        if len(events) > MAX_PER_WEEK:
            more = link("Upcoming dates", uris.DASHBOARD, uris.UPCOMING)
            shown.append(f"… and {len(events) - MAX_PER_WEEK} more: see {more}")
        items = "\n".join(f"    - {label}" for label in shown)
        lines.append(f"- **Week of {day_text(week, today)}** ({len(events)})\n{items}")
    return "\n".join(lines) + "\n" if lines else "Nothing is due in the next 12 weeks.\n"


def dashboard(views: Sequence[ClientView], today: dt.date, site_name: str = "Client handoffs",
              base: str = "") -> str:
    ordered = order(views)
    counts = " ".join(stage_chip(stage, sum(v.clock.stage is stage for v in views)) for stage in STAGES
                      if any(v.clock.stage is stage for v in views))
    parts = [
        f"# {text(site_name)} {{ .{trusted_class(DASHBOARD_CLASS)} }}\n",
        f"{_plural(len(views), 'client')} as of {day_text(today)}. By stage: {counts or 'none yet'}\n",
        f"Calendar: {link('all dates (.ics)', uris.DASHBOARD, uris.CALENDAR_ALL)} · "
        f"{link('one per Account Manager', uris.DASHBOARD, uris.PEOPLE)} · Exports: "
        f"{link('clients.csv', uris.DASHBOARD, uris.EXPORT_CLIENTS)}, "
        f"{link('risks.csv', uris.DASHBOARD, uris.EXPORT_RISKS)}, "
        f"{link('commitments.csv', uris.DASHBOARD, uris.EXPORT_COMMITMENTS)}, "
        f"{link('milestones.csv', uris.DASHBOARD, uris.EXPORT_MILESTONES)}, "
        f"{link('handoffs.json', uris.DASHBOARD, uris.EXPORT_JSON)} · "
        f"{link('AE commission', uris.DASHBOARD, uris.COMMISSION)}\n",
    ]
    count, section = queues.needs_action(views, today, base)
    parts.append(f"## Needs action ({count}) {{ #{trusted_id('needs-action')} }}\n")
    parts.append(section)
    parts.append(
        f"The Delivery Lead assigns the AM within {AM_ASSIGNED_WITHIN} working days of the handoff trigger "
        f"and the handoff call is held within {HANDOFF_CALL_WITHIN}, skipping weekends and the client's "
        "bank holidays.\n")
    incomplete = [v for v in ordered if v.errors]
    if incomplete:
        parts.append(f"## Incomplete handoff docs ({len(incomplete)}) {{ #{trusted_id('incomplete')} }}\n")
        parts.append(_bounded([
            f"- {link(text(v.name), uris.DASHBOARD, v.src_uri)}: {_plural(len(v.errors), 'error')} "
            f"(the AE {text(v.ae) if v.ae else '(not named)'} completes it)" for v in incomplete
        ], f"see {link('All clients', uris.DASHBOARD, uris.ALL_CLIENTS)}"))
    high = [(v, [r for r in v.risks if r.likelihood == "High"]) for v in ordered if v.risks_open]
    high = [(v, risks) for v, risks in high if risks]
    parts.append(f"## High risks ({sum(len(r) for _, r in high)}) {{ #{trusted_id('high-risks')} }}\n")
    parts.append(_bounded([
        f"- {link(text(v.name), uris.DASHBOARD, v.src_uri)}: " + "; ".join(inline(r.risk) for r in risks)
        for v, risks in high
    ], f"see {link('Risks', uris.DASHBOARD, uris.RISKS)}") if high else "No High risks.\n")
    parts.append(f"## Next {WEEKS_AHEAD} weeks {{ #{trusted_id('next-weeks')} }}\n")
    parts.append(ahead(views, today))
    parts.append(f"## Clients {{ #{trusted_id('clients')} }}\n")
    if views:
        parts.append(
            f"Every client, newest handoff first: {link('All clients', uris.DASHBOARD, uris.ALL_CLIENTS)}. "
            f"By name: {link('Clients A–Z', uris.DASHBOARD, uris.CLIENT_INDEX)}. By owner: "
            f"{link('People', uris.DASHBOARD, uris.PEOPLE)}, "
            f"{link('clients by AM', uris.DASHBOARD, uris.BY_AM)}, "
            f"{link('clients by sector', uris.DASHBOARD, uris.BY_SECTOR)}.\n")
    else:
        parts.append("No handoff docs yet: `handoff new <slug>` writes the first one.\n")
    return "\n".join(parts)


def all_clients(views: Sequence[ClientView]) -> dict[str, str]:
    """One row per client with its stage, newest trigger first, in pages of bounded size; the site's
    script filters and sorts every client's row (all_clients_data) in place of the page's."""
    ordered = order(views)

    def render(uri: str, part: Sequence[ClientView], pager: str) -> str:
        intro = (f"{_plural(len(views), 'client')}, newest handoff trigger first. Filter by Account "
                 "Manager, AE, stage or urgency and sort by stage, next due date or name, over every "
                 "client, with the controls above the table; follow an AM or an AE for that person's "
                 "clients.\n")
        body = table(COLUMNS, (_row(v, uri) for v in part)) if part else \
            "No handoff docs yet: `handoff new <slug>` writes the first one.\n"
        return "\n".join(p for p in ("# All clients\n", intro, pager, body, pager) if p)
    return paging.paged(uris.ALL_CLIENTS, ordered, render)


def _person(name: str, role: str) -> filterable.Part:
    return filterable.link(name, uris.person_page(role, name) if name else "")


# What All clients filters and sorts by (the site's script, over every client).
FILTERS = (
    filterable.Filter("am", "Account Manager", "every AM"),
    filterable.Filter("ae", "AE", "every AE"),
    filterable.Filter("stage", "Stage", "every stage", [stage.value for stage in STAGES]),
    filterable.Filter("urgency", "Urgency", "any urgency", [urgency.value for urgency in Urgency]),
)
SORTS = (
    filterable.Sort("newest", "newest handoff first", ("-trigger", "name")),
    filterable.Sort("stage", "stage, in order", ("stage", "due", "name")),
    filterable.Sort("due", "next due date", ("due", "name")),
    filterable.Sort("name", "name", ("name",)),
)


def all_clients_data(views: Sequence[ClientView]) -> str:
    """Every client's All clients row as JSON (handoff_lint.site.filterable), newest trigger first:
    what the site's script filters and sorts."""
    rows = []
    for view in order(views):
        name = [filterable.link(view.name, view.src_uri)]
        if view.errors:
            name.append(filterable.strong(" (incomplete)"))
        cells = [name, status_parts(view.clock), [_person(view.account_manager, "am")],
                 [_person(view.ae, "ae")], [filterable.text(_date(view.first_cohort_start))],
                 [filterable.text(str(view.risk_count("High")))]]
        rows.append(filterable.Row(
            cells,
            {"am": view.account_manager, "ae": view.ae, "stage": view.clock.stage.value,
             "urgency": view.clock.urgency.value},
            {"trigger": view.trigger.isoformat() if view.trigger else "", "name": view.name,
             "stage": STAGES.index(view.clock.stage),
             "due": view.clock.due.isoformat() if view.clock.due else ""}))
    return filterable.data(filterable.Noun("client", "clients"), FILTERS, SORTS, rows)
