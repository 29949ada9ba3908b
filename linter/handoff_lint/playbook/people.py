"""Section B: the sponsors' notes say what the playbook asks them to say."""

from __future__ import annotations

import re

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.playbook.context import Context

PEOPLE = "/people"
# The playbook's Notes column for the two sponsors: one point per item.
NOTES_COVER = {
    "Exec sponsor": ("relationship strength", "how to address", "preferred channel"),
    "HR sponsor (primary contact)": ("engagement style", "what they care about most"),
}
# Points end at a ';', a line break, the end of a sentence, or a dash, slash or bar between spaces
# ("Strong – call him Marcus – Teams"). Not at a comma: "warm, long relationship" is one point,
# and counting commas would pass notes that say one thing.
_POINTS = re.compile(r"(?:[;\n]|\.(?=\s|$)|\s[-–—/|]\s)+")


def points(notes: str) -> list[str]:
    return [point for point in (p.strip(" \t,") for p in _POINTS.split(notes)) if point]


def sponsor_notes(context: Context) -> list[Diagnostic]:
    """HO610: Exec and HR sponsor notes hold one point per item the playbook lists."""
    found: list[Diagnostic] = []
    for pointer, row in context.rows(PEOPLE):
        role, notes = row.get("role"), row.get("notes")
        wanted = NOTES_COVER.get(role) if isinstance(role, str) else None
        if wanted is None or not isinstance(notes, str) or context.already_reported(f"{pointer}/notes"):
            continue
        written = points(notes)
        if len(written) >= len(wanted):
            continue
        given = (f"give {len(written)} point{'s' if len(written) != 1 else ''}" if written
                 else "are empty")
        found.append(context.finding(
            "HO610", context.where(f"{pointer}/notes"),
            f"{role} notes {given}; the playbook asks for {len(wanted)}: {'; '.join(wanted)}",
            f"Write one point per item, separated by ';': {'; '.join(wanted)}.",
        ))
    return found
