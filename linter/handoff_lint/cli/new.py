"""`handoff new`: a fill-in doc for a client, written where the linter looks, never over one."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_USAGE
from handoff_lint.contract.config import (
    Config,
    find_handoff_pyproject,
)
from handoff_lint.contract.schema import load_schema
from handoff_lint.diagnostics import Diagnostic, Severity
from handoff_lint.domain.dates import parse_date
from handoff_lint.engine.reporters import finding, printable
from handoff_lint.reading import files
from handoff_lint.reading.characters import hidden, is_blank
from handoff_lint.rules.paths import HANDOFF_FOLDER, MAX_SLUG_LENGTH, SLUG, doc_path


def slug(text: str) -> str:
    if not SLUG.fullmatch(text) or len(text) > MAX_SLUG_LENGTH:
        raise argparse.ArgumentTypeError(
            f"{printable(text[:80])!r} is not a valid slug: use lowercase letters and digits in "
            f"words joined by hyphens, at most {MAX_SLUG_LENGTH} characters, e.g. acme-widgets")
    return text


def client_name(text: str) -> str:
    name = text.strip()
    # Control characters (a pasted line break, a tab) would break the front matter and the heading.
    # So would a name that shows as nothing (U+3164, a braille blank) or hides characters.
    if not name or any(unicodedata.category(c).startswith("C") for c in name) or is_blank(name) \
            or hidden(name):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a usable client name: give the legal name on one line, "
            'e.g. --client "Acme Widgets Ltd"')
    return name


def iso_date(text: str) -> str:
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
    from handoff_lint.contract import template  # imported by the command that uses it: lint starts faster

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
