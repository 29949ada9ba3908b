"""Work once per doc: a check is kept under a key of everything that decides it, and never trusted
when it cannot be read back."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from conftest import NORTHWIND, REPO, example_text, without_section
from handoff_lint import cache
from handoff_lint.check import Checked
from handoff_lint.config import Config
from handoff_lint.files import Target


def target(folder: Path, text: str) -> Target:
    path = folder / NORTHWIND
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return Target(str(NORTHWIND), path, PurePosixPath(NORTHWIND))


def test_a_second_check_of_the_same_doc_comes_from_the_store(tmp_path: Path) -> None:
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    store = cache.Store(tmp_path / "cache")
    doc = target(tmp_path, without_section(example_text(), "## Section F"))

    first, key = cache.check_target(doc, config, store, settings)
    again, same_key = cache.check_target(doc, config, store, settings)

    assert key == same_key and key is not None
    assert (store.hits, store.misses) == (1, 1)
    assert [d.code for d in again.diagnostics] == [d.code for d in first.diagnostics] != []
    assert again.document is not None


def test_a_changed_doc_or_changed_settings_is_a_new_key(tmp_path: Path) -> None:
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    store = cache.Store(tmp_path / "cache")
    _, key = cache.check_target(target(tmp_path, example_text()), config, store, settings)
    _, edited = cache.check_target(target(tmp_path, example_text() + "\n"), config, store, settings)
    stricter = cache.settings_fingerprint(Config(root=REPO, max_bytes=1000))
    assert len({key, edited, cache.doc_key(stricter, target(tmp_path, example_text()),
                                           example_text().encode())}) == 3


def test_a_corrupt_or_foreign_entry_is_a_miss_and_is_rewritten(tmp_path: Path) -> None:
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    store = cache.Store(tmp_path / "cache")
    doc = target(tmp_path, example_text())
    _, key = cache.check_target(doc, config, store, settings)
    assert key is not None
    entry = tmp_path / "cache" / "check" / key[:2] / key
    entry.write_bytes(b"\x80\x05not a pickle")
    assert store.load("check", key) is None
    other = cache.Store(tmp_path / "other")
    other.save("check", "0" * 64, Checked("x"))
    entry.write_bytes((tmp_path / "other" / "check" / "00" / ("0" * 64)).read_bytes())
    assert store.load("check", key) is None  # an entry filed under another key
    checked, _ = cache.check_target(doc, config, store, settings)
    assert checked.document is not None and isinstance(store.load("check", key), Checked)


def test_without_a_folder_entries_last_for_the_build_only(tmp_path: Path) -> None:
    store = cache.Store(None)
    store.save("parity", "k", [(3, "differs")])
    assert store.load("parity", "k") == [(3, "differs")]
    assert not any(tmp_path.iterdir())


def test_the_store_is_outside_the_repository(tmp_path: Path) -> None:
    repo, home = tmp_path / "repo", tmp_path / "home"
    assert cache.folder_for(repo, {}, home).parent == home / ".cache" / "handoff"
    assert cache.folder_for(repo, {"XDG_CACHE_HOME": str(tmp_path / "xdg")}, home).parent == \
        tmp_path / "xdg" / "handoff"
    # One folder per checkout, so two clones never share entries.
    assert cache.folder_for(repo, {}, home) != cache.folder_for(tmp_path / "other", {}, home)
    for inside in (repo, repo / ".cache", repo / "clients" / "x"):
        with pytest.raises(cache.UnsafeFolder):
            cache.folder_for(repo, {cache.FOLDER_VARIABLE: str(inside)}, home)


def test_pruning_keeps_only_the_entries_named(tmp_path: Path) -> None:
    store = cache.Store(tmp_path / "store")
    for key in ("aa1", "aa2", "bb3"):
        store.save("render", key, key)
    store.save("check", "aa9", "kept: another kind")

    assert store.prune("render", {"aa2"}) == 2

    assert [store.load("render", key) for key in ("aa1", "aa2", "bb3")] == [None, "aa2", None]
    assert store.load("check", "aa9") == "kept: another kind"
