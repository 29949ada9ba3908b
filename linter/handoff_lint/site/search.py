"""What the site's search (Pagefind) is told about each page, decided here and never by a doc.

Only client pages and the guide are indexed: the dashboard and the registers repeat what the client
pages say. A client page carries its filters (Account Manager, AE, sector, risk likelihood) and the
names that should find it first (the client's and its contacts'), all taken from the checked
instance; the site's template writes them as Pagefind's data- attributes, which the Markdown of a
doc can never produce (handoff_lint.site.safe_markdown drops every data- attribute).
"""

from __future__ import annotations

from collections.abc import Sequence

from handoff_lint.paths import HANDOFF_FOLDER
from handoff_lint.site import uris
from handoff_lint.site.clients import LIKELIHOODS, ClientView

# The filter names shown in the search panel, in this order.
ACCOUNT_MANAGER = "Account Manager"
AE = "AE"
SECTOR = "Sector"
RISK = "Risk likelihood"
FILTERS = (ACCOUNT_MANAGER, AE, SECTOR, RISK)

# How much more a match in a client's or contact's name counts than one in the page text (Pagefind's
# data-pagefind-weight: 1 is ordinary text, headings weigh up to 7, 10 is the most it takes).
NAME_WEIGHT = 10

Record = dict[str, object]


def client_record(view: ClientView) -> Record:
    """The search record of a client page: its filters and the names that find it first."""
    filters: dict[str, list[str]] = {
        ACCOUNT_MANAGER: [view.account_manager] if view.account_manager else [],
        AE: [view.ae] if view.ae else [],
        SECTOR: [view.sector] if view.sector else [],
        RISK: [level for level in LIKELIHOODS if view.risk_count(level)],
    }
    names = [view.name, *view.contacts]
    return {"filters": {name: values for name, values in filters.items() if values},
            "names": list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip())),
            "weight": NAME_WEIGHT}


def guide_record() -> Record:
    """A guide page is indexed as it is: no filters, no names."""
    return {"filters": {}, "names": [], "weight": NAME_WEIGHT}


def records(views: Sequence[ClientView], guide_pages: Sequence[str]) -> dict[str, Record]:
    """Source path -> search record for every page to index; pages not listed are not indexed."""
    found = {uri: guide_record() for uri in guide_pages}
    found.update({view.src_uri: client_record(view) for view in views})
    return found


def index_glob() -> str:
    """The built files Pagefind reads: client pages and the guide. Only pages the template marks
    data-pagefind-body are indexed anyway; this spares Pagefind parsing the dashboard and registers."""
    guide = uris.GUIDE.split("/", 1)[0]
    return f"{{*/{HANDOFF_FOLDER}/**/*.html,{guide}/**/*.html}}"
