"""The kinds of test (site, browser, slow) that `bash scripts/test --fast` leaves out come from what a
test uses, and a test that runs such a command without being marked is stopped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import _kinds_reached, build_site, command_kind, copy_site_project, line_of


def test_a_command_is_known_by_what_it_runs() -> None:
    assert command_kind([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml"]) == "site"
    assert command_kind(["/usr/bin/chromedriver", "--port=9515"]) == "browser"
    assert command_kind([sys.executable, "-m", "pre_commit", "install", "--install-hooks"]) == "slow"
    assert command_kind([sys.executable, "-m", "pre_commit", "validate-config", "x.yaml"]) is None
    assert command_kind([sys.executable, "-m", "handoff_lint", "lint"]) is None
    assert command_kind("git status") is None


def _builds(folder: Path) -> int:
    return build_site(copy_site_project(folder / "project"), folder / "site").returncode


def _through_another_helper(folder: Path) -> int:
    return _builds(folder)


def test_a_test_calling_a_helper_that_builds_is_a_site_test() -> None:
    assert _kinds_reached(_through_another_helper, set()) == {"site"}
    assert _kinds_reached(lambda: line_of("a\nb", "b"), set()) == set()


def test_an_unmarked_test_that_builds_the_site_is_stopped() -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--help"]
    with pytest.raises(RuntimeError, match="is not marked 'site'"):
        subprocess.run(command, capture_output=True, check=False, timeout=60)


@pytest.mark.site
def test_a_marked_one_runs() -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--help"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0 and "--strict" in result.stdout
