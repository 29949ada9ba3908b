"""A client's facts for the site come from the checked doc's instance, however incomplete."""

from __future__ import annotations

import datetime as dt

from conftest import NORTHWIND_URI, SITE_DATE, check_doc, example_text, without_section
from handoff_lint.domain.deadlines import State
from handoff_lint.site.clients import LastChange, view


def test_the_example_reads_as_delivery_needs_it() -> None:
    client = view(check_doc(example_text()), NORTHWIND_URI, "england-and-wales", SITE_DATE,
                  LastChange("Priya Shah", "2026-11-04", "abc123"))
    assert (client.name, client.sector, client.ae, client.account_manager) == (
        "Northwind Logistics Ltd", "Transport and logistics", "Priya Shah", "Hannah Lee")
    assert client.trigger == dt.date(2026, 11, 3)
    assert client.am_assigned.state is State.ON_TIME
    assert client.handoff_call.state is State.ON_TIME
    assert client.first_cohort_start == dt.date(2027, 1, 11)
    assert client.total_fee == "£48,000"
    assert [client.risk_count(level) for level in ("High", "Med", "Low")] == [1, 2, 0]
    assert len(client.commitments) == 3 and len(client.side_commitments) == 2
    assert client.complete and not client.late
    assert client.last_change and client.last_change.author == "Priya Shah"


def test_late_dates_make_the_client_late() -> None:
    text = example_text().replace("am_assigned: 2026-11-04", "am_assigned: 2026-11-06")
    client = view(check_doc(text), NORTHWIND_URI, "england-and-wales", SITE_DATE)
    assert client.am_assigned.state is State.LATE and client.late


def test_a_lone_none_is_not_counted_as_a_commitment() -> None:
    text = example_text().replace(
        "    - Case study rights once the Week 12 board report is delivered.\n"
        "    - A reference call with another logistics client before kickoff.\n",
        "    - None\n",
    )
    assert view(check_doc(text), NORTHWIND_URI, "england-and-wales", SITE_DATE).side_commitments == []


def test_an_incomplete_doc_still_gives_what_it_has_and_its_errors() -> None:
    text = without_section(example_text(), "## Section F")
    client = view(check_doc(text), NORTHWIND_URI, "england-and-wales", SITE_DATE)
    assert client.name == "Northwind Logistics Ltd"
    assert client.risks == []
    assert not client.complete
    assert any(d.code == "HO301" for d in client.errors)


def test_an_unreadable_doc_is_named_after_its_file() -> None:
    client = view(check_doc(b"\xff\xfe\x00bad"), NORTHWIND_URI, "england-and-wales", SITE_DATE)
    assert client.name == "handoff-northwind-logistics-2026-11-04"
    assert client.errors
