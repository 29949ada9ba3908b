"""The pictures drawn into generated pages after rendering: each client page's timeline and each
portfolio page's timeline.

The Markdown renderer shows raw HTML as text (as it must for a doc's own HTML), so a page carries a
placeholder inside the site's own keyed box, and the picture replaces it once the page is rendered
(timeline.place). Pictures are made one page at a time, when that page is placed, from the small
views the build keeps: at 10,000 clients, keeping every picture (some 5 KB each) would hold tens of
megabytes for nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from handoff_lint.site import portfolio, timeline
from handoff_lint.site.clients import ClientView


@dataclass(frozen=True)
class Pictures:
    """The site's pictures, made on demand: views by client page path, seen from today."""

    views: Mapping[str, ClientView]
    today: dt.date

    @cached_property
    def portfolio(self) -> dict[str, portfolio.Page]:
        # Made once, on first use: which clients each portfolio page holds (references, not copies).
        return portfolio.layout(list(self.views.values()))

    def for_page(self, uri: str) -> str | None:
        """The markup of the picture on page `uri`, or None for a page without one."""
        view = self.views.get(uri)
        if view is not None:
            return timeline.picture(view.name, view.records, self.today)
        page = self.portfolio.get(uri)
        return portfolio.picture(page, self.today) if page is not None else None

    def place(self, uri: str, html: str) -> str:
        """The rendered page with its picture in its box (unchanged when it has none)."""
        picture = self.for_page(uri)
        return html if picture is None else timeline.place(html, picture)


def for_page(uri: str, views: Mapping[str, ClientView], today: dt.date) -> str | None:
    """The picture of one page from the views alone (for a step that places one page at a time;
    a build placing many pages keeps one Pictures, which works out the portfolio's pages once)."""
    return Pictures(views, today).for_page(uri)
