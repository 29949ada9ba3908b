"""Where the rest of the handoff is recorded in a doc's instance, and the onboarding clock's length.

The linter's rules and the site's lifecycle both read these; this module stays tiny so that a lint
run, which only needs the names, does not pay for the lifecycle's types.
"""

from __future__ import annotations

import datetime as dt

FRONT_MATTER = "front_matter"
CALL_RECORD = "handoff_call_record"
MILESTONES = "delivery_milestones"
# Where each fact recorded after the handoff is written: its (section, key) in the doc's instance.
# `handoff record` writes there, HO622 points there, and the site's queues link there.
RECORDED_AT = {
    "am-assigned": (FRONT_MATTER, "am_assigned"),
    "call-held": (CALL_RECORD, "held_on"),
    "intro-sent": (CALL_RECORD, "intro_email_sent"),
    "ae-off": (CALL_RECORD, "ae_off_account"),
    "week0": (MILESTONES, "first_cohort_started"),
    "week2": (MILESTONES, "week_2_workshop"),
    "week12": (MILESTONES, "week_12_board_report"),
}
# The playbook's onboarding clock: a signed SoW starts it at Week -4, the first cohort is Week 0.
ONBOARDING_WEEKS = 4
ONBOARDING = dt.timedelta(weeks=ONBOARDING_WEEKS)
