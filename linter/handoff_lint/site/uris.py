"""Where each generated page lives in the site (source paths, as pages link to each other)."""

from __future__ import annotations

from handoff_lint.site import names, paging

DASHBOARD = "index.md"
RISKS = "registers/risks.md"
RISKS_ALL = "registers/risks/all.md"  # every risk, paged; a name no likelihood-and-month page takes
RISKS_DATA = "registers/risks.json"  # every risk's row, read by the site's script
COMMITMENTS = "registers/commitments.md"
UPCOMING = "registers/upcoming.md"
BY_AM = "registers/am/index.md"
BY_SECTOR = "registers/sector/index.md"
ALL_CLIENTS = "all-clients/index.md"
CLIENT_INDEX = "clients-a-z/index.md"
ALL_CLIENTS_DATA = "all-clients/clients.json"  # every client's row, read by the site's script
ATTENTION = "needs-action/index.md"
GUIDE = "guide/index.md"
FORMAT_REFERENCE = "guide/format-reference.md"
RULES = "guide/rules.md"
FORMAT_GUIDE = "guide/handoff-format.md"  # hand-written (not in GENERATED); the guide links to it
ROBOTS = "robots.txt"
STYLESHEET = "assets/handoff.css"
SCRIPT = "assets/handoff.js"
HEADERS = "_headers"  # the HTTP headers to serve the site with (handoff_lint.site.csp)



def anchor(prefix: str, value: str) -> str:
    """A stable heading id for a name, e.g. anchor('am', 'Hannah Lee') == 'am-hannah-lee'."""
    return f"{prefix}-{names.slug(value) or 'unnamed'}"


def url(src_uri: str) -> str:
    """A page's address under the site's root, as the generators write it ('a/b.md' -> 'a/b/')."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def rule_anchor(code: str) -> str:
    return code.casefold()


def is_utf8(path: str) -> bool:
    """Whether a file's path is UTF-8 text: a name with other bytes (read as lone surrogates)
    cannot become a URL, and MkDocs fails the whole build on one."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Pages and files of the handoff's life after the doc: per-person views, commission, calendars and
# exports. Names in paths go through names.segment, so a doc can never choose a path, and two names
# never share one.
PEOPLE = "people/index.md"
COMMISSION = "people/commission.md"
CALENDAR_ALL = "calendar/all.ics"
EXPORTS = "exports"
EXPORT_CLIENTS = "exports/clients.csv"
EXPORT_RISKS = "exports/risks.csv"
EXPORT_COMMITMENTS = "exports/commitments.csv"
EXPORT_MILESTONES = "exports/milestones.csv"
EXPORT_JSON = "exports/handoffs.json"


def am_calendar(name: str) -> str:
    return f"calendar/am-{names.segment(name)}.ics"


def person_page(role: str, name: str, page: int = 1) -> str:
    """One person's view: role is 'am' or 'ae'; long lists go on to numbered pages in a folder of
    the first's name ('people/ae-priya-shah/2.md'), a path no name's page can have."""
    return paging.page_uri(f"people/{role}-{names.segment(name)}.md", page)


# The portfolio: a timeline of every client in onboarding or delivery, and one per Account Manager.
PORTFOLIO = "portfolio/index.md"  # the landing page: every Account Manager's timeline, by name
PORTFOLIO_ALL = "portfolio/all.md"


def portfolio_am(name: str) -> str:
    """An Account Manager's portfolio timeline (its 'am-' prefix keeps it apart from 'all'), named as
    the person's own pages are (names.segment: bounded, one path per person)."""
    return f"portfolio/am-{names.segment(name)}.md"


# The pages that are always there; paged lists add more under their folders (see paging.page_uri).
GENERATED = (
    DASHBOARD, RISKS, RISKS_ALL, RISKS_DATA, COMMITMENTS, UPCOMING, BY_AM, BY_SECTOR, ALL_CLIENTS,
    ALL_CLIENTS_DATA,
    CLIENT_INDEX, ATTENTION, PORTFOLIO, PORTFOLIO_ALL, GUIDE,
    FORMAT_REFERENCE, RULES, ROBOTS, STYLESHEET, SCRIPT, HEADERS, PEOPLE, COMMISSION, CALENDAR_ALL,
    EXPORT_CLIENTS, EXPORT_RISKS, EXPORT_COMMITMENTS, EXPORT_MILESTONES, EXPORT_JSON,
)
