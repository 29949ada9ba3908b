"""The playbook's handoff trigger and the two working-day deadlines counted from it.

The handoff begins the moment all three trigger conditions are true, so the trigger's date is the
latest of the three. The Delivery Lead assigns an Account Manager within 2 working days of it and the
handoff call is held within 5, skipping weekends and the bank holidays of the client's region. The
linter's rules (HO601 to HO603) and the site's dashboard and cards both read these from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from handoff_lint.domain.dates import parse_date
from handoff_lint.domain.workdays import REGIONS, add_weekdays, add_working_days

AM_ASSIGNED_WITHIN = 2
HANDOFF_CALL_WITHIN = 5
# The three trigger conditions: front matter key under `trigger`, in the playbook's words.
TRIGGER_CONDITIONS = {
    "sow_signed": "SoW signed by both parties",
    "deposit_invoice_issued": "40% deposit invoice issued",
    "crm_closed_won": "Closed Won in CRM",
}


class Trigger(NamedTuple):
    date: dt.date
    condition: str  # the key of the condition that became true last


def date_of(value: object) -> dt.date | None:
    """A front matter value as a date, when it is a real one written YYYY-MM-DD."""
    return parse_date(value) if isinstance(value, str) else None


def trigger(front_matter: Mapping[str, object]) -> Trigger | None:
    """The trigger's date and the condition that set it; None unless all three are real dates (the
    schema reports any that is not)."""
    conditions = front_matter.get("trigger")
    if not isinstance(conditions, dict):
        return None
    known = [Trigger(day, key) for key in TRIGGER_CONDITIONS
             if (day := date_of(conditions.get(key))) is not None]
    return max(known, key=lambda t: t.date) if len(known) == len(TRIGGER_CONDITIONS) else None


def region_of(front_matter: Mapping[str, object], default: str) -> str:
    """The doc's own `region` when it names a known calendar, else the repository's setting."""
    region = front_matter.get("region")
    return region if isinstance(region, str) and region in REGIONS else default


def missed(start: dt.date, done: dt.date, within: int, region: str) -> dt.date | None:
    """The deadline `done` missed, `within` working days after `start`; None when it was met."""
    if done <= add_weekdays(start, within):
        # Met even if no weekday were a bank holiday. Most docs stop here and never load the
        # holiday calendars, which would slow every commit's lint run.
        return None
    due = add_working_days(start, within, region)
    return due if done > due else None


class State(str, Enum):
    ON_TIME = "on time"
    LATE = "late"
    DUE = "due"          # not done yet, and the deadline has not passed
    UNKNOWN = "unknown"  # no trigger date, so there is no deadline to measure against


@dataclass(frozen=True)
class Deadline:
    state: State
    done: dt.date | None = None  # the recorded day, never after today
    due: dt.date | None = None
    planned: dt.date | None = None  # a day the doc plans it for, while nothing is recorded


def deadline(start: dt.date | None, done: dt.date | None, within: int, region: str,
             today: dt.date, planned: dt.date | None = None) -> Deadline:
    """Whether `done` fell within `within` working days of `start` (the trigger), seen from `today`.
    A `done` after today is not a record but a plan, and is reported as one."""
    if done is not None and done > today:
        done, planned = None, done
    if start is None:
        return Deadline(State.UNKNOWN, done, None, planned if done is None else None)
    due = add_working_days(start, within, region)
    if done is None:
        return Deadline(State.LATE if today > due else State.DUE, None, due, planned)
    return Deadline(State.ON_TIME if done <= due else State.LATE, done, due)
