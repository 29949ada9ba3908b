"""The home page: one row per client, with what is late or risky visible at a glance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, State
from handoff_lint.site import uris
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


def _owner_link(name: str, prefix: str) -> str:
    """A link to the name's list of clients on the 'by AM and sector' page: the dashboard's filter."""
    if not name:
        return "—"
    return link(text(name), uris.DASHBOARD, uris.BY_OWNER, uris.anchor(prefix, name))


def _row(view: ClientView) -> list[str]:
    name = link(text(view.name), uris.DASHBOARD, view.src_uri)
    if view.errors:
        name += " **(incomplete)**"
    am = _owner_link(view.account_manager, "am")
    sector = _owner_link(view.sector, "sector")
    return [
        name, sector, text(view.ae) or "—", am, _date(view.trigger),
        short(view.am_assigned), short(view.handoff_call), _date(view.first_cohort_start),
        text(view.total_fee) or "—", str(view.risk_count("High")), str(len(view.side_commitments)),
    ]


def dashboard(views: Sequence[ClientView], site_name: str = "Client handoffs") -> str:
    ordered = order(views)
    late = sum(v.late for v in views)
    incomplete = sum(not v.complete for v in views)
    high = sum(v.risk_count("High") for v in views)
    parts = [
        f"# {text(site_name)}\n",
        f"{_plural(len(views), 'client')} · {late} with a missed deadline · {incomplete} incomplete · "
        f"{_plural(high, 'High risk')}. The AM is assigned within {AM_ASSIGNED_WITHIN} working days of the "
        "handoff trigger (the latest of SoW signed, deposit invoice issued and CRM Closed Won) and the "
        f"handoff call is held within {HANDOFF_CALL_WITHIN}, skipping weekends and the client's bank "
        "holidays.\n",
    ]
    flagged = [(v, attention(v)) for v in ordered if attention(v)]
    if flagged:
        items = "\n".join(
            f"- {link(text(v.name), uris.DASHBOARD, v.src_uri)}: {'; '.join(reasons)}"
            for v, reasons in flagged
        )
        parts.append(f'!!! warning "Needs attention"\n\n{indent(items)}\n')
    if ordered:
        parts.append(table(COLUMNS, (_row(v) for v in ordered)))
    else:
        parts.append("No handoff docs yet: `handoff new <slug>` writes the first one.\n")
    parts.append(
        "Click a column header to sort by it. To see one Account Manager's or one sector's clients, "
        f"follow a name in the AM or Sector column, or open "
        f"{link('Clients by AM and sector', uris.DASHBOARD, uris.BY_OWNER)}.\n"
    )
    return "\n".join(parts)
