"""HO613: Section G (and the other lists the format lets say 'None') holds the entries, or one
explicit 'None'; an empty Section G is the schema's HO308."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from conftest import REPO, findings, line_of, replace_once, without_section

HARBOUR = PurePosixPath("clients/harbour-housing/01-handoff/handoff-harbour-housing-2026-10-16.md")
FIRST_PROMISE = "- \"We'll send the manager attrition baseline report at Week 4.\""


def test_promises_or_an_explicit_none_pass(northwind: str) -> None:
    assert findings(northwind, "HO613") == []
    harbour = (REPO / HARBOUR).read_text("utf-8")  # Section G and side commitments: '- None'
    assert findings(harbour, "HO613") == []
    assert findings(harbour.replace("\n- None", "\n- none."), "HO613") == []


def test_none_next_to_promises_fails_at_the_none(northwind: str) -> None:
    text = replace_once(northwind, FIRST_PROMISE, "- None\n" + FIRST_PROMISE)
    [finding] = findings(text, "HO613")
    assert finding.line == line_of(text, "- None")
    assert finding.message == ("Section G — Commitments AE made says 'None' and also lists 3 entries: "
                               "which is true?")


@pytest.mark.parametrize("vague", ["N/A", "-", "nothing", "Nil"])
def test_a_vague_none_fails(northwind: str, vague: str) -> None:
    text = without_section(northwind, "## Section G") + f"\n## Section G — Commitments AE made\n\n- {vague}\n"
    [finding] = findings(text, "HO613")
    assert finding.line == line_of(text, f"- {vague}")
    assert finding.message == f"Section G — Commitments AE made: '{vague}' is not an explicit 'None'"


def test_side_commitments_are_checked_the_same_way(northwind: str) -> None:
    text = replace_once(northwind, "    - A reference call with another logistics client before kickoff.",
                        "    - None")
    [finding] = findings(text, "HO613")
    assert finding.line == line_of(text, "    - None")
    assert finding.message.startswith("Side commitments says 'None' and also lists 1 entry")


def test_an_empty_section_g_is_reported_once_by_the_schema(northwind: str) -> None:
    text = without_section(northwind, "## Section G") + "\n## Section G — Commitments AE made\n"
    found = findings(text)
    assert [(d.code, d.line) for d in found] == [("HO308", line_of(text, "## Section G"))]
