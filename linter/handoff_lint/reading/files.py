"""The file system edge: find handoff docs under the given paths and read them safely."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handoff_lint.codes import default_severity
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.reading.source import too_large


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most limit bytes; a FIFO or a device is never opened (a
    read could wait forever or never end). OSError says why not."""
    if not path.is_file():
        raise OSError(f"{path} is not a regular file")
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path} is over {limit:,} bytes")
    return data


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


def _not_a_doc(display: str) -> Diagnostic:
    return _problem(
        display, "HO505", "this is not a handoff doc; the site does not publish it",
        "Remove it from the clients folder (`git rm`); link to where it is kept (https://...) from "
        "the doc instead.",
    )


def _linked(display: str) -> Diagnostic:
    return _problem(
        display, "HO506", "this is a link; the site publishes only docs committed at their path",
        "Commit the doc itself here (`git mv` the target to this path), not a link to it.",
    )


def _under(relative: PurePosixPath | None, folder: str | None) -> bool:
    if relative is None or folder is None:
        return False
    prefix = PurePosixPath(folder).parts
    return relative.parts[:len(prefix)] == prefix and len(relative.parts) > len(prefix)


def discover(
    arguments: list[Path], root: Path, cwd: Path, clients: str | None = None
) -> tuple[list[Target], list[Diagnostic]]:
    """Expand folders into their .md files (sorted, hidden folders skipped); report what cannot be read.

    Under the clients folder (when given), every other file is reported too: anything that is not a
    .md file (HO505) and every link, to a file or a folder (HO101 when it leads outside the repo,
    else HO506), since the site publishes none of them.
    """
    targets: list[Target] = []
    problems: list[Diagnostic] = []
    seen: set[Path] = set()
    root = root.resolve()

    def in_clients(path: Path) -> bool:
        return _under(_relative(path, root), clients)

    def leads_outside(path: Path) -> bool:
        return _relative(Path(os.path.realpath(path)), root) is None

    def other_file(path: Path) -> None:
        """A file under the clients folder that is not a .md file, or a linked folder."""
        shown = display(path, cwd)
        if os.path.islink(path) and leads_outside(path):
            problems.append(_link_outside(shown))
        elif os.path.islink(path):
            problems.append(_linked(shown))
        else:
            problems.append(_not_a_doc(shown))

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
        if absolute.is_symlink() and absolute.is_file() and in_clients(absolute):
            problems.append(_linked(shown))  # still checked: the target is what the AE wrote
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
                for hidden in sorted(s for s in subfolders if s.startswith(".")):
                    # Not read, but a hidden link is still a link the site build refuses to walk.
                    if os.path.islink(Path(folder, hidden)) and in_clients(Path(folder, hidden)):
                        other_file(Path(folder, hidden))
                subfolders[:] = sorted(s for s in subfolders if not s.startswith("."))
                for name in sorted(names):
                    if name.endswith(".md"):
                        add(Path(folder, name))
                    elif not name.startswith(".") and in_clients(Path(folder, name)):
                        other_file(Path(folder, name))
                for sub in subfolders:
                    if sub.endswith(".md"):
                        add(Path(folder, sub))
                    elif os.path.islink(Path(folder, sub)) and (
                        leads_outside(Path(folder, sub)) or in_clients(Path(folder, sub))
                    ):
                        other_file(Path(folder, sub))
        elif not absolute.name.endswith(".md") and in_clients(absolute):
            if not absolute.name.startswith("."):  # .gitkeep and the like: never published
                other_file(absolute)
        else:
            add(absolute)
    return sorted(targets, key=lambda t: t.display), problems


def link_on_the_way(path: Path, root: Path) -> Path | None:
    """The symbolic link closest to root among path and the folders on the way to it from root
    (paths taken as written, not resolved), or None when there is none."""
    path = Path(os.path.abspath(path))
    root = Path(os.path.abspath(root))
    found = None
    while path != root and path != path.parent:
        if path.is_symlink():
            found = path
        path = path.parent
    return found


def linked_folders(folder: Path) -> list[Path]:
    """Every link to a folder under folder, hidden ones included, found without following any.

    A tool that follows links while it walks (MkDocs does) would walk into whatever they lead to:
    a link to /proc never ends."""
    found: list[Path] = []
    for parent, subfolders, _ in os.walk(folder):
        for sub in sorted(subfolders):
            if os.path.islink(Path(parent, sub)):
                found.append(Path(parent, sub))
    return found


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


def docs_to_compare(targets: list[Target], named: bool) -> list[tuple[str, PurePosixPath]]:
    """The docs one-doc-per-client (HO504) compares: the targets and, when docs were named (the
    pre-commit case, which passes only the staged docs), the others already in their folders, so
    a commit adding a second doc for a client is refused there and not only in CI. Those others
    are compared by name only, not checked."""
    docs = {t.path: (t.display, t.relative) for t in targets if t.relative is not None}
    for folder, relative in {(t.path.parent, t.relative.parent) for t in targets
                             if named and t.relative is not None}:
        for other in folder.glob("*.md"):
            if not other.name.startswith(".") and other not in docs:
                docs[other] = (display(other, Path.cwd()), relative / other.name)
    return list(docs.values())
