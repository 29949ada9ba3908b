"""Work once per doc: a check is kept under a key of everything that decides it, as data, and never
trusted when it cannot be read back as exactly that data."""

from __future__ import annotations

import pickle
from pathlib import Path, PurePosixPath

import msgspec
import pytest
from conftest import (
    EXAMPLES,
    NORTHWIND,
    REPO,
    example_text,
    replace_once,
    with_front_matter,
    without_section,
)
from handoff_lint.contract.config import Config
from handoff_lint.engine import cache
from handoff_lint.engine.check import Checked
from handoff_lint.reading.files import Target


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
    entry.write_bytes(b"\x80\x05not an entry")
    assert store.load("check", key, cache.CHECK) is None
    other = cache.Store(tmp_path / "other")
    other.save("check", "0" * 64, Checked("x"))
    entry.write_bytes((tmp_path / "other" / "check" / "00" / ("0" * 64)).read_bytes())
    assert store.load("check", key, cache.CHECK) is None  # an entry filed under another key
    checked, _ = cache.check_target(doc, config, store, settings)
    assert checked.document is not None and isinstance(store.load("check", key, cache.CHECK), Checked)


def test_without_a_folder_entries_last_for_the_build_only(tmp_path: Path) -> None:
    store = cache.Store(None)
    store.save("parity", "k", [(3, "differs")])
    assert store.load("parity", "k", cache.PARITY) == [(3, "differs")]
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

    text = cache.reader(str)
    assert [store.load("render", key, text) for key in ("aa1", "aa2", "bb3")] == [None, "aa2", None]
    assert store.load("check", "aa9", text) == "kept: another kind"


def plain(value: object) -> str:
    """A value as its data, sets in order, for comparing what was kept with what was made."""
    return repr(msgspec.to_builtins(value, enc_hook=str, order="sorted"))


# Docs whose checks hold every shape a check has: complete, with findings and fixes, pasted text,
# unreadable front matter, and front matter values of every YAML kind (1.0e+999 is infinity, which
# JSON has no word for).
PASTED = "## Section A — Client basics\n\n• a pasted bullet\n1)\tpasted number"
ROUND_TRIP = {
    **{path.parent.parent.name: path.read_text("utf-8") for path in EXAMPLES},
    "findings": without_section(example_text(), "## Section F"),
    "pasted": replace_once(example_text(), "## Section A — Client basics", PASTED),
    "values": with_front_matter(example_text(),
                                am_assigned="[1.5e+300, -1.0e+999, -0.0, 0x1F, yes, ~, {a: [1, b]}]"),
    "broken front matter": "---\nclient: [unclosed\n---\n# Handoff\n",
}


@pytest.mark.parametrize("name", sorted(ROUND_TRIP))
def test_a_kept_check_reads_back_as_it_was_made(name: str, tmp_path: Path) -> None:
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    store = cache.Store(tmp_path / "cache")
    doc = target(tmp_path, ROUND_TRIP[name])

    made, key = cache.check_target(doc, config, store, settings)
    kept, same_key = cache.check_target(doc, config, store, settings)

    assert key == same_key is not None and store.hits == 1
    assert plain(kept) == plain(made)
    # Field by field with their types (tuples stay tuples, numbers their kind), sets aside.
    for part in ("document", "front", "diagnostics", "instance"):
        assert repr(getattr(kept, part)) == repr(getattr(made, part))
    assert kept.relative == made.relative and isinstance(kept.relative, PurePosixPath)


class Runs:
    """What a pickle does when it is read: writes the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.mark.parametrize("kind", ["check", "parity", "render"])
@pytest.mark.parametrize("layout", ["pickle", "key then pickle", "pickled (key, value)"])
def test_an_entry_that_would_run_code_is_never_run_and_is_rewritten(kind: str, layout: str,
                                                                      tmp_path: Path) -> None:
    # What another branch's build could leave in a shared store: a pickle where an entry goes.
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    store = cache.Store(tmp_path / "cache")
    doc = target(tmp_path, example_text())
    key = cache.doc_key(settings, doc, example_text().encode())
    marker = tmp_path / "marker"
    payload = {"pickle": pickle.dumps(Runs(marker)),
               "key then pickle": key.encode() + b"\n" + pickle.dumps(Runs(marker)),
               "pickled (key, value)": pickle.dumps((key, Runs(marker)))}[layout]
    entry = tmp_path / "cache" / kind / key[:2] / key
    entry.parent.mkdir(parents=True)
    entry.write_bytes(payload)

    found = store.load(kind, key, {"check": cache.CHECK, "parity": cache.PARITY,
                                   "render": cache.reader(dict[str, object])}[kind])

    assert found is None and not marker.exists()
    if kind == "check":
        checked, _ = cache.check_target(doc, config, store, settings)
        assert checked.document is not None
        assert entry.read_bytes().startswith(key.encode() + b"\n")
        assert isinstance(store.load(kind, key, cache.CHECK), Checked) and not marker.exists()


def test_an_entry_of_another_shape_is_a_miss(tmp_path: Path) -> None:
    store = cache.Store(tmp_path / "cache")
    store.save("parity", "k1", [(3, "differs")])
    store.save("parity", "k2", {"line": 3})
    store.save("check", "k3", [(3, "differs")])
    assert store.load("parity", "k1", cache.PARITY) == [(3, "differs")]
    assert store.load("parity", "k2", cache.PARITY) is None
    assert store.load("check", "k3", cache.CHECK) is None


def test_a_value_that_is_not_plain_data_is_not_kept(tmp_path: Path) -> None:
    store = cache.Store(tmp_path / "cache")
    store.save("parity", "k1", object())
    store.save("parity", "k2", [(2**80, "too large for the store")])
    assert not (tmp_path / "cache").exists()
    # A doc whose check holds such a value is checked afresh each time, with the same result.
    config = Config(root=REPO)
    settings = cache.settings_fingerprint(config)
    doc = target(tmp_path, with_front_matter(example_text(), am_assigned=str(2**80)))
    first, _ = cache.check_target(doc, config, store, settings)
    again, _ = cache.check_target(doc, config, store, settings)
    assert store.hits == 0 and plain(again) == plain(first)


def test_pruning_removes_nothing_through_a_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "aa-not-an-entry").write_text("keep me", "utf-8")
    store = cache.Store(tmp_path / "store")
    store.save("render", "bb1", "an entry")
    (tmp_path / "store" / "render" / "aa").symlink_to(outside, target_is_directory=True)

    assert store.prune("render", set()) == 1

    assert (outside / "aa-not-an-entry").read_text("utf-8") == "keep me"
