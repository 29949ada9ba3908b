"""Diagnostics to text for people and machines; one function per output format."""

from __future__ import annotations

import json
from collections.abc import Callable

from handoff_lint.diagnostics import Diagnostic, Severity


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    failing = len({d.path for d in diagnostics if d.severity is Severity.ERROR})
    if not errors and not warnings:
        return f"{_plural(files, 'handoff doc')} checked: all complete."
    if not errors:
        return f"{_plural(files, 'handoff doc')} checked: {_plural(warnings, 'warning')}, no errors."
    return (
        f"{_plural(files, 'handoff doc')} checked: {_plural(errors, 'error')} in "
        f"{_plural(failing, 'file')}, {_plural(warnings, 'warning')}. Fix the errors before you merge."
    )


def text(diagnostics: list[Diagnostic], files: int) -> str:
    lines = []
    for d in diagnostics:
        label = "" if d.severity is Severity.ERROR else f"({d.severity.value}) "
        lines.append(f"{d.path}:{d.line}:{d.column}: {d.code} {label}{d.message}")
        if d.hint:
            lines.append(f"    fix: {d.hint}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def json_lines(diagnostics: list[Diagnostic], files: int) -> str:
    return json.dumps([d.as_json() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


Reporter = Callable[[list[Diagnostic], int], str]

REPORTERS: dict[str, Reporter] = {"text": text, "json": json_lines}
