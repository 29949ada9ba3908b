"""`handoff rules` and `handoff changed`: the rules explained, and what a pull request changes outside the
clients folder."""

from __future__ import annotations

import argparse
import os
import sys

from handoff_lint import codes
from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_USAGE
from handoff_lint.contract.config import (
    Config,
)
from handoff_lint.engine.reporters import printable

MIN_SUMMARY = 20


def find_rule(wanted: str) -> codes.Rule | None:
    """A rule by its code (any case) or its name (any case, spaces or underscores for hyphens)."""
    key = wanted.strip().casefold().replace("_", "-").replace(" ", "-")
    for rule in codes.REGISTRY.values():
        if key in (rule.code.casefold(), rule.name.casefold()):
            return rule
    return None


def changed(arguments: argparse.Namespace, config: Config) -> int:
    """List the files changed since the base commit outside the clients folder (always exit 0 when
    git answers: the list is for the reviewer, CODEOWNERS requires the review)."""
    from handoff_lint.engine import changes

    try:
        found = changes.outside(changes.changed_paths(config.root, arguments.base), config.clients)
    except changes.GitError as error:
        print(f"handoff changed: git could not compare with {printable(arguments.base)}: "
              f"{printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    if arguments.format == "github":
        sys.stdout.write(changes.github(found, config.clients))
    else:
        sys.stdout.write(changes.text(found, config.clients))
    return EXIT_CLEAN


def rules(arguments: argparse.Namespace, config: Config) -> int:
    if arguments.code:
        rule = find_rule(arguments.code)
        if rule is None:
            import difflib  # only a mistyped rule needs it

            names = [r.name for r in codes.REGISTRY.values()]
            near = difflib.get_close_matches(arguments.code.casefold(), names, n=1, cutoff=0.6)
            suggestion = f"did you mean '{near[0]}'? " if near else ""
            print(f"handoff: no rule '{arguments.code}'; {suggestion}`handoff rules` lists them all.",
                  file=sys.stderr)
            return EXIT_USAGE
        print(f"{rule.code} {rule.name} [{_severity(rule, config)}]\n\n{rule.explanation()}")
        return EXIT_CLEAN
    import textwrap  # only the listing needs it

    ordered = sorted(codes.REGISTRY.values(), key=lambda r: r.code)
    name_width = max(len(r.name) for r in ordered)
    width = _listing_width()
    for rule in ordered:
        lead = f"{rule.code}  {rule.name:<{name_width}}  {_severity(rule, config):<7}  "
        # One line per rule, so the listing can be searched line by line; `handoff rules CODE`
        # gives the whole summary.
        summary = " ".join(rule.summary.split())
        if width is not None:
            summary = textwrap.shorten(summary, max(width - len(lead), MIN_SUMMARY), placeholder=" …")
        print(lead + summary)
    return EXIT_CLEAN


def _listing_width() -> int | None:
    """How wide the rules listing may be: the terminal's width (or $COLUMNS); None, no limit, when
    the output goes to a file or another program, which should see every summary whole."""
    import shutil

    if os.environ.get("COLUMNS", "").strip().isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def _severity(rule: codes.Rule, config: Config) -> str:
    """The rule's severity in this repo: [tool.handoff] severity may override the default."""
    return config.severity.get(rule.code, rule.severity).value
