"""Registers across clients: risks by likelihood, commitments, upcoming dates, clients by owner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.site import uris
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.clients import LIKELIHOODS, ClientView
from handoff_lint.site.mdtext import inline, link, table, text


def _client(view: ClientView, page: str) -> str:
    return link(text(view.name), page, view.src_uri)


def _by_name(views: Sequence[ClientView]) -> list[ClientView]:
    return sorted(views, key=lambda v: v.name.casefold())


def risks(views: Sequence[ClientView]) -> str:
    """Every Section F risk, grouped High, Med, Low (then anything not yet a valid likelihood)."""
    rows = [(v, r) for v in _by_name(views) for r in v.risks]
    parts = [
        "# Risks across clients\n",
        f"Every risk flagged in Section F of every handoff: {len(rows)} across "
        f"{len({v.src_uri for v, _ in rows})} clients, grouped by likelihood.\n",
    ]
    others = sorted({r.likelihood for _, r in rows} - set(LIKELIHOODS))
    for likelihood in (*LIKELIHOODS, *others):
        group = [(v, r) for v, r in rows if r.likelihood == likelihood]
        title = likelihood if likelihood in LIKELIHOODS else f"Likelihood '{likelihood or 'not given'}'"
        parts.append(f"## {text(title)} ({len(group)})\n")
        if group:
            parts.append(table(
                ("Client", "Risk", "Mitigation suggested", "AM"),
                ([_client(v, uris.RISKS), inline(r.risk), inline(r.mitigation), text(v.account_manager)]
                 for v, r in group),
            ))
        else:
            parts.append(f"No {text(likelihood)} risks.\n")
    return "\n".join(parts)


def commitments(views: Sequence[ClientView]) -> str:
    """Every promise the AE made (Section G) and every side commitment (Section E), with its client."""
    promised = [(v, c) for v in _by_name(views) for c in v.commitments]
    side = [(v, c) for v in _by_name(views) for c in v.side_commitments]
    parts = [
        "# Commitments across clients\n",
        "If it is not written here, Delivery does not know about it. Each row links to the client's "
        "handoff.\n",
        f"## AE commitments (Section G) ({len(promised)})\n",
        table(("Client", "Commitment", "AM"),
              ([_client(v, uris.COMMITMENTS), inline(c), text(v.account_manager)] for v, c in promised))
        if promised else "No commitments recorded.\n",
        f"## Side commitments (Section E) ({len(side)})\n",
        table(("Client", "Side commitment", "AM"),
              ([_client(v, uris.COMMITMENTS), inline(c), text(v.account_manager)] for v, c in side))
        if side else "No side commitments recorded.\n",
    ]
    return "\n".join(parts)


def upcoming(views: Sequence[ClientView], today: dt.date) -> str:
    """Cohort starts and handoff calls on or after `today`, soonest first."""
    events: list[tuple[dt.date, str, ClientView]] = []
    for view in views:
        if view.handoff_call_date and view.handoff_call_date >= today:
            events.append((view.handoff_call_date, "Handoff call", view))
        for cohort in view.cohorts:
            if cohort.start and cohort.start >= today:
                size = f", {cohort.size} people" if cohort.size else ""
                events.append((cohort.start, f"Cohort {cohort.name} starts{size}", view))
    events.sort(key=lambda e: (e[0], e[2].name.casefold(), e[1]))
    parts = [
        "# Upcoming dates\n",
        f"Cohort starts and handoff calls from {today.isoformat()} on, soonest first.\n",
    ]
    if events:
        parts.append(table(
            ("Date", "What", "Client", "AM"),
            ([day.isoformat(), text(what), _client(v, uris.UPCOMING), text(v.account_manager)]
             for day, what, v in events),
        ))
    else:
        parts.append("Nothing scheduled.\n")
    return "\n".join(parts)


def by_owner(views: Sequence[ClientView]) -> str:
    """Clients grouped by Account Manager and by sector; the dashboard links to these headings."""
    parts = [
        "# Clients by AM and sector\n",
        "Each Account Manager's clients, then each sector's.\n",
    ]
    for title, prefix, attribute in (
        ("By Account Manager", "am", "account_manager"), ("By sector", "sector", "sector"),
    ):
        parts.append(f"## {title}\n")
        groups: dict[str, list[ClientView]] = {}
        for view in _by_name(views):
            groups.setdefault(getattr(view, attribute) or "Not given", []).append(view)
        for name in sorted(groups, key=str.casefold):
            parts.append(f"### {text(name)} {{ #{trusted_id(uris.anchor(prefix, name))} }}\n")
            parts.append("\n".join(f"- {_client(v, uris.BY_OWNER)}" for v in groups[name]) + "\n")
    return "\n".join(parts)
