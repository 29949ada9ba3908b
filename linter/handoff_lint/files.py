"""The file system edge: find handoff docs under the given paths and read them safely."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handoff_lint.codes import default_severity
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.source import too_large


@dataclass(frozen=True)
class Target:
    """A file to check: how to show it, where it is, and its path under the repo root."""

    display: str
    path: Path
    relative: PurePosixPath | None


def _display(path: Path, cwd: Path) -> str:
    try:
        return path.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def _relative(path: Path, root: Path) -> PurePosixPath | None:
    try:
        return PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        return None


def _problem(display: str, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(display, 1, 1, code, default_severity(code), message, hint)


def discover(
    arguments: list[Path], root: Path, cwd: Path
) -> tuple[list[Target], list[Diagnostic]]:
    """Expand folders into their .md files (sorted, hidden folders skipped); report what cannot be read."""
    targets: list[Target] = []
    problems: list[Diagnostic] = []
    seen: set[Path] = set()
    root = root.resolve()

    def add(path: Path) -> None:
        absolute = Path(os.path.abspath(path))
        if absolute in seen:
            return
        seen.add(absolute)
        display = _display(absolute, cwd)
        if absolute.is_symlink():
            resolved = absolute.resolve()
            if _relative(resolved, root) is None:
                problems.append(_problem(
                    display, "HO101", "this is a link to a file outside the repo; it is not followed",
                    "Commit the doc itself, not a link to it.",
                ))
                return
        targets.append(Target(display, absolute, _relative(absolute, root)))

    for argument in arguments:
        absolute = Path(os.path.abspath(argument))
        if not absolute.exists() and not absolute.is_symlink():
            problems.append(_problem(
                _display(absolute, cwd), "HO101", "no such file or folder",
                "Check the path; run `handoff lint` with no arguments to check every doc under clients/.",
            ))
        elif absolute.is_dir() and not absolute.name.endswith(".md"):
            for folder, subfolders, names in os.walk(absolute):
                subfolders[:] = sorted(s for s in subfolders if not s.startswith("."))
                for name in sorted(names):
                    if name.endswith(".md"):
                        add(Path(folder, name))
                for sub in subfolders:
                    if sub.endswith(".md"):
                        add(Path(folder, sub))
        else:
            add(absolute)
    return sorted(targets, key=lambda t: t.display), problems


def read(target: Target, max_bytes: int) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic; a file over the limit is refused before it is read."""
    try:
        with open(target.path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return _problem(target.display, "HO101", "this is not a regular file",
                                "Handoff docs are plain .md files; rename the folder or remove it.")
            if info.st_size > max_bytes:
                return too_large(target.display, info.st_size, max_bytes)
            return handle.read(max_bytes + 1)
    except IsADirectoryError:
        return _problem(target.display, "HO101", "this is a folder named like a doc",
                        "Rename the folder so it does not end in .md.")
    except OSError as error:
        return _problem(target.display, "HO101", f"cannot read the file: {error.strerror}",
                        "Check the file's permissions (it must be readable).")
