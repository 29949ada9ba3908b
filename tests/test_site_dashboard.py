"""The dashboard answers "what needs me today": counts by stage, Needs action (this morning's work by
owner), incomplete docs and High risks in panels of their own, the next 12 weeks; the paged All
clients list has one row per client with its stage."""

from __future__ import annotations

import datetime as dt

from conftest import EXAMPLES, SITE_DATE, example_text, example_views, site_view, without_section
from handoff_lint.domain.lifecycle import Stage
from handoff_lint.site import paging, uris
from handoff_lint.site.attributes import trusted_class
from handoff_lint.site.dashboard import MAX_PER_WEEK, ahead, all_clients, dashboard, order
from handoff_lint.site.queues import MAX_NEEDS_ACTION, attention_pages


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.split("\n") if line.startswith("| [")]


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"## {heading}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start:end if end >= 0 else None]


def chip_classes(*names: str) -> str:
    return " ".join(f".{trusted_class(name)}" for name in names)


def test_all_clients_has_one_row_per_client_linking_to_its_page() -> None:
    views = example_views()
    rows = table_rows(all_clients(views)[uris.ALL_CLIENTS])
    assert len(rows) == len(EXAMPLES)
    for client in views:
        assert any(f"[{client.name}](../{client.src_uri})" in row for row in rows)


def test_the_row_gives_stage_owners_first_cohort_and_high_risks() -> None:
    row = table_rows(all_clients([site_view(example_text())])[uris.ALL_CLIENTS])[0]
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    chip = ("**Onboarding**{ " + chip_classes("handoff-chip", "handoff-chip-onboarding",
                                              "handoff-chip-on-track") + " }")
    assert cells[1].startswith(chip)
    assert "in onboarding, Week -7" in cells[1]
    assert cells[2:] == ["[Hannah Lee](../people/am-hannah-lee.md)",
                         "[Priya Shah](../people/ae-priya-shah.md)", "2027-01-11", "1"]


def test_the_examples_show_every_stage_as_of_the_site_date() -> None:
    stages = {v.name: v.clock.stage for v in example_views()}
    assert stages == {
        "Fenwick Foods Ltd": Stage.AM_TO_BE_ASSIGNED,             # as its AE wrote it
        "Glenmore Distillers plc": Stage.HANDOFF_CALL,            # AM recorded by the Delivery Lead
        "Northwind Logistics Ltd": Stage.ONBOARDING,              # call recorded by the AM
        "Harbour Housing Association Limited": Stage.DELIVERY,    # Week 0 and Week 2 recorded
        "Riverside Homes Association Limited": Stage.COMPLETE,    # Week 12 board report recorded
    }
    page = dashboard(example_views(), SITE_DATE)
    assert "as of Tue 24 Nov 2026" in page
    classes = chip_classes("handoff-chip", "handoff-chip-am-to-be-assigned")
    assert "**AM to be assigned: 1**{ " + classes + " }" in page


def test_needs_action_holds_this_mornings_work_by_owner_not_high_risks_nor_incomplete_docs() -> None:
    on_track = site_view(example_text())  # Northwind: one High risk, onboarding on track
    no_record = without_section(example_text(), "## Handoff call record")
    overdue = site_view(no_record.replace("handoff_call: 2026-11-09", "handoff_call: 2026-11-25"))
    assert overdue.clock.stage is Stage.HANDOFF_CALL  # a planned call is not a held one
    incomplete = site_view(without_section(example_text(), "## Section G"))
    page = dashboard([on_track, overdue, incomplete], SITE_DATE)
    action = section(page, "Needs action")
    assert "### [Hannah Lee](people/am-hannah-lee.md) (Account Manager): 1 item" in action
    assert action.count("\n- [") == 1 and "handoff call overdue by 10 working days (due Tue 10 Nov)" in action
    assert "`- **Held on:** YYYY-MM-DD` under `## Handoff call record`" in action
    assert "handoff record northwind-logistics call-held" in action
    assert "**Records to complete: 0**" in action
    assert "Front-load engagement" not in action
    assert "incomplete" not in action.casefold()
    assert "the AE Priya Shah completes it" in section(page, "Incomplete handoff docs")
    assert "**(incomplete)**" in all_clients([incomplete])[uris.ALL_CLIENTS]
    assert "Exec sponsor is new in role" in section(page, "High risks")


def test_lists_are_bounded_however_many_clients() -> None:
    no_record = without_section(example_text(), "## Handoff call record")
    many = [site_view(no_record.replace("handoff_call: 2026-11-09", "handoff_call: 2026-11-25"))] * 300
    page = dashboard(many, SITE_DATE)
    action = section(page, "Needs action")
    assert action.count("\n- [") == MAX_NEEDS_ACTION
    assert "Showing 25 of 300: the rest are on [the full list](needs-action/index.md)" in action
    assert "1 item" not in action and "300 items, 25 shown" in action
    pages = attention_pages(many, SITE_DATE)
    assert len(pages) == 300 // paging.ROWS
    assert all(p.count("\n- [") <= paging.ROWS for p in pages.values())
    listed = all_clients(many)
    assert all(len(table_rows(p)) <= paging.ROWS for p in listed.values())
    weeks = section(page, "Next 12 weeks")
    assert weeks.count("\n    - [") == 0  # events are listed as "<day>: <client>, <what>"
    assert max(len(block.split("\n    - ")) - 1 for block in weeks.split("\n- **Week of")[1:]) \
        <= MAX_PER_WEEK + 1


def test_the_next_12_weeks_list_what_is_planned_from_today() -> None:
    text = ahead(example_views(), SITE_DATE)
    assert text.startswith("- **Week of Mon 23 Nov 2026**") or text.startswith("- **Week of Mon 23 Nov**")
    assert "Handoff call (planned)" in text and "Cohort 1 starts (Week 0, planned)" in text
    later = ahead(example_views(), dt.date(2027, 6, 1))
    assert "Cohort 3 starts" in later and "2026**" not in later


def test_newest_trigger_first() -> None:
    triggers = [v.trigger for v in order(example_views())]
    assert triggers == sorted(triggers, reverse=True)  # type: ignore[type-var]
    assert len(triggers) == len(EXAMPLES)


def test_no_clients_yet_says_how_to_start() -> None:
    assert "handoff new" in dashboard([], SITE_DATE)
    assert "handoff new" in all_clients([])[uris.ALL_CLIENTS]
