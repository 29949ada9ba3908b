"""The `handoff` command: argument parsing, file system, printing and exit codes live here only."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from handoff_lint import __version__, codes, files
from handoff_lint.check import apply_severity, check_bytes
from handoff_lint.config import Config, ConfigError, load
from handoff_lint.diagnostics import Diagnostic, has_errors
from handoff_lint.paths import check_one_doc_per_client
from handoff_lint.reporters import REPORTERS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def lint(arguments: argparse.Namespace, config: Config) -> int:
    cwd = Path.cwd()
    paths = [Path(p) for p in arguments.paths] or [config.root / config.clients]
    targets, problems = files.discover(paths, config.root, cwd)
    found: list[Diagnostic] = list(problems)
    for target in targets:
        data = files.read(target, config.max_bytes)
        if isinstance(data, Diagnostic):
            found.append(data)
            continue
        found += check_bytes(target.display, data, target.relative, config).diagnostics
    found += check_one_doc_per_client(
        ((t.display, t.relative) for t in targets if t.relative is not None), config.clients
    )
    found = apply_severity(found, config)
    sys.stdout.write(REPORTERS[arguments.format](found, len(targets) + len(problems)))
    return EXIT_FINDINGS if has_errors(found) else EXIT_CLEAN


def rules(arguments: argparse.Namespace, config: Config) -> int:
    if arguments.code:
        rule = codes.REGISTRY.get(arguments.code.upper())
        if rule is None:
            print(f"handoff: no rule '{arguments.code}'; `handoff rules` lists them all.", file=sys.stderr)
            return EXIT_USAGE
        severity = config.severity.get(rule.code, rule.severity).value
        print(f"{rule.code} {rule.name} [{severity}]\n\n{rule.summary}\n\nWhy: {rule.rationale}")
        if rule.example:
            print(f"\nExample that fails: {rule.example}")
        if rule.fix:
            print(f"\nFix: {rule.fix}")
        return EXIT_CLEAN
    for rule in codes.REGISTRY.values():
        severity = config.severity.get(rule.code, rule.severity).value
        print(f"{rule.code}  {rule.name:<28} {severity:<8} {rule.summary}")
    return EXIT_CLEAN


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="handoff",
        description="Check sales-to-delivery handoff docs and build the site Delivery works from.",
    )
    main_parser.add_argument("--version", action="version", version=f"handoff {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lint_parser = commands.add_parser(
        "lint", help="check handoff docs against the format and the playbook",
        description="Check handoff docs. Exit 0: complete (warnings allowed); 1: errors found; "
        "2: usage or internal error.",
    )
    lint_parser.add_argument("paths", nargs="*", metavar="PATH",
                             help="docs or folders to check (default: the clients folder)")
    lint_parser.add_argument("--format", choices=sorted(REPORTERS), default="text",
                             help="output format (default: text)")
    lint_parser.set_defaults(run=lint)

    rules_parser = commands.add_parser("rules", help="list the rules, or explain one",
                                       description="List every rule, or show one rule's full entry.")
    rules_parser.add_argument("code", nargs="?", help="a rule code, e.g. HO301")
    rules_parser.set_defaults(run=rules)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        config = load(Path.cwd())
    except ConfigError as error:
        print(f"handoff: {error}", file=sys.stderr)
        return EXIT_USAGE
    result: int = arguments.run(arguments, config)
    return result


if __name__ == "__main__":
    sys.exit(main())
