"""What the site publishes from the clients folder: the handoff docs at their path, nothing else.

Any other file there (an .html or .svg page, a script, an image, a .md file away from the doc
path) would be served from the site's own address, so it is left out; and nothing is published
through a symbolic link, which could lead anywhere on the build machine (/proc/self/environ).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from handoff_lint.rules.paths import is_doc_path


@dataclass
class Decision:
    """The files left out (paths under the repo root) and one message for each reason to say so."""

    left_out: set[PurePosixPath] = field(default_factory=set)
    messages: list[str] = field(default_factory=list)


def decide(
    sources: Iterable[tuple[PurePosixPath, PurePosixPath | None]], clients: str = "clients"
) -> Decision:
    """sources are the clients folder's files as (path under the repo root, the link on the way to
    it or None). Hidden files (.gitkeep) are left out without a word; a linked folder is one
    message, not one per file in it."""
    decision = Decision()
    links: set[PurePosixPath] = set()
    for relative, link in sources:
        if link is None and is_doc_path(relative, clients):
            continue
        decision.left_out.add(relative)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if link is None:
            decision.messages.append(f"{relative}: not a handoff doc; the site does not publish it")
        elif link not in links:
            links.add(link)
            decision.messages.append(f"{link}: a link; the site publishes nothing through it")
    return decision
