"""The AE commission view: per AE, each deal's three tranches (50% SoW signed, 30% Week 2 workshop
delivered, 20% Week 12 board report delivered) as earned, due on a date, or overdue. No amounts: the
playbook names none, only the events that earn each share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.lifecycle import Tranche, TrancheState, day_text
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import link, text
from handoff_lint.site.stages import CHIP_CLASS


def tranche_text(tranche: Tranche, today: dt.date) -> str:
    """'30% Week 2 workshop delivered: **due** Mon 25 Jan 2027', with a chip that reads without colour."""
    state = tranche.state
    modifier = state.name.lower().replace("_", "-")
    chip = f"**{state.value}**{{ .{CHIP_CLASS} .{CHIP_CLASS}-tranche-{modifier} }}"
    when = ""
    if tranche.date is not None:
        when = f" {day_text(tranche.date, today)}" if state is TrancheState.EARNED else \
            f" on {day_text(tranche.date, today)}"
    elif state is TrancheState.NOT_DATED:
        when = " (no cohort start date yet)"
    return f"{tranche.share}% {tranche.event}: {chip}{when}"


def deal(view: ClientView, page: str, today: dt.date) -> str:
    tranches = "\n".join(f"    - {tranche_text(t, today)}" for t in view.tranches)
    return f"- {link(text(view.name), page, view.src_uri)}\n{tranches}"


def page(views: Sequence[ClientView], today: dt.date) -> str:
    by_ae: dict[str, list[ClientView]] = {}
    for view in views:
        by_ae.setdefault(view.ae or "AE not named", []).append(view)
    parts = [
        "# AE commission\n",
        "The playbook pays an AE's commission 50% on the signed SoW, 30% on the Week 2 workshop "
        "delivered (the cohort actually started) and 20% on the Week 12 board report delivered. Each "
        "deal's tranches are **earned** (the doc records the event), **due** on a date, or **overdue** "
        "(the date has passed and the doc does not record the event yet). No amounts are shown.\n",
    ]
    for ae in sorted(by_ae, key=str.casefold):
        deals = sorted(by_ae[ae], key=lambda v: v.name.casefold())
        parts.append(f"## {text(ae)} {{ #{uris.anchor('commission', ae)} }}\n")
        parts.append("\n".join(deal(v, uris.COMMISSION, today) for v in deals) + "\n")
    if not by_ae:
        parts.append("No handoff docs yet.\n")
    return "\n".join(parts)
