"""Registers across clients, each split into pages of bounded size.

Risks by likelihood and month, commitments by Account Manager, upcoming dates, and clients by
Account Manager and by sector. Each register has a landing page of counts (or names) linking to
pages of at most paging.ROWS rows, so no page grows with the client count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from handoff_lint.site import filterable, paging, uris
from handoff_lint.site.clients import LIKELIHOODS, ClientView, Risk
from handoff_lint.site.mdtext import inline, link, plain, table, text
from handoff_lint.site.names import by_person, segment

NOT_GIVEN = "Not given"
OTHER_LIKELIHOOD = "Other"  # a likelihood that is not High, Med or Low: one group, however many values
NO_DATE = "no trigger date"
ALL_RISKS_CLASS = "handoff-all-risks"  # the site's script filters and sorts every risk on All risks
OPEN, CLOSED = "open", "closed"


def _client(view: ClientView, page: str) -> str:
    return link(text(view.name), page, view.src_uri)


def _by_name(views: Sequence[ClientView]) -> list[ClientView]:
    return sorted(views, key=lambda v: (v.name.casefold(), v.src_uri))


def _page(title: str, intro: str, pager: str, body: str) -> str:
    return "\n".join(part for part in (f"# {title}\n", intro, pager, body, pager) if part)


def group_uris(folder: str, names: Sequence[str]) -> dict[str, str]:
    """A page path for each name under folder, distinct for names of distinct people or groups
    (handoff_lint.site.names.segment); 'index' is the folder's landing page and a number one of
    its later pages (paging.page_uri), so neither is a name's."""
    return {name: f"{folder}/{segment(name, reserved=('index',))}.md" for name in names}


def owner(view: ClientView, attribute: str) -> str:
    """The Account Manager or sector a client is listed under; NOT_GIVEN for none, or only spaces
    (so that names.by_person, which leaves out empty names, lists every client)."""
    value: str = getattr(view, attribute)
    return " ".join(value.split()) or NOT_GIVEN


def owner_groups(views: Sequence[ClientView], attribute: str) -> dict[str, list[ClientView]]:
    """Clients (in name order) by Account Manager ('account_manager') or sector ('sector'): one
    group for each name however its spaces or capitals were typed (names.by_person)."""
    return by_person(_by_name(views), lambda view: owner(view, attribute))


