"""The home page (counts and what needs attention) and the paged list of all clients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, State
from handoff_lint.site import paging, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.deadlines import short
from handoff_lint.site.mdtext import indent, link, table, text

COLUMNS = (
    "Client", "Sector", "AE", "AM", "Trigger", "AM assigned", "Handoff call", "First cohort",
    "Total fee", "High risks", "Side commitments",
)


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def order(views: Sequence[ClientView]) -> list[ClientView]:
    """Newest trigger first (docs without one last), then by name."""
    return sorted(views, key=lambda v: (v.trigger is None, -(v.trigger.toordinal() if v.trigger else 0),
                                        v.name.casefold()))


def attention(view: ClientView) -> list[str]:
    """Why a client needs the Delivery Lead's eye; empty when nothing does."""
    reasons = []
    if view.errors:
        reasons.append(f"handoff doc incomplete ({_plural(len(view.errors), 'error')})")
    if view.am_assigned.state is State.LATE:
        reasons.append(f"AM assignment late (due {_date(view.am_assigned.due)})")
    if view.handoff_call.state is State.LATE:
        reasons.append(f"handoff call late (due {_date(view.handoff_call.due)})")
    high = view.risk_count("High")
    if high:
        reasons.append(f"{_plural(high, 'High risk')}")
    return reasons


def _owner_link(name: str, page: str, owners: dict[str, str]) -> str:
    """A link to the name's list of clients (by AM or by sector): the dashboard's filter."""
    if not name or name not in owners:
        return "—"
    return link(text(name), page, owners[name])


def _row(view: ClientView, page: str, ams: dict[str, str], sectors: dict[str, str]) -> list[str]:
    name = link(text(view.name), page, view.src_uri)
    if view.errors:
        name += " **(incomplete)**"
    return [
        name, _owner_link(view.sector, page, sectors), text(view.ae) or "—",
        _owner_link(view.account_manager, page, ams), _date(view.trigger),
        short(view.am_assigned), short(view.handoff_call), _date(view.first_cohort_start),
        text(view.total_fee) or "—", str(view.risk_count("High")), str(len(view.side_commitments)),
    ]


# The dashboard names at most this many clients needing attention; the rest are a link away.
ATTENTION_SHOWN = 20


def _attention_items(flagged: Sequence[tuple[ClientView, list[str]]], page: str) -> str:
    return "\n".join(f"- {link(text(v.name), page, v.src_uri)}: {'; '.join(reasons)}"
                      for v, reasons in flagged)


def flagged(views: Sequence[ClientView]) -> list[tuple[ClientView, list[str]]]:
    """Clients that need attention, newest trigger first, with why."""
    return [(v, reasons) for v in order(views) if (reasons := attention(v))]


def dashboard(views: Sequence[ClientView], site_name: str = "Client handoffs") -> str:
    """Counts and what needs attention; the full list is on the All clients pages (bounded size)."""
    late = sum(v.late for v in views)
    incomplete = sum(not v.complete for v in views)
    high = sum(v.risk_count("High") for v in views)
    page = uris.DASHBOARD
    parts = [
        f"# {text(site_name)}\n",
        f"{_plural(len(views), 'client')} · {late} with a missed deadline · {incomplete} incomplete · "
        f"{_plural(high, 'High risk')}. The AM is assigned within {AM_ASSIGNED_WITHIN} working days of the "
        "handoff trigger (the latest of SoW signed, deposit invoice issued and CRM Closed Won) and the "
        f"handoff call is held within {HANDOFF_CALL_WITHIN}, skipping weekends and the client's bank "
        "holidays.\n",
    ]
    needing = flagged(views)
    if needing:
        items = _attention_items(needing[:ATTENTION_SHOWN], page)
        if len(needing) > ATTENTION_SHOWN:
            items += (f"\n\n{link(f'All {len(needing)} clients that need attention', page, uris.ATTENTION)}")
        parts.append(f'!!! warning "Needs attention ({len(needing)})"\n\n{indent(items)}\n')
    if views:
        parts.append(
            f"Every client, newest handoff first: {link('All clients', page, uris.ALL_CLIENTS)}. "
            f"By name: {link('Clients A–Z', page, uris.CLIENT_INDEX)}. By owner: "
            f"{link('clients by AM', page, uris.BY_AM)}, {link('clients by sector', page, uris.BY_SECTOR)}.\n"
        )
    else:
        parts.append("No handoff docs yet: `handoff new <slug>` writes the first one.\n")
    return "\n".join(parts)


def attention_pages(views: Sequence[ClientView]) -> dict[str, str]:
    """Every client that needs attention, in pages of bounded size."""
    needing = flagged(views)

    def render(uri: str, part: Sequence[tuple[ClientView, list[str]]], pager: str) -> str:
        body = _attention_items(part, uri) + "\n" if part else "Nothing needs attention.\n"
        intro = f"{_plural(len(needing), 'client')}, newest handoff trigger first.\n"
        return "\n".join(p for p in ("# Needs attention\n", intro, pager, body, pager) if p)
    return paging.paged(uris.ATTENTION, needing, render)


def all_clients(views: Sequence[ClientView], ams: dict[str, str], sectors: dict[str, str]) -> dict[str, str]:
    """One row per client, newest trigger first, in pages of bounded size; ams and sectors map a
    name to its page of clients."""
    ordered = order(views)

    def render(uri: str, part: Sequence[ClientView], pager: str) -> str:
        intro = (f"{_plural(len(views), 'client')}, newest handoff trigger first. Click a column header "
                 "to sort this page by it; follow an AM or a sector for that owner's clients.\n")
        body = table(COLUMNS, (_row(v, uri, ams, sectors) for v in part)) if part else \
            "No handoff docs yet: `handoff new <slug>` writes the first one.\n"
        return "\n".join(p for p in ("# All clients\n", intro, pager, body, pager) if p)
    return paging.paged(uris.ALL_CLIENTS, ordered, render)
