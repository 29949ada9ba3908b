"""A rule as the registry documents it, and the codes no setting may turn off."""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    example: str = ""
    fix: str = ""

    def explanation(self) -> str:
        """The full entry after the summary line, as `handoff rules CODE` and SARIF's help show it."""
        parts = [self.summary, f"Why: {self.rationale}"]
        if self.example:
            parts.append(f"Example that fails: {self.example}")
        if self.fix:
            parts.append(f"Fix: {self.fix}")
        return "\n\n".join(parts)


PLAYBOOK_PACKAGE = (
    "Playbook: \"Handoff package (AE produces this; one document, no exceptions).\""
)

# The codes that mean the doc, or all of it after the reported line, could not be checked. Turning one
# off or into a warning would let an unchecked doc pass, so [tool.handoff] severity refuses to.
ALWAYS_ERRORS = frozenset({
    "HO101", "HO102", "HO103", "HO104", "HO105",  # the file cannot be read as text
    "HO107",  # the text is too complex to be read in bounded time
    "HO201", "HO202", "HO203", "HO205", "HO206",  # the front matter cannot be read
    "HO310",  # nothing after the nesting limit is read
    "HO900",  # the linter failed on the doc
})
ALWAYS_AN_ERROR = (
    " This rule is always an error: a doc it reports was not checked, so it must not pass, and "
    "[tool.handoff] severity cannot turn it off or make it a warning."
)