def _name_list(landing: str, title: str, intro: str,
               entries: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """A paged list of (name, page, count description): the landing page of a grouped register."""
    def render(uri: str, part: Sequence[tuple[str, str, str]], pager: str) -> str:
        lines = "\n".join(f"- {link(text(name), uri, target)} ({count})" for name, target, count in part)
        return _page(title, intro, pager, (lines or "Nothing recorded yet.") + "\n")
    return paging.paged(landing, entries, render)


def _grouped(landing: str, title: str, intro: str, groups: dict[str, list[ClientView]],
             targets: dict[str, str], count: Callable[[list[ClientView]], str],
             render_group: Callable[[str, str, list[ClientView]], dict[str, str]]) -> dict[str, str]:
    entries = [(name, targets[name], count(groups[name]))
               for name in sorted(groups, key=lambda n: (n == NOT_GIVEN, n.casefold(), n))]
    found = _name_list(landing, title, intro, entries)
    for name, group in groups.items():
        found.update(render_group(name, targets[name], group))
    return found


def by_owner(views: Sequence[ClientView], attribute: str) -> dict[str, str]:
    """Clients grouped by Account Manager ('account_manager') or by sector ('sector')."""
    is_am = attribute == "account_manager"
    landing = uris.BY_AM if is_am else uris.BY_SECTOR
    label = "Account Manager" if is_am else "sector"
    other, other_label = ("sector", "Sector") if is_am else ("account_manager", "AM")
    groups = owner_groups(views, attribute)

    def render_group(name: str, base: str, group: list[ClientView]) -> dict[str, str]:
        def render(uri: str, part: Sequence[ClientView], pager: str) -> str:
            rows = ([_client(v, uri), text(owner(v, other)), text(v.ae) or "—",
                     v.trigger.isoformat() if v.trigger else "—"] for v in part)
            intro = (f"{len(group):,} clients. "
                     f"{link(f'Clients by {label}', uri, landing)} › {text(name)}\n")
            return _page(text(name), intro, pager, table(("Client", other_label, "AE", "Trigger"), rows))
        return paging.paged(base, group, render)

    return _grouped(landing, f"Clients by {label}", f"Each {label}'s clients.\n", groups,
                    group_uris(landing.rsplit("/", 1)[0], list(groups)),
                    lambda group: f"{len(group):,} clients", render_group)


def _month(view: ClientView) -> str:
    return view.trigger.strftime("%Y-%m") if view.trigger else NO_DATE


def _likelihood(risk: Risk) -> str:
    return risk.likelihood if risk.likelihood in LIKELIHOODS else OTHER_LIKELIHOOD


def risk_uri(likelihood: str, month: str) -> str:
    folder = uris.RISKS.removesuffix(".md")
    return f"{folder}/{likelihood.casefold()}-{'no-date' if month == NO_DATE else month}.md"


def risks(views: Sequence[ClientView]) -> dict[str, str]:
    """Every Section F risk, by likelihood (High, Med, Low, then any other value) and trigger month."""
    columns = (*LIKELIHOODS, OTHER_LIKELIHOOD)
    groups: dict[tuple[str, str], list[tuple[ClientView, Risk]]] = {}
    for view in _by_name(views):
        for risk in view.risks:
            groups.setdefault((_likelihood(risk), _month(view)), []).append((view, risk))
    dated = sorted({month for _, month in groups if month != NO_DATE}, reverse=True)
    months = dated + ([NO_DATE] if any(month == NO_DATE for _, month in groups) else [])
    total = sum(len(g) for g in groups.values())

    def count(likelihood: str, month: str) -> str:
        group = groups.get((likelihood, month))
        return link(str(len(group)), uris.RISKS, risk_uri(likelihood, month)) if group else "0"

    landing = [
        "# Risks across clients\n",
        f"Every risk flagged in Section F of every handoff: {total} across "
        f"{len({v.src_uri for g in groups.values() for v, _ in g}):,} clients, by likelihood and the month "
        f"of the client's handoff trigger. {OTHER_LIKELIHOOD} is a likelihood that is not High, Med "
        "or Low.\n",
        f"{link('All risks', uris.RISKS, uris.RISKS_ALL)}: every risk in one list, filtered by "
        "likelihood, Account Manager or open and closed.\n",
        table(("Trigger month", *columns), ([m, *(count(c, m) for c in columns)] for m in months))
        if months else "No risks recorded.\n",
    ]
    found = {uris.RISKS: "\n".join(landing)}
    for (likelihood, month), rows in groups.items():
        def render(uri: str, part: Sequence[tuple[ClientView, Risk]], pager: str,
                   likelihood: str = likelihood, month: str = month, size: int = len(rows)) -> str:
            cells = ([_client(v, uri), text(r.likelihood) or "—", inline(r.risk), inline(r.mitigation),
                      text(v.account_manager)] for v, r in part)
            intro = f"{size} risks. {link('All risks', uri, uris.RISKS)} › {likelihood} › {month}\n"
            return _page(f"{likelihood} risks, {month}", intro, pager,
                         table(("Client", "Likelihood", "Risk", "Mitigation suggested", "AM"), cells))
        found.update(paging.paged(risk_uri(likelihood, month), rows, render))
    return found


def risk_state(view: ClientView) -> str:
    """OPEN until the client's Week 12 board report is recorded, CLOSED after (ClientView.risks_open)."""
    return OPEN if view.risks_open else CLOSED


def _all_risks_order(views: Sequence[ClientView]) -> list[tuple[ClientView, Risk]]:
    """Open before closed, then High, Med, Low and other likelihoods, then by client name."""
    columns = (*LIKELIHOODS, OTHER_LIKELIHOOD)
    found = [(view, risk) for view in _by_name(views) for risk in view.risks]
    return sorted(found, key=lambda pair: (not pair[0].risks_open, columns.index(_likelihood(pair[1]))))


ALL_RISKS_COLUMNS = ("Client", "Likelihood", "Risk", "Mitigation suggested", "AM", "State")


def all_risks(views: Sequence[ClientView]) -> dict[str, str]:
    """Every risk in one list, open ones first by likelihood, in pages of bounded size; the site's
    script filters and sorts every risk (all_risks_data) in place of the page's."""
    found = _all_risks_order(views)

    def render(uri: str, part: Sequence[tuple[ClientView, Risk]], pager: str) -> str:
        intro = (f"{len(found):,} risks, open ones first, by likelihood. Filter by likelihood, Account "
                 "Manager or state and sort over every risk with the controls above the table. A risk "
                 "is open until its client's Week 12 board report is recorded: the handoff call agrees "
                 "mitigations for all of a client's risks, and they are Delivery's to watch until the "
                 f"engagement ends. {link('Risks by likelihood and month', uri, uris.RISKS)}\n")
        cells = ([_client(v, uri), text(r.likelihood) or "—", inline(r.risk), inline(r.mitigation),
                  text(owner(v, "account_manager")), risk_state(v)] for v, r in part)
        body = table(ALL_RISKS_COLUMNS, cells) if part else "No risks recorded.\n"
        return _page("All risks", intro, pager, body)
    return paging.paged(uris.RISKS_ALL, found, render)


RISK_FILTERS = (
    filterable.Filter("likelihood", "Likelihood", "any likelihood", (*LIKELIHOODS, OTHER_LIKELIHOOD)),
    filterable.Filter("am", "Account Manager", "every AM"),
    filterable.Filter("state", "State", "open or closed", (OPEN, CLOSED)),
)
RISK_SORTS = (
    filterable.Sort("likelihood", "open first, by likelihood", ("state", "likelihood", "client")),
    filterable.Sort("client", "client", ("client", "likelihood")),
    filterable.Sort("newest", "newest handoff first", ("-trigger", "client", "likelihood")),
)


def all_risks_data(views: Sequence[ClientView]) -> str:
    """Every risk's All risks row as JSON (handoff_lint.site.filterable), in the pages' order: what the
    site's script filters and sorts. A risk and its mitigation are the text their Markdown shows."""
    columns = (*LIKELIHOODS, OTHER_LIKELIHOOD)
    rows = [filterable.Row(
        [[filterable.link(view.name, view.src_uri)], [filterable.text(risk.likelihood or "—")],
         [filterable.text(plain(risk.risk))], [filterable.text(plain(risk.mitigation))],
         [filterable.text(owner(view, "account_manager"))], [filterable.text(risk_state(view))]],
        {"likelihood": _likelihood(risk), "am": owner(view, "account_manager"), "state": risk_state(view)},
        {"state": int(not view.risks_open), "likelihood": columns.index(_likelihood(risk)),
         "client": view.name, "trigger": view.trigger.isoformat() if view.trigger else ""},
    ) for view, risk in _all_risks_order(views)]
    return filterable.data(filterable.Noun("risk", "risks"), RISK_FILTERS, RISK_SORTS, rows)


def commitments(views: Sequence[ClientView]) -> dict[str, str]:
    """Every promise the AE made (Section G) and every side commitment (Section E), by AM."""
    groups = owner_groups([v for v in views if v.commitments or v.side_commitments], "account_manager")
    targets = group_uris(uris.COMMITMENTS.removesuffix(".md"), list(groups))
    intro = ("If it is not written here, Delivery does not know about it: the AE's commitments "
             "(Section G) and side commitments (Section E), by Account Manager.\n")

    def render_group(name: str, base: str, group: list[ClientView]) -> dict[str, str]:
        rows = [(v, kind, c) for v in group for kind, listed in
                (("AE commitment", v.commitments), ("Side commitment", v.side_commitments)) for c in listed]

        def render(uri: str, part: Sequence[tuple[ClientView, str, str]], pager: str) -> str:
            cells = ([_client(v, uri), kind, inline(c)] for v, kind, c in part)
            head = (f"{len(rows):,} commitments. "
                    f"{link('All commitments', uri, uris.COMMITMENTS)} › {text(name)}\n")
            return _page(f"Commitments: {text(name)}", head, pager,
                         table(("Client", "Kind", "Commitment"), cells))
        return paging.paged(base, rows, render)

    def count(group: list[ClientView]) -> str:
        return f"{sum(len(v.commitments) + len(v.side_commitments) for v in group)} commitments"
    return _grouped(uris.COMMITMENTS, "Commitments across clients", intro, groups, targets, count,
                    render_group)


def upcoming(views: Sequence[ClientView], today: dt.date) -> dict[str, str]:
    """Cohort starts and handoff calls on or after `today`, soonest first, paged."""
    events: list[tuple[dt.date, str, ClientView]] = []
    for view in views:
        if view.handoff_call_date and view.handoff_call_date >= today:
            events.append((view.handoff_call_date, "Handoff call", view))
        for cohort in view.cohorts:
            if cohort.start and cohort.start >= today:
                size = f", {cohort.size} people" if cohort.size else ""
                events.append((cohort.start, f"Cohort {cohort.name} starts{size}", view))
    events.sort(key=lambda e: (e[0], e[2].name.casefold(), e[1]))
    intro = f"Cohort starts and handoff calls from {today.isoformat()} on, soonest first.\n"

    def render(uri: str, part: Sequence[tuple[dt.date, str, ClientView]], pager: str) -> str:
        if not part:
            return _page("Upcoming dates", intro, pager, "Nothing scheduled.\n")
        rows = ([day.isoformat(), text(what), _client(v, uri), text(v.account_manager)]
                for day, what, v in part)
        return _page("Upcoming dates", intro, pager, table(("Date", "What", "Client", "AM"), rows))
    return paging.paged(uris.UPCOMING, events, render)
