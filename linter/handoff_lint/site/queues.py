"""The queues on the site: each person's open items, the dashboard's Needs action and the records to
complete, all from handoff_lint.domain.queue.

Needs action is this morning's work only: at most MAX_NEEDS_ACTION items, each due within 2 working
days or overdue by at most 10, the closest to today first, grouped by owner with each owner's count.
Records nobody kept (overdue for longer, or a client past Week 12 with nothing recorded) are counted
and listed on pages of their own, never at the top. A client whose Week 12 board report is recorded
is in no queue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from handoff_lint.contract.schema import load_schema, properties, title_of
from handoff_lint.domain.queue import (
    DUE_WITHIN,
    RECORD_AFTER,
    ROLE_SLUGS,
    Bucket,
    Item,
    Owners,
    Role,
    by_urgency,
    open_items,
)
from handoff_lint.domain.records import CALL_RECORD, RECORDED_AT
from handoff_lint.rules.playbook.facts import command as record_command
from handoff_lint.site import paging, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import link, text

MAX_NEEDS_ACTION = 25
RECORDS = "records-to-complete/index.md"
# Per bucket on a person's page; the rest is counted, and the records have their own pages.
MAX_PER_BUCKET = 50
# An edit link is made only from an https address of this plain shape (mkdocs.yml's repo_url and
# edit_uri): a link never carries anything else to another host.
_EDIT_BASE = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/+-]*)?")


@dataclass(frozen=True)
class Entry:
    view: ClientView
    item: Item

    @property
    def owner_key(self) -> tuple[Role, str]:
        return self.item.role, self.item.owner


def owners(view: ClientView) -> Owners:
    return Owners(" ".join(view.ae.split()), " ".join(view.delivery_lead.split()),
                  " ".join(view.account_manager.split()))


def entries(views: Sequence[ClientView], today: dt.date) -> list[Entry]:
    """Every open item of every client, most urgent first."""
    found = [Entry(view, item) for view in views for item in open_items(view.records, owners(view), today)]
    return sorted(found, key=lambda e: (e.item.urgency(), e.item.due, e.view.name.casefold(),
                                        e.item.fact.event))


def edit_base(repo_url: str | None, edit_uri: str | None) -> str:
    """The web editor's address for files under the docs folder, or '' (then no edit links)."""
    if not repo_url or not edit_uri:
        return ""
    base = edit_uri if edit_uri.startswith("https://") else \
        repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
    base = base if base.endswith("/") else base + "/"
    return base if _EDIT_BASE.fullmatch(base) else ""


def edit_url(base: str, src_uri: str) -> str:
    """The doc's page in the git host's web editor; every character of the path percent-encoded."""
    return base + quote(src_uri, safe="/") if base else ""


_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/+-]*)?")


def site_base(site_url: str | None) -> str:
    """mkdocs.yml's site_url as the base of absolute links (digests, calendars), or '' if unusable."""
    if not site_url:
        return ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if _SITE_URL.fullmatch(base) else ""


def page_url(base: str, src_uri: str) -> str:
    """A page's address on the built site (MkDocs' directory URLs: 'a/b.md' is 'a/b/')."""
    if not base:
        return ""
    path = src_uri.removesuffix(".md")
    path = path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"
    return base + quote(path, safe="/")


def line_to_add(item: Item) -> str:
    """Exactly what to write in the doc to record the item (what `handoff record` writes)."""
    section, key = RECORDED_AT[item.fact.event]
    if item.fact.event == "am-assigned":
        return "`account_manager: <name>` and `am_assigned: YYYY-MM-DD` in the front matter"
    schema = properties(load_schema())[section]
    label = title_of(properties(schema)[key], key)
    heading = title_of(schema, section)
    extra = " (with **Attendees:**)" if section == CALL_RECORD and key == "held_on" else ""
    return f"`- **{label}:** YYYY-MM-DD` under `## {heading}`{extra}"


def record_hint(entry: Entry, page: str, base: str) -> str:
    """'Record …' with the line to add and, when the site knows the git host, the editor link."""
    view = entry.view
    what = f"Record it: add {line_to_add(entry.item)}"
    slug = view.slug if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", view.slug) else ""
    command = f", or run `{record_command(slug, entry.item)}`" if slug else ""
    url = edit_url(base, view.src_uri)
    editor = f" · [Record {text(entry.item.fact.what)} in the editor]({url})" if url else ""
    return f"{what}{command}{editor}"


def _line(entry: Entry, page: str, today: dt.date, base: str, owner: bool = False) -> str:
    client = link(text(entry.view.name), page, entry.view.src_uri)
    who = ""
    if owner:
        role, name = entry.owner_key
        person = link(text(name), page, person_uri(role, name)) if name else "(nobody named)"
        who = f" · {text(role.value)} {person}"
    return f"- {client}: {text(entry.item.words(today))}{who}  \n  {record_hint(entry, page, base)}"


