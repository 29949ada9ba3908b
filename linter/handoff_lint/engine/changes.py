"""Which files a pull request changes outside the clients folder, for the reviewer to see.

Everything outside `clients/` can run code in the workflow or on the site (`pip install -e .` runs
the build backend and setup.py, mkdocs.yml can add hooks, the overrides are Jinja templates), so
CODEOWNERS gives it to engineering and CI lists each such file as an annotation on the pull request.
The listing is a pure function of the paths; reading them from git is the one edge.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from handoff_lint.engine.reporters import escape_data, escape_property, printable
from handoff_lint.errors import Refusal

MESSAGE = ("changed outside {clients}/: code or settings an engineering owner must review "
           "(a docs-only pull request changes files under {clients}/ only)")


class GitError(Refusal):
    """git could not list the changes (not a repository, an unknown base commit)."""


def outside(paths: Iterable[str], clients: str) -> list[str]:
    """The paths not under the clients folder, in order, each once."""
    folder = PurePosixPath(clients)
    kept: dict[str, None] = {}
    for path in paths:
        if folder not in PurePosixPath(path).parents:
            kept.setdefault(path, None)
    return list(kept)


def github(paths: Iterable[str], clients: str) -> str:
    """One GitHub Actions warning per path, on the file itself. A name's `%`, line breaks, `:` and
    `,` are escaped, so no file name can end the command early or start another."""
    message = escape_data(MESSAGE.format(clients=clients))
    return "".join(f"::warning file={escape_property(printable(path))},title=Outside "
                   f"{escape_property(clients)}/::{message}\n" for path in paths)


def text(paths: Iterable[str], clients: str) -> str:
    """For a terminal: one path a line, each printable, then what they have in common."""
    listed = [printable(path) for path in paths]
    if not listed:
        return f"Every changed file is under {clients}/.\n"
    return "".join(f"{path}\n" for path in listed) + (
        f"{len(listed)} file(s) changed outside {clients}/: an engineering owner reviews them.\n")


def changed_paths(root: Path, base: str) -> list[str]:
    """Every path changed between base's common ancestor with HEAD and HEAD, renames as both their
    old and new path. Names are read NUL-separated, exactly as committed (no quoting)."""
    command = ["git", "-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "-z",
               f"{base}...HEAD", "--"]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(str(error)) from None
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git exit {result.returncode}")
    return [name.decode("utf-8", "surrogateescape") for name in result.stdout.split(b"\0") if name]
