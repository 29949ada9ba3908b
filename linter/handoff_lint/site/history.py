"""Who last changed each doc, from one `git log` over the clients folder rather than one per doc.

Git ends every path with NUL under -z and a path can never hold NUL, so NUL is the only separator
read here; every commit starts with an empty field (the NUL before its hash right after the NUL
that ended the previous path), which no path can forge, and its hash, author and date are then read
by position. Anything that does not look as git writes it is dropped, never guessed at.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from handoff_lint.site.clients import LastChange

LOG_ARGUMENTS = ("log", "-z", "--relative", "--name-only", "--format=%x00%H%x00%an%x00%as")

_COMMIT = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")  # SHA-1 or SHA-256
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def last_changes(log_output: str) -> dict[str, LastChange]:
    """Each path's newest commit in `git log LOG_ARGUMENTS` output (newest commits come first)."""
    fields = log_output.split("\0")
    found: dict[str, LastChange] = {}
    if fields[0] != "":
        return found
    index = 1
    while index + 3 <= len(fields):
        commit, author, date = fields[index:index + 3]
        index += 3
        if not (_COMMIT.fullmatch(commit) and _DATE.fullmatch(date)):
            return found  # not git's own layout: trust nothing from here on
        first = True
        while index < len(fields) and fields[index] != "":
            name = fields[index]
            # Git puts one line break between a commit's header and its first path.
            name = name.removeprefix("\n") if first else name
            first = False
            index += 1
            if name and name not in found:
                found[name] = LastChange(author=author, date=date, commit=commit)
        index += 1  # the empty field that starts the next commit (or ends the output)
    return found


def read_last_changes(root: Path, clients: str) -> dict[str, LastChange]:
    """Each doc's last commit by path relative to root, as git tells it; empty outside a git
    repository (a copied folder, a bench project)."""
    try:
        result = subprocess.run(["git", *LOG_ARGUMENTS, "--", clients], cwd=root,
                                capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return last_changes(result.stdout) if result.returncode == 0 else {}
