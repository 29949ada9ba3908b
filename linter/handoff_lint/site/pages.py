"""The whole site from checked docs: every generated page, every client page, and the navigation.

This is the one call a site generator adapter makes; it reads no files, no clock and no git.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from handoff_lint.check import Checked
from handoff_lint.codes import Rule
from handoff_lint.schema import Schema
from handoff_lint.site import client_page, csp, dashboard, guide, registers, uris
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.clients import ClientView, LastChange, view
from handoff_lint.site.sanitize import html_text

ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
# Wide tables (the dashboard has eleven columns) need more room than the theme's reading width, so
# those pages also hide the table of contents (WIDE).
STYLESHEET = """\
.md-grid { max-width: 96rem; }
.md-typeset table:not([class]) td { vertical-align: top; }
.md-typeset .handoff-incomplete { font-size: .8rem; }
/* The intro e-mail wraps like the e-mail it becomes; copying keeps its own line breaks. */
.md-typeset #handoff-intro-e-mail ~ .highlight code { white-space: pre-wrap; }
.md-typeset th[aria-sort] { cursor: pointer; white-space: nowrap; }
.md-typeset th[aria-sort="ascending"]::after { content: " ▲"; }
.md-typeset th[aria-sort="descending"]::after { content: " ▼"; }
"""
# Pages whose title carries the class SORTABLE get tables sorted by a click on a column header: a
# few lines served from the site itself, no library, nothing from elsewhere. The class is keyed
# (handoff_lint.site.attributes), so a doc cannot make its own page sortable.
SORTABLE = "handoff-sortable"
SCRIPT = """\
document.addEventListener("DOMContentLoaded", function () {
  if (!document.querySelector("h1." + "handoff-sortable")) return;
  document.querySelectorAll("article table").forEach(function (table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      header.tabIndex = 0;
      header.setAttribute("aria-sort", "none");
      function sort() {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = a.cells[column].textContent.trim().localeCompare(
            b.cells[column].textContent.trim(), undefined, {numeric: true, sensitivity: "base"});
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  });
});
"""

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


def markdown_title(markdown: str, default: str) -> str:
    """The first '# ' heading of a hand-written page, for the navigation."""
    for line in markdown.split("\n"):
        if line.startswith("# "):
            return line[2:].strip().strip("#").strip() or default
    return default


WIDE = "---\nhide:\n  - toc\n---\n\n"


def _sortable(page: str) -> str:
    """Mark a generated page's title so the site's script makes its tables sortable."""
    title, rest = page.split("\n", 1)
    return f"{title} {{ .{trusted_class(SORTABLE)} }}\n{rest}"


# Beyond this many clients the sidebar groups them by initial: a list of hundreds is no help to a
# reader, and every page carries the sidebar, so a flat list makes the build grow with the square
# of the client count (the theme's navigation.prune then renders only the open group).
FLAT_CLIENT_LIST_UP_TO = 50


def _initial(name: str) -> str:
    """The sidebar group of a client name: its first letter without accents, or # for the rest."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).upper()[:1]
    return first if "A" <= first <= "Z" else "#"


def client_navigation(views: Sequence[ClientView]) -> list[NavEntry]:
    # Navigation labels reach the HTML unescaped: a client name is text, never markup.
    entries: list[tuple[str, NavEntry]] = [
        (_initial(v.name), {html_text(v.name): v.src_uri})
        for v in sorted(views, key=lambda v: v.name.casefold())
    ]
    if len(entries) <= FLAT_CLIENT_LIST_UP_TO:
        return [entry for _, entry in entries]
    groups: dict[str, list[NavEntry]] = {}
    for initial, entry in entries:
        groups.setdefault(initial, []).append(entry)
    return [{initial: groups[initial]} for initial in sorted(groups, key=lambda i: (i == "#", i))]


def navigation(views: Sequence[ClientView], hand_written: Sequence[tuple[str, str]]) -> list[NavEntry]:
    return [
        {"Dashboard": uris.DASHBOARD},
        {"Clients": client_navigation(views)},
        {"Registers": [
            {"Risks": uris.RISKS},
            {"Commitments": uris.COMMITMENTS},
            {"Upcoming dates": uris.UPCOMING},
            {"Clients by AM and sector": uris.BY_OWNER},
        ]},
        {"Guide": [
            {"How to write a handoff": uris.GUIDE},
            *({html_text(title): uri} for uri, title in guide.reading_order(hand_written)),
            {"Format reference": uris.FORMAT_REFERENCE},
            {"Rules reference": uris.RULES},
        ]},
    ]


def build(docs: Iterable[Doc], *, today: dt.date, default_region: str, schema: Schema,
          rules: Iterable[Rule], hand_written: Sequence[tuple[str, str]] = (),
          site_name: str = "Client handoffs") -> Site:
    """Every page of the site; hand_written are the guide's own pages as (path, title)."""
    site = Site()
    checked_by_uri: dict[str, Checked] = {}
    for doc in docs:
        client = view(doc.checked, doc.src_uri, default_region, today, doc.last_change)
        site.views.append(client)
        checked_by_uri[doc.src_uri] = doc.checked
    for client in site.views:
        site.client_pages[client.src_uri] = client_page.page(client, checked_by_uri[client.src_uri])
    site.generated = {
        uris.DASHBOARD: WIDE + _sortable(dashboard.dashboard(site.views, site_name)),
        uris.RISKS: WIDE + _sortable(registers.risks(site.views)),
        uris.COMMITMENTS: WIDE + _sortable(registers.commitments(site.views)),
        uris.UPCOMING: WIDE + _sortable(registers.upcoming(site.views, today)),
        uris.BY_OWNER: registers.by_owner(site.views),
        uris.GUIDE: guide.writing_guide(hand_written),
        uris.FORMAT_REFERENCE: guide.format_reference(schema),
        uris.RULES: guide.rules_reference(rules),
        uris.ROBOTS: ROBOTS_TXT,
        uris.STYLESHEET: STYLESHEET,
        uris.SCRIPT: SCRIPT,
        uris.HEADERS: csp.headers_file(),
    }
    site.nav = navigation(site.views, hand_written)
    return site
