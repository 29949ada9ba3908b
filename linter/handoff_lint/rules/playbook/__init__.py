"""The playbook's rules that a schema cannot say: the trigger, working-day deadlines, money that adds
up, sponsors' notes, honest risks, explicit commitments, cohorts, and a doc free of placeholders and
active content.

Each rule is a pure function of a Context (the parsed doc, its source map, the settings) returning
diagnostics. Their codes (HO601 to HO622) are documented in the rule registry, handoff_lint.codes.
"""

from __future__ import annotations

from collections.abc import Callable

from handoff_lint.codes import PLAYBOOK_RULES
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.rules.playbook import (
    cohorts,
    commitments,
    facts,
    hygiene,
    risks,
    trigger,
)
from handoff_lint.rules.playbook import (
    event_order as dates,
)
from handoff_lint.rules.playbook import (
    recorded_later as lifecycle,
)
from handoff_lint.rules.playbook import (
    sponsor_notes as people,
)
from handoff_lint.rules.playbook import (
    sums as money,
)
from handoff_lint.rules.playbook import (
    trigger_deadlines as deadlines,
)
from handoff_lint.rules.playbook.context import Context

Check = Callable[[Context], list[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    trigger.doc_after_trigger,           # HO601
    deadlines.am_assigned_in_time,       # HO602
    deadlines.handoff_call_in_time,      # HO603
    dates.in_order,                      # HO604
    money.fee_breakdown_adds_up,         # HO605
    money.milestones_add_up,             # HO606
    money.deposit_comes_first,           # HO607
    money.discount_signed_off,           # HO608
    money.bespoke_signed_off,            # HO609
    people.sponsor_notes,                # HO610
    risks.risks_surfaced,                # HO611
    risks.mitigations_suggested,         # HO612
    commitments.none_or_entries,         # HO613
    cohorts.start_after_sow,             # HO614
    cohorts.summer_is_a_risk,            # HO615
    hygiene.no_placeholders,             # HO616
    hygiene.no_active_content,           # HO617, HO618
    lifecycle.records_in_order,          # HO604
    lifecycle.nothing_done_after_today,  # HO619
    lifecycle.attendees_are_the_owners,  # HO620
    lifecycle.onboarding_not_compressed, # HO621
    facts.facts_recorded,                # HO622
)

__all__ = ["CHECKS", "PLAYBOOK_RULES", "Context", "run"]


def run(context: Context) -> list[Diagnostic]:
    """Every playbook rule's findings for one parsed doc."""
    found: list[Diagnostic] = []
    for check in CHECKS:
        found += check(context)
    return found
