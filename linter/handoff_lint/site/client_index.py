"""Clients A–Z: the sidebar's way to every client, one page per initial, each of bounded size.

The sidebar itself lists no client (every page carries the sidebar, so a list there would make
every page grow with the client count); it links here instead, and each client page links back to
its initial's page in its breadcrumb.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from handoff_lint.site import paging, uris
from handoff_lint.site.clients import ClientView
from handoff_lint.site.mdtext import link, table, text

OTHER = "#"


def initial(name: str) -> str:
    """A client's letter: the first letter of its name without accents, or # for anything else."""
    first = unicodedata.normalize("NFKD", name.strip()[:1]).upper()[:1]
    return first if "A" <= first <= "Z" else OTHER


def letter_uri(letter: str) -> str:
    return f"{uris.CLIENT_INDEX.rsplit('/', 1)[0]}/{'other' if letter == OTHER else letter.lower()}.md"


def by_initial(views: Sequence[ClientView]) -> dict[str, list[ClientView]]:
    groups: dict[str, list[ClientView]] = {}
    for view in sorted(views, key=lambda v: (v.name.casefold(), v.src_uri)):
        groups.setdefault(initial(view.name), []).append(view)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == OTHER, item[0])))


def _letter_title(letter: str) -> str:
    return "Clients not starting with a letter" if letter == OTHER else f"Clients: {letter}"


def pages(views: Sequence[ClientView]) -> dict[str, str]:
    """The A–Z landing page (one line per initial) and each initial's pages of clients."""
    groups = by_initial(views)
    lines = [
        f"- {link(text(letter if letter != OTHER else 'Other'), uris.CLIENT_INDEX, letter_uri(letter))} "
        f"({len(group)})"
        for letter, group in groups.items()
    ]
    landing = [
        "# Clients A–Z\n",
        f"{len(views)} clients by the first letter of their name.\n",
        "\n".join(lines) + "\n" if lines else "No handoff docs yet.\n",
    ]
    found = {uris.CLIENT_INDEX: "\n".join(landing)}
    for letter, group in groups.items():
        def render(uri: str, part: Sequence[ClientView], pager: str, letter: str = letter) -> str:
            rows = ([link(text(v.name), uri, v.src_uri), text(v.sector) or "—",
                     text(v.account_manager) or "—"] for v in part)
            return "\n".join(part for part in (
                f"# {_letter_title(letter)}\n",
                f"{link('Clients A–Z', uri, uris.CLIENT_INDEX)} › {text(letter)}\n",
                pager, table(("Client", "Sector", "AM"), rows), pager,
            ) if part)
        found.update(paging.paged(letter_uri(letter), group, render))
    return found


def breadcrumb(view: ClientView) -> str:
    """The line above a client's title: where it sits in the site, each step a link. The initial
    links to its first page, so the line is the same however many clients there are."""
    return (f"{link('Dashboard', view.src_uri, uris.DASHBOARD)} › "
            f"{link('Clients A–Z', view.src_uri, uris.CLIENT_INDEX)} › "
            f"{link(text(initial(view.name)), view.src_uri, letter_uri(initial(view.name)))} › "
            f"{text(view.name)}\n")
