"""The `handoff` command: argument parsing, file system, printing and exit codes live in this package
only; each command has its module, and this one parses the command line and runs it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from handoff_lint import __version__
from handoff_lint.cli import email, lint, new, rule_list
from handoff_lint.cli.exits import EXIT_USAGE
from handoff_lint.contract.config import (
    TODAY_VARIABLE,
    Config,
    load,
)
from handoff_lint.engine.reporters import REPORTERS, printable
from handoff_lint.errors import Refusal
from handoff_lint.site.generators import GENERATORS


def site(arguments: argparse.Namespace, config: Config) -> int:
    from handoff_lint.site import commands  # the site's libraries load for a site command only

    return commands.STEPS[arguments.step](arguments, config)


LSP_INSTALL = 'pip install "handoff-docs[lsp]"'


def lsp(arguments: argparse.Namespace, config: Config) -> int:
    try:
        from handoff_lint.editor import lsp as server
    except ImportError as error:  # pygls and lsprotocol come with the [lsp] extra
        print(f"handoff lsp: the language server needs {error.name or 'pygls'}, which is not "
              f"installed; install it with `{LSP_INSTALL}` (in your clone: `.venv/bin/pip install "
              '-e ".[lsp]"`).', file=sys.stderr)
        return EXIT_USAGE
    return server.main()


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
    lint_parser.add_argument("--fix", action="store_true",
                             help="apply the safe fixes findings carry, in place (each doc is "
                             "written whole, and left alone if it changed meanwhile)")
    lint_parser.add_argument("--unsafe-fixes", action="store_true",
                             help="with --fix or --diff, also apply fixes that may change what the "
                             "doc says")
    lint_parser.add_argument("--diff", action="store_true",
                             help="show the fixes as a diff and write nothing (exit 1 if any)")
    lint_parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                             help=f"check recorded dates as seen on this day (default: ${TODAY_VARIABLE}, "
                             "else the real date): nothing recorded as done may lie after it")
    lint_parser.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="on an internal error, print the full traceback for a bug report")
    lint_parser.set_defaults(run=lint.lint)

    rules_parser = commands.add_parser("rules", help="list the rules, or explain one",
                                       description="List every rule, or show one rule's full entry.")
    rules_parser.add_argument("code", nargs="?", metavar="RULE",
                              help="a rule code or name, e.g. HO301 or missing-section")
    rules_parser.set_defaults(run=rule_list.rules)

    changed_parser = commands.add_parser(
        "changed", help="list the files a branch changes outside the clients folder",
        description="List every file changed since BASE (from its common ancestor with HEAD) that "
        "is not under the clients folder: code and settings an engineering owner must review. "
        "Exit 0 (the list is for reading); 2 if git cannot compare.",
    )
    changed_parser.add_argument("--base", required=True, metavar="BASE",
                                help="the commit the branch is compared with (a pull request's base)")
    changed_parser.add_argument("--format", choices=("text", "github"), default="text",
                                help="text, or github: one warning annotation per file (default: text)")
    changed_parser.set_defaults(run=rule_list.changed)

    new_parser = commands.add_parser(
        "new", help="start a handoff doc for a newly signed client",
        description="Write a fill-in handoff doc at clients/<slug>/01-handoff/handoff-<slug>-<date>.md. "
        "Never overwrites: refused if the client already has a handoff doc.",
    )
    new_parser.add_argument("slug", type=new.slug, help="the client's short name, e.g. acme-widgets")
    new_parser.add_argument("--client", required=True, type=new.client_name, metavar="LEGAL_NAME",
                            help='the client\'s legal name as on the SoW, e.g. "Acme Widgets Ltd"')
    new_parser.add_argument("--date", type=new.iso_date, metavar="YYYY-MM-DD",
                            help="the doc's date (default: today)")
    new_parser.set_defaults(run=new.new)

    email_parser = commands.add_parser(
        "email", help="print the client intro e-mail filled from a handoff doc",
        description="Print the playbook's client intro e-mail (sent during the handoff call), filled "
        "from the doc. Exit 1 if the doc lacks a piece the e-mail needs.",
    )
    email_parser.add_argument("doc", metavar="DOC", help="the handoff doc (or its client folder)")
    email_parser.set_defaults(run=email.email)

    site_parser = commands.add_parser(
        "site", help="build the site with MkDocs, ProperDocs or Zensical",
        description="Build the internal site in three steps any generator can run. Exit 0: built; "
        "1: errors found, with --strict; 2: usage, settings, or the generator failed.",
    )
    steps = site_parser.add_subparsers(dest="step", required=True, metavar="STEP")
    for name, help_text in (
        ("build", "prepare, run the generator, finish"),
        ("prepare", "check every doc and write the site's pages into a staging folder"),
        ("finish", "make a generator's output in the staging folder what we publish"),
    ):
        step = steps.add_parser(name, help=help_text, description=help_text)
        if name != "prepare":
            step.add_argument("--generator", choices=sorted(GENERATORS), default="mkdocs",
                              help="the static site generator (default: mkdocs)")
        if name != "build":
            step.add_argument("--stage", required=True, metavar="DIR", help="the staging folder")
        if name != "prepare":
            step.add_argument("-d", "--site-dir", metavar="DIR", help="where the site goes (default: site/)")
        step.add_argument("--strict", action="store_true", help="exit 1 on any error")
        step.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                          help=f"the day states and clocks are seen from (default: ${TODAY_VARIABLE})")
        step.set_defaults(run=site)

    from handoff_lint.cli import digest as digest_cli
    from handoff_lint.cli import record as record_cli

    record_cli.add_parser(commands)
    digest_cli.add_parser(commands)


    lsp_parser = commands.add_parser(
        "lsp", help="run the language server that shows findings in an editor as you type",
        description="A language server (LSP, over stdin and stdout) for editors: the findings of "
        "`handoff lint` while you type, the safe fixes as quick fixes, a rule's explanation on "
        "hover. Editors start it themselves; see the README for the set-up.",
    )
    lsp_parser.set_defaults(run=lsp)
    return main_parser


def unknown_command(argv: Sequence[str], main_parser: argparse.ArgumentParser) -> str | None:
    """The message for a mistyped command, with the command it was probably meant to be."""
    words = list(argv)
    while words and words[0] == "--debug":
        words = words[1:]
    if not words or words[0].startswith("-"):
        return None  # --help, --version and mistyped options: argparse words those
    commands = next(a for a in main_parser._actions if isinstance(a, argparse._SubParsersAction))
    known = sorted(commands.choices)
    if words[0] in known:
        return None
    import difflib  # only a mistyped command needs it

    near = difflib.get_close_matches(words[0], known, n=1, cutoff=0.5)
    guess = f"did you mean `handoff {near[0]}`? " if near else ""
    return (f"handoff: unknown command '{words[0]}'; {guess}The commands are: {', '.join(known)} "
            "(`handoff --help` says more).")


def main(argv: Sequence[str] | None = None) -> int:
    main_parser = parser()
    given = list(sys.argv[1:] if argv is None else argv)
    mistyped = unknown_command(given, main_parser)
    if mistyped:
        print(mistyped, file=sys.stderr)
        return EXIT_USAGE
    arguments = main_parser.parse_args(given)
    try:
        config = load(Path.cwd())
        result: int = arguments.run(arguments, config)
    except Refusal as error:  # settings, a schema file, the cache folder, git, a generator: what to change
        print(f"handoff: {printable(str(error))}", file=sys.stderr)
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
