"""HO604: the dates follow the playbook's order: trigger, then Account Manager, then the call."""

from __future__ import annotations

from conftest import findings, line_of, with_front_matter


def test_the_examples_dates_are_in_order(northwind: str) -> None:
    assert findings(northwind, "HO604") == []
    same_day = with_front_matter(northwind, am_assigned="2026-11-03", handoff_call="2026-11-03")
    assert findings(same_day, "HO604") == []


def test_an_account_manager_assigned_before_the_trigger_fails(northwind: str) -> None:
    text = with_front_matter(northwind, am_assigned="2026-11-02")
    [finding] = findings(text, "HO604")
    assert finding.line == line_of(text, "am_assigned:")
    assert "am_assigned 2026-11-02 is before the handoff trigger (2026-11-03" in finding.message


def test_a_handoff_call_before_the_assignment_fails_at_the_call(northwind: str) -> None:
    text = with_front_matter(northwind, handoff_call="2026-11-03")
    [finding] = findings(text, "HO604")
    assert finding.line == line_of(text, "handoff_call:")
    assert "handoff_call 2026-11-03 is before am_assigned 2026-11-04" in finding.message


def test_an_unreal_date_is_the_schemas_alone(northwind: str) -> None:
    # 31 November does not exist: one HO402, and no order or deadline finding built on it.
    text = with_front_matter(northwind, am_assigned="2026-11-31")
    assert [(d.code, d.line) for d in findings(text)] == [("HO402", line_of(text, "am_assigned:"))]


def test_both_events_before_the_trigger_are_both_reported(northwind: str) -> None:
    text = with_front_matter(northwind, am_assigned="2026-11-01", handoff_call="2026-11-02")
    found = findings(text, "HO604")
    assert [d.line for d in found] == [line_of(text, "am_assigned:"), line_of(text, "handoff_call:")]
    assert "handoff_call 2026-11-02 is before the handoff trigger (2026-11-03" in found[1].message
