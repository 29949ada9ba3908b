"""Nothing an AE wrote is lost: `handoff new` writes whole files or none, never over another, even
when two runs race for the same client; `handoff lint` writes nothing at all."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import CLIENTS, REPO
from handoff_lint.cli import main
from handoff_lint.cli import new as new_command
from handoff_lint.contract import template
from handoff_lint.contract.schema import load_schema
from handoff_lint.reading import files

SLUG, CLIENT, DATE = "acme-widgets", "Acme Widgets Ltd", "2026-11-24"
DOC = Path(f"clients/{SLUG}/01-handoff/handoff-{SLUG}-{DATE}.md")
NEW = ("new", SLUG, "--client", CLIENT, "--date", DATE)


def make_repo(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    (folder / "clients").mkdir()
    return folder


def race(count: int, work: object) -> list[object]:
    """Run work(index) in count threads released together; each result or raised exception."""
    assert callable(work)
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work(index)
        except Exception as error:  # collected: which of the racers lost is the point
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.parametrize("round_number", range(4))
def test_two_handoff_new_runs_race_for_one_client(tmp_path: Path, round_number: int) -> None:
    repo = make_repo(tmp_path / "repo")
    command = [sys.executable, "-m", "handoff_lint", *NEW]
    env = {**os.environ, "PYTHONPATH": str(REPO / "linter")}

    def handoff_new(index: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    runs = race(2, handoff_new)
    assert all(isinstance(run, subprocess.CompletedProcess) for run in runs), runs
    done = [run for run in runs if isinstance(run, subprocess.CompletedProcess)]
    assert sorted(run.returncode for run in done) == [0, 2], [(r.returncode, r.stderr) for r in done]
    winner, loser = sorted(done, key=lambda run: run.returncode)
    assert winner.stdout.startswith(f"Created {DOC.as_posix()}\n")
    # The loser either saw the doc already there or lost the create itself; both say so plainly.
    assert loser.stdout == ""
    assert DOC.as_posix() in loser.stderr and "already" in loser.stderr, loser.stderr
    assert "Traceback" not in loser.stderr
    # One whole doc, exactly the template, and no temporary file left behind.
    expected = template.render(load_schema(None), SLUG, CLIENT, DATE)
    assert (repo / DOC).read_text("utf-8") == expected
    assert sorted(p.name for p in (repo / DOC).parent.iterdir()) == [DOC.name]


# Each racer imports the command first, then waits for the gate file, so all of them run `new` at
# the same moment rather than one after another as their interpreters finish starting.
GATED_NEW = """
import os, sys, time
from handoff_lint.cli import main
gate = sys.argv[1]
while not os.path.exists(gate):
    time.sleep(0.001)
sys.exit(main(sys.argv[2:]))
"""
RACERS = 12


@pytest.mark.parametrize("round_number", range(3))
def test_many_handoff_new_runs_with_different_dates_write_one_doc(tmp_path: Path, round_number: int) -> None:
    """Twelve `handoff new` runs for one client at once, each with its own date (so each would
    write its own file name): exactly one writes its doc, every other exits 2 naming it, and the
    client's folder holds nothing else (no lock or temporary file left behind)."""
    repo = make_repo(tmp_path / "repo")
    gate = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO / "linter")}
    dates = [f"2026-11-{day:02d}" for day in range(1, RACERS + 1)]
    racers = [subprocess.Popen([sys.executable, "-c", GATED_NEW, str(gate), "new", SLUG, "--client",
                                CLIENT, "--date", date], cwd=repo, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE) for date in dates]
    gate.touch()
    outputs = [racer.communicate(timeout=120) for racer in racers]
    codes = [racer.returncode for racer in racers]

    docs = sorted((repo / "clients").rglob("*.md"))
    assert len(docs) == 1, docs
    doc = docs[0].relative_to(repo).as_posix()
    assert sorted(codes) == [0] + [2] * (RACERS - 1), list(zip(codes, outputs, strict=True))
    winner = codes.index(0)
    assert outputs[winner][0].startswith(f"Created {doc}\n")
    assert doc == DOC.as_posix().replace(DATE, dates[winner])
    for index, (out, err) in enumerate(outputs):
        if index != winner:
            assert out == "" and "Traceback" not in err
            assert f"client '{SLUG}' already has a handoff doc: {doc}" in err, err
    expected = template.render(load_schema(None), SLUG, CLIENT, dates[winner])
    assert docs[0].read_text("utf-8") == expected
    everything = sorted(p.relative_to(repo / "clients").as_posix() for p in (repo / "clients").rglob("*"))
    assert everything == [SLUG, f"{SLUG}/01-handoff", f"{SLUG}/01-handoff/{docs[0].name}"]


