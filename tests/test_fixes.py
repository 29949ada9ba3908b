"""`handoff lint --fix`, ruff's model: findings carry fixes, safe ones are applied in place, the
others only on request, and nothing the writer wrote is lost or overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, NORTHWIND, line_of, replace_once
from handoff_lint.cli import main
from handoff_lint.contract.config import Config
from handoff_lint.diagnostics import Diagnostic, Edit, Fix, Severity
from handoff_lint.engine import fixes
from handoff_lint.reading.files import replace_if_unchanged

PASTED = ("• \"We'll send the manager attrition baseline report at Week 4.\"\n"
          "• \"Our facilitator will mention the Manchester cross-dock pilot in the kickoff.\"\n")
LISTED = PASTED.replace("• ", "- ")


def finding(line: int, *edits: Edit, safe: bool = True) -> Diagnostic:
    return Diagnostic("doc.md", line, 1, "HO311", Severity.WARNING, "m", "h", Fix("fix", edits, safe))


def test_fixes_apply_right_to_left_and_only_where_the_text_is_still_there() -> None:
    applied = fixes.apply("• a\n• b\nc", [finding(1, Edit(1, 1, "•", "-")), finding(2, Edit(2, 1, "•", "-")),
                                          finding(3, Edit(3, 1, "x", "y"))])
    assert applied.text == "- a\n- b\nc"
    assert len(applied.fixed) == 2


def test_fixes_that_add_lines_keep_the_others_on_their_lines() -> None:
    text = "a\n2. b\nc\n3. d"
    applied = fixes.apply(text, [finding(1, Edit(1, 2, "", "\n")), finding(2, Edit(2, 1, "2.", "1.")),
                                 finding(4, Edit(4, 1, "3.", "1."))])
    assert applied.text == "a\n\n1. b\nc\n1. d"


def test_a_fix_that_would_remove_text_is_never_applied() -> None:
    empties = finding(1, Edit(1, 1, "keep me", ""))
    assert fixes.apply("keep me\nnext", [empties]).text == "keep me\nnext"


def test_unsafe_fixes_apply_only_when_asked() -> None:
    unsafe = finding(1, Edit(1, 1, "a", "b"), safe=False)
    assert fixes.wanted([unsafe], unsafe=False) == []
    assert fixes.wanted([unsafe], unsafe=True) == [unsafe]


def test_fix_text_is_idempotent(northwind: str) -> None:
    text = replace_once(northwind, LISTED, PASTED)
    text = replace_once(text, "| Night shifts miss the virtual workshops | Med |",
                        "| Night shifts miss the virtual workshops | Medum |")
    once = fixes.fix_text(str(NORTHWIND), text, NORTHWIND, Config())
    assert once.text == northwind
    assert sorted(d.code for d in once.fixed) == ["HO311", "HO311", "HO401"]
    again = fixes.fix_text(str(NORTHWIND), once.text, NORTHWIND, Config())
    assert (again.text, again.fixed) == (once.text, [])


# The command ------------------------------------------------------------------------------------


def write(repo: Path, old: str, new: str, newline: str = "\n") -> Path:
    doc = repo / NORTHWIND
    text = replace_once(doc.read_text("utf-8"), old, new)
    doc.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return doc


def test_fix_writes_the_safe_fixes_and_a_second_run_changes_nothing(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, LISTED, PASTED)
    assert main(["lint", "--fix"]) == 0
    captured = capsys.readouterr()
    assert "fixed 2 findings" in captured.err
    assert captured.out == f"{len(EXAMPLES)} handoff docs checked: all complete.\n"
    assert LISTED in doc.read_text("utf-8")
    fixed = doc.read_bytes()
    assert main(["lint", "--fix"]) == 0
    assert "fixed 0 findings" in capsys.readouterr().err
    assert doc.read_bytes() == fixed


def test_fix_keeps_windows_line_endings(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, LISTED, PASTED, newline="\r\n")
    assert main(["lint", "--fix", str(NORTHWIND)]) == 0
    data = doc.read_bytes()
    assert LISTED.replace("\n", "\r\n").encode() in data and b"\n" not in data.replace(b"\r\n", b"")


def test_diff_shows_the_fixes_and_writes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, LISTED, PASTED)
    before = doc.read_bytes()
    assert main(["lint", "--diff"]) == 1
    captured = capsys.readouterr()
    assert f"--- a/{NORTHWIND}" in captured.out
    assert "-• \"We'll send" in captured.out and "+- \"We'll send" in captured.out
    assert "nothing was written" in captured.err
    assert doc.read_bytes() == before
    assert main(["lint", "--diff", "clients/glenmore-distillers"]) == 0


def test_a_fix_that_may_change_meaning_needs_unsafe_fixes(repo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, "| Risk | Likelihood | Mitigation suggested |", "| Risk | Likelihood | Mitigation |")
    before = doc.read_bytes()
    assert main(["lint", "--fix", str(NORTHWIND)]) == 1
    output = capsys.readouterr().out
    assert "`handoff lint --fix --unsafe-fixes` can do it: Rename the column 'Mitigation'" in output
    assert doc.read_bytes() == before
    assert main(["lint", "--fix", "--unsafe-fixes", str(NORTHWIND)]) == 0
    assert "| Risk | Likelihood | Mitigation suggested |" in doc.read_text("utf-8")


def test_an_ambiguous_date_is_never_guessed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, "| 2027-01-11 |", "| 01/02/2027 |")
    before = doc.read_bytes()
    assert main(["lint", "--fix", "--unsafe-fixes", str(NORTHWIND)]) == 1
    assert doc.read_bytes() == before
    assert "could be 1 February 2027" in capsys.readouterr().out


def test_a_doc_changed_after_it_was_read_is_left_alone(repo: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    doc = write(repo, LISTED, PASTED)
    saved_meanwhile = doc.read_text("utf-8") + "\nAdded in the editor while the fix ran.\n"
    real_fix_text = fixes.fix_text

    def an_editor_saves_meanwhile(*arguments: object, **keywords: object) -> fixes.Applied:
        result = real_fix_text(*arguments, **keywords)  # type: ignore[arg-type]
        doc.write_text(saved_meanwhile, "utf-8")
        return result

    monkeypatch.setattr(fixes, "fix_text", an_editor_saves_meanwhile)
    main(["lint", "--fix", str(NORTHWIND)])
    assert "changed while it was being fixed; it was left as it is" in capsys.readouterr().err
    assert doc.read_text("utf-8") == saved_meanwhile
    assert [p.name for p in doc.parent.iterdir()] == [doc.name]  # no temporary file left behind


def test_replace_if_unchanged_refuses_a_stale_original(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_bytes(b"new text")
    assert replace_if_unchanged(doc, b"old text", b"fixed") is False
    assert doc.read_bytes() == b"new text"
    assert replace_if_unchanged(doc, b"new text", b"fixed") is True
    assert doc.read_bytes() == b"fixed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md"]


def test_json_and_sarif_carry_the_fixes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo, LISTED, PASTED)
    line = line_of((repo / NORTHWIND).read_text("utf-8"), "• \"We'll send")
    main(["lint", "--format", "json", str(NORTHWIND)])
    first = json.loads(capsys.readouterr().out)[0]
    assert first["fix"] == {"description": "Replace '•' with '-'", "applicability": "safe",
                            "edits": [{"line": line, "column": 1, "old": "•", "new": "-"}]}
    main(["lint", "--format", "sarif", str(NORTHWIND)])
    result = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]
    [change] = result["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": line, "startColumn": 1, "endLine": line, "endColumn": 2},
        "insertedContent": {"text": "-"}}]


def test_a_linked_doc_is_never_replaced_by_a_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(repo, LISTED, PASTED)
    real = doc.parent / "northwind.txt"
    doc.rename(real)
    doc.symlink_to(real.name)
    before = real.read_bytes()
    main(["lint", "--fix", str(NORTHWIND)])
    assert "is a link; fix the doc it leads to instead" in capsys.readouterr().err
    assert doc.is_symlink() and real.read_bytes() == before


def test_a_key_without_its_space_and_a_date_in_words_are_fixed_together(northwind: str) -> None:
    text = replace_once(northwind, "ae: Priya Shah", "ae:Priya Shah")
    text = replace_once(text, "| 2027-01-11 |", "| 11 January 2027 |")
    once = fixes.fix_text(str(NORTHWIND), text, NORTHWIND, Config())
    assert once.text == northwind
    assert [d.code for d in once.fixed] == ["HO203", "HO402"]  # the dates are read once YAML is
