"""The portfolio: one timeline of every client in onboarding or delivery, and one per Account Manager.

A row per client shows its cohorts from Week -4 to Week 12 as bars, each cohort's start and the
Week 2 and Week 12 milestones as markers, and today's line; a late milestone is marked with the
timeline's symbol and its row starts with the word LATE, so lateness never rests on colour. Each
picture holds at most ROWS rows: longer portfolios go on to numbered pages with the site's pager.
Under each picture a table lists every row's client (a link), stage, cohort dates and what is late,
readable on any screen without hovering.

The picture reuses the client timeline's scale, month ticks, markers and their grouping, and its
CSS classes; like it, the markup is ours alone, with every text from a doc escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from handoff_lint.domain.lifecycle import Kind, Milestone, Stage, milestones
from handoff_lint.site import paging, uris
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import indent, link, table, text
from handoff_lint.site.people import owners
from handoff_lint.site.stages import status
from handoff_lint.site.timeline import (
    CONTAINER_CLASS,
    LABEL_CHAR,
    LATE_SYMBOL,
    LATE_WORD,
    MAX_COHORT_LANES,
    PLACEHOLDER,
    RIGHT,
    TOP,
    WIDTH,
    Scale,
    bar,
    groups,
    lane_name,
    late,
    marker,
    month_grid,
    short,
    today_line,
)
from handoff_lint.site.timeline import (
    text as svg_text,
)

STAGES = (Stage.ONBOARDING, Stage.DELIVERY)
ROWS = 50  # rows per picture and per page
ROW = 30  # height of a row, in the picture's units: a marker's symbol stays clear of the row above
LATE_LABEL = LATE_WORD.upper()
LEFT = 200  # room for a client's name (wider than a client timeline's lane names)
NAME_CHARS = int((LEFT - 12) / LABEL_CHAR)


@dataclass(frozen=True)
class Row:
    """One client's row: its cohorts' bars (Week -4, Week 12), its markers and what is late."""

    client: ClientView
    bars: tuple[tuple[dt.date, dt.date], ...]
    markers: tuple[Milestone, ...]
    late: tuple[Milestone, ...]
    more_cohorts: int  # cohorts beyond MAX_COHORT_LANES, named in the table only


@dataclass(frozen=True)
class Page:
    """One page of a portfolio: whose it is, which of how many, and its clients in row order."""

    uri: str
    base: str
    who: str  # "all clients" or the Account Manager's name
    number: int
    total: int
    clients: Sequence[ClientView]
    count: int  # clients in the whole portfolio (every page)


def in_portfolio(view: ClientView) -> bool:
    return view.clock.stage in STAGES


def _order(views: Sequence[ClientView]) -> list[ClientView]:
    """Rows in the order a timeline reads: earliest first cohort first, then by name."""
    return sorted(views, key=lambda v: (v.records.first_start or dt.date.max, v.name.casefold(), v.src_uri))


def row(view: ClientView, today: dt.date) -> Row:
    found = milestones(view.records, today)
    starts = {m.key.removesuffix("-week-minus-4"): m.date for m in found if m.kind is Kind.ONBOARDING}
    ends = {m.key.removesuffix("-week-12"): m.date for m in found
            if m.kind is Kind.COHORT and m.key.endswith("-week-12")}
    bars = [(starts[key], ends[key]) for key in starts if key in ends]
    markers = [m for m in found
               if (m.kind is Kind.COHORT and m.key.endswith("-start")) or m.kind is Kind.MILESTONE]
    shown = tuple(f"cohort-{index}-" for index in range(MAX_COHORT_LANES))
    return Row(
        client=view,
        bars=tuple(bars[:MAX_COHORT_LANES]),
        markers=tuple(m for m in markers if m.kind is Kind.MILESTONE or m.key.startswith(shown)),
        late=tuple(m for m in found if late(m, today)),
        more_cohorts=max(0, len(bars) - MAX_COHORT_LANES),
    )


def layout(views: Sequence[ClientView]) -> dict[str, Page]:
    """Every portfolio page with a picture, by path: all clients in onboarding or delivery, then each
    Account Manager's (one page at least, so a person's page can always link to it)."""
    found: dict[str, Page] = {}

    def add(base: str, who: str, clients: Sequence[ClientView]) -> None:
        ordered = _order([v for v in clients if in_portfolio(v)])
        parts = paging.chunks(ordered, ROWS)
        for number, part in enumerate(parts, start=1):
            uri = paging.page_uri(base, number)
            found[uri] = Page(uri, base, who, number, len(parts), part, len(ordered))

    add(uris.PORTFOLIO_ALL, "all clients", views)
    for name, clients in owners(views, "am").items():
        add(uris.portfolio_am(name), name, clients)
    return found


def _label(row: Row) -> str:
    name = " ".join(row.client.name.split())
    return lane_name(f"{LATE_LABEL} {name}" if row.late else name, NAME_CHARS)


def svg(page: Page, today: dt.date) -> str:
    """The page's picture as inline SVG: a row per client on one time scale, today's line across."""
    title = f"Portfolio of {page.who}" + (f", page {page.number} of {page.total}" if page.total > 1 else "")
    rows = [row(view, today) for view in page.clients]
    if not rows:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} 40" '
                f'width="100%"><title>{svg_text(title)}</title><text x="10" y="24" '
                'class="handoff-tl-label">No clients in onboarding or delivery.</text></svg>')
    days = [today, *(d for r in rows for bar in r.bars for d in bar),
            *(m.date for r in rows for m in r.markers)]
    first, last = min(days), max(days)
    scale = Scale(first, last, LEFT)
    height = TOP + ROW * len(rows) + 24
    late_rows = [r for r in rows if r.late]
    described = "; ".join(
        f"{r.client.name}: " + ", ".join(f"{m.label} {short(m.date)}" for m in r.late) for r in late_rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="handoff-pf-title handoff-pf-desc">',
        f'<title id="handoff-pf-title">{svg_text(title)}, as of {short(today)}</title>',
        f'<desc id="handoff-pf-desc">{len(rows)} clients; {len(late_rows)} with a late milestone'
        + (svg_text(f": {described}") if described else "") + "</desc>",
    ]
    parts += month_grid(first, last, scale, height)
    for index, current in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        late_class = " handoff-tl-late-label" if current.late else ""
        parts.append(f'<text class="handoff-tl-lane{late_class}" x="4" y="{y + 4}">'
                     f'<title>{svg_text(current.client.name)}</title>{svg_text(_label(current))}</text>')
        parts.append(f'<line class="handoff-tl-axis" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>')
        parts += [bar(scale, start, end, y) for start, end in current.bars]
        parts += [marker(group, scale.x(group[0].date), y, today)
                  for group in groups(list(current.markers), scale)]
    parts.append(today_line(scale, today, height))
    parts.append("</svg>")
    return "".join(parts)


def picture(page: Page, today: dt.date) -> str:
    """What the picture box shows: a word on phones that it scrolls, and the picture."""
    hint = ('<p class="handoff-tl-scroll">Scroll sideways for the whole timeline; every client is '
            "listed under it.</p>")
    return hint + svg(page, today)


def legend() -> str:
    return (f"A row per client, earliest first cohort first. Bar: a cohort from Week -4 (onboarding "
            f"starts) to Week 12 · 0 a cohort starts (Week 0) · M Week 2 workshop and Week 12 board "
            f"report · {LATE_SYMBOL} late: due before today and not recorded as done (its row starts "
            f"with {LATE_LABEL}) · a number: that many events too close to draw apart. Filled: done; "
            f"hollow: planned or due. The dashed line is today. Every row is listed under the picture.")


def _cohorts(current: Row) -> str:
    bars = "; ".join(f"{start.isoformat()} → {end.isoformat()}" for start, end in current.bars)
    bars = bars or "no cohort dates"
    return bars + (f"; +{current.more_cohorts} more" if current.more_cohorts else "")


def _late(current: Row) -> str:
    if not current.late:
        return "—"
    return f"**{LATE_SYMBOL} {LATE_WORD}:** " + "; ".join(
        f"{text(m.label)} ({m.date.isoformat()})" for m in current.late)


def markdown(page: Page, today: dt.date, rows_by_client: Mapping[str, Row] | None = None) -> str:
    """The page: title, counts, pager, the picture's box, and every row in a table with links."""
    here = page.uri
    pager = paging.pager(page.base, page.number, page.total)
    rows = [rows_by_client[view.src_uri] if rows_by_client is not None else row(view, today)
            for view in page.clients]
    first = (page.number - 1) * ROWS + 1
    am = page.base != uris.PORTFOLIO_ALL

    def owner(client: ClientView) -> list[str]:
        if am:
            return []
        name = client.account_manager
        return [link(text(name), here, uris.portfolio_am(name)) if name.strip() else "—"]

    table_rows = [
        [str(first + index), link(text(r.client.name), here, r.client.src_uri), status(r.client.clock),
         *owner(r.client), _cohorts(r), _late(r)]
        for index, r in enumerate(rows)
    ]
    headers = ["Row", "Client", "Stage", *([] if am else ["Account Manager"]), "Cohorts (Week -4 → Week 12)",
               "Late"]
    heading = f"Account Manager: {text(page.who)}" if am else "all clients in onboarding or delivery"
    paged = f" (page {page.number} of {page.total})" if page.total > 1 else ""
    box = trusted_class(CONTAINER_CLASS)
    late_count = sum(bool(r.late) for r in rows)
    around = [link("Portfolio", here, uris.PORTFOLIO)]
    if am:
        around.append(link(f"{text(page.who)}’s clients", here, uris.person_page("am", page.who)))
    around.append(link("Dashboard", here, uris.DASHBOARD))
    return "\n".join(part for part in [
        f"# Portfolio: {heading}{paged}\n",
        f"{page.count} client{'' if page.count == 1 else 's'} in onboarding or delivery"
        + (f"; rows {first}–{first + len(rows) - 1} here, {late_count} with a late milestone."
           if rows else ".") + "\n",
        pager,
        f'!!! note {box} "Timeline"\n\n{indent(PLACEHOLDER)}\n\n{indent(legend())}\n',
        table(headers, table_rows) if rows else "No clients in onboarding or delivery.\n",
        pager,
        " · ".join(around) + "\n",
    ] if part)


