"""Where a handoff is up to, seen from a given day: its stage, the clock that matters now, the AE's
commission tranches and the dated milestones of its timeline.

The playbook does not end when the doc is merged: the Account Manager is assigned within 2 working
days of the trigger, the handoff call is held within 5, the 4-week onboarding clock runs to Week 0
(the first cohort's start), the Week 2 workshop and the Week 12 board report follow.

Planned and recorded dates are different things. The front matter's `handoff_call` and the cohort
table are plans; the handoff call record, the delivery milestones and `am_assigned` (with the
Account Manager named) are records, and a record dated after `today` is still only a plan. Stages
and clocks move on recorded facts only: a planned date that has passed with nothing recorded is
overdue, never done. Everything here is a pure function of the doc's instance and `today`; the
site, the queues and the linter's rules all read it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN, date_of, region_of, trigger
from handoff_lint.domain.records import CALL_RECORD, MILESTONES, ONBOARDING
from handoff_lint.domain.workdays import add_working_days, working_days_between

WEEK_2 = dt.timedelta(weeks=2)
WEEK_12 = dt.timedelta(weeks=12)
# "Needs action" holds a clock that is due within this many working days.
DUE_SOON_WORKING_DAYS = 2


def _dict(value: object) -> Mapping[str, object]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Invoice:
    milestone: str
    percent: str
    date: dt.date


@dataclass(frozen=True)
class Records:
    """The dates a doc gives, as written: planned ones (the front matter's call, the cohort table,
    invoices) and recorded ones (the handoff call record and delivery milestones)."""

    region: str = "england-and-wales"
    trigger: dt.date | None = None
    am_named: bool = True  # the front matter names the Account Manager
    sow_signed: dt.date | None = None
    am_assigned: dt.date | None = None
    call_planned: dt.date | None = None
    call_held: dt.date | None = None
    intro_email_sent: dt.date | None = None
    ae_off_account: dt.date | None = None
    cohort_starts: tuple[tuple[str, dt.date], ...] = ()
    first_cohort_started: dt.date | None = None
    week_2_workshop: dt.date | None = None
    week_12_board_report: dt.date | None = None
    invoices: tuple[Invoice, ...] = field(default_factory=tuple)

    @property
    def planned_first_start(self) -> dt.date | None:
        return min((start for _, start in self.cohort_starts), default=None)

    @property
    def first_start(self) -> dt.date | None:
        """Week 0: the recorded start of the first cohort, else the earliest agreed start date."""
        return self.first_cohort_started or self.planned_first_start

    @property
    def call(self) -> dt.date | None:
        """The handoff call: the day it was recorded as held, else the day the front matter gives."""
        return self.call_held or self.call_planned


def _named(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def records(instance: Mapping[str, object], default_region: str) -> Records:
    """A doc's dates, from its checked instance; a value that is not a real date is left out."""
    front = _dict(instance.get("front_matter"))
    call = _dict(instance.get(CALL_RECORD))
    milestones = _dict(instance.get(MILESTONES))
    delivery = _dict(instance.get("delivery"))
    commercials = _dict(instance.get("commercials"))
    start = trigger(front)
    cohorts = delivery.get("cohorts")
    starts = tuple(
        (str(row.get("cohort", "")).strip(), day)
        for row in (cohorts if isinstance(cohorts, list) else [])
        if isinstance(row, dict) and (day := date_of(row.get("start_date"))) is not None
    )
    payments = commercials.get("payment_milestones")
    invoices = tuple(
        Invoice(str(row.get("milestone", "")).strip(), str(row.get("percent", "")).strip(), day)
        for row in (payments if isinstance(payments, list) else [])
        if isinstance(row, dict) and (day := date_of(row.get("invoice_date"))) is not None
    )
    return Records(
        region=region_of(front, default_region),
        trigger=start.date if start else None,
        am_named=_named(front.get("account_manager")),
        sow_signed=date_of(_dict(front.get("trigger")).get("sow_signed")),
        am_assigned=date_of(front.get("am_assigned")),
        call_planned=date_of(front.get("handoff_call")),
        call_held=date_of(call.get("held_on")),
        intro_email_sent=date_of(call.get("intro_email_sent")),
        ae_off_account=date_of(call.get("ae_off_account")),
        cohort_starts=starts,
        first_cohort_started=date_of(milestones.get("first_cohort_started")),
        week_2_workshop=date_of(milestones.get("week_2_workshop")),
        week_12_board_report=date_of(milestones.get("week_12_board_report")),
        invoices=invoices,
    )


def done(day: dt.date | None, today: dt.date) -> bool:
    """A date records something done only once it is reached; after today it is a plan."""
    return day is not None and day <= today


