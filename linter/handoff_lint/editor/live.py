"""A doc as an editor holds it: unsaved text checked as `handoff lint` checks the saved file, and
the findings placed where an editor counts (0-based lines, columns in the editor's code units).

Nothing here knows the language server protocol's wire format: the server (lsp.py) turns these
plain values into messages. The text is never written anywhere and never reaches a shell.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from handoff_lint.contract.config import TODAY_VARIABLE, Config, load, parse_today
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine import fixes
from handoff_lint.engine.check import apply_severity, check_bytes
from handoff_lint.engine.runner import internal_error
from handoff_lint.reading import files
from handoff_lint.reading.source import MAX_LINE_LENGTH, too_large
from handoff_lint.rules.paths import check_one_doc_per_client

# The line breaks an editor counts lines by (LSP: \n, \r\n and \r); the linter reads \r\n and a
# lone \r as \n, so its line numbers are the same. str.splitlines would also split at U+2028,
# form feeds and the like, which neither counts.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# How many code units a piece of text takes in the editor's position encoding (LSP's default is
# UTF-16, where an emoji counts two).
Units = Callable[[str], int]


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def today() -> dt.date:
    """The day a check is seen from, as `handoff lint` takes it: $HANDOFF_TODAY, else the clock's
    (asked at each check: a server runs past midnight). ConfigError for a malformed variable."""
    return parse_today(os.environ.get(TODAY_VARIABLE), dt.date.today())


def settings(path: Path, day: dt.date | None = None) -> Config:
    """The settings `handoff lint <path>` checks the doc with: its repo's [tool.handoff] (found from
    the doc's own folder, as the CLI does for a path it is given), else the built-in defaults with
    the doc's folder as the root. ConfigError when the repo's settings are wrong, as in the CLI."""
    return replace(load(path.parent), today=day or today())


_CHUNK = 1 << 20


def utf8_size(text: str) -> int:
    """How many bytes saving the text would write, without holding them all at once."""
    if text.isascii():
        return len(text)
    return sum(len(text[start:start + _CHUNK].encode("utf-8", "surrogatepass"))
               for start in range(0, len(text), _CHUNK))


@dataclass(frozen=True)
class Checked:
    """One check of a buffer: its findings (this doc's only) and the text the linter read (LF line
    endings, no byte-order mark; None when the text was refused before it was read)."""

    diagnostics: list[Diagnostic]
    text: str | None


def _target(path: Path, config: Config, has_path: bool = True
            ) -> tuple[list[files.Target], list[Diagnostic]]:
    """The doc as `handoff lint` finds it: a link leading out of the repo is refused as there. A
    buffer not saved yet has no file to look at and is checked at the path it will have; one that
    has no path at all (an untitled buffer) is checked without the path rules."""
    root = config.root.resolve()
    if not has_path:
        return [files.Target(path.name, path, None)], []
    if path.exists() or path.is_symlink():
        return files.discover([path], root, root, config.clients)
    try:
        relative: PurePosixPath | None = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        relative = None
    return [files.Target(files.display(path, root), path, relative)], []


def check(path: Path, text: str, config: Config, has_path: bool = True) -> Checked:
    """Check unsaved text as `handoff lint <path>` checks the saved file, run from the repo root:
    the same findings with the same positions. Its bytes are what saving it would write, so an
    oversized buffer is refused by size (HO104) before anything reads it."""

    targets, problems = _target(path, config, has_path)
    found = list(problems)
    decoded: str | None = None
    size = utf8_size(text)
    # Lone surrogates (JSON allows them) become the bytes a file would hold: not UTF-8, HO102.
    # Too many bytes are refused by their number, as files.read refuses a file by its size,
    # without making a copy of them.
    data = text.encode("utf-8", "surrogatepass") if size <= config.max_bytes else None
    for target in targets:
        try:
            if data is None:
                found.append(too_large(target.display, size, config.max_bytes))
                continue
            checked = check_bytes(target.display, data, target.relative, config)
            found += checked.diagnostics
            decoded = checked.text
        except Exception as error:  # as in runner.check_target: a bug is reported, never fatal
            found.append(internal_error(target.display, error))
    found += check_one_doc_per_client(files.docs_to_compare(targets, True), config.clients)
    shown = {target.display for target in targets} | {problem.path for problem in problems}
    return Checked([d for d in apply_severity(found, config) if d.path in shown], decoded)


@dataclass(frozen=True)
class Position:
    """0-based line, and column in the editor's code units."""

    line: int
    character: int


