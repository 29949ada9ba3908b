"""HO601: the doc is dated on or after the handoff trigger (the last of the three conditions)."""

from __future__ import annotations

from conftest import findings, line_of, with_front_matter, without_line


def test_a_doc_dated_the_day_of_the_trigger_passes(northwind: str) -> None:
    # Northwind's trigger is 2026-11-03 (deposit invoice and Closed Won); the doc is dated 11-04.
    assert findings(with_front_matter(northwind, doc_date="2026-11-03"), "HO601") == []
    assert findings(northwind, "HO601") == []


def test_a_doc_dated_before_the_last_condition_fails_at_doc_date(northwind: str) -> None:
    text = with_front_matter(northwind, doc_date="2026-11-04", crm_closed_won="2026-11-05",
                             am_assigned="2026-11-05", handoff_call="2026-11-09")
    [finding] = findings(text, "HO601")
    assert finding.line == line_of(text, "doc_date:")
    assert finding.severity.value == "error"
    assert "doc_date 2026-11-04 is before the handoff trigger (2026-11-05" in finding.message
    assert "Closed Won in CRM" in finding.message
    assert "2026-11-05 or later" in finding.hint


def test_a_missing_condition_is_reported_once_by_the_schema(northwind: str) -> None:
    # Without a Closed Won date there is no trigger date: the schema says what is missing and the
    # playbook rules that count from the trigger say nothing more.
    text = without_line(northwind, "  crm_closed_won:")
    assert [(d.code, d.line) for d in findings(text)] == [("HO304", line_of(text, "trigger:"))]


def test_an_impossible_trigger_date_is_reported_once(northwind: str) -> None:
    text = with_front_matter(northwind, sow_signed="2026-11-31")
    assert [(d.code, d.line) for d in findings(text)] == [("HO402", line_of(text, "sow_signed:"))]
