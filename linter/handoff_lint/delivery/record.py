"""`handoff record`: write one fact recorded after the handoff into a doc, in the form the linter reads.

Pure text in, text out. Only the lines the fact needs change: a front matter key's own line (or a
new one before the closing ---), or new bullets at the end of the handoff call record or the
delivery milestones (the section is added when it is not there yet). A fact already recorded with
the same day changes nothing; a day after today, before the trigger, different from the one
recorded, or one that would make the doc break a rule it kept (HO604's order, HO620's attendees)
is refused and nothing is written. The text is checked again after the edit, and the edit is kept
only if the linter then reads exactly the fact that was asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from handoff_lint.contract.config import Config
from handoff_lint.contract.schema import load_schema, properties, title_of
from handoff_lint.diagnostics import Severity
from handoff_lint.domain.deadlines import date_of, trigger
from handoff_lint.domain.lifecycle import am_recorded, records
from handoff_lint.domain.queue import FACTS, owners_of
from handoff_lint.domain.records import CALL_RECORD, FRONT_MATTER, MILESTONES, RECORDED_AT
from handoff_lint.engine.check import Checked, check_text
from handoff_lint.errors import Refusal
from handoff_lint.reading.frontmatter import split

EVENTS = tuple(fact.event for fact in FACTS)
# A person's name as `handoff record` writes it: letters first, then letters, spaces, . ' and -.
# Nothing else, so a name can never add a YAML key, a Markdown construct or an e-mail header.
NAME = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*\.?")
MAX_NAME = 80
MAX_ATTENDEES = 10


class Refused(Refusal):
    """The fact cannot be recorded as asked; the message says why and what to do instead."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Request:
    event: str
    day: dt.date
    today: dt.date
    name: str = ""                      # am-assigned: the Account Manager
    attendees: tuple[str, ...] = ()     # call-held: default the doc's AE, Delivery Lead and AM


@dataclass(frozen=True)
class Recorded:
    text: str
    changed: bool
    what: str  # what was recorded, or why nothing changed


def valid_name(text: str) -> str | None:
    """The name with its spaces tidied, or None when it is not one `handoff record` writes."""
    name = " ".join(text.split())
    return name if name and len(name) <= MAX_NAME and NAME.fullmatch(name) else None


def _errors(checked: Checked) -> set[tuple[str, str]]:
    return {(d.code, d.message) for d in checked.diagnostics if d.severity is Severity.ERROR}


def _get(checked: Checked, section: str, key: str) -> object:
    part = checked.instance.get(section)
    return part.get(key) if isinstance(part, dict) else None


def _titles(config: Config, section: str, key: str) -> tuple[str, str]:
    schema = properties(load_schema(config.schema_path))[section]
    return title_of(schema, section), title_of(properties(schema)[key], key)


def _set_front_key(lines: list[str], key: str, value: str) -> None:
    """Replace the top-level key's line, or add one before the front matter's closing line."""
    _, closing = split("\n".join(lines))
    if closing is None:
        raise Refused("the doc has no closed front matter; fix it by hand, then record again")
    found = [i for i in range(1, closing) if re.match(rf"{key}\s*:", lines[i])]
    if len(found) > 1:
        raise Refused(f"the front matter has '{key}' twice; keep one, then record again", found[1] + 1)
    if found:
        index = found[0]
        if index + 1 < closing and lines[index + 1][:1] in (" ", "\t", "-"):
            raise Refused(f"'{key}' spans more than one line; write it on one line, then record again",
                          index + 1)
        lines[index] = f"{key}: {value}"
    else:
        lines.insert(closing, f"{key}: {value}")


def _section_end(lines: list[str], heading: int) -> int:
    """The 0-based index after the section's last non-blank line (the section starts at `heading`)."""
    end = next((i for i in range(heading + 1, len(lines)) if re.match(r"#{1,2}\s", lines[i])), len(lines))
    while end > heading + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _add_items(lines: list[str], checked: Checked, section: str, title: str, items: list[str]) -> None:
    """Add bullets at the end of a section, or the section (before the milestones, or at the end)."""
    where = checked.extraction.source_map if checked.extraction else {}
    if f"/{section}" in where:
        end = _section_end(lines, where[f"/{section}"][0] - 1)
        lines[end:end] = items
        return
    block = [f"## {title}", "", *items, ""]
    if section == CALL_RECORD and f"/{MILESTONES}" in where:
        at = where[f"/{MILESTONES}"][0] - 1
        lines[at:at] = block
        return
    while lines and not lines[-1].strip():
        lines.pop()
    lines += ["", *block]


