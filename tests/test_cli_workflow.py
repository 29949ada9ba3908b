"""The AE's path from a signed SoW to a green pull request: `handoff new`, `handoff lint` with the
machine formats, `handoff email`, and the settings and rule reference behind them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, NORTHWIND, without_line
from handoff_lint.cli import main
from handoff_lint.codes import REGISTRY
from handoff_lint.contract.schema import load_schema
from handoff_lint.contract.template import render
from handoff_lint.reading import files

ACME = Path("clients/acme-widgets/01-handoff/handoff-acme-widgets-2026-11-24.md")
NEW_ACME = ["new", "acme-widgets", "--client", "Acme Widgets Ltd", "--date", "2026-11-24"]


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    try:
        code = main(list(arguments))
    except SystemExit as exit_info:  # argparse's usage errors
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# handoff new ------------------------------------------------------------------------------------


def test_new_writes_the_template_where_the_doc_belongs(repo: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *NEW_ACME)
    assert (code, err) == (0, "")
    assert out.startswith(f"Created {ACME.as_posix()}\n")
    assert f"handoff lint {ACME.as_posix()}" in out
    assert (repo / ACME).read_text("utf-8") == render(load_schema(), "acme-widgets", "Acme Widgets Ltd",
                                                      "2026-11-24")
    assert oct((repo / ACME).stat().st_mode & 0o777) != oct(0o600)  # readable like any other file
    assert [p.name for p in (repo / ACME).parent.iterdir()] == [ACME.name]  # no temporary left


def test_new_dates_the_doc_today_by_default(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = dt.date.today().isoformat()
    code, _, _ = run(capsys, "new", "acme-widgets", "--client", "Acme Widgets Ltd")
    after = dt.date.today().isoformat()
    assert code == 0
    written = sorted((repo / "clients/acme-widgets/01-handoff").glob("*.md"))
    assert [p.name for p in written] in (
        [f"handoff-acme-widgets-{before}.md"], [f"handoff-acme-widgets-{after}.md"])
    assert f"doc_date: {written[0].stem[-10:]}\n" in written[0].read_text("utf-8")


def test_a_fresh_doc_reports_only_the_items_left_to_fill_in(repo: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *NEW_ACME)[0] == 0
    code, out, _ = run(capsys, "lint", "--format", "json")
    assert code == 1
    findings = json.loads(out)
    assert {f["path"] for f in findings} == {ACME.as_posix()}  # the examples stay clean
    # "is empty", "needs at least 1 item", and the two sponsors' notes the playbook asks for
    assert {f["code"] for f in findings} == {"HO408", "HO308", "HO610"}
    text = (repo / ACME).read_text("utf-8").split("\n")
    for finding in findings:
        line = text[finding["line"] - 1]
        assert line.endswith(("|", ":**", ":")) or line.startswith("## Section G"), finding


def test_new_never_overwrites_a_doc(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *NEW_ACME)[0] == 0
    (repo / ACME).write_text("what the AE wrote\n", "utf-8")
    code, out, err = run(capsys, *NEW_ACME)
    assert (code, out) == (2, "")
    assert "already has a handoff doc: " + ACME.as_posix() in err
    assert (repo / ACME).read_text("utf-8") == "what the AE wrote\n"


def test_new_refuses_a_second_doc_for_a_client(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(repo / "clients")
    code, _, err = run(capsys, "new", "northwind-logistics", "--client", "Northwind Logistics Ltd",
                       "--date", "2026-12-01")
    assert code == 2
    assert f"client 'northwind-logistics' already has a handoff doc: {NORTHWIND}" in err
    assert tree(repo / "clients") == before


def test_new_finds_a_handoff_doc_saved_in_the_wrong_folder(repo: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    misplaced = repo / "clients/acme-widgets/handoff-acme-widgets-2026-11-01.md"
    misplaced.parent.mkdir(parents=True)
    misplaced.write_text("an earlier draft\n", "utf-8")
    code, _, err = run(capsys, *NEW_ACME)
    assert code == 2
    assert "already has a handoff doc: clients/acme-widgets/handoff-acme-widgets-2026-11-01.md" in err
    assert not (repo / ACME).exists()


@pytest.mark.parametrize(("arguments", "message"), [
    (["new", "Acme_Widgets", "--client", "Acme"], "argument slug: 'Acme_Widgets' is not a valid slug"),
    (["new", "../escape", "--client", "Acme"], "argument slug: '../escape' is not a valid slug"),
    (["new", "acme-", "--client", "Acme"], "is not a valid slug"),
    (["new", "acme", "--client", "  "], "is not a usable client name"),
    (["new", "acme", "--client", "Acme\nLtd"], "is not a usable client name"),
    (["new", "acme", "--client", "Acme", "--date", "2026-02-30"], "'2026-02-30' is not a date"),
    (["new", "acme", "--client", "Acme", "--date", "24/11/2026"], "is not a date written YYYY-MM-DD"),
    (["new", "acme"], "the following arguments are required: --client"),
])
def test_new_rejects_bad_arguments_clearly(repo: Path, capsys: pytest.CaptureFixture[str],
                                           arguments: list[str], message: str) -> None:
    before = tree(repo)
    code, out, err = run(capsys, *arguments)
    assert (code, out) == (2, "")
    assert message in err
    assert tree(repo) == before


def test_new_writes_only_inside_the_clients_folder(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (repo / "clients/acme-widgets").symlink_to(outside, target_is_directory=True)
    code, _, err = run(capsys, *NEW_ACME)
    assert code == 2
    assert "leads outside clients" in err
    assert list(outside.iterdir()) == []

    (repo / "pyproject.toml").write_text('[tool.handoff]\nclients = "../elsewhere"\n')
    code, _, err = run(capsys, *NEW_ACME)
    assert code == 2
    assert "the clients folder '../elsewhere' is outside the repo" in err
    assert not (repo.parent / "elsewhere").exists()


def test_new_follows_the_configured_clients_folder(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\nclients = "handoffs"\n')
    assert run(capsys, *NEW_ACME)[0] == 0
    assert (repo / "handoffs/acme-widgets/01-handoff/handoff-acme-widgets-2026-11-24.md").is_file()


def test_new_works_from_a_subfolder_of_the_repo(repo: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "clients")
    code, out, _ = run(capsys, *NEW_ACME)
    assert code == 0
    assert out.startswith("Created acme-widgets/01-handoff/handoff-acme-widgets-2026-11-24.md")
    assert (repo / ACME).is_file()


def test_new_refuses_outside_a_handoff_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "not-handoff"\n')
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "new", "acme-widgets", "--client", "Acme Widgets Ltd")
    assert (code, out) == (2, "")
    assert "not inside a handoff repo (no pyproject.toml with a [tool.handoff] table" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml"]


def test_create_new_is_exclusive_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    files.create_new(target, "first\n")
    with pytest.raises(FileExistsError):
        files.create_new(target, "second\n")
    assert target.read_text("utf-8") == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]


# handoff email ----------------------------------------------------------------------------------


def test_email_prints_the_playbook_intro_filled_from_the_doc(repo: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "email", str(NORTHWIND))
    assert (code, err) == (0, "")
    assert out.startswith(
        "To: Aisha Rahman <aisha.rahman@northwind-logistics.example>\n"
        "Subject: Introducing Hannah Lee, your Account Manager\n\nHi Aisha,\n\n"
        "Now we're signed, I want to hand you over to Hannah Lee, who'll be your single point of contact")
    assert "Hannah will be in touch within 24 hours" in out
    assert out.endswith("looking forward to seeing this land.\n\nPriya Shah\n")
    assert run(capsys, "email", "clients/northwind-logistics")[1] == out  # the client folder will do


def test_email_refuses_to_leave_blanks(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *NEW_ACME)[0] == 0
    code, out, err = run(capsys, "email", str(ACME))
    assert (code, out) == (1, "")
    text = (repo / ACME).read_text("utf-8").split("\n")
    # Each piece at the line and column `handoff lint` reports it at.
    linted = json.loads(run(capsys, "lint", "--format", "json", str(ACME))[1])
    hr_sponsor = "row 'HR sponsor (primary contact)'"
    name, email = ([f"{d['line']}:{d['column']}" for d in linted
                    if hr_sponsor in d["message"] and f", {column} is empty" in d["message"]]
                   for column in ("Name", "Email"))
    needs = "the intro e-mail needs"
    assert err.splitlines() == [
        # Not in the doc until the Delivery Lead records it: reported at the front matter's start.
        f"{ACME}:1:1: {needs} front matter 'account_manager', and it is missing",
        f"{ACME}:{text.index('ae:') + 1}:1: {needs} front matter 'ae', and it is missing",
        f"{ACME}:{name[0]}: {needs} Section B — People: the HR sponsor's name, and it is missing",
        f"{ACME}:{email[0]}: {needs} Section B — People: the HR sponsor's email, and it is missing",
        "handoff email: fill in the missing pieces; the e-mail is never sent with blanks.",
    ]


def test_email_needs_the_hr_sponsor_row(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = repo / NORTHWIND
    doc.write_text(without_line(doc.read_text("utf-8"), "| HR sponsor (primary contact) |"), "utf-8")
    code, out, err = run(capsys, "email", str(NORTHWIND))
    assert (code, out) == (1, "")
    [row] = [line for line in err.splitlines() if "an 'HR sponsor (primary contact)' row" in line]
    [linted] = [line for line in run(capsys, "lint", str(NORTHWIND))[1].splitlines() if " HO307 " in line]
    assert row.split(": ", 1)[0] == linted.split(": ", 1)[0]  # the same file, line and column


def test_email_on_a_missing_doc_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "email", "clients/nobody/01-handoff/handoff-nobody-2026-11-24.md")
    assert (code, out) == (2, "")
    assert "no such file or folder" in err
    assert run(capsys, "email", "clients")[0] == 2  # several docs: which one?


# Formats, help, settings and the rule reference -------------------------------------------------


def test_lint_help_lists_every_format(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--help")
    assert code == 0
    choices = out.split("--format {", 1)[1].split("}", 1)[0].split(",")
    assert {"text", "json", "github", "sarif"} <= set(choices)
    code, out, _ = run(capsys, "--help")
    assert all(command in out for command in ("lint", "rules", "new", "email"))


def test_github_annotations_from_the_command(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *NEW_ACME)[0] == 0
    code, out, _ = run(capsys, "lint", "--format", "github", "clients/acme-widgets")
    assert code == 1
    lines = out.splitlines()
    assert all(line.startswith(f"::error file={ACME.as_posix()},line=") for line in lines[:-1])
    assert "title=HO408 empty-value::front matter 'ae' is empty%0Afix: " in out


def test_sarif_from_the_command(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lint", "--format", "sarif")
    assert code == 0
    log = json.loads(out)
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(REGISTRY)


def test_rules_lists_each_rule_on_one_line(repo: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # a terminal 100 columns wide
    code, out, _ = run(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(REGISTRY)
    for line, code in zip(lines, sorted(REGISTRY), strict=True):
        rule = REGISTRY[code]
        assert line.split()[1:3] == [rule.name, rule.severity.value]
        shown = line.split(maxsplit=3)[3]
        assert len(line) <= 100
        assert rule.summary == shown or rule.summary.startswith(shown.removesuffix(" …"))


def test_rules_code_shows_the_full_entry_with_configured_severity(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff.severity]\nHO303 = "error"\n')
    code, out, _ = run(capsys, "rules", "HO303")
    rule = REGISTRY["HO303"]
    assert code == 0
    assert out == (f"HO303 unknown-section [error]\n\n{rule.summary}\n\nWhy: {rule.rationale}\n\n"
                   f"Example that fails: {rule.example}\n\nFix: {rule.fix}\n")


def test_settings_are_checked_before_anything_runs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\nclient = "clients"\n')
    code, _, err = run(capsys, *NEW_ACME)
    assert code == 2
    assert "unknown setting(s) client" in err
    assert not (repo / ACME).exists()


def test_the_console_script_runs_new_and_lint(repo: Path) -> None:
    handoff = shutil.which("handoff", path=os.path.dirname(sys.executable)) or shutil.which("handoff")
    assert handoff, "the package's console script is not installed"
    new = subprocess.run([handoff, *NEW_ACME], capture_output=True, text=True, check=False)
    assert new.returncode == 0, new.stderr
    lint = subprocess.run([handoff, "lint"], capture_output=True, text=True, check=False)
    assert lint.returncode == 1
    assert lint.stdout.splitlines()[-1].startswith(f"{len(EXAMPLES) + 1} handoff docs checked: ")
    assert all(line.startswith((ACME.as_posix() + ":", "    fix: "))
               for line in lint.stdout.splitlines()[:-1])
