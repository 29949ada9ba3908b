"""HO601: the doc is written after the handoff trigger, the moment all three conditions are true."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import TRIGGER_CONDITIONS, Trigger, trigger
from handoff_lint.rules.playbook.context import Context


def describe(start: Trigger) -> str:
    return (f"the handoff trigger ({start.date.isoformat()}, when '{TRIGGER_CONDITIONS[start.condition]}' "
            f"became true)")


def doc_after_trigger(context: Context) -> Iterator[Diagnostic]:
    """HO601: the doc is not dated before the last trigger condition."""
    start = trigger(context.front_matter)
    doc_date = context.date("/front_matter/doc_date")
    if start is None or doc_date is None or doc_date >= start.date:
        return
    yield context.finding(
        "HO601", context.where("/front_matter/doc_date"),
        f"doc_date {doc_date.isoformat()} is before {describe(start)}: the handoff begins only when "
        f"all three trigger conditions are true",
        f"Date the doc {start.date.isoformat()} or later (and rename the file to match), or correct "
        f"trigger.{start.condition} if that date is wrong.",
    )
