"""What each person must record next: a client's open items, with their owner and when they fall due.

The handoff doc is written once, at the trigger; the facts that move a client on come later and
from other people. Each fact has an owner by role: the Delivery Lead records the Account Manager's
assignment, the Account Manager the handoff call and the delivery milestones, the AE the intro
e-mail and coming off the account. An item is open until its fact is recorded (a day not after
today); a client whose Week 12 board report is recorded is done and has none.

Open items fall into buckets seen from one day: due today, due later this week, overdue, and
"records to complete": an item overdue for more than RECORD_AFTER working days, or any item of a
client past Week 12 with no delivery milestone recorded, is a record nobody kept rather than this
morning's work. Everything here is a pure function of a doc's records, its owners and `today`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from handoff_lint.domain.deadlines import AM_ASSIGNED_WITHIN, HANDOFF_CALL_WITHIN
from handoff_lint.domain.lifecycle import WEEK_2, WEEK_12, Records, am_recorded, day_text, done
from handoff_lint.domain.workdays import add_weekdays, add_working_days, working_days_between

# Overdue for longer than this many working days: a record to complete, not today's work.
RECORD_AFTER = 10
# The dashboard's Needs action: due within this many working days, or overdue by at most RECORD_AFTER.
DUE_WITHIN = 2


class Role(str, Enum):
    DELIVERY_LEAD = "Delivery Lead"
    ACCOUNT_MANAGER = "Account Manager"
    AE = "AE"


# The front matter key naming each role, and the short name the site's pages use.
ROLE_KEYS = {Role.DELIVERY_LEAD: "delivery_lead", Role.ACCOUNT_MANAGER: "account_manager", Role.AE: "ae"}
ROLE_SLUGS = {Role.DELIVERY_LEAD: "dl", Role.ACCOUNT_MANAGER: "am", Role.AE: "ae"}


@dataclass(frozen=True)
class Fact:
    """One fact recorded after the handoff: its `handoff record` event, words and owner."""

    event: str
    what: str
    role: Role


AM_ASSIGNED = Fact("am-assigned", "AM assignment", Role.DELIVERY_LEAD)
CALL_HELD = Fact("call-held", "handoff call", Role.ACCOUNT_MANAGER)
INTRO_SENT = Fact("intro-sent", "intro e-mail", Role.AE)
AE_OFF = Fact("ae-off", "AE off the account", Role.AE)
WEEK_0 = Fact("week0", "Week 0 (first cohort started)", Role.ACCOUNT_MANAGER)
WEEK_2_WORKSHOP = Fact("week2", "Week 2 workshop", Role.ACCOUNT_MANAGER)
WEEK_12_REPORT = Fact("week12", "Week 12 board report", Role.ACCOUNT_MANAGER)
FACTS = (AM_ASSIGNED, CALL_HELD, INTRO_SENT, AE_OFF, WEEK_0, WEEK_2_WORKSHOP, WEEK_12_REPORT)


class Bucket(str, Enum):
    TODAY = "due today"
    THIS_WEEK = "due this week"
    OVERDUE = "overdue"
    RECORD = "records to complete"
    LATER = "later"


@dataclass(frozen=True)
class Owners:
    """The people a doc names, by role ('' when not named yet)."""

    ae: str = ""
    delivery_lead: str = ""
    account_manager: str = ""

    def name(self, role: Role) -> str:
        return {Role.AE: self.ae, Role.DELIVERY_LEAD: self.delivery_lead,
                Role.ACCOUNT_MANAGER: self.account_manager}[role]


def owners_of(front_matter: Mapping[str, object]) -> Owners:
    def name(key: str) -> str:
        value = front_matter.get(key)
        return " ".join(value.split()) if isinstance(value, str) else ""
    return Owners(name("ae"), name("delivery_lead"), name("account_manager"))


@dataclass(frozen=True)
class Item:
    """An open fact of one client: who records it, by when, and how late or close it is."""

    fact: Fact
    role: Role      # the role that records it now (the Delivery Lead while no AM is named)
    owner: str      # that person's name, '' if the doc names nobody
    due: dt.date
    late: int       # working days past due (0 when not overdue)
    left: int       # working days until due (0 when due today or overdue)
    bucket: Bucket

    @property
    def overdue(self) -> bool:
        return self.bucket in (Bucket.OVERDUE, Bucket.RECORD)

    @property
    def actionable(self) -> bool:
        """This morning's work: due within DUE_WITHIN working days, or overdue by at most RECORD_AFTER."""
        return self.bucket is Bucket.OVERDUE or (self.bucket is not Bucket.RECORD and self.left <= DUE_WITHIN)

    def urgency(self) -> tuple[int, int]:
        """Sort key: closest to today first, an overdue item before one due as many days ahead."""
        return (self.late, 0) if self.overdue else (self.left, 1)

    def words(self, today: dt.date) -> str:
        """'handoff call overdue by 3 working days (due Mon 30 Nov)' and the like."""
        if self.late:
            days = f"{self.late} working day{'' if self.late == 1 else 's'}"
            return f"{self.fact.what} overdue by {days} (due {day_text(self.due, today)})"
        if self.due < today:
            return f"{self.fact.what} overdue since the weekend (due {day_text(self.due, today)})"
        if self.due == today:
            return f"{self.fact.what} due today"
        return f"{self.fact.what} due {day_text(self.due, today)}"