def _already(current: object, day: dt.date, what: str, line: int) -> bool:
    """True when the same day is recorded; refused when another day (or no day) is."""
    if current is None:
        return False
    recorded = date_of(current)
    if recorded is None:
        raise Refused(f"{what} holds '{str(current)[:40]}', not a date; correct it by hand", line)
    if recorded != day:
        raise Refused(f"{what} is already recorded as {recorded.isoformat()}; a different day "
                      f"({day.isoformat()}) contradicts it. If the record is wrong, correct it by hand",
                      line)
    return True


def record(path: str, text: str, relative: PurePosixPath | None, config: Config,
           request: Request) -> Recorded:
    """The doc's text with the fact recorded; Refused when it cannot be, as asked."""
    if request.event not in RECORDED_AT:
        raise Refused(f"unknown event '{request.event}': one of {', '.join(EVENTS)}")
    config = replace(config, today=request.today)
    before = check_text(path, text, relative, config)
    if before.extraction is None or not isinstance(before.instance.get(FRONT_MATTER), dict):
        raise Refused("the doc's front matter cannot be read; `handoff lint` says why")
    front = before.instance[FRONT_MATTER]
    assert isinstance(front, dict)
    start = trigger(front)
    if start is None:
        raise Refused("the doc has no complete trigger (sow_signed, deposit_invoice_issued, "
                      "crm_closed_won): nothing can be recorded after a handoff that has not begun")
    if request.day > request.today:
        raise Refused(f"{request.day.isoformat()} is after today ({request.today.isoformat()}): record "
                      "a fact on or after the day it happens; plans go in the front matter and the "
                      "cohort table")
    if request.day < start.date:
        raise Refused(f"{request.day.isoformat()} is before the handoff trigger "
                      f"({start.date.isoformat()}): a fact recorded after the handoff happens after it")
    section, key = RECORDED_AT[request.event]
    section_title, label = _titles(config, section, key)
    source_map = before.extraction.source_map
    line = source_map.get(f"/{section}/{key}", (1, 1))[0]
    lines = text.split("\n")
    owners = owners_of(front)
    wanted: dict[str, object] = {key: request.day.isoformat()}
    if request.event == "am-assigned":
        name = valid_name(request.name)
        if name is None:
            raise Refused("--name: give the Account Manager's name, letters, spaces, . ' and - only, "
                          'e.g. --name "Hannah Lee"')
        recorded = records(before.instance, config.region)
        if am_recorded(recorded, request.today):
            if owners.account_manager.casefold() != name.casefold():
                raise Refused(f"the Account Manager is already recorded as {owners.account_manager}; "
                              "a reassignment is a change to make by hand", line)
            if _already(front.get(key), request.day, key, line):
                return Recorded(text, False, "the AM assignment is already recorded")
        _set_front_key(lines, "account_manager", name)
        _set_front_key(lines, key, request.day.isoformat())
        wanted["account_manager"] = name
    else:
        if _already(_get(before, section, key), request.day, label, line):
            return Recorded(text, False, f"'{label}' is already recorded as {request.day.isoformat()}")
        items = [f"- **{label}:** {request.day.isoformat()}"]
        if request.event == "call-held":
            people = [n for n in (valid_name(a) for a in request.attendees) if n] if request.attendees \
                else [owners.ae, owners.delivery_lead, owners.account_manager]
            if request.attendees and len(people) != len(request.attendees):
                raise Refused("--attendees: names only, letters, spaces, . ' and - (comma-separated)")
            if not all(people) or not owners.account_manager:
                raise Refused("the doc names no Account Manager yet: the Delivery Lead records the "
                              "assignment first (`handoff record <slug> am-assigned --name ...`)")
            if len(people) > MAX_ATTENDEES:
                raise Refused(f"--attendees: at most {MAX_ATTENDEES} names")
            if _get(before, section, "attendees") is None:
                attendees = _titles(config, section, "attendees")[1]
                items += [f"- **{attendees}:**", *(f"    - {person}" for person in people)]
        _add_items(lines, before, section, section_title, items)
    after_text = "\n".join(lines)
    after = check_text(path, after_text, relative, config)
    for wanted_key, value in wanted.items():
        if _get(after, section if wanted_key == key else FRONT_MATTER, wanted_key) != value:
            raise Refused(f"the fact could not be placed where the linter reads it (the doc's "
                          f"'{section_title}' is not as `handoff new` writes it); add "
                          f"the line by hand", line)
    new = sorted(_errors(after) - _errors(before))
    if new:
        code, message = new[0]
        raise Refused(f"recording it would break {code}: {message}", line)
    return Recorded(after_text, True, f"{label} {request.day.isoformat()}"
                    + (f" ({wanted['account_manager']})" if "account_manager" in wanted else ""))
