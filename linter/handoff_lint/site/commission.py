"""The AE commission view: per AE, each deal's three tranches (50% SoW signed, 30% Week 2 workshop
delivered, 20% Week 12 board report delivered) as earned, due on a date, or overdue. No amounts: the
playbook names none, only the events that earn each share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from handoff_lint.domain.lifecycle import Tranche, TrancheState, day_text
from handoff_lint.site import paging, uris
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import link, text
from handoff_lint.site.names import by_person
from handoff_lint.site.registers import group_uris
from handoff_lint.site.stages import CHIP_CLASS, marks


def tranche_text(tranche: Tranche, today: dt.date) -> str:
    """'30% Week 2 workshop delivered: **due** Mon 25 Jan 2027', with a chip that reads without colour."""
    state = tranche.state
    modifier = state.name.lower().replace("_", "-")
    chip = f"**{state.value}**{{ {marks(CHIP_CLASS, f'{CHIP_CLASS}-tranche-{modifier}')} }}"
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


INTRO = (
    "The playbook pays an AE's commission 50% on the signed SoW, 30% on the Week 2 workshop delivered "
    "(the cohort actually started) and 20% on the Week 12 board report delivered. Each deal's tranches "
    "are **earned** (the doc records the event), **due** on a date, or **overdue** (the date has passed "
    "and the doc does not record the event yet). No amounts are shown.\n"
)


def ae_page(ae: str) -> str:
    """The first page of an AE's deals (the path depends on the name alone: registers.group_uris)."""
    return group_uris(uris.COMMISSION.removesuffix(".md"), [ae])[ae]


def pages(views: Sequence[ClientView], today: dt.date) -> dict[str, str]:
    """The landing page naming every AE, then each AE's deals on pages of bounded size."""
    by_ae = by_person(views, lambda view: " ".join(view.ae.split()) or "AE not named")
    targets = group_uris(uris.COMMISSION.removesuffix(".md"), list(by_ae))
    names = sorted(by_ae, key=str.casefold)
    listed = "\n".join(f"- {link(text(ae), uris.COMMISSION, targets[ae])} ({len(by_ae[ae])} deals)"
                       for ae in names)
    found = {uris.COMMISSION: "\n".join(["# AE commission\n", INTRO, listed + "\n" if names else
                                         "No handoff docs yet.\n"])}
    for ae in names:
        deals = sorted(by_ae[ae], key=lambda v: v.name.casefold())

        def render(uri: str, part: Sequence[ClientView], pager: str, ae: str = ae,
                   total: int = len(deals)) -> str:
            head = f"# AE commission: {text(ae)} {{ #{trusted_id(uris.anchor('commission', ae))} }}\n"
            body = "\n".join(deal(v, uri, today) for v in part) + "\n"
            back = f"{link('All AEs', uri, uris.COMMISSION)} · {total} deals\n"
            return "\n".join(p for p in (head, back, pager, body, pager) if p)
        found.update(paging.paged(targets[ae], deals, render))
    return found
