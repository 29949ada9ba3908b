"""The rest of the handoff, recorded later in the same doc: the handoff call record and the delivery
milestones. What is recorded must be real, in the playbook's order, done by the right people and not
in the future; and the first cohort leaves the onboarding clock its four weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import trigger
from handoff_lint.domain.records import CALL_RECORD, MILESTONES, ONBOARDING, ONBOARDING_WEEKS
from handoff_lint.reading.characters import hidden
from handoff_lint.rules.playbook.context import Context, quote
from handoff_lint.rules.playbook.trigger import describe

HELD_ON = f"/{CALL_RECORD}/held_on"
INTRO_EMAIL = f"/{CALL_RECORD}/intro_email_sent"
AE_OFF = f"/{CALL_RECORD}/ae_off_account"
ATTENDEES = f"/{CALL_RECORD}/attendees"
STARTED = f"/{MILESTONES}/first_cohort_started"
WEEK_2_WORKSHOP = f"/{MILESTONES}/week_2_workshop"
WEEK_12_REPORT = f"/{MILESTONES}/week_12_board_report"
COHORTS = "/delivery/cohorts"
AM_ASSIGNED = "/front_matter/am_assigned"

# What is recorded as done, by pointer, with the words a message uses for it.
RECORDED = {
    HELD_ON: "the handoff call held on",
    INTRO_EMAIL: "the intro e-mail sent on",
    AE_OFF: "the AE off the account on",
    STARTED: "the first cohort started on",
    WEEK_2_WORKSHOP: "the Week 2 workshop delivered on",
    WEEK_12_REPORT: "the Week 12 board report delivered on",
}

# The playbook's order: (earlier, later, why). Each pair is checked when both dates are written.
ORDER = (
    (AM_ASSIGNED, HELD_ON, "the assigned Account Manager attends the handoff call"),
    (HELD_ON, INTRO_EMAIL, "the AE sends the intro e-mail during the handoff call"),
    (HELD_ON, AE_OFF, "the AE comes off the account at the end of the handoff call"),
    (HELD_ON, STARTED, "the Account Manager confirms the onboarding plan in the handoff call"),
    (STARTED, WEEK_2_WORKSHOP, "the Week 2 workshop comes two weeks into the first cohort"),
    (WEEK_2_WORKSHOP, WEEK_12_REPORT, "the Week 12 board report comes after the Week 2 workshop"),
    (STARTED, WEEK_12_REPORT, "the Week 12 board report comes twelve weeks into the first cohort"),
)


def _name(pointer: str) -> str:
    return pointer.rsplit("/", 1)[-1]


def records_in_order(context: Context) -> Iterator[Diagnostic]:
    """HO604: every recorded date is after the trigger and in the playbook's order."""
    start = trigger(context.front_matter)
    for pointer in RECORDED:
        day = context.date(pointer)
        if start is not None and day is not None and day < start.date:
            yield context.finding(
                "HO604", context.where(pointer),
                f"{_name(pointer)} {day.isoformat()} is before {describe(start)}: {RECORDED[pointer]} "
                "a day after the handoff began",
                f"Correct {_name(pointer)}, or the trigger date that is wrong.",
            )
            continue
        for earlier, later, why in ORDER:
            if later != pointer:
                continue
            before = context.date(earlier)
            if before is not None and day is not None and day < before:
                yield context.finding(
                    "HO604", context.where(pointer),
                    f"{_name(pointer)} {day.isoformat()} is before {_name(earlier)} {before.isoformat()}: "
                    f"{why}",
                    f"Correct {_name(pointer)} or {_name(earlier)} so the order holds.",
                )
                break


def nothing_done_after_today(context: Context) -> Iterator[Diagnostic]:
    """HO619: a date recorded as done is not after today (a plan belongs in the front matter or the
    cohort table, not in the record)."""
    today = context.config.today
    if today is None:
        return
    for pointer, what in RECORDED.items():
        day = context.date(pointer)
        if day is not None and day > today:
            yield context.finding(
                "HO619", context.where(pointer),
                f"{_name(pointer)} {day.isoformat()} is after today ({today.isoformat()}): the record says "
                f"{what} a day that has not come yet",
                "Record it on or after the day it happens; until then leave the item out (planned "
                "dates go in the front matter and the cohort table).",
            )


