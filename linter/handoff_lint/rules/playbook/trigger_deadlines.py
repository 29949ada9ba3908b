"""HO602 and HO603: the two working-day deadlines counted from the handoff trigger, in the client's
region (see handoff_lint.domain.deadlines)."""

from __future__ import annotations

from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, missed, trigger
from handoff_lint.domain.workdays import holidays_between, region_name, working_days_between
from handoff_lint.rules.playbook.context import Context
from handoff_lint.rules.playbook.trigger import describe


def _late(context: Context, code: str, pointer: str, what: str, within: int,
          hint: str) -> Iterator[Diagnostic]:
    start = trigger(context.front_matter)
    done = context.date(pointer)
    if start is None or done is None or done < start.date:
        return  # an event before the trigger is a wrong date (HO604), not a late one
    region = context.region
    due = missed(start.date, done, within, region)
    if due is None:
        return
    taken = working_days_between(start.date, done, region)
    skipped = ", ".join(f"{name} {day:%Y-%m-%d}" for day, name in holidays_between(start.date, due, region))
    holidays = f"; bank holidays in {region_name(region)} skipped: {skipped}" if skipped else ""
    yield context.finding(
        code, context.where(pointer),
        f"{what} {done.isoformat()} ({done:%A}) is {taken} working days after {describe(start)}: "
        f"the deadline was {due.isoformat()} ({due:%A}), {within} working days{holidays}",
        hint,
    )


def am_assigned_in_time(context: Context) -> Iterator[Diagnostic]:
    """HO602: the Account Manager is assigned within 2 working days of the trigger."""
    yield from _late(context, "HO602", "/front_matter/am_assigned", "am_assigned", AM_ASSIGNED_WITHIN,
                     f"The Delivery Lead assigns an Account Manager within {AM_ASSIGNED_WITHIN} working days "
                     "of the trigger; record the real date and flag the delay to the Delivery Lead.")


def handoff_call_in_time(context: Context) -> Iterator[Diagnostic]:
    """HO603: the handoff call is within 5 working days of the trigger: the day the record says it
    was held, else the day the front matter plans it for."""
    held = "/handoff_call_record/held_on"
    planned = "/front_matter/handoff_call"
    pointer, name = (held, "held_on") if context.date(held) else (planned, "handoff_call")
    yield from _late(context, "HO603", pointer, name, HANDOFF_CALL_WITHIN,
                     f"Hold the handoff call within {HANDOFF_CALL_WITHIN} working days of the trigger; a "
                     "late call starts the onboarding clock late and compresses the quality gates.")