def _week_end(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=6 - today.weekday())


def _item(fact: Fact, due: dt.date, owners: Owners, records_kept: bool, today: dt.date,
          region: str) -> Item:
    role = fact.role
    if role is Role.ACCOUNT_MANAGER and not owners.account_manager:
        role = Role.DELIVERY_LEAD  # nobody to hand it to yet: the Delivery Lead holds it
    late = working_days_between(due, today, region) if today > due else 0
    left = working_days_between(today, due, region) if due > today else 0
    if today > due:
        bucket = Bucket.RECORD if late > RECORD_AFTER or not records_kept else Bucket.OVERDUE
    elif due == today:
        bucket = Bucket.TODAY
    elif due <= _week_end(today):
        bucket = Bucket.THIS_WEEK
    else:
        bucket = Bucket.LATER
    return Item(fact, role, owners.name(role), due, late, left, bucket)


def _open_facts(recorded: Records, today: dt.date, start: dt.date,
                add: Callable[[dt.date, int], dt.date]) -> list[tuple[Fact, dt.date]]:
    """The facts not yet recorded and their due days, with working days counted by `add`."""
    held = recorded.call_held if done(recorded.call_held, today) else None
    week_0 = recorded.first_start
    wanted: list[tuple[Fact, dt.date]] = []
    if not am_recorded(recorded, today):
        wanted.append((AM_ASSIGNED, add(start, AM_ASSIGNED_WITHIN)))
    if held is None:
        wanted.append((CALL_HELD, add(start, HANDOFF_CALL_WITHIN)))
    else:
        # The AE sends the intro e-mail in the call and comes off the account at its end.
        if not done(recorded.intro_email_sent, today):
            wanted.append((INTRO_SENT, held))
        if not done(recorded.ae_off_account, today):
            wanted.append((AE_OFF, held))
    if week_0 is not None:
        if not done(recorded.first_cohort_started, today):
            wanted.append((WEEK_0, week_0))
        if not done(recorded.week_2_workshop, today):
            wanted.append((WEEK_2_WORKSHOP, week_0 + WEEK_2))
        wanted.append((WEEK_12_REPORT, week_0 + WEEK_12))
    return wanted


def open_items(recorded: Records, owners: Owners, today: dt.date) -> list[Item]:
    """The client's facts not yet recorded, in the playbook's order; none once Week 12 is recorded."""
    start = recorded.trigger
    if start is None or done(recorded.week_12_board_report, today):
        return []
    region = recorded.region
    week_0 = recorded.first_start
    delivered = (recorded.first_cohort_started, recorded.week_2_workshop)
    # Past Week 12 with no delivery milestone recorded: its history is a record to fix as a whole.
    records_kept = week_0 is None or today <= week_0 + WEEK_12 or any(done(d, today) for d in delivered)
    wanted = _open_facts(recorded, today, start, lambda day, count: add_working_days(day, count, region))
    return [_item(fact, due, owners, records_kept, today, region) for fact, due in wanted]


def any_overdue(recorded: Records, today: dt.date) -> bool:
    """Whether any open fact may be overdue, decided without the bank-holiday calendars (a holiday only
    moves a due day later), so a lint run on a doc with nothing overdue never loads them."""
    start = recorded.trigger
    if start is None or done(recorded.week_12_board_report, today):
        return False
    return any(today > due for _, due in _open_facts(recorded, today, start, add_weekdays))


def by_urgency(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.urgency(), i.due, i.fact.event))
