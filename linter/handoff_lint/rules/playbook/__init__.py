"""The playbook's rules that a schema cannot say: the trigger, working-day deadlines, money that adds
up, sponsors' notes, honest risks, explicit commitments, cohorts, and a doc free of placeholders and
active content.

Each rule is a pure function of a Context (the parsed doc, its source map, the settings) yielding
its findings. Their codes (HO601 to HO622) are documented in the rule registry, handoff_lint.codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from handoff_lint.codes import PLAYBOOK_RULES
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.rules.playbook import (
    cohorts,
    commitments,
    event_order,
    facts,
    hygiene,
    recorded_later,
    risks,
    sponsor_notes,
    sums,
    trigger,
    trigger_deadlines,
)
from handoff_lint.rules.playbook.context import Context

Check = Callable[[Context], Iterator[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    trigger.doc_after_trigger,                   # HO601
    trigger_deadlines.am_assigned_in_time,       # HO602
    trigger_deadlines.handoff_call_in_time,      # HO603
    event_order.in_order,                        # HO604
    sums.fee_breakdown_adds_up,                  # HO605
    sums.milestones_add_up,                      # HO606
    sums.deposit_comes_first,                    # HO607
    sums.discount_signed_off,                    # HO608
    sums.bespoke_signed_off,                     # HO609
    sponsor_notes.sponsor_notes,                 # HO610
    risks.risks_surfaced,                        # HO611
    risks.mitigations_suggested,                 # HO612
    commitments.none_or_entries,                 # HO613
    cohorts.start_after_sow,                     # HO614
    cohorts.summer_is_a_risk,                    # HO615
    hygiene.no_placeholders,                     # HO616
    hygiene.no_active_content,                   # HO617, HO618
    recorded_later.records_in_order,             # HO604
    recorded_later.nothing_done_after_today,     # HO619
    recorded_later.attendees_are_the_owners,     # HO620
    recorded_later.onboarding_not_compressed,    # HO621
    facts.facts_recorded,                        # HO622
)

__all__ = ["CHECKS", "PLAYBOOK_RULES", "Context", "run"]


def run(context: Context) -> list[Diagnostic]:
    """Every playbook rule's findings for one parsed doc."""
    return [finding for check in CHECKS for finding in check(context)]