# What the schema's person-name pattern refuses (it would let a name add an e-mail recipient).
NOT_IN_NAMES = frozenset("@<>,;:")


def _person(text: str) -> str:
    return " ".join(text.split()).casefold()


def attendees_are_the_owners(context: Context) -> Iterator[Diagnostic]:
    """HO620: the call's attendees are the doc's AE, Delivery Lead and Account Manager."""
    listed = context.items(ATTENDEES)
    if not listed:
        return
    roles = {"ae": "AE", "delivery_lead": "Delivery Lead", "account_manager": "Account Manager"}
    owners = {
        key: name for key in roles
        if (name := context.text(f"/front_matter/{key}")) is not None
        and name.isprintable() and not hidden(name) and not set(name) & NOT_IN_NAMES
    }
    if len(owners) < len(roles):
        # A missing owner or a name with address punctuation is the schema's finding, a name with
        # a hidden character HO106's: names cannot be compared without all three.
        return
    known = {_person(name) for name in owners.values()}
    for pointer, text in listed:
        if _person(text) not in known:
            yield context.finding(
                "HO620", context.where(pointer),
                f"attendee '{quote(text)}' is not the doc's AE, Delivery Lead or Account Manager "
                f"({', '.join(owners.values())})",
                "List the three people the playbook names for the call, as the front matter names "
                "them; write others (a client never attends) nowhere in the record.",
            )
    present = {_person(text) for _, text in listed}
    missing = [f"{roles[key]} {name}" for key, name in owners.items() if _person(name) not in present]
    if missing:
        yield context.finding(
            "HO620", context.where(ATTENDEES),
            f"the handoff call's attendees leave out {', '.join(missing)}",
            "The playbook's call is attended by the AE, the Delivery Lead and the assigned Account "
            "Manager: add who is missing, as the front matter names them, or hold the call again.",
        )


def _weeks_and_days(delta: dt.timedelta) -> str:
    weeks, days = divmod(delta.days, 7)
    parts = [f"{weeks} week{'' if weeks == 1 else 's'}"] if weeks else []
    parts += [f"{days} day{'' if days == 1 else 's'}"] if days or not weeks else []
    return " and ".join(parts)


def onboarding_not_compressed(context: Context) -> Iterator[Diagnostic]:
    """HO621: the first cohort starts at least 4 weeks after the trigger (Week -4 is the trigger)."""
    start = trigger(context.front_matter)
    if start is None:
        return
    candidates: list[tuple[str, dt.date, str]] = []
    for pointer, row in context.rows(COHORTS):
        day = context.date(f"{pointer}/start_date")
        if day is not None:
            name = str(row.get("cohort", "")).strip()
            label = name if name.casefold().startswith("cohort") else f"Cohort {name}"
            candidates.append((f"{pointer}/start_date", day, f"{label} starts"))
    started = context.date(STARTED)
    if started is not None:
        candidates.append((STARTED, started, "the first cohort started"))
    if not candidates:
        return
    pointer, first, what = min(candidates, key=lambda c: c[1])
    week_minus_4 = first - ONBOARDING
    if week_minus_4 >= start.date:
        return
    yield context.finding(
        "HO621", context.where(pointer),
        f"{what} {first.isoformat()}, {_weeks_and_days(first - start.date)} after {describe(start)}: the "
        f"{ONBOARDING_WEEKS}-week onboarding clock is compressed (its Week -4 would have been "
        f"{week_minus_4.isoformat()}, before the trigger), so the Account Manager has "
        f"{_weeks_and_days(max(first - start.date, dt.timedelta(0)))} instead of {ONBOARDING_WEEKS} weeks",
        f"Agree a first cohort start on or after {(start.date + ONBOARDING).isoformat()} with the client, "
        "or record in Section F the risk of a compressed onboarding and how Delivery will cover it.",
    )
