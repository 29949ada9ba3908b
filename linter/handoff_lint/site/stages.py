"""A client's stage and clock as the site shows them: a labelled chip that reads without colour."""

from __future__ import annotations

import re

from handoff_lint.domain.lifecycle import Clock, Stage, Urgency
from handoff_lint.site import filterable
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.mdtext import text

CHIP_CLASS = "handoff-chip"
# What the chip says about urgency, in words: the colour only repeats it.
_URGENCY_WORDS = {
    Urgency.OVERDUE: "overdue",
    Urgency.DUE_SOON: "due soon",
    Urgency.ON_TRACK: "",
    Urgency.DONE: "",
    Urgency.UNKNOWN: "",
}


def _class(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")


def marks(*classes: str) -> str:
    """The site's own classes as an attribute list writes them (keyed: see site.attributes)."""
    return " ".join(f".{trusted_class(name)}" for name in classes)


def _label(clock: Clock) -> str:
    words = _URGENCY_WORDS[clock.urgency]
    return f"{clock.stage.value}: {words}" if words else clock.stage.value


def chip(clock: Clock) -> str:
    """Markdown for a chip: the stage's name (and 'overdue' or 'due soon') in a styled span."""
    label = _label(clock)
    classes = marks(CHIP_CLASS, f"{CHIP_CLASS}-{_class(clock.stage.name)}",
                    f"{CHIP_CLASS}-{_class(clock.urgency.name)}")
    return f"**{text(label)}**{{ {classes} }}"


def stage_chip(stage: Stage, count: int) -> str:
    """A count by stage, as the dashboard's summary shows it."""
    classes = marks(CHIP_CLASS, f"{CHIP_CLASS}-{_class(stage.name)}")
    return f"**{text(stage.value)}: {count}**{{ {classes} }}"


def status(clock: Clock) -> str:
    """The chip followed by the clock's words, e.g. 'handoff call overdue by 2 working days'."""
    return f"{chip(clock)} {text(clock.text)}" if clock.text else chip(clock)


def status_parts(clock: Clock) -> filterable.Cell:
    """The same as status, as parts of a filterable list's cell."""
    made = filterable.chip(_label(clock), _class(clock.stage.name), _class(clock.urgency.name))
    return [made, filterable.text(f" {clock.text}")] if clock.text else [made]
