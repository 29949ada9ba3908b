"""The rule registry: every diagnostic code, documented once.

The rules reference (``handoff rules`` and the site's guide) is generated from this table, so the
documentation cannot drift from what the linter reports.
"""

from __future__ import annotations

from handoff_lint.codes.format_rules import FORMAT_RULES
from handoff_lint.codes.playbook_rules import PLAYBOOK_RULES
from handoff_lint.codes.rule import ALWAYS_AN_ERROR, ALWAYS_ERRORS, Rule
from handoff_lint.diagnostics import Diagnostic, Fix, Severity

__all__ = ["ALWAYS_AN_ERROR", "ALWAYS_ERRORS", "PLAYBOOK_RULES", "REGISTRY", "Rule", "default_severity",
           "diagnostic"]

REGISTRY: dict[str, Rule] = {rule.code: rule for rule in (*FORMAT_RULES, *PLAYBOOK_RULES)}


def default_severity(code: str) -> Severity:
    return REGISTRY[code].severity


def diagnostic(path: str, line: int, column: int, code: str, message: str, hint: str = "",
               fix: Fix | None = None) -> Diagnostic:
    """A finding of a registered rule, at the rule's own severity (settings apply later)."""
    return Diagnostic(path, line, column, code, REGISTRY[code].severity, message, hint, fix)
