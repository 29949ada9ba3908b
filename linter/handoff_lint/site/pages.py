"""The whole site from checked docs: every generated page, every client page, and the navigation.

This is the one call a site generator adapter makes; it reads no files, no clock and no git.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from handoff_lint.codes import Rule
from handoff_lint.contract.schema import Schema
from handoff_lint.engine.check import Checked
from handoff_lint.site import (
    allocate,
    background,
    client_index,
    client_page,
    commission,
    csp,
    dashboard,
    exports,
    guide,
    people,
    portfolio,
    queues,
    registers,
    script,
    search,
    stylesheet,
    uris,
)
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.clients import ClientView, LastChange, view
from handoff_lint.site.mdtext import front_matter, plain, read_front_matter
from handoff_lint.site.pictures import Pictures
from handoff_lint.site.sanitize import html_text

ROBOTS_TXT = "User-agent: *\nDisallow: /\n"

NavEntry = dict[str, object] | str


@dataclass(frozen=True)
class Doc:
    """A client doc as the adapter found it: its page path in the site, the check, its history."""

    src_uri: str
    checked: Checked
    last_change: LastChange | None = None


@dataclass
class Site:
    generated: dict[str, str] = field(default_factory=dict)   # new page path -> content
    client_pages: dict[str, str] = field(default_factory=dict)  # doc page path -> page Markdown
    views: list[ClientView] = field(default_factory=list)
    nav: list[NavEntry] = field(default_factory=list)
    search: dict[str, search.Record] = field(default_factory=dict)  # page path -> what search indexes
    # Each doc's entry in the exports; the feeds and exports are background.downloads of the views.
    entries: list[exports.Entry] = field(default_factory=list)
    # The pictures placed into rendered pages (client timelines, the portfolio), made on demand.
    pictures: Pictures = field(default_factory=lambda: Pictures({}, dt.date.min))


# Pages of wide tables also hide the table of contents, for the tables' room.
WIDE = "---\nhide:\n  - toc\n---\n\n"
# A heading's attribute list, `{ .sortable }`, which is not part of its text.
_ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*\}\s*$")  # the white space before it is stripped after


def titled(page: str) -> str:
    """A generated page with its title in its own front matter, as HTML text. Without one, MkDocs and
    Zensical take the title from the page's first heading and write it into <title> through Jinja's
    striptags, which turns the heading's escaped '&lt;' back into '<': a name in a heading
    ('AE: Ben </title><svg onload=...>') would become markup."""
    front: dict[str, object] = {}
    body = page
    if page.startswith("---\n"):
        end = page.index("\n---\n", 3)
        loaded, body = read_front_matter(page[4:end + 1]), page[end + 5:]
        front = loaded if isinstance(loaded, dict) else {}
    heading = next((line[2:] for line in body.split("\n") if line.startswith("# ")), None)
    if heading is None or "title" in front:
        return page
    front = {"title": html_text(plain(_ATTRIBUTE_LIST.sub("", heading).rstrip())), **front}
    return front_matter(front) + body.lstrip("\n")


def _sortable(page: str, *classes: str) -> str:
    """Mark a generated page's title so the site's script makes its tables sortable (and with any
    other classes of the site's own)."""
    title, rest = page.split("\n", 1)
    marks = " ".join(f".{trusted_class(name)}" for name in (script.SORTABLE, *classes))
    return f"{title} {{ {marks} }}\n{rest}"


def navigation(hand_written: Sequence[tuple[str, str]]) -> list[NavEntry]:
    """The sidebar: the same few entries however many clients there are (no client is listed in it;
    Clients A–Z and All clients lead to every client, a page of bounded size at a time)."""
    return [
        {"Dashboard": uris.DASHBOARD},
        {"Clients": [
            {"Clients A–Z": uris.CLIENT_INDEX},
            {"All clients": uris.ALL_CLIENTS},
            {"Needs action": uris.ATTENTION},
            {"Portfolio": uris.PORTFOLIO},
        ]},
        {"People": uris.PEOPLE},
        {"Registers": [
            {"Risks": uris.RISKS},
            {"All risks": uris.RISKS_ALL},
            {"Commitments": uris.COMMITMENTS},
            {"Upcoming dates": uris.UPCOMING},
            {"Clients by AM": uris.BY_AM},
            {"Clients by sector": uris.BY_SECTOR},
            {"AE commission": uris.COMMISSION},
        ]},
        {"Guide": [
            {"How to write a handoff": uris.GUIDE},
            *({html_text(title): uri} for uri, title in guide.reading_order(hand_written)),
            {"Format reference": uris.FORMAT_REFERENCE},
            {"Rules reference": uris.RULES},
        ]},
    ]


def _tables(found: dict[str, str], *classes: str) -> dict[str, str]:
    """Pages of tables: full width and sortable."""
    return {uri: WIDE + _sortable(content, *classes) for uri, content in found.items()}


def build(docs: Iterable[Doc], *, today: dt.date, default_region: str, schema: Schema,
          rules: Iterable[Rule], hand_written: Sequence[tuple[str, str]] = (),
          site_name: str = "Client handoffs", edit_base: str = "",
          client_out: Callable[[str, str, exports.Entry], None] | None = None) -> Site:
    """Every page of the site; hand_written are the guide's own pages as (path, title). docs may be
    a generator: each is used once, as it comes. With client_out, each client's page and export
    entry are handed to it as (page path, page Markdown, entry) as soon as they are made, instead
    of kept in site.client_pages and site.entries. Every path is claimed once (allocate.Paths): two
    pages for one address raise allocate.PathCollision."""
    site = Site()
    paths = allocate.Paths()
    # One doc at a time: each check is dropped once its view and page are written, so memory holds
    # the small views, never every parsed doc (nor every client page, with client_out) at once.
    for doc in docs:
        client = view(doc.checked, doc.src_uri, default_region, today, doc.last_change)
        paths.claim(client.src_uri, "a client's page")
        site.views.append(client)
        page, exported = client_page.page(client, doc.checked), exports.entry(doc.src_uri, doc.checked)
        if client_out is None:
            site.client_pages[client.src_uri] = page
            site.entries.append(exported)
        else:
            client_out(client.src_uri, page, exported)
    site.pictures = Pictures({client.src_uri: client for client in site.views}, today)
    merged = paths.merge([
        ("the dashboard", {uris.DASHBOARD: WIDE + dashboard.dashboard(site.views, today, site_name,
                                                                      edit_base)}),
        ("All clients", {**_tables(dashboard.all_clients(site.views), dashboard.DASHBOARD_CLASS,
                                   dashboard.ALL_CLIENTS_CLASS),
                         uris.ALL_CLIENTS_DATA: dashboard.all_clients_data(site.views)}),
        ("Needs action", queues.attention_pages(site.views, today, edit_base)),
        ("Records to complete", queues.records_pages(site.views, today, edit_base)),
        ("Clients A–Z", _tables(client_index.pages(site.views))),
        ("the risk register", {**_tables(registers.risks(site.views)),
                               **_tables(registers.all_risks(site.views), registers.ALL_RISKS_CLASS),
                               uris.RISKS_DATA: registers.all_risks_data(site.views)}),
        ("the commitments register", _tables(registers.commitments(site.views))),
        ("Upcoming dates", _tables(registers.upcoming(site.views, today))),
        ("Clients by AM", _tables(registers.by_owner(site.views, "account_manager"))),
        ("Clients by sector", _tables(registers.by_owner(site.views, "sector"))),
        ("the guide", {uris.GUIDE: guide.writing_guide(hand_written),
                       uris.FORMAT_REFERENCE: guide.format_reference(schema),
                       uris.RULES: guide.rules_reference(rules)}),
        ("the site's own files", {uris.ROBOTS: ROBOTS_TXT, uris.STYLESHEET: stylesheet.STYLESHEET,
                                  uris.SCRIPT: script.script(),
                                  uris.HEADERS: csp.headers_file()}),
        ("AE commission", commission.pages(site.views, today)),
        ("People", people.pages(site.views, today, edit_base)),
        ("Portfolio", _tables(portfolio.pages(site.views, today, site.pictures.portfolio))),
    ])
    site.generated = {uri: titled(content) if uri.endswith(".md") else content
                      for uri, content in merged.items()}
    # Made later, beside the pages (background.downloads), at paths known now.
    paths.claim_all(background.download_paths(site.views), "the calendar feeds and exports")
    site.nav = navigation(hand_written)
    guide_pages = [uris.GUIDE, uris.FORMAT_REFERENCE, uris.RULES, *(uri for uri, _ in hand_written)]
    site.search = search.records(site.views, guide_pages)
    return site
