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
from handoff_lint.site import (
    calendar_feed,
    client_page,
    commission,
    dashboard,
    exports,
    guide,
    people,
    registers,
    timeline,
    uris,
)
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
/* Which day the states are seen from, on every page. */
.handoff-as-of { font-size: .75rem; color: var(--md-default-fg-color--light); margin: 0 0 .5rem; }
/* Stage chips: the words carry the meaning (stage, "overdue", "due soon"); colour and the border
   style only repeat it, so a chip reads the same in greyscale or to a screen reader. */
.md-typeset .handoff-chip { display: inline-block; padding: 0 .5em; border: 1px solid currentColor;
  border-radius: 1em; font-size: .7rem; font-weight: 700; line-height: 1.6; white-space: normal; }
.md-typeset .handoff-chip-dates-missing { color: #5f6368; border-style: dotted; }
.md-typeset .handoff-chip-am-to-be-assigned { color: #8a4b00; background: #fff4e0; }
.md-typeset .handoff-chip-handoff-call { color: #6a1b9a; background: #f6ecfa; }
.md-typeset .handoff-chip-onboarding { color: #0b57d0; background: #e8f0fe; }
.md-typeset .handoff-chip-delivery { color: #0d652d; background: #e6f4ea; }
.md-typeset .handoff-chip-complete { color: #3c4043; background: #f1f3f4; }
.md-typeset .handoff-chip-overdue { color: #a50e0e; background: #fce8e6; border-width: 2px; }
.md-typeset .handoff-chip-due-soon { color: #7a4100; background: #fef7e0; border-style: dashed; }
.md-typeset .handoff-chip-tranche-earned { color: #0d652d; background: #e6f4ea; }
.md-typeset .handoff-chip-tranche-due { color: #0b57d0; background: #e8f0fe; }
.md-typeset .handoff-chip-tranche-overdue { color: #a50e0e; background: #fce8e6; border-width: 2px; }
.md-typeset .handoff-chip-tranche-not-dated { color: #5f6368; border-style: dotted; }
/* The dashboard's table wraps its cells rather than scrolling sideways at desktop widths. */
.md-typeset h1.handoff-dashboard ~ * table { display: table; width: 100%; table-layout: auto; }
.md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table td {
  overflow-wrap: anywhere; }
/* On a phone every dashboard row becomes a card. */
@media screen and (max-width: 44.9375em) {
  .md-typeset h1.handoff-dashboard ~ * table, .md-typeset h1.handoff-dashboard ~ table { display: block; }
  .md-typeset h1.handoff-dashboard ~ * thead,
  .md-typeset h1.handoff-dashboard ~ table thead { display: none; }
  .md-typeset h1.handoff-dashboard ~ * tbody, .md-typeset h1.handoff-dashboard ~ * tr,
  .md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table tbody,
  .md-typeset h1.handoff-dashboard ~ table tr, .md-typeset h1.handoff-dashboard ~ table td {
    display: block; width: auto; }
  .md-typeset h1.handoff-dashboard ~ * tr, .md-typeset h1.handoff-dashboard ~ table tr {
    margin: 0 0 .8rem; border: 1px solid var(--md-default-fg-color--lightest); border-radius: .3rem; }
  .md-typeset h1.handoff-dashboard ~ * td, .md-typeset h1.handoff-dashboard ~ table td {
    border: none; padding: .2rem .6rem; }
  .md-typeset h1.handoff-dashboard ~ * td::before { font-weight: 700; }
""" + "".join(
    # A card has no header row, so each detail is labelled with its column's name.
    f'  .md-typeset h1.handoff-dashboard ~ * td:nth-child({number})::before {{ content: "{column}: "; }}\n'
    for number, column in enumerate(dashboard.COLUMNS, start=1) if column not in ("Client", "Stage")
) + """}
/* The timeline picture: drawn at build time, styled here. On a phone it keeps a legible size and
   scrolls inside its box; the page itself never scrolls sideways. */
.handoff-timeline svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
@media screen and (max-width: 44.9375em) {
  .md-typeset .handoff-timeline { overflow-x: auto; }
  .handoff-timeline svg { max-width: none; width: 40rem; }
}
.handoff-timeline svg text { font-size: 11px; fill: currentColor; }
.handoff-timeline .handoff-tl-symbol { text-anchor: middle; font-size: 10px; font-weight: 700; }
.handoff-timeline .handoff-tl-month { fill: #5f6368; font-size: 10px; }
.handoff-timeline .handoff-tl-grid { stroke: #dadce0; stroke-width: 1; }
.handoff-timeline .handoff-tl-axis { stroke: #9aa0a6; stroke-width: 1; }
.handoff-timeline .handoff-tl-bar { fill: #e8f0fe; stroke: #0b57d0; stroke-width: 1; }
.handoff-timeline circle { stroke: #3c4043; stroke-width: 2; fill: #fff; }
.handoff-timeline .handoff-tl-done circle { fill: #3c4043; }
.handoff-timeline .handoff-tl-deadline circle { stroke: #a50e0e; }
.handoff-timeline .handoff-tl-today { stroke: #a50e0e; stroke-width: 2; stroke-dasharray: 4 3; }
.handoff-timeline .handoff-tl-today-label { text-anchor: middle; fill: #a50e0e; font-weight: 700; }
"""
# Pages whose title carries SORTABLE get tables sorted by a click on a column header: a few lines
# served from the site itself, no library, nothing from elsewhere.
SORTABLE = "{ .handoff-sortable }"
SCRIPT = """\
document.addEventListener("DOMContentLoaded", function () {
  if (!document.querySelector("h1.handoff-sortable")) return;
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
    timelines: dict[str, str] = field(default_factory=dict)  # doc page path -> SVG markup


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
    return f"{title} {SORTABLE}\n{rest}"


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
        {"People": uris.PEOPLE},
        {"Registers": [
            {"Risks": uris.RISKS},
            {"Commitments": uris.COMMITMENTS},
            {"Upcoming dates": uris.UPCOMING},
            {"Clients by AM and sector": uris.BY_OWNER},
            {"AE commission": uris.COMMISSION},
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
        uris.DASHBOARD: WIDE + dashboard.dashboard(site.views, today, site_name),
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
        uris.COMMISSION: commission.page(site.views, today),
        **people.pages(site.views),
        **calendar_feed.feeds(site.views, today),
        **exports.exports(site.views, checked_by_uri, today),
    }
    site.timelines = {v.src_uri: timeline.svg(v.name, v.records, today) for v in site.views}
    site.nav = navigation(site.views, hand_written)
    return site
