"""The dashboard (counts and what needs attention) and the paged list of all clients."""

from __future__ import annotations

from dataclasses import replace

from conftest import EXAMPLES, example_text, example_views, site_view, without_section
from handoff_lint.site import paging, registers, uris
from handoff_lint.site.dashboard import (
    ATTENTION_SHOWN,
    all_clients,
    attention,
    attention_pages,
    dashboard,
    order,
)


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith("| [")]


def listing(views: list) -> dict[str, str]:  # type: ignore[type-arg]
    return all_clients(views, registers.owner_uris(views, "account_manager"),
                       registers.owner_uris(views, "sector"))


def test_all_clients_has_one_row_per_client_linking_to_its_page() -> None:
    views = example_views()
    rows = table_rows(listing(views)[uris.ALL_CLIENTS])
    assert len(rows) == len(EXAMPLES)
    for client in views:
        assert any(f"[{client.name}](../{client.src_uri})" in row for row in rows)


def test_the_row_gives_owners_dates_fee_and_counts() -> None:
    views = [site_view(example_text())]
    row = table_rows(listing(views)[uris.ALL_CLIENTS])[0]
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert cells[1] == "[Transport and logistics](../registers/sector/transport-and-logistics.md)"
    assert cells[2:] == [
        "Priya Shah", "[Hannah Lee](../registers/am/hannah-lee.md)", "2026-11-03",
        "2026-11-04 ✓ on time", "2026-11-09 ✓ on time", "2027-01-11", "£48,000", "1", "2",
    ]


def test_late_and_incomplete_handoffs_need_attention() -> None:
    late = site_view(example_text().replace("handoff_call: 2026-11-09", "handoff_call: 2026-11-12"))
    incomplete = site_view(without_section(example_text(), "## Section G"))
    assert attention(late) == ["handoff call late (due 2026-11-10)", "1 High risk"]
    assert attention(incomplete)[0].startswith("handoff doc incomplete (")
    page = dashboard([late])
    assert '!!! warning "Needs attention (1)"' in page
    assert "handoff call late" in page
    assert "**(incomplete)**" in listing([incomplete])[uris.ALL_CLIENTS]


def test_the_dashboard_stays_the_same_size_however_many_clients() -> None:
    late = site_view(example_text().replace("handoff_call: 2026-11-09", "handoff_call: 2026-11-12"))
    many = [replace(late, name=f"Client {n:04}", src_uri=f"c{n:04}.md") for n in range(1000)]
    page = dashboard(many)
    assert page.count("\n    - [") == ATTENTION_SHOWN
    assert "[All 1000 clients that need attention](needs-attention/index.md)" in page
    pages = attention_pages(many)
    assert len(pages) == 1000 // paging.ROWS
    assert all(p.count("\n- [") <= paging.ROWS for p in pages.values())
    listed = listing(many)
    assert len(listed) == 1000 // paging.ROWS
    assert all(len(table_rows(p)) == paging.ROWS for p in listed.values())


def test_newest_trigger_first() -> None:
    names = [v.name for v in order(example_views())]
    triggers = [v.trigger for v in order(example_views())]
    assert triggers == sorted(triggers, reverse=True)  # type: ignore[type-var]
    assert len(names) == len(EXAMPLES)


def test_no_clients_yet_says_how_to_start() -> None:
    assert "handoff new" in dashboard([])
    assert "handoff new" in listing([])[uris.ALL_CLIENTS]
