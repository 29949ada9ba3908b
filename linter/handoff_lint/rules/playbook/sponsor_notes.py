"""Section B: the sponsors' notes say what the playbook asks them to say."""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff_lint.diagnostics import Diagnostic
from handoff_lint.rules.playbook.context import Context

PEOPLE = "/people"
# The playbook's Notes column for the two sponsors: one point per item.
NOTES_COVER = {
    "Exec sponsor": ("relationship strength", "how to address", "preferred channel"),
    "HR sponsor (primary contact)": ("engagement style", "what they care about most"),
}
# Points end at a ';', a line break, the end of a sentence, or a dash, slash or bar between spaces
# ("Strong – call him Marcus – Teams").
_POINTS = re.compile(r"(?:[;\n]|\.(?=\s|$)|\s[-–—/|]\s)+")
# Words that open a clause of their own after a comma ("Warm, prefers e-mail"), where an adjective
# would describe what follows ("Warm, long relationship").
_CLAUSE_OPENERS = frozenset({
    "prefers", "prefer", "likes", "loves", "wants", "needs", "expects", "dislikes", "hates", "cares",
    "call", "calls", "use", "uses", "email", "e-mail", "phone", "text", "message", "address", "ask",
    "reply", "replies", "responds", "goes", "is", "was", "has", "on", "via", "by", "through", "over",
    "first", "only", "never", "always",
})


def _words(piece: str) -> list[str]:
    return piece.split()


def _describes(piece: str, following: str | None, first: bool) -> bool:
    """A comma piece that only describes its neighbour, as a reader takes it: a lone lowercase
    word after another piece ('Good relationship, warm, friendly'), or a lone word before a short
    lowercase phrase it qualifies ('Warm, long relationship'). A capitalised word alone after a
    comma is a point of its own: a name or a channel ('Strong, Marcus, Teams')."""
    words = _words(piece)
    if len(words) != 1:
        return False
    if not first:
        return piece[:1].islower()
    after = _words(following or "")
    return (1 <= len(after) <= 2 and (following or "")[:1].islower()
            and after[0].casefold() not in _CLAUSE_OPENERS)


def _comma_points(text: str) -> int:
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    return sum(not _describes(piece, pieces[i + 1] if i + 1 < len(pieces) else None, i == 0)
               for i, piece in enumerate(pieces)) or (1 if pieces else 0)


def points(notes: str) -> list[str]:
    return [point for point in (p.strip(" \t,") for p in _POINTS.split(notes)) if point]


def point_count(notes: str) -> int:
    """How many points a Delivery Lead reading the notes counts: each ';'-, sentence- or
    dash-separated part, and within one, each comma-separated clause ('Strong relationship, call
    him Marcus, prefers Teams' is three), but not a list of words describing one thing ('Warm,
    long relationship' is one)."""
    return sum(_comma_points(point) for point in points(notes))


def sponsor_notes(context: Context) -> Iterator[Diagnostic]:
    """HO610: Exec and HR sponsor notes hold one point per item the playbook lists."""
    for pointer, row in context.rows(PEOPLE):
        role, notes = row.get("role"), row.get("notes")
        wanted = NOTES_COVER.get(role) if isinstance(role, str) else None
        if wanted is None or not isinstance(notes, str) or context.already_reported(f"{pointer}/notes"):
            continue
        written = point_count(notes)
        if written >= len(wanted):
            continue
        given = f"give {written} point{'s' if written != 1 else ''}" if written else "are empty"
        yield context.finding(
            "HO610", context.where(f"{pointer}/notes"),
            f"{role} notes {given}; the playbook asks for {len(wanted)}: {'; '.join(wanted)}",
            f"Write one point per item, separated by ';': {'; '.join(wanted)}.",
        )
