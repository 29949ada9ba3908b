"""`handoff record`: one fact written in one step, in the form the linter reads, touching only the
lines it needs; a repeat changes nothing; a day after today, before the trigger or contradicting
the record is refused with the file left byte for byte as it was."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import NORTHWIND
from handoff_lint.cli import main

Capture = pytest.CaptureFixture[str]
TODAY = "2027-04-10"
# Northwind's trigger is Tue 3 Nov 2026; its first cohort is planned for Mon 11 Jan 2027.
STEPS = [
    ("am-assigned", "2026-11-04", ["--name", "Hannah Lee"],
     ["account_manager: Hannah Lee", "am_assigned: 2026-11-04"]),
    ("call-held", "2026-11-09", [],
     ["## Handoff call record", "- **Held on:** 2026-11-09", "- **Attendees:**",
      "    - Priya Shah", "    - Tom Okafor", "    - Hannah Lee"]),
    ("intro-sent", "2026-11-09", [], ["- **Intro e-mail sent on:** 2026-11-09"]),
    ("ae-off", "2026-11-09", [], ["- **AE off the account on:** 2026-11-09"]),
    ("week0", "2027-01-11", [],
     ["## Delivery milestones", "- **Week 0 (first cohort started):** 2027-01-11"]),
    ("week2", "2027-01-25", [], ["- **Week 2 workshop delivered:** 2027-01-25"]),
    ("week12", "2027-04-05", [], ["- **Week 12 board report delivered:** 2027-04-05"]),
]


@pytest.fixture
def doc(repo: Path) -> Path:
    """Northwind as its AE first wrote it: no Account Manager yet, nothing recorded after the trigger."""
    path = repo / NORTHWIND
    text = path.read_text("utf-8")
    text = text.replace("account_manager: Hannah Lee\n", "").replace("am_assigned: 2026-11-04\n", "")
    path.write_text(text[:text.index("\n## Handoff call record")] + "\n", "utf-8")
    return path


def record(event: str, *options: str) -> int:
    return main(["record", "northwind-logistics", event, *options, "--today", TODAY])


def added_lines(before: str, after: str) -> list[str]:
    """The lines with text the change wrote; it must remove or rewrite none."""
    diff = list(difflib.ndiff(before.split("\n"), after.split("\n")))
    assert not [line for line in diff if line.startswith("- ") and line[2:].strip()], "a line was lost"
    return [line[2:] for line in diff if line.startswith("+ ") and line[2:].strip()]


def lint_errors(capsys: Capture) -> int:
    capsys.readouterr()
    code = main(["lint", "--today", TODAY])
    capsys.readouterr()
    return code


def test_each_event_writes_only_its_lines_and_lints_clean(doc: Path, capsys: Capture) -> None:
    for event, day, options, expected in STEPS:
        before = doc.read_text("utf-8")
        assert record(event, "--on", day, *options) == 0, event
        after = doc.read_text("utf-8")
        assert added_lines(before, after) == expected, event
        assert lint_errors(capsys) == 0, event
        # A second run with the same fact changes nothing.
        assert record(event, "--on", day, *options) == 0
        assert doc.read_text("utf-8") == after
    assert "already recorded" in capsys.readouterr().out


@pytest.mark.parametrize(("event", "day", "why"), [
    ("week2", "2027-04-11", "after today"),
    ("call-held", "2026-11-02", "before the handoff trigger"),
    ("ae-off", "2026-11-06", "HO604"),            # before the call it ends
    ("week0", "2026-11-05", "HO604"),            # before the call that confirms the plan
])
def test_a_day_that_cannot_be_true_is_refused_and_nothing_is_written(
        doc: Path, capsys: Capture, event: str, day: str, why: str) -> None:
    for step, on, options, _ in STEPS[:2]:
        assert record(step, "--on", on, *options) == 0
    data = doc.read_bytes()
    capsys.readouterr()
    assert record(event, "--on", day) == 2
    assert why in capsys.readouterr().err
    assert doc.read_bytes() == data


def test_a_different_day_or_person_contradicts_the_record(doc: Path, capsys: Capture) -> None:
    assert record("am-assigned", "--on", "2026-11-04", "--name", "Hannah Lee") == 0
    assert record("call-held", "--on", "2026-11-09") == 0
    data = doc.read_bytes()
    capsys.readouterr()
    assert record("call-held", "--on", "2026-11-10") == 2
    assert "already recorded as 2026-11-09" in capsys.readouterr().err
    assert record("am-assigned", "--on", "2026-11-04", "--name", "Grace Adeyemi") == 2
    assert "already recorded as Hannah Lee" in capsys.readouterr().err
    assert doc.read_bytes() == data


def test_the_call_needs_an_account_manager_first(doc: Path, capsys: Capture) -> None:
    data = doc.read_bytes()
    assert record("call-held", "--on", "2026-11-09") == 2
    assert "records the assignment first" in capsys.readouterr().err
    assert doc.read_bytes() == data


@pytest.mark.parametrize("name", ["Hannah\nevil: 1", "Hannah <x@evil.example>", "*alias", "[x](javascript:1)",
                                  "", "A" * 81])
def test_a_name_that_is_not_a_name_is_refused(doc: Path, capsys: Capture, name: str) -> None:
    data = doc.read_bytes()
    assert record("am-assigned", "--on", "2026-11-04", "--name", name) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert doc.read_bytes() == data


def test_crlf_line_endings_and_a_byte_order_mark_are_kept(doc: Path) -> None:
    doc.write_bytes(b"\xef\xbb\xbf" + doc.read_bytes().replace(b"\n", b"\r\n"))
    assert record("am-assigned", "--on", "2026-11-04", "--name", "Hannah Lee") == 0
    data = doc.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\nam_assigned: 2026-11-04\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_an_unknown_client_or_a_bad_date_is_a_usage_error(doc: Path, capsys: Capture) -> None:
    assert main(["record", "nobody-here", "week0", "--today", TODAY]) == 2
    assert "holds no handoff doc" in capsys.readouterr().err
    assert record("week0", "--on", "11/01/2027") == 2
    assert "not a date" in capsys.readouterr().err


def test_a_doc_with_a_hand_edited_section_is_refused_rather_than_guessed(doc: Path) -> None:
    doc.write_text(doc.read_text("utf-8") + "\n## Delivery milestones\n\n```\n", "utf-8")
    data = doc.read_bytes()
    assert record("week0", "--on", "2027-01-11") == 2
    assert doc.read_bytes() == data
