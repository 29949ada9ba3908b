"""Registers across clients, split into pages of bounded size."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conftest import example_text, example_views, site_view
from handoff_lint.site import paging, uris
from handoff_lint.site.registers import by_owner, commitments, group_uris, owner_groups, risks, upcoming


def test_risks_are_counted_by_likelihood_and_month_and_listed_on_their_own_pages() -> None:
    found = risks(example_views())
    landing = found[uris.RISKS]
    assert "| Trigger month | High | Med | Low | Other |" in landing
    assert "| 2026-11 | [4](risks/high-2026-11.md) | [6](risks/med-2026-11.md) | 0 | 0 |" in landing
    assert "Exec sponsor is new in role" in found["registers/risks/high-2026-11.md"]
    assert "Night shifts miss the virtual workshops" in "".join(
        page for uri, page in found.items() if "/med-" in uri)


def test_an_invalid_likelihood_is_still_listed() -> None:
    text = example_text().replace("| Exec sponsor is new in role | High |",
                                  "| Exec sponsor is new in role | Huge |")
    found = risks([site_view(text)])
    other = found["registers/risks/other-2026-11.md"]
    assert "| Huge | Exec sponsor is new in role |" in other


def test_commitments_are_by_account_manager_and_name_their_client() -> None:
    found = commitments([site_view(example_text())])
    assert "[Hannah Lee](commitments/hannah-lee.md) (5 commitments)" in found[uris.COMMITMENTS]
    page = found["registers/commitments/hannah-lee.md"]
    page_path = "../../northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
    promise = "\"We'll send the manager attrition baseline report at Week 4.\""
    assert f"| [Northwind Logistics Ltd]({page_path}) | AE commitment | {promise} |" in page
    assert page.count("| Side commitment |") == 2


def test_upcoming_dates_are_in_date_order_from_today() -> None:
    page = upcoming([site_view(example_text())], dt.date(2026, 11, 24))[uris.UPCOMING]
    dates = [line.split(" | ")[0].strip("| ") for line in page.split("\n") if line.startswith("| 20")]
    assert dates == ["2027-01-11", "2027-03-01"]  # the handoff call on 2026-11-09 is past
    earlier = upcoming([site_view(example_text())], dt.date(2026, 11, 9))[uris.UPCOMING]
    assert "| 2026-11-09 | Handoff call |" in earlier


def test_clients_by_owner_have_a_page_each() -> None:
    found = by_owner([site_view(example_text())], "account_manager")
    assert "[Hannah Lee](hannah-lee.md) (1 clients)" in found[uris.BY_AM]
    assert "Northwind Logistics Ltd" in found["registers/am/hannah-lee.md"]
    sectors = by_owner([site_view(example_text())], "sector")
    assert "registers/sector/transport-and-logistics.md" in sectors


def test_every_register_page_is_bounded_however_many_clients() -> None:
    one = site_view(example_text())
    many = [replace(one, name=f"Client {n:04}", src_uri=f"c{n:04}.md", account_manager=f"AM {n % 3}")
            for n in range(700)]
    for found in (risks(many), commitments(many), upcoming(many, dt.date(2026, 1, 1)),
                  by_owner(many, "account_manager"), by_owner(many, "sector")):
        assert all(page.count("\n| ") <= paging.ROWS + 1 for page in found.values())


def test_names_sharing_a_slug_get_pages_of_their_own() -> None:
    found = group_uris("registers/am", ["Ann Lee", "Änn Lee", "Ann-Lee", "Ann Lee 2", "Index", "2"])
    assert len(set(found.values())) == 6
    assert found["Ann Lee"] == "registers/am/ann-lee.md" and found["Ann Lee 2"] == "registers/am/ann-lee-2.md"
    assert "registers/am/index.md" not in found.values()
    assert "registers/am/2.md" not in found.values()


def test_one_name_written_two_ways_is_one_group_with_one_page() -> None:
    one = site_view(example_text())
    spaced = replace(one, account_manager="hannah  LEE", src_uri="other.md")
    assert list(owner_groups([one, spaced], "account_manager")) == ["Hannah Lee"]
    found = by_owner([one, spaced], "account_manager")
    assert "2 clients" in found["registers/am/hannah-lee.md"]


def test_a_client_whose_owner_is_only_spaces_is_listed_as_not_given() -> None:
    blank = replace(site_view(example_text()), account_manager="\u00a0 ")
    assert list(owner_groups([blank], "account_manager")) == ["Not given"]
