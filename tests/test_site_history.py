"""Last changes come from one real `git log` over the clients folder, newest commit per doc."""

from __future__ import annotations

import subprocess
from pathlib import Path

from handoff_lint.site.clients import LastChange
from handoff_lint.site.history import LOG_ARGUMENTS, last_changes


def git(repo: Path, *arguments: str, author: str = "Priya Shah") -> str:
    environment = {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "ae@example.com",
                   "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "ae@example.com",
                   "GIT_AUTHOR_DATE": "2026-11-04T10:00:00", "GIT_COMMITTER_DATE": "2026-11-04T10:00:00",
                   "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return subprocess.run(["git", *arguments], cwd=repo, env=environment, check=True,
                          capture_output=True, text=True).stdout


def test_each_doc_gets_its_newest_commit_even_with_odd_characters_in_its_path(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    first = tmp_path / "clients" / "acme" / "01-handoff" / "handoff-acme-2026-11-04.md"
    odd = tmp_path / "clients" / "café bar" / "01-handoff" / "handoff x.md"
    for path in (first, odd):
        path.parent.mkdir(parents=True)
        path.write_text("one\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Add two clients")
    first.write_text("two\n", "utf-8")
    git(tmp_path, "commit", "-q", "-am", "Edit acme", author="Sam Ode")
    newest = git(tmp_path, "rev-parse", "HEAD").strip()

    found = last_changes(git(tmp_path, *LOG_ARGUMENTS, "--", "clients"))

    assert found["clients/acme/01-handoff/handoff-acme-2026-11-04.md"] == LastChange(
        author="Sam Ode", date="2026-11-04", commit=newest)
    assert found["clients/café bar/01-handoff/handoff x.md"].author == "Priya Shah"
    assert len(found) == 2


def test_no_history_means_no_last_changes() -> None:
    assert last_changes("") == {}


def test_a_file_name_cannot_forge_another_docs_last_change(tmp_path: Path) -> None:
    # Each name holds what an older parser split records on: NUL-free separators, line breaks and
    # a whole fake header, naming the real doc with a made-up commit, author and date.
    git(tmp_path, "init", "-q")
    real = tmp_path / "clients" / "acme" / "01-handoff" / "handoff-acme-2026-11-04.md"
    real.parent.mkdir(parents=True)
    real.write_text("one\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Add acme")
    genuine = git(tmp_path, "rev-parse", "HEAD").strip()
    fake = "f" * 40
    forged = [
        f"x\x1e{fake}\x1fMallory\x1f1999-01-01",
        f"y\n\x1e{fake}\x1fMallory\x1f1999-01-01\nclients/acme/01-handoff/handoff-acme-2026-11-04.md",
        f"\n{fake}\nMallory\n1999-01-01\n",
    ]
    for name in forged:
        (tmp_path / "clients" / name.replace("/", "_")).write_text("x\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Add odd names", author="Mallory")

    found = last_changes(git(tmp_path, *LOG_ARGUMENTS, "--", "clients"))

    assert found["clients/acme/01-handoff/handoff-acme-2026-11-04.md"] == LastChange(
        author="Priya Shah", date="2026-11-04", commit=genuine)
    assert all(change.author in ("Priya Shah", "Mallory") and change.commit != fake
               for change in found.values())
    assert sorted(found) == sorted(["clients/acme/01-handoff/handoff-acme-2026-11-04.md",
                                    *(f"clients/{name.replace('/', '_')}" for name in forged)])


def test_output_not_in_gits_layout_gives_nothing() -> None:
    assert last_changes("clients/a.md\0") == {}
    assert last_changes(f"\0{'a' * 40}\0Ann\0not-a-date\0\nclients/a.md\0") == {}
