"""The `handoff` command: argument parsing, file system, printing and exit codes live here only."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from handoff_lint import __version__, codes, files, parallel, runner
from handoff_lint.characters import hidden, is_blank
from handoff_lint.check import Checked, apply_severity, check_bytes
from handoff_lint.config import (
    TODAY_VARIABLE,
    Config,
    ConfigError,
    defaults_for,
    describe_defaults,
    find_handoff_pyproject,
    load,
    parse_today,
)
from handoff_lint.diagnostics import Diagnostic, Severity, has_errors
from handoff_lint.paths import HANDOFF_FOLDER, MAX_SLUG_LENGTH, SLUG, check_one_doc_per_client, doc_path
from handoff_lint.reporters import REPORTERS, finding, occasion, printable
from handoff_lint.schema import load_schema, parse_date
from handoff_lint.site.generators import GENERATORS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _by_repo(paths: list[Path], here: Config) -> list[tuple[Config, list[Path]]]:
    """The paths grouped by the handoff repo each belongs to (the nearest pyproject.toml with a
    [tool.handoff] table at or above it), with that repo's settings: `handoff lint
    /elsewhere/repo/clients` checks paths and names against that repo, not the working folder."""
    loaded: dict[Path, Config] = {}
    found: dict[Path, tuple[Config, list[Path]]] = {}
    for path in paths:
        pyproject = find_handoff_pyproject(path)
        if pyproject is not None:
            if pyproject not in loaded:
                same = pyproject.parent == here.root.resolve()
                loaded[pyproject] = here if same else load(pyproject.parent)
            settings = loaded[pyproject]
        elif here.settings_file is not None and _named_inside(path, here.root):
            # Named inside the working repo (a link out of it is reported as one there).
            settings = here
        else:
            # In no repo with settings: the defaults, rooted at the path's own clients folder's
            # repo, never the working folder's repo.
            folder = path if path.is_dir() else path.parent
            settings = defaults_for(path, Path.cwd() if _named_inside(path, Path.cwd()) else folder.resolve())
        found.setdefault(settings.root.resolve(), (settings, []))[1].append(path)
    return list(found.values())


def _named_inside(path: Path, root: Path) -> bool:
    """Whether path, as named (links not followed), lies in root."""
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(root))


def _say_which_settings(groups: list[tuple[Config, list[Path]]]) -> None:
    """Once per run: which settings were used where no [tool.handoff] was found."""
    for settings, _ in groups:
        if settings.settings_file is None:
            print(f"handoff: {describe_defaults(settings)}.", file=sys.stderr)


def _missing_paths(paths: list[Path]) -> list[Path]:
    return [p for p in paths if not p.exists() and not p.is_symlink()]


def lint(arguments: argparse.Namespace, config: Config) -> int:
    named = [Path(p) for p in arguments.paths]
    missing = _missing_paths(named)
    if missing:
        # A mistyped path is a mistake in the command, not a finding in a doc: nothing was checked.
        for path in missing:
            print(f"handoff lint: {printable(str(path))}: no such file or folder; check the path (it is "
                  "relative to the folder you run `handoff` in), e.g. clients/<slug>/01-handoff/",
                  file=sys.stderr)
        return EXIT_USAGE
    try:
        today = parse_today(arguments.today or os.environ.get(TODAY_VARIABLE), dt.date.today())
    except ConfigError as error:
        print(f"handoff lint: {error}", file=sys.stderr)
        return EXIT_USAGE
    groups = [(replace(settings, today=today), paths) for settings, paths in
              (_by_repo(named, config) if named else [(config, [config.root / config.clients])])]
    _say_which_settings(groups)
    discovered = [(settings, *files.discover(paths, settings.root, Path.cwd(), settings.clients))
                  for settings, paths in groups]
    if arguments.diff:
        return max(_show_fixes(targets, settings, arguments.unsafe_fixes)
                   for settings, targets, _ in discovered)
    if arguments.fix:
        for settings, targets, _ in discovered:
            _apply_fixes(targets, settings, arguments.unsafe_fixes)
    found: list[Diagnostic] = []
    checked = 0
    for settings, targets, problems in discovered:
        in_repo: list[Diagnostic] = list(problems)
        in_repo += parallel.lint_targets(targets, settings, arguments.jobs)
        in_repo += check_one_doc_per_client(_handoff_folders(targets, bool(named)), settings.clients)
        found += apply_severity(in_repo, settings)
        checked += len(targets) + len(problems)
    if not named:  # the guide is published too: its pages are checked with the docs
        found += apply_severity(_lint_guide(config), config)
    # A crash exits 2 whatever else was found; its traceback travels on the finding (--debug).
    crashed = [d for d in found if isinstance(d, runner.InternalError)]
    found = sorted(found, key=lambda d: (d.path, d.line, d.column, d.code, d.message))
    sys.stdout.write(REPORTERS[arguments.format](found, checked, occasion(os.environ)))
    for crash in crashed if arguments.debug else []:
        print(f"handoff: traceback for {crash.path}:\n{crash.details}", file=sys.stderr, end="")
    if crashed:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(found) else EXIT_CLEAN


def _lint_guide(config: Config) -> list[Diagnostic]:
    """The findings on the repo's hand-written guide pages (handoff_lint.site.guide.lint_page), read
    as docs are (bounded; never through a link). The summary still counts handoff docs only."""
    from handoff_lint.site.guide import GUIDE_FOLDER, lint_page
    from handoff_lint.source import MAX_BYTES, decode

    folder = config.root / GUIDE_FOLDER
    found: list[Diagnostic] = []
    pages = sorted(folder.glob("*.md")) if folder.is_dir() and not folder.is_symlink() else []
    for path in pages:
        shown = printable(files.display(path, Path.cwd()))
        if files.link_on_the_way(path, config.root) is not None:
            found.append(Diagnostic(shown, 1, 1, "HO101", Severity.ERROR, "this is a link; the site "
                                    "publishes nothing through it", "Commit the page itself, not a link."))
            continue
        read = files.read(files.Target(shown, path, None), MAX_BYTES)
        decoded = read if isinstance(read, Diagnostic) else decode(shown, read)
        found += [decoded] if isinstance(decoded, Diagnostic) else lint_page(shown, decoded.text)
    return found


@dataclass(frozen=True)
class _Fixed:
    target: files.Target
    original: bytes
    before: str
    after: str
    fixed: int
    crlf: bool
    bom: bool

    def data(self) -> bytes:
        """The fixed text as bytes the way the doc was saved: its line endings and BOM kept."""
        text = self.after.replace("\n", "\r\n") if self.crlf else self.after
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")


def _fixed(target: files.Target, config: Config, unsafe: bool) -> _Fixed | None:
    """A doc with its fixes applied in memory, or None if it cannot be read or nothing applies."""
    from handoff_lint import fixes, source

    data = files.read(target, config.max_bytes)
    if isinstance(data, Diagnostic):
        return None
    decoded = source.decode(target.display, data, config.max_bytes)
    if isinstance(decoded, Diagnostic):
        return None
    applied = fixes.fix_text(target.display, decoded.text, target.relative, config, unsafe)
    if applied.text == decoded.text:
        return None
    return _Fixed(target, data, decoded.text, applied.text, len(applied.fixed),
                  b"\r\n" in data, data.startswith(b"\xef\xbb\xbf"))


def _show_fixes(targets: list[files.Target], config: Config, unsafe: bool) -> int:
    """--diff: print what --fix would change, write nothing; exit 1 if anything would change."""
    from handoff_lint import fixes

    changes = [c for c in (_fixed(t, config, unsafe) for t in targets) if c is not None]
    for change in changes:
        sys.stdout.write(fixes.unified_diff(change.target.display, change.before, change.after))
    total = sum(change.fixed for change in changes)
    print(f"handoff lint --diff: {total} fix{'es' if total != 1 else ''} would change "
          f"{len(changes)} doc{'s' if len(changes) != 1 else ''}; nothing was written.", file=sys.stderr)
    return EXIT_FINDINGS if changes else EXIT_CLEAN


def _apply_fixes(targets: list[files.Target], config: Config, unsafe: bool) -> None:
    """--fix: write each doc's fixes in place, unless the doc changed since it was read."""
    total = 0
    for change in (_fixed(t, config, unsafe) for t in targets):
        if change is None:
            continue
        if change.target.path.is_symlink():
            # Writing would replace the link with a file: the doc it leads to stays as it is.
            print(f"handoff lint --fix: {change.target.display} is a link; fix the doc it leads to "
                  "instead. It was left as it is.", file=sys.stderr)
            continue
        if files.replace_if_unchanged(change.target.path, change.original, change.data()):
            total += change.fixed
        else:
            print(f"handoff lint --fix: {change.target.display} changed while it was being fixed; "
                  "it was left as it is. Run the command again.", file=sys.stderr)
    print(f"handoff lint --fix: fixed {total} finding{'s' if total != 1 else ''}.", file=sys.stderr)


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


# The fewest characters of a summary the listing shows, however narrow the terminal.
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
    from handoff_lint import changes

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


def _slug(text: str) -> str:
    if not SLUG.fullmatch(text) or len(text) > MAX_SLUG_LENGTH:
        raise argparse.ArgumentTypeError(
            f"{printable(text[:80])!r} is not a valid slug: use lowercase letters and digits in "
            f"words joined by hyphens, at most {MAX_SLUG_LENGTH} characters, e.g. acme-widgets")
    return text


def _client_name(text: str) -> str:
    name = text.strip()
    # Control characters (a pasted line break, a tab) would break the front matter and the heading.
    # So would a name that shows as nothing (U+3164, a braille blank) or hides characters.
    if not name or any(unicodedata.category(c).startswith("C") for c in name) or is_blank(name) \
            or hidden(name):
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
    if find_handoff_pyproject(Path.cwd()) is None:
        # Without settings the command would write a clients/ folder wherever it was run.
        print("handoff new: this folder is not inside a handoff repo (no pyproject.toml with a "
              "[tool.handoff] table here or above); nothing was written. Run it from your clone "
              "of the handoff docs repo.", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _new(arguments, config)
    except (OSError, RuntimeError) as error:  # a loop of links, a name the file system refuses
        print(f"handoff new: cannot use the clients folder: {printable(str(error))}; check the "
              "folders and links under it.", file=sys.stderr)
        return EXIT_USAGE


def _new(arguments: argparse.Namespace, config: Config) -> int:
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
    if _refused_for(arguments.slug, folder.parent):  # before anything is created for the client
        return EXIT_USAGE
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a file where the client's folder should be
        print(f"handoff new: cannot create the folder {_shown(folder.parent)}: {error.strerror}; "
              "check what is at that path and that you may write there.", file=sys.stderr)
        return EXIT_USAGE
    with _client_lock(folder.parent) as locked:
        if not locked:
            print(f"handoff new: another `handoff new` for '{arguments.slug}' has held "
                  f"{_shown(folder.parent)} for {LOCK_WAIT_SECONDS} s; nothing was written. Run "
                  "it again once that one has finished.", file=sys.stderr)
            return EXIT_USAGE
        # Looked at again under the lock: a run for the same client that held it first, whatever
        # date it was given, has written its doc by now.
        if _refused_for(arguments.slug, folder.parent):
            return EXIT_USAGE
        return _write_new(arguments, config, target, date)


def _existing_doc(client_folder: Path) -> Path | None:
    """Any doc in the handoff folder, or a handoff doc saved anywhere else in the client's folder.
    Whatever its date: the playbook allows one handoff doc per signed client (HO504 in a lint)."""
    handoff_folder = client_folder / HANDOFF_FOLDER
    existing = sorted({*handoff_folder.glob("*.md"), *client_folder.rglob("handoff-*.md")})
    return existing[0] if existing else None


def _refused_for(slug: str, client_folder: Path) -> bool:
    existing = _existing_doc(client_folder)
    if existing is None:
        return False
    shown = _shown(existing)
    _refuse(shown, f"client '{slug}' already has a handoff doc: {shown}")
    return True


LOCK_WAIT_SECONDS = 30  # writing a doc takes well under a second; a run holding longer is stuck


@contextmanager
def _client_lock(client_folder: Path) -> Iterator[bool]:
    """Whether this run holds the client's lock (False: another run held it too long).

    Two `handoff new` runs for one client with different dates write different file names, so the
    exclusive create of each cannot stop the second: the look for an existing doc and the write
    must happen under one lock per client. The lock is taken on the client's folder itself (flock
    on its descriptor), so no lock file is written that could be left in clients/ or committed,
    and the system releases it when the run ends, however it ends.
    """
    import fcntl  # POSIX, like every place the handoff tools run; kept off lint's start-up path
    import time

    descriptor = os.open(client_folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.02)
        yield True
    finally:
        os.close(descriptor)


def _write_new(arguments: argparse.Namespace, config: Config, target: Path, date: str) -> int:
    from handoff_lint import template  # imported by the command that uses it: lint starts faster

    folder = target.parent
    text = template.render(load_schema(config.schema_path), arguments.slug, arguments.client, date)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # e.g. a file where the handoff folder should be
        print(f"handoff new: cannot create the folder {_shown(folder)}: {error.strerror}; "
              "check what is at that path and that you may write there.", file=sys.stderr)
        return EXIT_USAGE
    try:
        files.create_new(target, text)
    except FileExistsError:
        # Saved by hand after the look above (an editor takes no lock): still not touched.
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
          "until it reports no errors, and open a pull request.\n"
          "Leave out what you cannot know yet: its owners record each fact after the handoff with\n"
          f"`handoff record {arguments.slug} <event>`: the Delivery Lead am-assigned (with the Account\n"
          "Manager's name), the Account Manager call-held, week0, week2 and week12, you intro-sent\n"
          "and ae-off.")
    return EXIT_CLEAN


def email(arguments: argparse.Namespace, config: Config) -> int:
    [(config, _)] = _by_repo([Path(arguments.doc)], config)
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


def site(arguments: argparse.Namespace, config: Config) -> int:
    from handoff_lint.site import commands  # the site's libraries load for a site command only

    return commands.STEPS[arguments.step](arguments, config)


LSP_INSTALL = 'pip install "handoff-docs[lsp]"'


def lsp(arguments: argparse.Namespace, config: Config) -> int:
    try:
        from handoff_lint import lsp as server
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
    lint_parser.set_defaults(run=lint)

    rules_parser = commands.add_parser("rules", help="list the rules, or explain one",
                                       description="List every rule, or show one rule's full entry.")
    rules_parser.add_argument("code", nargs="?", metavar="RULE",
                              help="a rule code or name, e.g. HO301 or missing-section")
    rules_parser.set_defaults(run=rules)

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
    changed_parser.set_defaults(run=changed)

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

    from handoff_lint import digest_cli, record_cli

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
