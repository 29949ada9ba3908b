"""Where each generated page lives in the site (source paths, as pages link to each other)."""

from __future__ import annotations

import re
import unicodedata

DASHBOARD = "index.md"
RISKS = "registers/risks.md"
COMMITMENTS = "registers/commitments.md"
UPCOMING = "registers/upcoming.md"
BY_AM = "registers/am/index.md"
BY_SECTOR = "registers/sector/index.md"
ALL_CLIENTS = "all-clients/index.md"
CLIENT_INDEX = "clients-a-z/index.md"
ATTENTION = "needs-attention/index.md"
GUIDE = "guide/index.md"
FORMAT_REFERENCE = "guide/format-reference.md"
RULES = "guide/rules.md"
FORMAT_GUIDE = "guide/handoff-format.md"  # hand-written (not in GENERATED); the guide links to it
ROBOTS = "robots.txt"
STYLESHEET = "assets/handoff.css"
SCRIPT = "assets/handoff.js"
HEADERS = "_headers"  # the HTTP headers to serve the site with (handoff_lint.site.csp)

# The pages that are always there; paged lists add more under their folders (see paging.page_uri).
GENERATED = (
    DASHBOARD, RISKS, COMMITMENTS, UPCOMING, BY_AM, BY_SECTOR, ALL_CLIENTS, CLIENT_INDEX, ATTENTION, GUIDE,
    FORMAT_REFERENCE, RULES, ROBOTS, STYLESHEET, SCRIPT, HEADERS,
)


def anchor(prefix: str, value: str) -> str:
    """A stable heading id for a name, e.g. anchor('am', 'Hannah Lee') == 'am-hannah-lee'."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return f"{prefix}-{slug or 'unnamed'}"


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
