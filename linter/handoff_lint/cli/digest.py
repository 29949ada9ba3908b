"""The `handoff digest` command: read every doc, write one .eml per person with open items, and send
them by SMTP when asked.

Sending always upgrades the connection with STARTTLS (a server that does not offer it is refused,
nothing is sent) and takes credentials from the environment only: HANDOFF_SMTP_USER and
HANDOFF_SMTP_PASSWORD, and HANDOFF_SMTP_CAFILE for a private certificate authority.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from handoff_lint.cli.exits import EXIT_CLEAN, EXIT_USAGE
from handoff_lint.contract.config import TODAY_VARIABLE, Config, ConfigError, parse_today
from handoff_lint.delivery.digest import ADDRESS, Digest, digests
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.engine.check import check_bytes
from handoff_lint.engine.reporters import printable
from handoff_lint.reading import files

MAX_PEOPLE_FILE = 1_000_000
SMTP_TIMEOUT = 30


def _fail(message: str) -> int:
    print(f"handoff digest: {printable(message)}", file=sys.stderr)
    return EXIT_USAGE


def site_url_of(root: Path) -> str:
    """mkdocs.yml's site_url, or '' (read as data only: a tag it uses is not constructed)."""
    import yaml

    path = root / "mkdocs.yml"
    try:
        if path.stat().st_size > MAX_PEOPLE_FILE:
            return ""
        loader = yaml.SafeLoader(path.read_text("utf-8"))
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    if not isinstance(node, yaml.MappingNode):
        return ""
    for key, value in node.value:
        if key.value == "site_url" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return ""


def addresses(path: Path) -> dict[str, str]:
    """An address file: CSV rows 'name,address' (a header row is skipped: it has no address)."""
    if path.stat().st_size > MAX_PEOPLE_FILE:
        raise ValueError(f"{path} is over {MAX_PEOPLE_FILE} bytes")
    known = {}
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.reader(rows):
            if len(row) >= 2 and ADDRESS.fullmatch(row[1].strip()):
                known[" ".join(row[0].split()).casefold()] = row[1].strip()
    return known


def views(config: Config, today: dt.date) -> list[Any]:
    from handoff_lint.site.clients import view

    targets, _ = files.discover([config.root / config.clients], config.root, Path.cwd(), config.clients)
    found = []
    for target in targets:
        data = files.read(target, config.max_bytes)
        if isinstance(data, Diagnostic):
            continue
        checked = check_bytes(target.display, data, target.relative, config)
        relative = target.relative
        src_uri = relative.relative_to(config.clients).as_posix() if relative else target.display
        found.append(view(checked, src_uri, config.region, today))
    return found


def send(host: str, port: int, messages: list[Digest]) -> int:
    """Send over STARTTLS; the number sent."""
    import smtplib
    import ssl

    context = ssl.create_default_context(cafile=os.environ.get("HANDOFF_SMTP_CAFILE") or None)
    with smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT) as server:
        server.ehlo()
        if not server.has_extn("starttls"):
            raise smtplib.SMTPException(f"{host}:{port} does not offer STARTTLS; nothing is sent in clear")
        server.starttls(context=context)
        server.ehlo()
        user = os.environ.get("HANDOFF_SMTP_USER")
        if user:
            server.login(user, os.environ.get("HANDOFF_SMTP_PASSWORD", ""))
        for digest in messages:
            server.send_message(digest.message)
    return len(messages)


def run(arguments: argparse.Namespace, config: Config) -> int:
    try:
        today = parse_today(arguments.today or os.environ.get(TODAY_VARIABLE), dt.date.today())
    except ConfigError as error:
        return _fail(str(error))
    site_url = arguments.site_url or site_url_of(config.root)
    if not site_url:
        print("handoff digest: no site_url in mkdocs.yml and no --site-url: the messages have no links.",
              file=sys.stderr)
    try:
        known = addresses(Path(arguments.addresses)) if arguments.addresses else {}
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as error:
        return _fail(f"cannot read the address file: {error}")
    made = digests(views(config, today), today, site_url, arguments.sender or "", arguments.domain or "",
                   known)
    if arguments.out:
        out = Path(arguments.out)
        try:
            out.mkdir(parents=True, exist_ok=True)
            for digest in made:
                (out / digest.name).write_bytes(bytes(digest.message))
        except OSError as error:
            return _fail(f"cannot write to {out}: {error.strerror}")
        print(f"handoff digest: {len(made)} message{'s' if len(made) != 1 else ''} written to {out}.")
    if arguments.smtp:
        host, _, port = arguments.smtp.rpartition(":")
        if not host or not port.isdigit():
            return _fail(f"--smtp '{arguments.smtp[:80]}' is not HOST:PORT, e.g. smtp.firm.example:587")
        addressed = [d for d in made if d.to]
        for digest in made:
            if not digest.to:
                print(f"handoff digest: no address for {printable(digest.person)}; give --domain or "
                      "--addresses. Not sent.", file=sys.stderr)
        import smtplib

        try:
            sent = send(host, int(port), addressed)
        except (OSError, smtplib.SMTPException) as error:
            return _fail(f"sending failed: {error}; check the server, its STARTTLS and the credentials "
                         "in HANDOFF_SMTP_USER / HANDOFF_SMTP_PASSWORD")
        print(f"handoff digest: {sent} message{'s' if sent != 1 else ''} sent through {host}:{port}.")
    if not arguments.out and not arguments.smtp:
        return _fail("give --out DIR, --smtp HOST:PORT or both")
    return EXIT_CLEAN


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "digest", help="write (and send) each person's reminder of what they record today",
        description="One e-mail per person with open items: what is due today, overdue and due this "
        "week, each with its link. --out writes them as .eml files; --smtp sends them over STARTTLS "
        "with HANDOFF_SMTP_USER / HANDOFF_SMTP_PASSWORD from the environment.",
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=None,
                        help=f"the day of the digest (default: ${TODAY_VARIABLE}, else the real date)")
    parser.add_argument("--out", metavar="DIR", default=None, help="write one .eml file per person here")
    parser.add_argument("--smtp", metavar="HOST:PORT", default=None,
                        help="send the messages through this server")
    parser.add_argument("--site-url", default=None,
                        help="the site's address for links (default: site_url in mkdocs.yml)")
    parser.add_argument("--domain", default=None,
                        help="address people as first.last@DOMAIN (names come from the docs)")
    parser.add_argument("--addresses", metavar="FILE", default=None,
                        help="a CSV file of name,address rows, used before --domain")
    parser.add_argument("--from", dest="sender", metavar="ADDRESS", default=None,
                        help="the sender (default: handoff@DOMAIN)")
    parser.set_defaults(run=run)