def person_uri(role: Role, name: str, number: int = 1) -> str:
    return uris.person_page(ROLE_SLUGS[role], name, number)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def needs_action(views: Sequence[ClientView], today: dt.date, base: str = "") -> tuple[int, str]:
    """The dashboard's Needs action: (how many items are actionable, the section's Markdown)."""
    found = entries(views, today)
    actionable = [e for e in found if e.item.actionable]
    records = [e for e in found if e.item.bucket is Bucket.RECORD]
    chosen = actionable[:MAX_NEEDS_ACTION]
    counts: dict[tuple[Role, str], int] = {}
    for entry in actionable:
        counts[entry.owner_key] = counts.get(entry.owner_key, 0) + 1
    groups: dict[tuple[Role, str], list[Entry]] = {}
    for entry in chosen:  # most urgent first, so the owner with the most urgent item leads
        groups.setdefault(entry.owner_key, []).append(entry)
    page = uris.DASHBOARD
    rest = f": the rest are on {link('the full list', page, uris.ATTENTION)}" \
        if len(actionable) > len(chosen) else ""
    parts = [f"Due within {DUE_WITHIN} working days or overdue by at most {RECORD_AFTER}, the closest to "
             f"today first, by who records it. Showing {len(chosen)} of {len(actionable)}{rest}.\n"]
    for (role, name), group in groups.items():
        who = link(text(name), page, person_uri(role, name)) if name else "nobody named"
        shown = f", {len(group)} shown" if len(group) < counts[(role, name)] else ""
        parts.append(f"### {who} ({text(role.value)}): {_plural(counts[(role, name)], 'item')}{shown}\n")
        parts.append("\n".join(_line(e, page, today, base) for e in group) + "\n")
    if not chosen:
        parts.append("Nothing is due within 2 working days or recently overdue.\n")
    parts.append(f"**Records to complete: {len(records)}** "
                 f"({link('the list', page, RECORDS)}): facts overdue by more than {RECORD_AFTER} working "
                 "days, or clients past Week 12 with nothing recorded. They are records to fix, not "
                 "today's work.\n")
    return len(actionable), "\n".join(parts)


def attention_pages(views: Sequence[ClientView], today: dt.date, base: str = "") -> dict[str, str]:
    """Every actionable item, in pages of bounded size."""
    actionable = [e for e in entries(views, today) if e.item.actionable]

    def render(uri: str, part: Sequence[Entry], pager: str) -> str:
        body = "\n".join(_line(e, uri, today, base, owner=True) for e in part) + "\n" if part else \
            "Nothing is due within 2 working days or recently overdue.\n"
        intro = (f"{_plural(len(actionable), 'item')} due within {DUE_WITHIN} working days or overdue by at "
                 f"most {RECORD_AFTER}, the closest to today first.\n")
        return "\n".join(p for p in ("# Needs action\n", intro, pager, body, pager) if p)
    return paging.paged(uris.ATTENTION, actionable, render)


def records_pages(views: Sequence[ClientView], today: dt.date, base: str = "") -> dict[str, str]:
    """The records to complete, oldest first, in pages of bounded size."""
    records = sorted((e for e in entries(views, today) if e.item.bucket is Bucket.RECORD),
                     key=lambda e: (e.item.due, e.view.name.casefold(), e.item.fact.event))

    def render(uri: str, part: Sequence[Entry], pager: str) -> str:
        body = "\n".join(_line(e, uri, today, base, owner=True) for e in part) + "\n" if part else \
            "No record is missing.\n"
        intro = (f"{_plural(len(records), 'fact')} overdue by more than {RECORD_AFTER} working days, or of "
                 "a client past Week 12 with nothing recorded: record the real day each happened, or "
                 f"correct the doc. Oldest first. {link('Dashboard', uri, uris.DASHBOARD)}\n")
        return "\n".join(p for p in ("# Records to complete\n", intro, pager, body, pager) if p)
    return paging.paged(RECORDS, records, render)


SECTIONS = ((Bucket.TODAY, "Due today"), (Bucket.THIS_WEEK, "Due this week"),
            (Bucket.OVERDUE, "Overdue, most recent first"))


def person_queue(mine: Sequence[Entry], page: str, today: dt.date, base: str = "") -> str:
    """A person's open items, by bucket; the records to complete as a count and a bounded list."""
    parts = []
    for bucket, title in SECTIONS:
        listed = [e for e in mine if e.item.bucket is bucket]
        parts.append(f"## {title} ({len(listed)})\n")
        shown = listed[:MAX_PER_BUCKET]
        more = f"\n- … and {len(listed) - len(shown)} more\n" if len(listed) > len(shown) else "\n"
        parts.append("\n".join(_line(e, page, today, base) for e in shown) + more if shown else "Nothing.\n")
    records = sorted((e for e in mine if e.item.bucket is Bucket.RECORD), key=lambda e: e.item.due)
    parts.append(f"## Records to complete ({len(records)})\n")
    parts.append(f"Facts overdue by more than {RECORD_AFTER} working days, or of clients past Week 12 with "
                 "nothing recorded: a record to fix, not today's work. Oldest first.\n")
    shown = records[:MAX_PER_BUCKET]
    more = f"\n- … and {len(records) - len(shown)} more on {link('the full list', page, RECORDS)}\n" \
        if len(records) > len(shown) else "\n"
    parts.append("\n".join(_line(e, page, today, base) for e in shown) + more if shown else "Nothing.\n")
    return "\n".join(parts)


def by_owner(found: Sequence[Entry]) -> dict[tuple[Role, str], list[Entry]]:
    grouped: dict[tuple[Role, str], list[Entry]] = {}
    for entry in found:
        if entry.item.owner:
            grouped.setdefault(entry.owner_key, []).append(entry)
    return grouped


__all__ = ["MAX_NEEDS_ACTION", "RECORDS", "Entry", "attention_pages", "by_owner", "by_urgency", "edit_base",
           "entries", "needs_action", "person_queue", "records_pages"]
