"""The dashboard: one row per client, late and risky ones visible at a glance."""

from __future__ import annotations

from conftest import EXAMPLES, example_text, example_views, site_view, without_section
from handoff_lint.site.dashboard import attention, dashboard, order


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith("| [")]


def test_one_row_per_client_linking_to_its_page() -> None:
    views = example_views()
    page = dashboard(views)
    rows = table_rows(page)
    assert len(rows) == len(EXAMPLES)
    for client in views:
        assert any(f"[{client.name}]({client.src_uri})" in row for row in rows)


def test_the_row_gives_owners_dates_fee_and_counts() -> None:
    row = table_rows(dashboard([site_view(example_text())]))[0]
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    owners = "registers/by-am-and-sector.md"
    assert cells[1] == f"[Transport and logistics]({owners}#sector-transport-and-logistics)"
    assert cells[2:] == [
        "Priya Shah", f"[Hannah Lee]({owners}#am-hannah-lee)", "2026-11-03",
        "2026-11-04 ✓ on time", "2026-11-09 ✓ on time", "2027-01-11", "£48,000", "1", "2",
    ]


def test_late_and_incomplete_handoffs_need_attention() -> None:
    late = site_view(example_text().replace("handoff_call: 2026-11-09", "handoff_call: 2026-11-12"))
    incomplete = site_view(without_section(example_text(), "## Section G"))
    assert attention(late) == ["handoff call late (due 2026-11-10)", "1 High risk"]
    assert attention(incomplete)[0].startswith("handoff doc incomplete (")
    page = dashboard([late])
    assert '!!! warning "Needs attention"' in page
    assert "2026-11-12 ✗ **late**" in page
    assert "**(incomplete)**" in dashboard([incomplete])


def test_newest_trigger_first() -> None:
    names = [v.name for v in order(example_views())]
    triggers = [v.trigger for v in order(example_views())]
    assert triggers == sorted(triggers, reverse=True)  # type: ignore[type-var]
    assert len(names) == len(EXAMPLES)


def test_no_clients_yet_says_how_to_start() -> None:
    assert "handoff new" in dashboard([])