def _counts(pages: Sequence[Page], late_clients: set[str]) -> str:
    count = pages[0].count
    late_count = sum(view.src_uri in late_clients for page in pages for view in page.clients)
    return (f"{count} client{'' if count == 1 else 's'} in onboarding or delivery"
            + (f", {late_count} with a late milestone" if late_count else ""))


def landing(views: Sequence[ClientView], found: dict[str, Page], rows: Mapping[str, Row]) -> dict[str, str]:
    """The landing page (paged like the people index): the timeline of all clients, then each
    Account Manager's, with their counts."""
    late_clients = {uri for uri, current in rows.items() if current.late}
    by_base: dict[str, list[Page]] = {}
    for page in found.values():
        by_base.setdefault(page.base, []).append(page)
    everyone = _counts(by_base[uris.PORTFOLIO_ALL], late_clients)
    entries = [(name, _counts(by_base[uris.portfolio_am(name)], late_clients))
               for name in sorted(owners(views, "am"), key=str.casefold)]

    def render(uri: str, part: Sequence[tuple[str, str]], pager: str) -> str:
        lines = [f"- {link(text(name), uri, uris.portfolio_am(name))}: {counts}" for name, counts in part]
        return "\n".join(p for p in [
            "# Portfolio\n",
            "Timelines of every client in onboarding or delivery: a row per client with its cohorts from "
            "Week -4 to Week 12, today's line, and late milestones marked.\n",
            f"- {link('All clients', uri, uris.PORTFOLIO_ALL)}: {everyone}\n",
            "## By Account Manager\n",
            pager,
            "\n".join(lines) + "\n" if lines else "No Account Manager named yet.\n",
            pager,
        ] if p)
    return paging.paged(uris.PORTFOLIO, entries, render)


def pages(views: Sequence[ClientView], today: dt.date,
          found: dict[str, Page] | None = None) -> dict[str, str]:
    """Every portfolio page's Markdown by path; found is layout(views) when the caller has it."""
    found = layout(views) if found is None else found
    # Each client's row is worked out once, though it shows on two pages (all clients, its AM's).
    rows = {view.src_uri: row(view, today) for view in views if in_portfolio(view)}
    return {**landing(views, found, rows),
            **{uri: markdown(page, today, rows) for uri, page in found.items()}}
