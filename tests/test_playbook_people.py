"""HO610: the Exec and HR sponsors' notes say what the playbook asks (names, e-mails and phone
numbers are the schema's)."""

from __future__ import annotations

from conftest import findings, line_of, replace_once

EXEC_NOTES = 'New COO (joined June 2026); strong relationship; "Marcus"; prefers a short Teams call to e-mail'
HR_NOTES = "Hands-on, replies same day; cares most about retention of first-line managers"


def test_the_examples_sponsor_notes_cover_the_playbook(northwind: str) -> None:
    assert findings(northwind, "HO610") == []
    short = replace_once(northwind, EXEC_NOTES, "Strong; call him Marcus; Teams")
    assert findings(short, "HO610") == []


def test_thin_exec_sponsor_notes_fail_at_the_notes_cell(northwind: str) -> None:
    text = replace_once(northwind, EXEC_NOTES, "Good relationship")
    [finding] = findings(text, "HO610")
    row = line_of(text, "| Exec sponsor |")
    assert (finding.line, finding.column) == (row, text.split("\n")[row - 1].index("Good") + 1)
    assert finding.message == ("Exec sponsor notes give 1 point; the playbook asks for 3: relationship "
                               "strength; how to address; preferred channel")


def test_empty_hr_sponsor_notes_fail(northwind: str) -> None:
    text = replace_once(northwind, f" {HR_NOTES} |", "  |")
    [finding] = findings(text, "HO610")
    assert finding.line == line_of(text, "| HR sponsor (primary contact) |")
    assert finding.message == ("HR sponsor (primary contact) notes are empty; the playbook asks for 2: "
                               "engagement style; what they care about most")


def test_other_roles_notes_may_be_left_empty(northwind: str) -> None:
    text = replace_once(northwind, " Owns Teams; needs two weeks' notice to add an external bot |", "  |")
    assert findings(text) == []


def test_an_invalid_email_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "marcus.bell@northwind-logistics.example", "marcus.bell@")
    assert [(d.code, d.line) for d in findings(text)] == [("HO403", line_of(text, "| Exec sponsor |"))]


def test_a_row_with_a_missing_cell_is_reported_once(northwind: str) -> None:
    text = replace_once(northwind, f" | {EXEC_NOTES} |", " |")
    assert [(d.code, d.line) for d in findings(text)] == [("HO306", line_of(text, "| Exec sponsor |"))]


def test_an_invalid_phone_is_reported_once_by_the_schema(northwind: str) -> None:
    text = replace_once(northwind, "| 0113 496 0102 |", "| 0113 496 |")
    assert [(d.code, d.line) for d in findings(text)] == [
        ("HO404", line_of(text, "| HR sponsor (primary contact) |"))]


def test_words_describing_one_thing_are_one_point(northwind: str) -> None:
    text = replace_once(northwind, EXEC_NOTES, "Good relationship, warm, friendly")
    [finding] = findings(text, "HO610")
    assert finding.message.startswith("Exec sponsor notes give 1 point; the playbook asks for 3")
    for separated in ("Strong relationship. Call him Marcus. Prefers Teams.",
                      "Strong relationship – call him Marcus – prefers Teams",
                      "Strong relationship / Marcus / Teams, then e-mail"):
        assert findings(replace_once(northwind, EXEC_NOTES, separated), "HO610") == [], separated


def test_points_are_counted_as_a_reader_counts_them() -> None:
    from handoff_lint.rules.playbook.sponsor_notes import point_count

    assert {notes: point_count(notes) for notes in (
        "Strong relationship, call him Marcus, prefers Teams",
        "Strong, Marcus, Teams",
        "Strong, call him Marcus, Teams",
        "Warm, prefers e-mail",
        "Warm, long relationship",
        "Good relationship, warm, friendly",
        "Engaged, wants data; cares about retention",
    )} == {
        "Strong relationship, call him Marcus, prefers Teams": 3,
        "Strong, Marcus, Teams": 3,
        "Strong, call him Marcus, Teams": 3,
        "Warm, prefers e-mail": 2,
        "Warm, long relationship": 1,
        "Good relationship, warm, friendly": 1,
        "Engaged, wants data; cares about retention": 3,
    }


def test_clauses_separated_by_commas_are_points(northwind: str) -> None:
    for notes in ("Strong relationship, call him Marcus, prefers Teams",
                  "Strong, Marcus, Teams over e-mail",
                  "Long-standing and warm, goes by Marcus, WhatsApp first"):
        assert findings(replace_once(northwind, EXEC_NOTES, notes), "HO610") == [], notes
    two = replace_once(northwind, EXEC_NOTES, "Warm, long relationship, prefers Teams")
    [finding] = findings(two, "HO610")
    assert finding.message.startswith("Exec sponsor notes give 2 points; the playbook asks for 3")
