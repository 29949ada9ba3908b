"""Section D's cohorts: none starts before the SoW, and a summer crossing is a written risk."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.rules.playbook.context import Context

COHORTS = "/delivery/cohorts"
PROGRAMME = dt.timedelta(weeks=12)
# School summer holidays by region, (month, day) to (month, day): England and Wales break in late
# July; Scotland at the end of June and Northern Ireland on 1 July. All are back by September.
SUMMER = {
    "england-and-wales": ((7, 20), (8, 31)),
    "scotland": ((6, 25), (8, 20)),
    "northern-ireland": ((7, 1), (8, 31)),
}
# The ways a risk says "the summer holidays": the season, the school holidays or break, a holiday
# or break named by a month the region's holidays fall in ("the July holidays", "the August
# break"), or "the holidays" not named after another season. A month alone does not count: "a
# renewal in August" is not about the holidays.
_SUMMER_WORDS = r"summer|summertime|vacations?|school (?:holidays?|hols|break)"
_OTHER_HOLIDAYS = re.compile(
    r"\b(?:christmas|xmas|easter|winter|spring|autumn|october|february|bank|public|new year'?s?|"
    r"half[- ]?term)\s+(?:holidays?|hols|break)\b", re.IGNORECASE)
_HOLIDAYS = re.compile(r"\b(?:holidays?|hols)\b", re.IGNORECASE)


def mentions_summer(text: str, region: str) -> bool:
    """Whether text names the school summer holidays, in any of the usual ways of saying it."""
    (first_month, _), (last_month, _) = SUMMER[region]
    months = [dt.date(2000, month, 1) for month in range(first_month, last_month + 1)]
    names = "|".join(f"{m:%B}|{m:%b}" for m in months)
    named = rf"(?:{names})\s+(?:holidays?|hols|break|shutdown)"
    if re.search(rf"\b(?:{_SUMMER_WORDS}|{named})\b", text, re.IGNORECASE):
        return True
    return _HOLIDAYS.search(_OTHER_HOLIDAYS.sub(" ", text)) is not None


def _name(row: dict[str, object]) -> str:
    cohort = str(row.get("cohort", "")).strip()
    return f"Cohort {cohort}" if cohort and not cohort.casefold().startswith("cohort") else cohort


def start_after_sow(context: Context) -> Iterator[Diagnostic]:
    """HO614: no cohort starts before the SoW was signed."""
    signed = context.date("/front_matter/trigger/sow_signed")
    if signed is None:
        return
    for pointer, row in context.rows(COHORTS):
        start = context.date(f"{pointer}/start_date")
        if start is not None and start < signed:
            yield context.finding(
                "HO614", context.where(f"{pointer}/start_date"),
                f"{_name(row)} starts {start.isoformat()}, before the SoW was signed "
                f"({signed.isoformat()})",
                "Write the agreed start date; onboarding takes four weeks from the signature.",
            )


def summer_overlap(start: dt.date, region: str) -> tuple[dt.date, dt.date] | None:
    """The summer holidays a 12-week programme from `start` runs into, if any."""
    end = start + PROGRAMME
    (first_month, first_day), (last_month, last_day) = SUMMER[region]
    for year in range(start.year, end.year + 1):
        begins, ends = dt.date(year, first_month, first_day), dt.date(year, last_month, last_day)
        if start <= ends and begins < end:
            return begins, ends
    return None


def summer_is_a_risk(context: Context) -> Iterator[Diagnostic]:
    """HO615: a cohort across the summer holidays has a risk in Section F that mentions it."""
    risks = context.get("/risks")
    if not isinstance(risks, list):
        return  # no Section F at all is the schema's finding
    said = " ".join(str(value) for risk in risks if isinstance(risk, dict)
                    for key, value in risk.items() if key in ("risk", "mitigation"))
    if mentions_summer(said, context.region):
        return
    for pointer, row in context.rows(COHORTS):
        start = context.date(f"{pointer}/start_date")
        overlap = summer_overlap(start, context.region) if start else None
        if start is None or overlap is None:
            continue
        yield context.finding(
            "HO615", context.where(f"{pointer}/start_date"),
            f"{_name(row)} runs {start.isoformat()} to {(start + PROGRAMME).isoformat()} (12 weeks), "
            f"across the school summer holidays ({overlap[0]:%d %B} to {overlap[1]:%d %B}), and no "
            f"risk in Section F mentions it",
            f"Add a risk to Section F, as the playbook does: '| {_name(row)} spans the summer holidays "
            f"| Med | Build buffer into the Week 6 quality gate |'.",
        )
