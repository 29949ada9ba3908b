"""A bug in the linter: one short finding naming the file, exit 2, the traceback only with --debug.

The only way to make the linter fail is to plant a fault in it, so these tests replace one pipeline
step with a function that raises, as a real bug would.
"""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import NORTHWIND
from handoff_lint.cli import main
from handoff_lint.contract.config import load
from handoff_lint.contract.extract import extract
from handoff_lint.engine import parallel, runner
from handoff_lint.reading.files import Target

NORTHWIND_NAME = "handoff-northwind-logistics-2026-11-04.md"


@pytest.fixture
def bug_on_northwind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor fails on one client's doc only, as a bug triggered by its content would."""

    def faulty(path: str, *args: object, **kwargs: object) -> object:
        if NORTHWIND_NAME in path:
            raise KeyError("planted fault")
        return extract(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("handoff_lint.engine.check.extract", faulty)


def test_a_crash_is_one_finding_for_that_file_and_exit_2(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "clients/harbour-housing/01-handoff/handoff-harbour-housing-2026-10-16.md").write_text(
        "no front matter\n", "utf-8")
    assert main(["lint"]) == 2
    out, err = capsys.readouterr()
    crash = [line for line in out.splitlines() if "HO900" in line]
    assert crash == [f"{NORTHWIND}:1:1: HO900 internal error while checking this file "
                     "(KeyError: 'planted fault'); the doc was not checked"]
    assert f"`handoff --debug lint {NORTHWIND}`" in out  # how to report it
    assert "HO201" in out  # the other files were still checked
    assert "Traceback" not in out + err


def test_debug_prints_the_traceback(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--debug", "lint"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"handoff: traceback for {NORTHWIND}:\nTraceback (most recent call last):")
    assert "KeyError: 'planted fault'" in err
    assert "in faulty" in err  # the frame where the fault is


def test_debug_after_the_subcommand_too(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--debug", str(NORTHWIND)]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_json_output_stays_json(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--format", "json"]) == 2
    found = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["code"]) for d in found] == [(str(NORTHWIND), "HO900")]


def test_ho900_cannot_be_turned_off(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text('[tool.handoff]\nseverity = { HO900 = "off" }\n')
    assert main(["lint"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "HO900 (internal-error) cannot be 'off'" in err


def test_a_crash_outside_any_file_is_one_line(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def faulty(*args: object) -> None:
        raise RuntimeError("planted fault")

    monkeypatch.setattr("handoff_lint.reading.files.discover", faulty)
    assert main(["lint"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("handoff: internal error (RuntimeError)")
    assert "report it" in err and "--debug" in err
    assert main(["--debug", "lint"]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_the_traceback_travels_from_a_worker_process(
    repo: Path, bug_on_northwind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # Enough docs that --jobs 2 really uses worker processes (forked, so they carry the fault).
    source = repo / "clients/glenmore-distillers"
    for number in range(parallel.SERIAL_BELOW):
        shutil.copytree(source, repo / f"clients/copy-{number:02d}")
    assert main(["--debug", "lint", "--jobs", "2"]) == 2
    out, err = capsys.readouterr()
    assert f"{NORTHWIND}:1:1: HO900" in out
    assert "KeyError: 'planted fault'" in err


def test_internal_errors_survive_pickling() -> None:
    error = runner.internal_error("doc.md", ValueError("x" * 500))
    copy = pickle.loads(pickle.dumps(error))
    assert copy == error and copy.details == error.details and "ValueError" in copy.details
    assert len(copy.message) < 200  # one short line, whatever the exception says


def test_read_errors_are_findings_not_crashes(repo: Path) -> None:
    target = Target("missing.md", repo / "missing.md", None)
    [found] = runner.lint_target(target, load(repo))
    assert found.code == "HO101"