def test_new_gives_up_on_a_client_another_run_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A run stuck while holding the client's lock makes the next one give up, not wait forever."""
    import fcntl

    repo = make_repo(tmp_path / "repo")
    client = repo / "clients" / SLUG
    client.mkdir()
    monkeypatch.chdir(repo)
    monkeypatch.setattr(new_command, "LOCK_WAIT_SECONDS", 0.2)
    held = os.open(client, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(list(NEW)) == 2
    finally:
        os.close(held)
    out, err = capsys.readouterr()
    assert out == "" and f"another `handoff new` for '{SLUG}'" in err and "nothing was written" in err
    assert [p.name for p in client.iterdir()] == []
    assert main(list(NEW)) == 0  # once the other run is gone, the lock is free


def test_create_new_under_a_real_race_keeps_one_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "handoff.md"
    # Large texts, so the writes overlap in time rather than finish before the next thread starts.
    texts = [f"writer {index}\n" * 50_000 for index in range(8)]

    def write(index: int) -> str:
        files.create_new(target, texts[index])
        return texts[index]

    results = race(len(texts), write)
    winners = [r for r in results if isinstance(r, str)]
    assert len(winners) == 1
    assert all(isinstance(r, FileExistsError) for r in results if not isinstance(r, str)), results
    assert target.read_text("utf-8") == winners[0]  # whole, and from one writer only
    assert [p.name for p in tmp_path.iterdir()] == ["handoff.md"]


def test_new_refuses_a_doc_written_by_hand_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The AE saved a doc at the same path after `new` looked: the create itself refuses."""
    repo = make_repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    written_by_hand = "---\nclient: Acme Widgets Ltd\n---\n\nNotes from the call, not yet filed.\n"
    create_new = files.create_new

    def ae_saves_first(path: Path, text: str) -> None:
        path.write_text(written_by_hand, "utf-8")  # the editor's save lands between check and write
        create_new(path, text)

    monkeypatch.setattr(files, "create_new", ae_saves_first)
    assert main(list(NEW)) == 2
    assert "already exists; it was left as it is" in capsys.readouterr().err
    assert (repo / DOC).read_text("utf-8") == written_by_hand
    assert sorted(p.name for p in (repo / DOC).parent.iterdir()) == [DOC.name]


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder: its content hash and modification time."""
    return {
        path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                              path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.mark.parametrize("earlier", [
    "handoff-acme-widgets-2026-10-01.md", "handoff-acme-widgets-2027-01-05.md", "notes-from-the-call.md",
])
def test_new_refuses_a_client_that_already_has_a_doc_of_another_date(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        earlier: str) -> None:
    """One handoff doc per signed client: a second `new` would only fail HO504 later, so it is refused
    now, naming the doc to edit instead, and nothing in the client's folder changes."""
    repo = make_repo(tmp_path / "repo")
    existing = repo / "clients" / SLUG / "01-handoff" / earlier
    existing.parent.mkdir(parents=True)
    existing.write_text("---\nclient: Acme Widgets Ltd\n---\n\nWhat the AE wrote so far.\n", "utf-8")
    before = fingerprint(repo)
    monkeypatch.chdir(repo)
    assert main(list(NEW)) == 2  # a usage error: the command, not a doc, is wrong
    out, err = capsys.readouterr()
    shown = f"clients/{SLUG}/01-handoff/{earlier}"
    assert out == ""
    assert err.splitlines() == [
        f"{shown}:1:1: HO504 client '{SLUG}' already has a handoff doc: {shown}",
        "    fix: One handoff doc per signed client: edit this doc instead of starting another. "
        "`handoff new` wrote nothing.",
    ]
    assert fingerprint(repo) == before
    assert sorted(p.name for p in existing.parent.iterdir()) == [earlier]  # no temporary either


def test_new_still_starts_a_doc_for_another_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The refusal is per client: a doc for a client whose slug starts the same is no reason."""
    repo = make_repo(tmp_path / "repo")
    other = repo / "clients/acme-widgets-uk/01-handoff/handoff-acme-widgets-uk-2026-10-01.md"
    other.parent.mkdir(parents=True)
    other.write_text("the other client's doc\n", "utf-8")
    monkeypatch.chdir(repo)
    assert main(list(NEW)) == 0
    assert capsys.readouterr().out.startswith(f"Created {DOC.as_posix()}\n")
    assert other.read_text("utf-8") == "the other client's doc\n"


def test_lint_changes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    shutil.copytree(CLIENTS, repo / "clients", dirs_exist_ok=True)
    broken = repo / "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
    broken.write_bytes(broken.read_bytes().replace(b"\n", b"\r\n").replace(b"## Section F", b"## Section X"))
    before = fingerprint(repo)
    monkeypatch.chdir(repo)
    assert main(["lint"]) == 1
    assert main(["lint", "--format", "json"]) == 1
    capsys.readouterr()
    assert fingerprint(repo) == before
