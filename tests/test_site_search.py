"""What search indexes: client pages with their filters and names, and the guide; nothing else."""

from __future__ import annotations

from conftest import example_text, site_view
from handoff_lint.site import search


def test_a_client_page_has_its_owners_sector_and_risks_as_filters() -> None:
    record = search.client_record(site_view(example_text()))
    assert record["filters"] == {
        search.ACCOUNT_MANAGER: ["Hannah Lee"], search.AE: ["Priya Shah"],
        search.SECTOR: ["Transport and logistics"], search.RISK: ["High", "Med"],
    }


def test_the_clients_and_its_contacts_names_find_it_first() -> None:
    record = search.client_record(site_view(example_text()))
    names = record["names"]
    assert isinstance(names, list)
    assert names[0] == "Northwind Logistics Ltd" and "Aisha Rahman" in names
    assert record["weight"] == search.NAME_WEIGHT


def test_only_client_pages_and_the_guide_are_indexed() -> None:
    view = site_view(example_text())
    records = search.records([view], ["guide/index.md"])
    assert set(records) == {view.src_uri, "guide/index.md"}
    assert records["guide/index.md"]["filters"] == {}
    assert search.index_glob() == "{*/01-handoff/**/*.html,guide/**/*.html}"
