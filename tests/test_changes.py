"""`handoff changed`: every file a branch changes outside clients/, one annotation each, on a real
git repository with commits."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from handoff_lint.engine import changes
from handoff_lint.engine.reporters import printable

# File names that try to end the annotation early or start another one.
HOSTILE_NAMES = ["100%.txt", "a%0A::error::forged.txt", "line\nbreak::error file=x::forged.txt",
                 "cr\rreturn.txt", "co:lon,comma.txt", "::warning::.txt", "overrides/ü.html"]


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", *arguments], cwd=repo, capture_output=True, text=True, check=True).stdout


def commit_files(repo: Path, files: dict[str, str], message: str) -> str:
    for name, content in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(content, "utf-8")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def branch(tmp_path: Path) -> tuple[Path, str]:
    """A repo whose branch changes docs, code and settings after base: (repo, base commit)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    base = commit_files(repo, {"clients/acme/01-handoff/handoff-acme-2026-11-24.md": "# A\n",
                               "mkdocs.yml": "site_name: x\n", "old-name.txt": "x"}, "base")
    commit_files(repo, {"clients/acme/01-handoff/handoff-acme-2026-11-24.md": "# B\n",
                        "clients/beta/01-handoff/handoff-beta-2026-11-25.md": "# C\n",
                        "setup.py": "import os\n", "mkdocs.yml": "hooks: [x.py]\n",
                        "overrides/main.html": "{{ x }}\n", "clientsx/a.md": "not clients\n",
                        **dict.fromkeys(HOSTILE_NAMES, "x")}, "branch")
    git(repo, "mv", "old-name.txt", "clients/moved.txt")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "move")
    return repo, base


EXPECTED = sorted(["setup.py", "mkdocs.yml", "overrides/main.html", "clientsx/a.md", "old-name.txt",
                   *HOSTILE_NAMES])


def test_every_path_changed_outside_clients_is_listed_once(branch: tuple[Path, str]) -> None:
    repo, base = branch
    found = changes.outside(changes.changed_paths(repo, base), "clients")
    assert sorted(found) == EXPECTED  # a rename lists the old path too: it left the repo's code


def unescape(value: str) -> str:
    for code, character in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, character)
    return value


def test_the_github_format_is_one_warning_per_file_that_no_name_can_forge(branch: tuple[Path, str]) -> None:
    repo, base = branch
    result = subprocess.run([sys.executable, "-m", "handoff_lint", "changed", "--base", base,
                             "--format", "github"], cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(EXPECTED) and all(line.startswith("::warning file=") for line in lines)
    listed = []
    for line in lines:
        properties, message = line[len("::warning "):].split("::", 1)
        assert "::" not in message and "engineering owner must review" in message
        fields = dict(part.split("=", 1) for part in properties.split(","))
        assert set(fields) == {"file", "title"}
        listed.append(fields["file"])
    # Printable (a line break shows as \n) and escaped, each name reads back as itself.
    assert sorted(unescape(name) for name in listed) == sorted(printable(name) for name in EXPECTED)


def test_a_branch_of_docs_only_lists_nothing(tmp_path: Path) -> None:
    repo = tmp_path / "docs"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    base = commit_files(repo, {"README.md": "x"}, "base")
    commit_files(repo, {"clients/a/01-handoff/handoff-a-2026-11-24.md": "# A\n"}, "doc")
    assert changes.outside(changes.changed_paths(repo, base), "clients") == []
    assert changes.github([], "clients") == ""
    result = subprocess.run([sys.executable, "-m", "handoff_lint", "changed", "--base", base], cwd=repo,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "Every changed file is under clients/.\n"


def test_an_unknown_base_is_a_usage_error_not_a_traceback(branch: tuple[Path, str]) -> None:
    repo, _ = branch
    result = subprocess.run([sys.executable, "-m", "handoff_lint", "changed", "--base", "no-such-commit"],
                            cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "git could not compare with no-such-commit" in result.stderr


def test_the_catalogue_names_the_tests_of_files_outside_clients() -> None:
    from conftest import REPO

    text = (REPO / "guide" / "bad-input.md").read_text("utf-8")
    section = text[text.index("## Files outside `clients/`"):].split("\n## ", 1)[0]
    named = re.findall(r"`tests/(test_\w+\.py)::(test_\w+)`", section)
    assert len(named) == 2
    for module, function in named:
        assert f"\ndef {function}(" in (REPO / "tests" / module).read_text("utf-8"), function
