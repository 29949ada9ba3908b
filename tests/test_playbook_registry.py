"""The playbook rules as a whole: registered and documented, silent on the example clients, and
never thrown by odd data."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from conftest import EXAMPLES, REPO, check_doc, findings, replace_once, with_front_matter
from handoff_lint.cli import main
from handoff_lint.codes import REGISTRY
from handoff_lint.contract.config import from_table
from handoff_lint.diagnostics import Severity
from handoff_lint.rules import playbook

CODES = [rule.code for rule in playbook.PLAYBOOK_RULES]


def test_codes_are_the_ho6xx_range_in_order() -> None:
    assert [f"HO6{n:02d}" for n in range(1, len(CODES) + 1)] == CODES
    assert all(REGISTRY[code] is rule for code, rule in zip(CODES, playbook.PLAYBOOK_RULES, strict=True))


@pytest.mark.parametrize("code", CODES)
def test_each_rule_is_documented_with_the_playbooks_words(code: str) -> None:
    rule = REGISTRY[code]
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".") and rule.severity in (Severity.ERROR, Severity.WARNING)
    assert "Playbook" in rule.rationale and '"' in rule.rationale  # a quote, not a paraphrase
    assert rule.example and rule.fix


@pytest.mark.parametrize("code", CODES)
def test_each_rule_has_tests_that_name_it(code: str) -> None:
    tests = "".join(p.read_text("utf-8") for p in (REPO / "tests").glob("test_playbook_*.py")
                    if p.name != Path(__file__).name)
    assert f'"{code}"' in tests


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.parent.name)
def test_the_example_clients_pass_every_playbook_rule(example: Path) -> None:
    relative = PurePosixPath(example.relative_to(REPO).as_posix())
    found = check_doc(example.read_text("utf-8"), relative).diagnostics
    assert [d for d in found if d.code.startswith("HO6")] == []


def test_handoff_rules_explains_a_playbook_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "HO603"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("HO603 handoff-call-late [warning]")
    assert "within 5 working days of handoff trigger" in out
    assert "Example that fails:" in out and "Fix:" in out


def test_severity_overrides_accept_playbook_codes() -> None:
    config = from_table(REPO, {"severity": {"HO615": "off", "HO602": "error"}})
    assert config.severity == {"HO615": Severity.OFF, "HO602": Severity.ERROR}


@pytest.mark.parametrize("mutation", [
    {"trigger": "[2026-11-02, 2026-11-03]"}, {"am_assigned": "5"}, {"doc_date": "true"},
    {"handoff_call": "{day: 2026-11-09}"}, {"region": "mars"}, {"account_manager": "'<x>'"},
])
def test_odd_front_matter_values_give_diagnostics_never_a_crash(northwind: str,
                                                                mutation: dict[str, str]) -> None:
    text = northwind.replace("\nae: ", "\nregion: scotland\nae: ", 1)
    found = findings(with_front_matter(text, **mutation))
    assert found and all(d.line >= 1 and d.hint for d in found)


@pytest.mark.parametrize(("old", "new"), [
    ("| Deposit on signature | 40% | £19,200 | 2026-11-03 |", "| Deposit on signature |"),
    ("| Programme licence, 2 cohorts of 32 | £36,000 |", "| £36,000 | Programme licence |"),
    ("### Payment milestones", "### Payment plan"),
    ("### Cohorts", "### Cohort list"),
    ("- **Total fee:** £48,000", "- **Total fee:** £0"),
])
def test_odd_sections_give_diagnostics_never_a_crash(northwind: str, old: str, new: str) -> None:
    found = findings(replace_once(northwind, old, new))
    assert found and all(d.line >= 1 and d.hint for d in found)
