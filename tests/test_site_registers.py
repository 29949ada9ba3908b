"""Registers across clients: risks by likelihood, commitments, upcoming dates, clients by owner."""

from __future__ import annotations

import datetime as dt

from conftest import example_text, example_views, site_view
from handoff_lint.site.attributes import trusted_id
from handoff_lint.site.registers import by_owner, commitments, risks, upcoming


def test_risks_are_grouped_high_then_med_then_low() -> None:
    page = risks(example_views())
    high, med, low = page.index("## High ("), page.index("## Med ("), page.index("## Low (")
    assert high < med < low
    assert page.index("Exec sponsor is new in role") < med  # Northwind's High risk
    assert med < page.index("Night shifts miss the virtual workshops") < low


def test_an_invalid_likelihood_is_still_listed() -> None:
    text = example_text().replace("| Exec sponsor is new in role | High |",
                                  "| Exec sponsor is new in role | Huge |")
    page = risks([site_view(text)])
    assert "## Likelihood 'Huge' (1)" in page
    assert "Exec sponsor is new in role" in page


def test_commitments_name_their_client() -> None:
    page = commitments([site_view(example_text())])
    page_path = "../northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
    promise = "\"We'll send the manager attrition baseline report at Week 4.\""
    assert f"| [Northwind Logistics Ltd]({page_path}) | {promise} | Hannah Lee |" in page
    assert "## Side commitments (Section E) (2)" in page


def test_upcoming_dates_are_in_date_order_from_today() -> None:
    page = upcoming([site_view(example_text())], dt.date(2026, 11, 24))
    dates = [line.split(" | ")[0].strip("| ") for line in page.split("\n") if line.startswith("| 20")]
    assert dates == ["2027-01-11", "2027-03-01"]  # the handoff call on 2026-11-09 is past
    earlier = upcoming([site_view(example_text())], dt.date(2026, 11, 9))
    assert "| 2026-11-09 | Handoff call |" in earlier


def test_clients_by_owner_have_stable_anchors_the_dashboard_links_to() -> None:
    page = by_owner([site_view(example_text())])
    assert f"### Hannah Lee {{ #{trusted_id('am-hannah-lee')} }}" in page
    assert f"### Transport and logistics {{ #{trusted_id('sector-transport-and-logistics')} }}" in page
