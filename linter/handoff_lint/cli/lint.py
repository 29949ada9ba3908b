"""`handoff lint` (and `--fix`): check docs and the guide, print the findings, apply the safe fixes."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE
from handoff_lint.contract.config import (
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
from handoff_lint.engine import parallel, runner
from handoff_lint.engine.check import apply_severity
from handoff_lint.engine.reporters import REPORTERS, occasion, printable
from handoff_lint.reading import files
from handoff_lint.rules.paths import check_one_doc_per_client


def by_repo(paths: list[Path], here: Config) -> list[tuple[Config, list[Path]]]:
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
              (by_repo(named, config) if named else [(config, [config.root / config.clients])])]
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
        in_repo += check_one_doc_per_client(files.docs_to_compare(targets, bool(named)), settings.clients)
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
    from handoff_lint.reading.source import MAX_BYTES, decode
    from handoff_lint.site.guide import GUIDE_FOLDER, lint_page

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
    from handoff_lint.engine import fixes
    from handoff_lint.reading import source

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
    from handoff_lint.engine import fixes

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


# The fewest characters of a summary the listing shows, however narrow the terminal.
