"""--jobs: the same per-file check spread over processes gives byte-identical output."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from handoff_lint import cli
from handoff_lint.contract.config import load
from handoff_lint.engine import parallel
from handoff_lint.reading import files


@pytest.fixture
def repo(generate: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # More docs than parallel.SERIAL_BELOW, so --jobs 2 really starts workers.
    generate.write(tmp_path, generate.corpus(parallel.SERIAL_BELOW + 10, seed=5))
    (tmp_path / "pyproject.toml").write_text('[tool.handoff]\nclients = "clients"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("output", ["text", "json"])
def test_parallel_output_is_byte_identical(repo: Path, capsys: pytest.CaptureFixture[str],
                                           output: str) -> None:
    serial_code = cli.main(["lint", "--jobs", "1", "--format", output])
    serial = capsys.readouterr().out
    parallel_code = cli.main(["lint", "--jobs", "2", "--format", output])
    assert capsys.readouterr().out == serial
    assert serial_code == parallel_code == 1
    assert serial.count("HO") >= 6  # the planted defects are in the output, in file order


def test_results_follow_input_order(repo: Path) -> None:
    config = load(repo)
    targets, _ = files.discover([repo / "clients"], repo, repo)
    found = parallel.lint_targets(targets, config, jobs=2)
    order = [t.display for t in targets]
    positions = [order.index(d.path) for d in found]
    assert positions == sorted(positions) and positions


def test_a_few_files_stay_in_process(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a small run must not start worker processes")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    targets, _ = files.discover([repo / "clients"], repo, repo)
    few = targets[:3]
    assert parallel.lint_targets(few, load(repo), jobs=2) == parallel.lint_targets(few, load(repo), jobs=1)


def test_spawned_workers_never_import_a_folder_committed_to_the_repo(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Where a platform has no fork (Windows), workers are spawned as `python -c ...` in the working
    # folder, the repo: a committed multiprocessing/ would be imported there in place of Python's.
    planted = repo / "multiprocessing"
    planted.mkdir()
    (planted / "__init__.py").write_text(f"open({str(repo / 'ran')!r}, 'w').close()\n", "utf-8")
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    targets, _ = files.discover([repo / "clients"], repo, repo)
    found = parallel.lint_targets(targets, load(repo), jobs=2)
    assert found == parallel.lint_targets(targets, load(repo), jobs=1)
    assert not (repo / "ran").exists()
