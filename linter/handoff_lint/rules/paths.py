"""Where a handoff doc lives: clients/<slug>/01-handoff/handoff-<slug>-<YYYY-MM-DD>.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from handoff_lint.codes import diagnostic
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.dates import parse_date

HANDOFF_FOLDER = "01-handoff"
# Used with fullmatch: '$' alone also matches before a final line break ("acme\n").
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 64  # a file name holds the slug twice, and file names stop at 255 bytes
_FILENAME = re.compile(r"handoff-(?P<slug>.+)-(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\.md")


def doc_path(clients_dir: str, slug: str, date: str) -> PurePosixPath:
    return PurePosixPath(clients_dir, slug, HANDOFF_FOLDER, f"handoff-{slug}-{date}.md")


def is_doc_path(relative: PurePosixPath, clients_dir: str = "clients") -> bool:
    """True for the one place a handoff doc may be: clients/<slug>/01-handoff/handoff-<slug>-<date>.md."""
    parts = relative.parts
    return (len(parts) == 4 and parts[0] == clients_dir and parts[2] == HANDOFF_FOLDER
            and SLUG.match(parts[1]) is not None and _FILENAME.match(parts[3]) is not None)


def client_slug(relative: PurePosixPath, clients_dir: str = "clients") -> str | None:
    """The client folder a doc path belongs to, or None when it is not under clients/<slug>/."""
    parts = relative.parts
    if len(parts) >= 3 and parts[0] == clients_dir:
        return parts[1]
    return None


def check_path(
    display: str,
    relative: PurePosixPath,
    front_matter: dict[str, object] | None,
    positions: dict[str, tuple[int, int]],
    clients_dir: str = "clients",
) -> Iterator[Diagnostic]:
    """Check one doc's path against the convention and its own front matter."""

    def at(code: str, pointer: str, message: str, hint: str) -> Diagnostic:
        line, column = positions.get(pointer, (1, 1))
        return diagnostic(display, line, column, code, message, hint)

    parts = relative.parts
    name = _FILENAME.fullmatch(relative.name)
    expected = f"{clients_dir}/<slug>/{HANDOFF_FOLDER}/handoff-<slug>-<YYYY-MM-DD>.md"
    if len(parts) != 4 or parts[0] != clients_dir or parts[2] != HANDOFF_FOLDER or not name:
        yield at("HO501", "", f"'{relative}' is not where handoff docs go: {expected}",
                 f"Move the file to {expected}, e.g. with `git mv`.")
        return
    folder_slug, file_slug, file_date = parts[1], name.group("slug"), name.group("date")
    front = front_matter or {}
    front_slug = front.get("slug")
    if not SLUG.fullmatch(folder_slug):
        yield at("HO502", "",
                 f"client folder '{folder_slug}' is not a slug (lowercase words joined by hyphens)",
                 "Rename the folder, e.g. clients/acme-widgets/.")
    elif file_slug != folder_slug:
        yield at("HO502", "", f"file name slug '{file_slug}' differs from the client folder '{folder_slug}'",
                 f"Rename the file to handoff-{folder_slug}-{file_date}.md.")
    elif isinstance(front_slug, str) and front_slug != folder_slug:
        yield at("HO502", "/front_matter/slug",
                 f"front matter slug '{front_slug}' differs from the client folder '{folder_slug}'",
                 f"Set slug: {folder_slug}, or move the doc to clients/{front_slug}/.")
    if parse_date(file_date) is None:
        yield at("HO503", "", f"the date in the file name, {file_date}, is not a real date",
                 "Rename the file with the doc's date as YYYY-MM-DD.")
    elif isinstance(front.get("doc_date"), str) and front["doc_date"] != file_date:
        yield at("HO503", "/front_matter/doc_date",
                 f"doc_date {front['doc_date']} differs from the date in the file name, {file_date}",
                 "Make doc_date and the file name's date the same.")


def check_one_doc_per_client(
    docs: Iterable[tuple[str, PurePosixPath]], clients_dir: str = "clients"
) -> Iterator[Diagnostic]:
    """Every client folder holds exactly one handoff doc; report each extra one."""
    by_client: dict[str, list[str]] = {}
    for display, relative in sorted(docs, key=lambda doc: str(doc[1])):
        slug = client_slug(relative, clients_dir)
        if slug is not None and len(relative.parts) == 4 and relative.parts[2] == HANDOFF_FOLDER:
            by_client.setdefault(slug, []).append(display)
    for slug, displays in by_client.items():
        for extra in displays[1:]:
            yield diagnostic(
                extra, 1, 1, "HO504",
                f"client '{slug}' has more than one handoff doc (also {displays[0]})",
                "Keep one doc per client: merge the two and delete this one.",
            )