@dataclass(frozen=True)
class Span:
    start: Position
    end: Position


class Lines:
    """The editor's text by line, to turn the linter's positions (1-based line, 1-based column in
    characters of the text it read) into the editor's, and back. The text is split into lines only
    when a position past the first line is asked for: a refused 50 MB paste has its one finding on
    line 1, and splitting it would cost more than the check."""

    def __init__(self, text: str, units: Units = utf16_units) -> None:
        self.text = text
        self.units = units
        self._lines: list[str] | None = None
        # The linter reads the text without a byte-order mark, so its first line starts one
        # character later than the editor's.
        self.bom = 1 if text.startswith("\ufeff") else 0
        self.crlf = "\r\n" in text

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        return self._lines

    def _index(self, line: int) -> int:
        """A 0-based line number clamped to the text's lines."""
        if line <= 0:
            return 0
        return min(line, len(self.lines) - 1)

    def line(self, index: int) -> str:
        if index == 0 and self._lines is None:
            ends = [end for end in (self.text.find("\n"), self.text.find("\r")) if end >= 0]
            return self.text[:min(ends)] if ends else self.text
        return self.lines[index]

    def _shift(self, index: int) -> int:
        return self.bom if index == 0 else 0

    def position(self, line: int, column: int) -> Position:
        """The editor's position of the linter's 1-based (line, column); clamped to the text."""
        index = self._index(line - 1)
        text = self.line(index)
        characters = max(column - 1, 0) + self._shift(index)
        return Position(index, self.units(text[:characters]) + max(characters - len(text), 0))

    def span(self, diagnostic: Diagnostic) -> Span:
        """Where a finding shows: from its position over what its fix replaces, else to the end of
        the text on its line, at most a line's worth (nothing after it: an empty span, which
        editors widen to a word)."""
        start = self.position(diagnostic.line, diagnostic.column)
        edits = diagnostic.fix.edits if diagnostic.fix else ()
        same = [e for e in edits if (e.line, e.column) == (diagnostic.line, diagnostic.column) and e.old]
        if same:
            end_column = diagnostic.column + len(same[0].old)
        else:
            shift = self._shift(start.line)
            rest = self.line(start.line)[:diagnostic.column - 1 + shift + MAX_LINE_LENGTH].rstrip()
            end_column = max(len(rest) - shift + 1, diagnostic.column)
        return Span(start, self.position(diagnostic.line, end_column))


@dataclass(frozen=True)
class TextEdit:
    span: Span
    new: str


def fix_edit(read: str, diagnostic: Diagnostic, lines: Lines) -> TextEdit | None:
    """The one edit of the editor's text that `handoff lint --fix` would make for this finding
    alone (fixes.apply: the same checks that the line still says what the finding saw and that no
    text is lost); None when it would not apply. read: the text the linter read."""
    applied = fixes.apply(read, [diagnostic])
    if not applied.fixed:
        return None
    after = applied.text
    start = 0
    limit = min(len(read), len(after))
    while start < limit and read[start] == after[start]:
        start += 1
    end_old, end_new = len(read), len(after)
    while end_old > start and end_new > start and read[end_old - 1] == after[end_new - 1]:
        end_old -= 1
        end_new -= 1
    new = after[start:end_new]
    # `--fix` writes a doc saved with CRLF line endings back with them.
    if lines.crlf:
        new = new.replace("\n", "\r\n")
    return TextEdit(Span(_at(read, start, lines), _at(read, end_old, lines)), new)


def _at(read: str, offset: int, lines: Lines) -> Position:
    line = read.count("\n", 0, offset)
    column = offset - (read.rfind("\n", 0, offset) + 1)
    return lines.position(line + 1, column + 1)


def fix_all(path: Path, has_path: bool, read: str, config: Config, lines: Lines) -> TextEdit | None:
    """Every safe fix, as `handoff lint --fix` applies them (pass after pass): one edit of the
    whole text; None when nothing changes."""
    target, _ = _target(path, config, has_path)
    relative = target[0].relative if target else None
    display = target[0].display if target else str(path)
    applied = fixes.fix_text(display, read, relative, config)
    if applied.text == read:
        return None
    new = applied.text.replace("\n", "\r\n") if lines.crlf else applied.text
    last = len(lines.lines) - 1
    end = Position(last, lines.units(lines.line(last)))
    return TextEdit(Span(Position(0, lines.bom and lines.units("\ufeff")), end), new)
