"""Reminders: one RFC 5322 message per person with open items, from the same queues as the site.

Each message lists what the person records that is due today, overdue (most recent first) and due
later this week, each with the line to add, the `handoff record` command and, when the site's address
is known, a link to the client's page and to the person's queue; the records to complete are a count.
Pure: the CLI (handoff_lint.cli.digest) reads the docs, writes the files and sends them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from handoff_lint.domain.lifecycle import day_text
from handoff_lint.domain.queue import ROLE_SLUGS, Bucket
from handoff_lint.rules.playbook.facts import command
from handoff_lint.site import uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.queues import Entry, entries, line_to_add, page_url, person_uri, site_base

# A plain address, as `--domain` makes them and an address file may give them.
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+")
SENT_AT = dt.time(7, 0, tzinfo=dt.timezone.utc)
SECTIONS = ((Bucket.TODAY, "Due today"), (Bucket.OVERDUE, "Overdue"), (Bucket.THIS_WEEK, "Due this week"))
MAX_LISTED = 100  # per section: a digest stays readable however far behind the records are


@dataclass(frozen=True)
class Digest:
    name: str          # the file name, from the person's page: 'dl-tom-okafor.eml'
    person: str
    to: str            # '' when no address is known for the person
    message: EmailMessage


def address(name: str, domain: str, known: Mapping[str, str]) -> str:
    """The person's address: from the address file, else first.last@domain; '' if neither."""
    given = known.get(" ".join(name.split()).casefold(), "")
    if given:
        return given if ADDRESS.fullmatch(given) else ""
    if not domain:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    local = ".".join(re.sub(r"[^a-z0-9-]", "", part) for part in plain.split())
    local = re.sub(r"\.+", ".", local).strip(".")
    candidate = f"{local}@{domain}"
    return candidate if local and ADDRESS.fullmatch(candidate) else ""


def _item_text(entry: Entry, today: dt.date, base: str) -> str:
    view, item = entry.view, entry.item
    slug = view.slug if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", view.slug) else "<slug>"
    lines = [f"- {view.name}: {item.words(today)}",
             f"  Record it: add {line_to_add(item).replace('`', '')}",
             f"  or run: {command(slug, item)}"]
    link = page_url(base, view.src_uri)
    if link:
        lines.append(f"  {link}")
    return "\n".join(lines)


def compose(person: str, role_slug: str, mine: Sequence[Entry], today: dt.date, site_url: str,
            sender: str, to: str) -> EmailMessage:
    """One person's digest as an e-mail message."""
    base = site_base(site_url)
    counts = {bucket: [e for e in mine if e.item.bucket is bucket] for bucket, _ in SECTIONS}
    records = sum(e.item.bucket is Bucket.RECORD for e in mine)
    summary = ", ".join(f"{len(counts[bucket])} {title.casefold()}" for bucket, title in SECTIONS
                        if counts[bucket])
    body = [f"Good morning {person},", "",
            f"What you record in the client handoffs, as of {day_text(today)}: "
            f"{summary or 'nothing due'}.", ""]
    for bucket, title in SECTIONS:
        listed = counts[bucket]
        if not listed:
            continue
        body += [f"{title} ({len(listed)})", ""]
        body += [_item_text(e, today, base) for e in listed[:MAX_LISTED]]
        if len(listed) > MAX_LISTED:
            body.append(f"- ... and {len(listed) - MAX_LISTED} more on your queue page")
        body.append("")
    if records:
        body += [f"Records to complete: {records} (facts overdue by more than 10 working days, or clients "
                 "past Week 12 with nothing recorded). They are on your queue page.", ""]
    queue = page_url(base, uris.person_page(role_slug, person))
    body.append(f"Your queue: {queue}" if queue else
                "(No links: the site's address is not configured; set site_url in mkdocs.yml.)")
    message = EmailMessage()
    message["From"] = sender
    if to:
        message["To"] = to
    message["Subject"] = f"Handoff queue, {day_text(today)}: {summary or 'records to complete'}"
    message["Date"] = format_datetime(dt.datetime.combine(today, SENT_AT))
    message["Message-ID"] = f"<digest.{today.isoformat()}.{uris.anchor(role_slug, person)}@handoff.invalid>"
    message.set_content("\n".join(body) + "\n")
    return message


def digests(views: Sequence[ClientView], today: dt.date, site_url: str = "", sender: str = "",
            domain: str = "", known: Mapping[str, str] | None = None) -> list[Digest]:
    """A digest for each person with something due today, overdue or due this week."""
    by_person: dict[str, list[Entry]] = {}
    for entry in entries(views, today):
        if entry.item.owner:
            by_person.setdefault(person_uri(*entry.owner_key), []).append(entry)
    found = []
    for uri, mine in sorted(by_person.items()):
        if not any(e.item.bucket in (Bucket.TODAY, Bucket.OVERDUE, Bucket.THIS_WEEK) for e in mine):
            continue
        role, person = mine[0].owner_key
        to = address(person, domain, known or {})
        found.append(Digest(uri.removeprefix("people/").removesuffix(".md") + ".eml", person, to,
                            compose(person, ROLE_SLUGS[role], mine, today, site_url,
                                    sender or f"handoff@{domain or 'localhost'}", to)))
    return found
