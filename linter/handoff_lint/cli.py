"""The `handoff` command: argument parsing, file system, printing and exit codes live here only."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from handoff_lint import __version__, codes, files, parallel, runner
from handoff_lint.check import apply_severity, check_bytes
from handoff_lint.config import TODAY_VARIABLE, Config, ConfigError, load, parse_today
from handoff_lint.diagnostics import Diagnostic, Severity, has_errors
from handoff_lint.paths import SLUG, check_one_doc_per_client, doc_path
from handoff_lint.reporters import REPORTERS, finding
from handoff_lint.schema import load_schema, parse_date

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def lint(arguments: argparse.Namespace, config: Config) -> int:
    try:
        today = parse_today(arguments.today or os.environ.get(TODAY_VARIABLE), dt.date.today())
    except ConfigError as error:
        print(f"handoff lint: {error}", file=sys.stderr)
        return EXIT_USAGE
    config = replace(config, today=today)
    paths = [Path(p) for p in arguments.paths] or [config.root / config.clients]
    targets, problems = files.discover(paths, config.root, Path.cwd())
    found: list[Diagnostic] = list(problems)
    found += parallel.lint_targets(targets, config, arguments.jobs)
    # A crash exits 2 whatever else was found; its traceback travels on the finding (--debug).
    crashed = [d for d in found if isinstance(d, runner.InternalError)]
    found += check_one_doc_per_client(_handoff_folders(targets, bool(arguments.paths)), config.clients)
    found = apply_severity(found, config)
    sys.stdout.write(REPORTERS[arguments.format](found, len(targets) + len(problems)))
    for crash in crashed if arguments.debug else []:
        print(f"handoff: traceback for {crash.path}:\n{crash.details}", file=sys.stderr, end="")
    if crashed:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(found) else EXIT_CLEAN


def _handoff_folders(targets: list[files.Target], named: bool) -> list[tuple[str, PurePosixPath]]:
    """The docs one-doc-per-client (HO504) compares: the targets and, when docs were named (the
    pre-commit case, which passes only the staged docs), the others already in their folders, so
    a commit adding a second doc for a client is refused there and not only in CI. Those others
    are compared by name only, not checked."""
    docs = {t.path: (t.display, t.relative) for t in targets if t.relative is not None}
    for folder, relative in {(t.path.parent, t.relative.parent) for t in targets
                             if named and t.relative is not None}:
        for other in folder.glob("*.md"):
            if not other.name.startswith(".") and other not in docs:
                docs[other] = (files.display(other, Path.cwd()), relative / other.name)
    return list(docs.values())


def rules(arguments: argparse.Namespace, config: Config) -> int:
    if arguments.code:
        rule = codes.REGISTRY.get(arguments.code.upper())
        if rule is None:
            print(f"handoff: no rule '{arguments.code}'; `handoff rules` lists them all.", file=sys.stderr)
            return EXIT_USAGE
        print(f"{rule.code} {rule.name} [{_severity(rule, config)}]\n\n{rule.explanation()}")
        return EXIT_CLEAN
    for rule in codes.REGISTRY.values():
        print(f"{rule.code}  {rule.name:<28} {_severity(rule, config):<8} {rule.summary}")
    return EXIT_CLEAN


def _severity(rule: codes.Rule, config: Config) -> str:
    """The rule's severity in this repo: [tool.handoff] severity may override the default."""
    return config.severity.get(rule.code, rule.severity).value


def _slug(text: str) -> str:
    if not SLUG.match(text):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a valid slug: use lowercase letters and digits in words joined by "
            "hyphens, e.g. acme-widgets")
    return text


def _client_name(text: str) -> str:
    name = text.strip()
    # Control characters (a pasted line break, a tab) would break the front matter and the heading.
    if not name or any(unicodedata.category(c).startswith("C") for c in name):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a usable client name: give the legal name on one line, "
            'e.g. --client "Acme Widgets Ltd"')
    return name


def _iso_date(text: str) -> str:
    if parse_date(text) is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD, e.g. 2026-11-24")
    return text


def _shown(path: Path) -> str:
    return files.display(path, Path.cwd())


def _refuse(shown: str, message: str) -> None:
    """`handoff new` leaves an existing doc alone and says which one to edit instead.

    A usage error (exit 2), not a finding: nothing is wrong with the doc, the command was the
    wrong one for a client that already has a doc.
    """
    print(finding(Diagnostic(shown, 1, 1, "HO504", Severity.ERROR, message,
                             "One handoff doc per signed client: edit this doc instead of starting "
                             "another. `handoff new` wrote nothing.")), file=sys.stderr)


