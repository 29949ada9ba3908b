"""The `handoff` command as a user runs it: output formats, summary and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import NORTHWIND
from handoff_lint.cli import main

JSON_FIELDS = {"path": str, "line": int, "column": int, "code": str, "severity": str, "message": str}


def break_northwind(repo: Path) -> Path:
    doc = repo / NORTHWIND
    text = doc.read_text("utf-8")
    doc.write_text(text.replace("- **Sector:** Transport and logistics\n", "").replace(
        "| Med | Land", "| Medum | Land"), "utf-8")
    return doc


def test_complete_docs_exit_0_with_a_summary(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == "5 handoff docs checked: all complete.\n"


def test_findings_exit_1_one_line_each_with_a_fix(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_northwind(repo)
    assert main(["lint"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{NORTHWIND}:19:1: HO304 Section A — Client basics: missing 'Sector'"
    assert lines[1].startswith("    fix: Add '- **Sector:** ...'")
    assert lines[2].startswith(f"{NORTHWIND}:107:")
    assert " HO401 " in lines[2]
    assert lines[-1] == (
        "5 handoff docs checked: 2 errors in 1 file, 0 warnings. Fix the errors before you merge.")


def test_json_output_keeps_its_contract(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_northwind(repo)
    assert main(["lint", "--format", "json", "clients/northwind-logistics"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert len(findings) == 2
    for finding in findings:
        for name, kind in JSON_FIELDS.items():
            assert isinstance(finding[name], kind), name
        assert finding["severity"] in ("error", "warning")
    assert (findings[0]["path"], findings[0]["line"], findings[0]["code"]) == (str(NORTHWIND), 19, "HO304")


def test_json_output_is_an_empty_array_when_clean(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_warnings_alone_exit_0(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = repo / NORTHWIND
    doc.write_text(doc.read_text("utf-8") + "\n## Notes\n\nAnything else.\n", "utf-8")
    assert main(["lint"]) == 0
    assert "HO303 (warning)" in capsys.readouterr().out


def test_severity_can_be_raised_in_pyproject(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\n[tool.handoff.severity]\nHO303 = "error"\n')
    doc = repo / NORTHWIND
    doc.write_text(doc.read_text("utf-8") + "\n## Notes\n\nAnything else.\n", "utf-8")
    assert main(["lint"]) == 1


def test_folders_are_searched(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "clients/glenmore-distillers"]) == 0
    assert capsys.readouterr().out == "1 handoff doc checked: all complete.\n"


def test_a_path_that_does_not_exist_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "clients/glenmore-distillers", "clients/does-not-exist"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "handoff lint: clients/does-not-exist: no such file or folder; check the path" in captured.err


def test_a_mistyped_command_gets_a_suggestion(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lnt", "clients"]) == 2
    assert "unknown command 'lnt'; did you mean `handoff lint`?" in capsys.readouterr().err
    assert main(["--debug", "rulez"]) == 2
    assert "did you mean `handoff rules`?" in capsys.readouterr().err


def test_a_second_doc_for_a_client_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = repo / NORTHWIND
    shutil.copy(doc, doc.with_name("handoff-northwind-logistics-2026-11-05.md"))
    assert main(["lint"]) == 1
    assert "HO504" in capsys.readouterr().out


def test_usage_errors_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["lint", "--format", "xml"])
    assert exit_info.value.code == 2
    (repo / "pyproject.toml").write_text('[tool.handoff]\nregion = "mars"\n')
    assert main(["lint"]) == 2
    assert "region 'mars'" in capsys.readouterr().err


def test_rules_lists_every_code_and_explains_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "HO301  missing-section" in listing
    assert main(["rules", "ho301"]) == 0
    entry = capsys.readouterr().out
    assert entry.startswith("HO301 missing-section [error]")
    assert "Fix: " in entry and "Why: " in entry
    assert main(["rules", "HO000"]) == 2


def test_rules_finds_a_rule_by_its_name(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "sponsor-notes"]) == 0
    assert capsys.readouterr().out.startswith("HO610 sponsor-notes [error]")
    assert main(["rules", "Sponsor_Notes"]) == 0
    assert capsys.readouterr().out.startswith("HO610 ")
    assert main(["rules", "sponsor-note"]) == 2
    assert "did you mean 'sponsor-notes'?" in capsys.readouterr().err


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_rules_list_in_code_order_within_the_terminals_width(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert (max(len(line) for line in lines) > 100) is (columns > 100)
    listed = [line.split()[0] for line in lines if line.startswith("HO")]
    assert listed == sorted(listed) and len(listed) == len(set(listed)) > 30
def test_records_are_checked_against_today_from_the_option_or_the_environment(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Northwind records its handoff call (held, intro e-mail, AE off the account) on 2026-11-09.
    monkeypatch.delenv("HANDOFF_TODAY", raising=False)
    assert main(["lint", "--format", "json", "--today", "2026-11-08", str(NORTHWIND)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["path"]) for f in found] == [("HO619", str(NORTHWIND))] * 3
    monkeypatch.setenv("HANDOFF_TODAY", "2026-11-08")
    assert main(["lint", "--format", "json", str(NORTHWIND)]) == 1
    assert [f["code"] for f in json.loads(capsys.readouterr().out)] == ["HO619"] * 3
    assert main(["lint", "--today", "2026-11-30"]) == 0  # the option wins over the environment
    capsys.readouterr()


def test_a_today_that_is_not_a_date_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--today", "30/11/2026"]) == 2
    assert "is not a date written YYYY-MM-DD" in capsys.readouterr().err


# No [tool.handoff]: the built-in settings, said once ----------------------------------------------


def _repo_without_settings(folder: Path) -> Path:
    """A repo (another firm's, using the published hook) with a misnamed doc and no settings."""
    handoff = folder / "clients" / "northwind-logistics" / "01-handoff"
    handoff.mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "elsewhere"\n')
    shutil.copy(Path(__file__).parents[1] / NORTHWIND, handoff / "handoff-northwind.md")
    return folder


def test_rules_piped_to_another_program_show_every_summary_whole(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from handoff_lint.codes import REGISTRY

    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.endswith(REGISTRY[line.split()[0]].summary) for line in lines)
    assert not any(line.endswith(" …") for line in lines)


@pytest.mark.parametrize("where", ["repo", "clients folder", "client folder"])
def test_a_repo_without_settings_is_checked_with_the_defaults(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        where: str) -> None:
    repo = _repo_without_settings(tmp_path / "elsewhere")
    folder = {"repo": repo, "clients folder": repo / "clients",
              "client folder": repo / "clients" / "northwind-logistics"}[where]
    monkeypatch.chdir(folder)
    assert main(["lint", "."]) == 1
    out, err = capsys.readouterr()
    assert "HO501 'clients/northwind-logistics/01-handoff/handoff-northwind.md' is not where" in out
    assert err == (f"handoff: no [tool.handoff] settings in a pyproject.toml for {repo}: checking with "
                   'the built-in ones (clients = "clients", region = "england-and-wales", phone_region '
                   '= "GB"); add a [tool.handoff] table to pyproject.toml to change them.\n')


def test_a_folder_elsewhere_is_not_checked_with_the_working_repos_settings(
        repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("outside")
    other = _repo_without_settings(outside / "elsewhere")
    copied = outside / "copied"
    shutil.copytree(other / "clients" / "northwind-logistics", copied / "northwind-logistics")
    assert main(["lint", str(other / "clients"), str(copied)]) == 1
    out, err = capsys.readouterr()
    assert out.count("HO501") == 2 and "2 handoff docs checked: 2 errors in 2 files" in out
    assert err.count("no [tool.handoff] settings") == 2
    assert main(["lint"]) == 0
    assert capsys.readouterr().err == ""
