"""`handoff email`: the client intro e-mail, filled from a handoff doc."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handoff_lint import codes
from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from handoff_lint.cli.lint import by_repo
from handoff_lint.contract.config import (
    Config,
)
from handoff_lint.diagnostics import Diagnostic, has_errors
from handoff_lint.engine.check import Checked, check_bytes
from handoff_lint.engine.reporters import finding, printable
from handoff_lint.reading import files


def email(arguments: argparse.Namespace, config: Config) -> int:
    [(config, _)] = by_repo([Path(arguments.doc)], config)
    targets, problems = files.discover([Path(arguments.doc)], config.root, Path.cwd())
    if problems or len(targets) != 1:
        for problem in problems:
            print(finding(problem), file=sys.stderr)
        if not problems:
            held = f"{len(targets)} handoff docs; name one of them" if targets else "no handoff doc"
            print(f"handoff email: {arguments.doc} holds {held}.", file=sys.stderr)
        return EXIT_USAGE
    target = targets[0]
    data = files.read(target, config.max_bytes)
    if isinstance(data, Diagnostic):
        print(finding(data), file=sys.stderr)
        return EXIT_FINDINGS
    from handoff_lint.domain import intro_email  # imported by the command that uses it

    checked = check_bytes(target.display, data, target.relative, config)
    missing = intro_email.missing(checked.instance)
    if missing:
        # What kept the doc (or part of it) from being read comes first: it explains the gaps.
        for d in checked.diagnostics:
            if checked.extraction is None or d.code in codes.ALWAYS_ERRORS:
                print(finding(d), file=sys.stderr)
        for pointer, piece in missing:
            line, column = _where_lint_reports(checked, pointer)
            print(f"{printable(target.display)}:{line}:{column}: the intro e-mail needs {piece}, and it "
                  "is missing", file=sys.stderr)
        print("handoff email: fill in the missing pieces; the e-mail is never sent with blanks.",
              file=sys.stderr)
        return EXIT_FINDINGS
    # missing() has refused values with control characters; escaping again costs nothing.
    sys.stdout.write(printable(intro_email.compose(checked.instance).as_text(), keep="\n"))
    if has_errors(checked.diagnostics):
        print(f"note: {target.display} still has errors; run `handoff lint {target.display}`.",
              file=sys.stderr)
    return EXIT_CLEAN


def _where_lint_reports(checked: Checked, pointer: str) -> tuple[int, int]:
    """The line and column `handoff lint` gives for what is at pointer: a table's header line for
    a missing row, else where the value is (or belongs)."""
    if checked.extraction is None:
        return 1, 1
    header = checked.extraction.table_headers.get(pointer)
    return header if header is not None else checked.extraction.position(pointer)