def am_recorded(recorded: Records, today: dt.date) -> bool:
    """The Delivery Lead has recorded the assignment: a named Account Manager and a day not after today."""
    return recorded.am_named and done(recorded.am_assigned, today)


def day_text(day: dt.date, today: dt.date | None = None) -> str:
    """'Thu 3 Dec', with the year when it is not today's year."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if today is not None and day.year == today.year else f"{text} {day.year}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class Stage(str, Enum):
    """Where a handoff is up to, in the playbook's order."""

    DATES_MISSING = "Dates missing"
    AM_TO_BE_ASSIGNED = "AM to be assigned"
    HANDOFF_CALL = "Handoff call"
    ONBOARDING = "Onboarding"
    DELIVERY = "In delivery"
    COMPLETE = "Complete"


STAGES = tuple(Stage)


class Urgency(str, Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    ON_TRACK = "on track"
    DONE = "done"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Clock:
    """A client's stage and what is due next, seen from one day."""

    stage: Stage
    urgency: Urgency
    text: str
    due: dt.date | None = None
    week: int | None = None  # programme week relative to Week 0 (negative while onboarding)

    @property
    def needs_action(self) -> bool:
        return self.urgency in (Urgency.OVERDUE, Urgency.DUE_SOON)


def _deadline(stage: Stage, what: str, due: dt.date, today: dt.date, region: str,
              week: int | None = None) -> Clock:
    """A clock counting working days to, or past, `due`."""
    if today > due:
        late = working_days_between(due, today, region)
        # A deadline that fell on a Friday is not yet a working day late on Saturday.
        days = f"by {_plural(late, 'working day')}" if late else "since the weekend"
        return Clock(stage, Urgency.OVERDUE, f"{what} overdue {days} (due {day_text(due, today)})", due, week)
    left = working_days_between(today, due, region)
    urgency = Urgency.DUE_SOON if left <= DUE_SOON_WORKING_DAYS else Urgency.ON_TRACK
    when = "today" if due == today else f"{day_text(due, today)} ({_plural(left, 'working day')} left)"
    return Clock(stage, urgency, f"{what} due {when}", due, week)


def clock(recorded: Records, today: dt.date) -> Clock:
    """The stage and the clock that matters now."""
    start = recorded.trigger
    if start is None:
        return Clock(Stage.DATES_MISSING, Urgency.UNKNOWN, "trigger dates missing: no clock runs")
    region = recorded.region
    if not am_recorded(recorded, today):
        return _deadline(Stage.AM_TO_BE_ASSIGNED, "AM to be assigned,",
                         add_working_days(start, AM_ASSIGNED_WITHIN, region), today, region)
    if not done(recorded.call_held, today):
        return _deadline(Stage.HANDOFF_CALL, "handoff call",
                         add_working_days(start, HANDOFF_CALL_WITHIN, region), today, region)
    week_0 = recorded.first_start
    if week_0 is None:
        return Clock(Stage.ONBOARDING, Urgency.UNKNOWN, "in onboarding: no cohort start date")
    if not done(recorded.first_cohort_started, today):
        if today > week_0:  # the planned start has passed and nobody recorded it
            return _deadline(Stage.ONBOARDING, "Week 0 (first cohort start) not recorded,", week_0,
                             today, region, 0)
        week = -math.ceil((week_0 - today).days / 7)
        urgency = Urgency.DUE_SOON if working_days_between(today, week_0, region) <= DUE_SOON_WORKING_DAYS \
            else Urgency.ON_TRACK
        return Clock(Stage.ONBOARDING, urgency,
                     f"in onboarding, Week {week} (first cohort starts {day_text(week_0, today)})",
                     week_0, week)
    week = (today - week_0).days // 7
    if not done(recorded.week_2_workshop, today):
        return _deadline(Stage.DELIVERY, "Week 2 workshop", week_0 + WEEK_2, today, region, week)
    if not done(recorded.week_12_board_report, today):
        return _deadline(Stage.DELIVERY, "Week 12 report", week_0 + WEEK_12, today, region, week)
    assert recorded.week_12_board_report is not None
    return Clock(Stage.COMPLETE, Urgency.DONE,
                 f"complete: Week 12 board report delivered {day_text(recorded.week_12_board_report, today)}",
                 None, week)


# The AE's commission ---------------------------------------------------------------------------

class TrancheState(str, Enum):
    EARNED = "earned"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_DATED = "not dated"


@dataclass(frozen=True)
class Tranche:
    share: int  # percent of the commission
    event: str
    state: TrancheState
    date: dt.date | None  # when it was earned, or when it falls due


COMMISSION = (
    (50, "SoW signed"),
    (30, "Week 2 workshop delivered"),
    (20, "Week 12 board report delivered"),
)


def _tranche(share: int, event: str, happened: dt.date | None, due: dt.date | None,
             today: dt.date) -> Tranche:
    if done(happened, today):
        return Tranche(share, event, TrancheState.EARNED, happened)
    if due is None:
        return Tranche(share, event, TrancheState.NOT_DATED, None)
    return Tranche(share, event, TrancheState.OVERDUE if today > due else TrancheState.DUE, due)


def tranches(recorded: Records, today: dt.date) -> list[Tranche]:
    """The playbook's 50/30/20 split: SoW signed, Week 2 workshop, Week 12 board report."""
    week_0 = recorded.first_start
    (sow_share, sow), (week_2_share, week_2), (week_12_share, week_12) = COMMISSION
    return [
        _tranche(sow_share, sow, recorded.sow_signed, recorded.sow_signed, today),
        _tranche(week_2_share, week_2, recorded.week_2_workshop, week_0 + WEEK_2 if week_0 else None, today),
        _tranche(week_12_share, week_12, recorded.week_12_board_report,
                 week_0 + WEEK_12 if week_0 else None, today),
    ]


# Milestones: what a timeline and a calendar show -----------------------------------------------

class Kind(str, Enum):
    TRIGGER = "trigger"
    DEADLINE = "deadline"
    CALL = "call"
    ONBOARDING = "onboarding"
    COHORT = "cohort"
    MILESTONE = "milestone"
    INVOICE = "invoice"


@dataclass(frozen=True)
class Milestone:
    key: str  # stable within one client: calendar UIDs are made from it
    kind: Kind
    date: dt.date
    label: str
    recorded: bool = False  # the doc records it as done (and it is not after today)


def milestones(recorded: Records, today: dt.date) -> list[Milestone]:
    """Every dated event of a handoff, soonest first."""
    found: list[Milestone] = []
    start = recorded.trigger
    region = recorded.region
    if start is not None:
        found.append(Milestone("trigger", Kind.TRIGGER, start, "Handoff trigger", True))
        found.append(Milestone("am-deadline", Kind.DEADLINE,
                               add_working_days(start, AM_ASSIGNED_WITHIN, region),
                               f"AM assignment deadline ({AM_ASSIGNED_WITHIN} working days)"))
        found.append(Milestone("call-deadline", Kind.DEADLINE,
                               add_working_days(start, HANDOFF_CALL_WITHIN, region),
                               f"Handoff call deadline ({HANDOFF_CALL_WITHIN} working days)"))
    if recorded.am_assigned is not None:
        assigned = am_recorded(recorded, today)
        found.append(Milestone("am-assigned", Kind.CALL, recorded.am_assigned,
                               "AM assigned" if assigned else "AM assignment (planned)", assigned))
    if recorded.call is not None:
        held = done(recorded.call_held, today)
        found.append(Milestone("call", Kind.CALL, recorded.call_held if held and recorded.call_held
                               else recorded.call, "Handoff call held" if held else
                               "Handoff call (planned)", held))
    started = done(recorded.first_cohort_started, today)
    for index, (name, cohort_start) in enumerate(sorted(recorded.cohort_starts, key=lambda c: c[1])):
        cohort = name if name.casefold().startswith("cohort") else f"Cohort {name}".strip()
        found.append(Milestone(f"cohort-{index}-week-minus-4", Kind.ONBOARDING, cohort_start - ONBOARDING,
                               f"{cohort}: Week -4 (onboarding starts)"))
        found.append(Milestone(f"cohort-{index}-start", Kind.COHORT, cohort_start,
                               f"{cohort} starts (Week 0)" if index else
                               f"{cohort} starts (Week 0{', recorded' if started else ', planned'})",
                               started and index == 0))
        found.append(Milestone(f"cohort-{index}-week-12", Kind.COHORT, cohort_start + WEEK_12,
                               f"{cohort}: Week 12"))
    week_0 = recorded.first_start
    if week_0 is not None:
        week_2 = recorded.week_2_workshop if done(recorded.week_2_workshop, today) else None
        found.append(Milestone("week-2-workshop", Kind.MILESTONE, week_2 or week_0 + WEEK_2,
                               "Week 2 workshop delivered" if week_2 else "Week 2 workshop due",
                               week_2 is not None))
        week_12 = recorded.week_12_board_report if done(recorded.week_12_board_report, today) else None
        found.append(Milestone("week-12-report", Kind.MILESTONE, week_12 or week_0 + WEEK_12,
                               "Week 12 board report delivered" if week_12 else "Week 12 board report due",
                               week_12 is not None))
    for index, invoice in enumerate(recorded.invoices):
        label = f"Invoice: {invoice.milestone}" + (f" ({invoice.percent})" if invoice.percent else "")
        found.append(Milestone(f"invoice-{index}", Kind.INVOICE, invoice.date, label, False))
    return sorted(found, key=lambda m: (m.date, m.key))
