"""The playbook's order of events: trigger conditions, then the Account Manager, then the call."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import trigger
from handoff_lint.rules.playbook.context import Context
from handoff_lint.rules.playbook.trigger import describe

AM_ASSIGNED = "/front_matter/am_assigned"
HANDOFF_CALL = "/front_matter/handoff_call"


def in_order(context: Context) -> Iterator[Diagnostic]:
    """HO604: am_assigned is not before the trigger; handoff_call is not before am_assigned."""
    start = trigger(context.front_matter)
    assigned = context.date(AM_ASSIGNED)
    call = context.date(HANDOFF_CALL)
    if start is not None and assigned is not None and assigned < start.date:
        yield context.finding(
            "HO604", context.where(AM_ASSIGNED),
            f"am_assigned {assigned.isoformat()} is before {describe(start)}: the Delivery Lead "
            f"assigns the Account Manager after the trigger",
            "Correct am_assigned, or the trigger date that is wrong.",
        )
    if call is not None and assigned is not None and call < assigned:
        yield context.finding(
            "HO604", context.where(HANDOFF_CALL),
            f"handoff_call {call.isoformat()} is before am_assigned {assigned.isoformat()}: the "
            f"assigned Account Manager attends the handoff call",
            "Correct handoff_call or am_assigned so the call comes on or after the assignment.",
        )
    elif call is not None and start is not None and call < start.date:
        yield context.finding(
            "HO604", context.where(HANDOFF_CALL),
            f"handoff_call {call.isoformat()} is before {describe(start)}",
            "Correct handoff_call, or the trigger date that is wrong.",
        )
