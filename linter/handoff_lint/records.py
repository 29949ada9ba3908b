"""Where the rest of the handoff is recorded in a doc's instance, and the onboarding clock's length.

The linter's rules and the site's lifecycle both read these; this module stays tiny so that a lint
run, which only needs the names, does not pay for the lifecycle's types.
"""

from __future__ import annotations

import datetime as dt

CALL_RECORD = "handoff_call_record"
MILESTONES = "delivery_milestones"
# The playbook's onboarding clock: a signed SoW starts it at Week -4, the first cohort is Week 0.
ONBOARDING_WEEKS = 4
ONBOARDING = dt.timedelta(weeks=ONBOARDING_WEEKS)
