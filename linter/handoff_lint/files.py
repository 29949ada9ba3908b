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


def display(path: Path, cwd: Path) -> str:
    """How a path is shown to the AE: relative to where they ran the command, when it is below it."""
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


def _link_outside(display: str) -> Diagnostic:
    return _problem(
        display, "HO101", "this leads outside the repo through a link; it is not followed",
        "Commit the doc itself, not a link to it.",
    )


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
        shown = display(absolute, cwd)
        # realpath, not resolve(): a link to itself must become a diagnostic, not a RuntimeError.
        # A file in a linked folder leads outside the repo as much as a linked file does.
        resolved = Path(os.path.realpath(absolute))
        if _relative(resolved, root) is None and (
            absolute.is_symlink() or _relative(absolute, root) is not None
        ):
            problems.append(_link_outside(shown))
            return
        targets.append(Target(shown, absolute, _relative(absolute, root)))

    for argument in arguments:
        absolute = Path(os.path.abspath(argument))
        if not absolute.exists() and not absolute.is_symlink():
            problems.append(_problem(
                display(absolute, cwd), "HO101", "no such file or folder",
                "Check the path: it is relative to the folder you run `handoff` in, e.g. "
                "clients/acme-widgets.",
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
                    elif os.path.islink(Path(folder, sub)) and _relative(
                        Path(os.path.realpath(Path(folder, sub))), root
                    ) is None:
                        problems.append(_link_outside(display(Path(folder, sub), cwd)))
        else:
            add(absolute)
    return sorted(targets, key=lambda t: t.display), problems


def read(target: Target, max_bytes: int) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic; a file over the limit is refused before it is read."""
    try:
        # Non-blocking, so a named pipe called *.md is refused instead of waiting for a writer.
        descriptor = os.open(target.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(descriptor)
            if stat.S_ISDIR(info.st_mode):
                return _problem(target.display, "HO101", "this is a folder named like a doc",
                                "Rename the folder so it does not end in .md.")
            if not stat.S_ISREG(info.st_mode):
                return _problem(target.display, "HO101", "this is not a regular file",
                                "Handoff docs are plain .md files; put the doc itself here.")
            if info.st_size > max_bytes:
                return too_large(target.display, info.st_size, max_bytes)
            with os.fdopen(descriptor, "rb", closefd=False) as handle:
                return handle.read(max_bytes + 1)
        finally:
            os.close(descriptor)
    except OSError as error:
        if target.path.is_symlink():
            return _problem(target.display, "HO101",
                            f"this is a link that cannot be followed: {error.strerror}",
                            "Commit the doc itself, not a link to it.")
        return _problem(target.display, "HO101", f"cannot read the file: {error.strerror}",
                        "Check the file's permissions (it must be readable).")


def create_new(path: Path, text: str) -> None:
    """Write a new file whole or not at all, never replacing one: FileExistsError if path exists.

    The text goes to a temporary file in the same folder first and is then hard-linked into place,
    which fails rather than replaces when the name is taken, so an existing doc is never touched
    and a crash never leaves a half-written one.
    """
    import secrets  # here, not at the top: it pulls in OpenSSL, which a lint run never needs

    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # os.open rather than mkstemp: the doc gets the usual permissions (umask), not 0600.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            # No hard links here (some network and FAT file systems): exclusive create instead.
            with open(path, "x", encoding="utf-8", newline="\n") as out:
                out.write(text)
    finally:
        os.unlink(temporary)


def replace_if_unchanged(path: Path, original: bytes, data: bytes) -> bool:
    """Replace a file's contents with data, whole or not at all, only if it still holds original.

    The new contents go to a temporary file in the same folder, which then takes the doc's place
    in one step (os.replace), so a reader never sees half a doc. False, and nothing written: the
    file changed after it was read (an editor saved it meanwhile), and a fix made from the old
    text would overwrite the new one.
    """
    import secrets  # only --fix writes; kept off the start-up path

    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with open(path, "rb") as current:
            if current.read(len(original) + 1) != original:
                return False
        os.replace(temporary, path)
        return True
    finally:
        if temporary.exists():
            temporary.unlink()
