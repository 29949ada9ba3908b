"""Per-person views: each Delivery Lead's, AM's and AE's queue and clients, bounded pages."""

from __future__ import annotations

from dataclasses import replace

from conftest import SITE_DATE, example_text, example_views, site_view, without_section
from handoff_lint.site import paging, uris
from handoff_lint.site.people import PAGE_SIZE, pages


def test_every_am_and_ae_has_a_view_linked_from_the_index() -> None:
    views = example_views()
    found = pages(views)
    for view in views:
        dl_page = uris.person_page("dl", view.delivery_lead)
        assert f"({dl_page.removeprefix('people/')})" in found[uris.PEOPLE]
        assert f"[{view.name}](../{view.src_uri})" in found[dl_page]
        if not view.account_manager:
            continue  # Fenwick's AM is not assigned yet
        am_page = uris.person_page("am", view.account_manager)
        assert f"({am_page.removeprefix('people/')})" in found[uris.PEOPLE]
        assert f"[{view.name}](../{view.src_uri})" in found[am_page]
        assert ".ics)" in found[am_page]
        assert "commission.md)" in found[uris.person_page("ae", view.ae)]


def test_long_lists_go_on_to_bounded_pages() -> None:
    many = [site_view(example_text())] * (PAGE_SIZE * 2 + 1)
    found = pages(many)
    names = [uris.person_page("am", "Hannah Lee", n) for n in (1, 2, 3)]
    # Later pages go in a folder of the first's name: a path no person's own page can have.
    assert names == ["people/am-hannah-lee.md", "people/am-hannah-lee/2.md", "people/am-hannah-lee/3.md"]
    assert all(name in found for name in names)
    assert [found[n].count("\n- [") + found[n].startswith("- [") for n in names] == [PAGE_SIZE, PAGE_SIZE, 1]
    assert "(page 2 of 3)" in found[names[1]] and "next page" in found[names[1]]


def test_one_person_written_two_ways_has_one_view() -> None:
    spaced = site_view(example_text().replace("account_manager: Hannah Lee", "account_manager: Hannah  Lee"))
    found = pages([site_view(example_text()), spaced])
    page = found[uris.person_page("am", "Hannah Lee")]
    assert page.startswith("# Account Manager: Hannah Lee\n") and "2 clients" in page
    assert found[uris.PEOPLE].count("am-hannah-lee.md") == 1


def test_the_people_index_is_paged_however_many_people() -> None:
    one = site_view(example_text())
    many = [replace(one, account_manager=f"AM {n:03}", ae=f"AE {n:03}") for n in range(150)]
    found = pages(many)
    index = [uri for uri in found if uri == uris.PEOPLE or uri.startswith("people/index/")]
    assert len(index) == 4  # 301 people (one Delivery Lead), 100 to a page
    assert all(found[uri].count("\n- [") <= paging.ROWS for uri in index)
    assert "## Account Managers" in found[uris.PEOPLE] and "## AEs" in found[index[-1]]


def test_each_page_starts_with_the_persons_queue_by_bucket() -> None:
    views = example_views()
    found = pages(views, SITE_DATE)
    # Fenwick (trigger Mon 23 Nov): its Delivery Lead assigns the AM by Wed 25 Nov, this week.
    lead = found[uris.person_page("dl", "Tom Okafor")]
    assert lead.index("## Due today (0)") < lead.index("## Due this week (1)") < lead.index("## Clients (")
    week = lead[lead.index("## Due this week"):lead.index("## Overdue")]
    assert "Fenwick Foods Ltd" in week and "AM assignment due Wed 25 Nov" in week
    assert "`account_manager: <name>` and `am_assigned: YYYY-MM-DD` in the front matter" in week
    assert "## Records to complete (0)" in lead
    # Without an editor address, no editor link at all; with one, a link per item.
    assert "in the editor]" not in lead
    base = "https://git.example/handoffs/-/edit/main/clients/"
    linked = pages(views, SITE_DATE, base)[uris.person_page("dl", "Tom Okafor")]
    assert f"[Record AM assignment in the editor]({base}fenwick-foods/01-handoff/" in linked


def test_a_long_forgotten_fact_is_a_record_to_complete_not_todays_work() -> None:
    no_record = without_section(example_text(), "## Handoff call record")
    late = site_view(no_record)  # Northwind's call was due Tue 10 Nov
    page = pages([late], SITE_DATE + (SITE_DATE - SITE_DATE.replace(day=10)))[
        uris.person_page("am", "Hannah Lee")]
    assert "## Overdue, most recent first (0)" in page and "## Records to complete (1)" in page
