"""No page grows with the client count: the same site built over 30 and over 300 generated clients."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import LARGE, SMALL


@pytest.fixture(scope="module")
def sites(generated_sites: dict[int, Path]) -> tuple[Path, Path]:
    return generated_sites[SMALL], generated_sites[LARGE]


def pages(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}


def sidebar_links(html: str) -> int:
    return len(re.findall(r'class="md-nav__link', html))


def test_a_client_page_is_the_same_size_at_300_clients_as_at_30(sites: tuple[Path, Path]) -> None:
    small, large = (pages(site) for site in sites)
    clients = [uri for uri in small if "/01-handoff/" in uri]
    assert len(clients) == SMALL
    for uri in clients:  # the generator's first 30 clients are in both sites
        assert large[uri] <= 1.1 * small[uri], uri
        assert sidebar_links((sites[1] / uri).read_text("utf-8")) == sidebar_links(
            (sites[0] / uri).read_text("utf-8"))


def test_the_dashboard_and_every_page_stay_bounded(sites: tuple[Path, Path]) -> None:
    large = pages(sites[1])
    # The dashboard's lists fill up to their caps (25 needing action, 25 High risks, 6 events a
    # week) and then stop growing: test_site_dashboard checks the caps, this the bytes they come to.
    assert large["index.html"] < 100 * 1024
    # Paged lists fill up to their page size (100 rows) and then add pages: the largest page at 300
    # clients is a full page, and no larger than the pages of a list are allowed to be.
    assert max(large.values()) < 200 * 1024, max(large, key=lambda uri: large[uri])
    assert len([uri for uri in large if uri.startswith("all-clients/")]) == 3
