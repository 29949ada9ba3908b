"""One client's facts for the site, read from a checked doc's instance (never from the text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.domain.deadlines import (
    AM_ASSIGNED_WITHIN,
    HANDOFF_CALL_WITHIN,
    Deadline,
    State,
    date_of,
    deadline,
    region_of,
    trigger,
)
from handoff_lint.domain.lifecycle import Clock, Records, Stage, Tranche, Urgency, clock, records, tranches
from handoff_lint.domain.money import parse_money
from handoff_lint.engine.check import Checked

LIKELIHOODS = ("High", "Med", "Low")
_NONE = {"none", "none.", "n/a", "-"}


@dataclass(frozen=True)
class LastChange:
    """Who last changed the doc and when, from the repository's history."""

    author: str
    date: str
    commit: str


@dataclass(frozen=True)
class Risk:
    risk: str
    likelihood: str
    mitigation: str


@dataclass(frozen=True)
class Cohort:
    name: str
    start: dt.date | None
    size: str


@dataclass
class ClientView:
    """What the dashboard, the registers and the summary card say about one client."""

    src_uri: str
    path: str
    name: str
    slug: str = ""
    sector: str = ""
    ae: str = ""
    delivery_lead: str = ""
    account_manager: str = ""
    region: str = "england-and-wales"
    trigger: dt.date | None = None
    am_assigned: Deadline = field(default_factory=lambda: Deadline(State.UNKNOWN))
    handoff_call: Deadline = field(default_factory=lambda: Deadline(State.UNKNOWN))
    handoff_call_date: dt.date | None = None
    cohorts: list[Cohort] = field(default_factory=list)
    total_fee: str = ""
    risks: list[Risk] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # the names in Section B (People)
    commitments: list[str] = field(default_factory=list)
    side_commitments: list[str] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    last_change: LastChange | None = None
    records: Records = field(default_factory=Records)
    clock: Clock = field(default_factory=lambda: Clock(Stage.DATES_MISSING, Urgency.UNKNOWN, ""))
    tranches: list[Tranche] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.errors

    @property
    def first_cohort_start(self) -> dt.date | None:
        starts = [c.start for c in self.cohorts if c.start is not None]
        return min(starts) if starts else None

    def risk_count(self, likelihood: str) -> int:
        return sum(r.likelihood == likelihood for r in self.risks)

    @property
    def risks_open(self) -> bool:
        """Whether the client's risks are still open. The playbook closes no risk on its own: the
        handoff call agrees mitigations for all of them, and they stay Delivery's concern until the
        engagement ends, when the Week 12 board report is recorded (the client is complete)."""
        return self.clock.stage is not Stage.COMPLETE

    @property
    def late(self) -> bool:
        return State.LATE in (self.am_assigned.state, self.handoff_call.state)


def _dict(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


def _rows(value: object) -> list[dict[str, object]]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _string(value: object) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _entries(value: object) -> list[str]:
    """List entries as written, without a lone 'None' (the format's way of saying there are none)."""
    entries = [_string(v) for v in value] if isinstance(value, list) else []
    return [e for e in entries if e and e.strip("*_ ").casefold() not in _NONE]


def _fee(value: object) -> str:
    written = _string(value)
    money = parse_money(written)
    return str(money) if money else written


def view(checked: Checked, src_uri: str, default_region: str, today: dt.date,
         last_change: LastChange | None = None) -> ClientView:
    """Everything the site shows about one doc, however incomplete it is."""
    instance = checked.instance
    front = _dict(instance.get("front_matter"))
    basics = _dict(instance.get("client_basics"))
    delivery = _dict(instance.get("delivery"))
    commercials = _dict(instance.get("commercials"))
    region = region_of(front, default_region)
    start = trigger(front)
    trigger_day = start.date if start else None
    am_assigned = date_of(front.get("am_assigned"))
    call = date_of(front.get("handoff_call"))
    name = _string(front.get("client")) or _string(basics.get("legal_name"))
    recorded = records(instance, default_region)
    slug = _string(front.get("slug"))
    return ClientView(
        src_uri=src_uri,
        path=checked.path,
        name=name or slug or src_uri.rsplit("/", 1)[-1].removesuffix(".md"),
        slug=slug,
        sector=_string(basics.get("sector")),
        ae=_string(front.get("ae")),
        delivery_lead=_string(front.get("delivery_lead")),
        account_manager=_string(front.get("account_manager")),
        region=region,
        trigger=trigger_day,
        am_assigned=deadline(trigger_day, am_assigned if recorded.am_named else None, AM_ASSIGNED_WITHIN,
                             region, today, None if recorded.am_named else am_assigned),
        handoff_call=deadline(trigger_day, recorded.call_held, HANDOFF_CALL_WITHIN, region, today, call),
        handoff_call_date=call,
        cohorts=[
            Cohort(_string(row.get("cohort")), date_of(row.get("start_date")), _string(row.get("size")))
            for row in _rows(delivery.get("cohorts"))
        ],
        total_fee=_fee(commercials.get("total_fee")),
        risks=[
            Risk(_string(row.get("risk")), _string(row.get("likelihood")), _string(row.get("mitigation")))
            for row in _rows(instance.get("risks"))
        ],
        contacts=[name for row in _rows(instance.get("people")) if (name := _string(row.get("name")))],
        commitments=_entries(instance.get("commitments")),
        side_commitments=_entries(commercials.get("side_commitments")),
        errors=[d for d in checked.diagnostics if d.severity is Severity.ERROR],
        last_change=last_change,
        records=recorded,
        clock=clock(recorded, today),
        tranches=tranches(recorded, today),
    )
