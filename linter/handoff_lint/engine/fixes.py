"""Applying the fixes findings carry: pure text in, text out (the CLI reads and writes the file).

As in ruff: a fix is a set of edits; fixes that touch the same line as one already taken wait for
the next pass, when the doc is checked again. A fix may replace what a finding points at and add
text, but never remove a line or empty one, so nothing the writer wrote is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic, Edit, Fix
from handoff_lint.engine.check import check_text


@dataclass(frozen=True)
class Applied:
    text: str
    fixed: list[Diagnostic]


def wanted(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The findings whose fixes apply: safe ones always, the others only when asked for."""
    return [d for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


def _locate(line: str, edit: Edit) -> int | None:
    """Where edit.old starts on the line (0-based), at or after its column; None: not there."""
    start = max(edit.column - 1, 0)
    if edit.old == "":
        return start if start <= len(line) else None
    found = line.find(edit.old, start)
    return found if found >= 0 else None


def _keeps_text(before: list[str], changed: dict[int, str]) -> bool:
    """No line is lost and none that had text is emptied: the guard every applied fix passes.
    Only the changed lines differ (an edit stays within its line, and adds lines only by the line
    breaks in its new text), so only they are compared."""
    return all(not before[line - 1].strip() or any(part.strip() for part in text.split("\n"))
               for line, text in changed.items())


def _apply_one(lines: list[str], fix: Fix) -> dict[int, str] | None:
    """The lines the fix changes, by number, with its edits made (a line may then hold line
    breaks); None if an edit's text is no longer where the finding saw it."""
    changed: dict[int, str] = {}
    # Right to left on a line, so an edit does not move the columns of those before it.
    for edit in sorted(fix.edits, key=lambda e: (e.line, e.column), reverse=True):
        if not 1 <= edit.line <= len(lines) or "\n" in edit.old:
            return None
        text = changed.get(edit.line, lines[edit.line - 1])
        start = _locate(text, edit)
        if start is None:
            return None
        changed[edit.line] = text[:start] + edit.new + text[start + len(edit.old):]
    return changed


def apply(text: str, diagnostics: Iterable[Diagnostic]) -> Applied:
    """One pass: every fix that touches lines no earlier fix touched, and keeps the writer's text."""
    lines = text.split("\n")
    taken: set[int] = set()
    fixed: list[Diagnostic] = []
    for diagnostic in sorted(diagnostics, key=lambda d: (d.line, d.column, d.code)):
        fix = diagnostic.fix
        if fix is None or not fix.edits:
            continue
        touched = {edit.line for edit in fix.edits}
        if touched & taken:
            continue
        changed = _apply_one(lines, fix)
        if changed is None or not _keeps_text(lines, changed):
            continue
        for line, new in changed.items():
            lines[line - 1] = new
        taken |= touched
        fixed.append(diagnostic)
    # A line given a line break stays one entry until here, so the line numbers of every finding
    # of this pass stay right however many lines the fixes before them added.
    return Applied("\n".join(lines), fixed)


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib  # only --diff needs it

    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"))


MAX_PASSES = 10


def fix_text(path: str, text: str, relative: PurePosixPath | None, config: Config,
             unsafe: bool = False) -> Applied:
    """Check, fix, and check again until no fix applies (at most MAX_PASSES passes): the text and
    every finding fixed on the way."""
    fixed: list[Diagnostic] = []
    for _ in range(MAX_PASSES):
        applied = apply(text, wanted(check_text(path, text, relative, config).diagnostics, unsafe))
        if not applied.fixed or applied.text == text:
            break
        text = applied.text
        fixed += applied.fixed
    return Applied(text, fixed)
