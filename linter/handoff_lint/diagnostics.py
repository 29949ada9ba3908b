"""Diagnostics are plain data: where, which rule, how bad, what to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    OFF = "off"


@dataclass(frozen=True)
class Edit:
    """Replace `old`, found on `line` at or after `column` (1-based, in characters), with `new`.

    Naming the text it replaces, not only a span, lets a fix check that the line still says what
    the finding saw; an edit whose `old` is no longer there is not applied.
    """

    line: int
    column: int
    old: str
    new: str

    def as_json(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Fix:
    """A change that resolves a finding. Safe: it keeps the writer's meaning (a pasted bullet made
    a Markdown one, a date in words written as YYYY-MM-DD). Unsafe: it may change what the doc
    says, so it is applied only on request (`--unsafe-fixes`)."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = True

    def as_json(self) -> dict[str, object]:
        return {"description": self.description, "applicability": "safe" if self.safe else "unsafe",
                "edits": [edit.as_json() for edit in self.edits]}


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str = field(default="", compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "fix": self.fix.as_json() if self.fix else None,
        }


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
