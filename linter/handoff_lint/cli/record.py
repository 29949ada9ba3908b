"""The `handoff record` command: find the client's doc, record one fact, write it back safely.

The doc is read once, the fact is recorded in memory (handoff_lint.delivery.record) and the file is written
whole, atomically, and only if it still holds what was read, as `handoff lint --fix` writes.
Exit 0: recorded, or already recorded; 2: refused or a usage error, with nothing written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_USAGE
from handoff_lint.contract.config import TODAY_VARIABLE, Config, ConfigError, parse_today
from handoff_lint.delivery.record import EVENTS, Recorded, Refused, Request, record
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.dates import parse_date
from handoff_lint.engine.reporters import printable
from handoff_lint.reading import files, source
from handoff_lint.rules.paths import HANDOFF_FOLDER, MAX_SLUG_LENGTH, SLUG


def _fail(message: str) -> int:
    print(f"handoff record: {printable(message)}; nothing was written.", file=sys.stderr)
    return EXIT_USAGE


def _doc(config: Config, slug: str) -> Path | str:
    """The client's one handoff doc, or why there is none to record in."""
    if not SLUG.fullmatch(slug) or len(slug) > MAX_SLUG_LENGTH:
        return f"'{slug[:80]}' is not a client slug (lowercase words joined by hyphens, e.g. acme-widgets)"
    root = config.root.resolve()
    folder = root / config.clients / slug / HANDOFF_FOLDER
    docs = sorted(p for p in folder.glob("handoff-*.md") if not p.name.startswith(".")) \
        if folder.is_dir() else []
    if len(docs) != 1:
        held = f"{len(docs)} handoff docs" if docs else "no handoff doc"
        return f"{files.display(folder, Path.cwd())} holds {held}; name a client with exactly one"
    if docs[0].is_symlink() or not Path(os.path.realpath(docs[0])).is_relative_to(root):
        return f"{files.display(docs[0], Path.cwd())} is a link; record in the doc it leads to"
    return docs[0]


def run(arguments: argparse.Namespace, config: Config) -> int:
    try:
        today = parse_today(arguments.today or os.environ.get(TODAY_VARIABLE), dt.date.today())
    except ConfigError as error:
        return _fail(str(error))
    day = today if arguments.on is None else parse_date(arguments.on)
    if day is None:
        return _fail(f"--on '{arguments.on[:40]}' is not a date written YYYY-MM-DD, e.g. 2026-11-24")
    found = _doc(config, arguments.slug)
    if isinstance(found, str):
        return _fail(found)
    target = files.Target(files.display(found, Path.cwd()), found, None)
    data = files.read(target, config.max_bytes)
    if isinstance(data, Diagnostic):
        return _fail(f"{target.display}: {data.message}")
    decoded = source.decode(target.display, data, config.max_bytes)
    if isinstance(decoded, Diagnostic):
        return _fail(f"{target.display}: {decoded.message}")
    attendees = tuple(a for a in (arguments.attendees or "").split(",") if a.strip())
    request = Request(arguments.event, day, today, arguments.name or "", attendees)
    try:
        result: Recorded = record(target.display, decoded.text, None, config, request)
    except Refused as refusal:
        return _fail(f"{target.display}:{refusal.line}: {refusal}")
    if not result.changed:
        print(f"{target.display}: {result.what}; nothing to change.")
        return EXIT_CLEAN
    text = result.text.replace("\n", "\r\n") if b"\r\n" in data else result.text
    payload = (b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b"") + text.encode("utf-8")
    if not files.replace_if_unchanged(found, data, payload):
        return _fail(f"{target.display} changed while the fact was being recorded; run the command again")
    print(f"Recorded in {target.display}: {result.what}. Commit it and open a pull request.")
    return EXIT_CLEAN


def add_parser(commands: Any) -> None:
    """The subcommand's arguments (`commands` is the main parser's subparsers)."""
    parser = commands.add_parser(
        "record", help="record a fact after the handoff (AM assigned, call held, Week 0, ...)",
        description="Record one fact in a client's handoff doc, in the form `handoff lint` reads, "
        "changing only the lines it needs. The Delivery Lead records am-assigned; the Account "
        "Manager call-held, week0, week2 and week12; the AE intro-sent and ae-off. Exit 0: recorded "
        "or already recorded; 2: refused (a day after today or before the trigger, a different day "
        "already recorded), with nothing written.",
    )
    parser.add_argument("slug", help="the client's slug, e.g. acme-widgets")
    parser.add_argument("event", choices=EVENTS, help="what happened")
    parser.add_argument("--on", metavar="YYYY-MM-DD", default=None,
                        help="the day it happened (default: today); never after today")
    parser.add_argument("--name", metavar="NAME", default=None,
                        help='am-assigned: the Account Manager, e.g. --name "Hannah Lee"')
    parser.add_argument("--attendees", metavar="A,B,C", default=None,
                        help="call-held: who attended, comma-separated (default: the doc's AE, "
                        "Delivery Lead and Account Manager)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                        help=f"the day it is (default: ${TODAY_VARIABLE}, else the real date)")
    parser.set_defaults(run=run)