def new(arguments: argparse.Namespace, config: Config) -> int:
    date = arguments.date or dt.date.today().isoformat()
    root = config.root.resolve()
    clients = (root / config.clients).resolve()
    if not clients.is_relative_to(root):
        print(f"handoff new: the clients folder '{config.clients}' is outside the repo at {root}; "
              "fix `clients` in [tool.handoff].", file=sys.stderr)
        return EXIT_USAGE
    target = root / doc_path(config.clients, arguments.slug, date)
    folder = target.parent
    if not target.resolve().is_relative_to(clients):
        print(f"handoff new: {_shown(folder)} leads outside {_shown(clients)} (a link?); "
              "handoff docs are only written inside the clients folder.", file=sys.stderr)
        return EXIT_USAGE
    # Any doc in the handoff folder, or a handoff doc saved anywhere else in the client's folder.
    # Whatever its date: the playbook allows one handoff doc per signed client (HO504 in a lint).
    existing = sorted({*folder.glob("*.md"), *folder.parent.rglob("handoff-*.md")})
    if existing:
        shown = _shown(existing[0])
        _refuse(shown, f"client '{arguments.slug}' already has a handoff doc: {shown}")
        return EXIT_USAGE
    from handoff_lint import template  # imported by the command that uses it: lint starts faster

    text = template.render(load_schema(config.schema_path), arguments.slug, arguments.client, date)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a file where the client's folder should be
        print(f"handoff new: cannot create the folder {_shown(folder)}: {error.strerror}; "
              "check what is at that path and that you may write there.", file=sys.stderr)
        return EXIT_USAGE
    try:
        files.create_new(target, text)
    except FileExistsError:
        # Saved by hand (or by another `handoff new`) after the look above: still not touched.
        _refuse(_shown(target), "this doc appeared while `handoff new` ran and already exists; "
                "it was left as it is")
        return EXIT_USAGE
    except OSError as error:
        print(f"handoff new: cannot write {_shown(target)}: {error.strerror}; "
              "check that you may write to that folder.", file=sys.stderr)
        return EXIT_USAGE
    shown = _shown(target)
    print(f"Created {shown}\n"
          "Fill in every empty item (the comments in the file say what goes where), then run\n"
          f"    handoff lint {shown}\n"
          "until it reports no errors, and open a pull request.")
    return EXIT_CLEAN


def email(arguments: argparse.Namespace, config: Config) -> int:
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
    from handoff_lint import intro_email  # imported by the command that uses it

    checked = check_bytes(target.display, data, target.relative, config)
    missing = intro_email.missing(checked.instance)
    if missing:
        # What kept the doc (or part of it) from being read comes first: it explains the gaps.
        for d in checked.diagnostics:
            if checked.extraction is None or d.code in codes.ALWAYS_ERRORS:
                print(finding(d), file=sys.stderr)
        for pointer, piece in missing:
            line, column = checked.extraction.position(pointer) if checked.extraction else (1, 1)
            print(f"{target.display}:{line}:{column}: the intro e-mail needs {piece}, and it is missing",
                  file=sys.stderr)
        print("handoff email: fill in the missing pieces; the e-mail is never sent with blanks.",
              file=sys.stderr)
        return EXIT_FINDINGS
    sys.stdout.write(intro_email.compose(checked.instance).as_text())
    if has_errors(checked.diagnostics):
        print(f"note: {target.display} still has errors; run `handoff lint {target.display}`.",
              file=sys.stderr)
    return EXIT_CLEAN


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="handoff",
        description="Write and check sales-to-delivery handoff docs: one per signed client, complete "
        "before Delivery takes over.",
        epilog='When a SoW is signed: `handoff new <slug> --client "<legal name>"`, fill in the doc '
        "until `handoff lint` is clean, then open a pull request. `handoff <command> --help` says more.",
    )
    main_parser.add_argument("--version", action="version", version=f"handoff {__version__}")
    main_parser.add_argument("--debug", action="store_true",
                             help="on an internal error, print the full traceback for a bug report")
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
    lint_parser.add_argument("--jobs", type=int, default=None, metavar="N",
                             help="check files in N processes (default: one per core; output is "
                             "the same whatever N)")
    lint_parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                             help=f"check recorded dates as seen on this day (default: ${TODAY_VARIABLE}, "
                             "else the real date): nothing recorded as done may lie after it")
    lint_parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="on an internal error, print the full traceback for a bug report")
    lint_parser.set_defaults(run=lint)

    rules_parser = commands.add_parser("rules", help="list the rules, or explain one",
                                       description="List every rule, or show one rule's full entry.")
    rules_parser.add_argument("code", nargs="?", help="a rule code, e.g. HO301")
    rules_parser.set_defaults(run=rules)

    new_parser = commands.add_parser(
        "new", help="start a handoff doc for a newly signed client",
        description="Write a fill-in handoff doc at clients/<slug>/01-handoff/handoff-<slug>-<date>.md. "
        "Never overwrites: refused if the client already has a handoff doc.",
    )
    new_parser.add_argument("slug", type=_slug, help="the client's short name, e.g. acme-widgets")
    new_parser.add_argument("--client", required=True, type=_client_name, metavar="LEGAL_NAME",
                            help='the client\'s legal name as on the SoW, e.g. "Acme Widgets Ltd"')
    new_parser.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                            help="the doc's date (default: today)")
    new_parser.set_defaults(run=new)

    email_parser = commands.add_parser(
        "email", help="print the client intro e-mail filled from a handoff doc",
        description="Print the playbook's client intro e-mail (sent during the handoff call), filled "
        "from the doc. Exit 1 if the doc lacks a piece the e-mail needs.",
    )
    email_parser.add_argument("doc", metavar="DOC", help="the handoff doc (or its client folder)")
    email_parser.set_defaults(run=email)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        config = load(Path.cwd())
        result: int = arguments.run(arguments, config)
    except ConfigError as error:
        print(f"handoff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader stopped early (`handoff rules | head`, a pager closed): not a bug, so no
        # message. What is still buffered goes nowhere instead of failing again at exit; the run's
        # own result is unknown, so it is not reported as clean.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    except Exception as error:  # a bug outside any one file: one line, the details on request
        print(f"handoff: internal error ({type(error).__name__}); this is a bug in handoff, not in "
              "your docs: report it to the repo's maintainers with the command you ran"
              + ("." if arguments.debug else " and the output of the same command run as "
                 "`handoff --debug ...`."), file=sys.stderr)
        if arguments.debug:
            import traceback  # only for a crash: kept off the start-up path

            traceback.print_exc()
        return EXIT_USAGE
    return result


if __name__ == "__main__":
    sys.exit(main())
