"""The file system edge: links found without following them."""

from __future__ import annotations

from pathlib import Path

from handoff_lint.reading.files import link_on_the_way, linked_folders


def test_the_link_closest_to_the_root_is_found(tmp_path: Path) -> None:
    (tmp_path / "real" / "inner").mkdir(parents=True)
    (tmp_path / "real" / "inner" / "doc.md").write_text("x", "utf-8")
    (tmp_path / "clients").mkdir()
    (tmp_path / "clients" / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "inner" / "again.md").symlink_to(tmp_path / "real" / "inner" / "doc.md")
    assert link_on_the_way(tmp_path / "real" / "inner" / "doc.md", tmp_path) is None
    assert link_on_the_way(tmp_path / "clients" / "linked" / "inner" / "doc.md", tmp_path) == (
        tmp_path / "clients" / "linked")
    assert link_on_the_way(tmp_path / "real" / "inner" / "again.md", tmp_path) == (
        tmp_path / "real" / "inner" / "again.md")


def test_linked_folders_are_listed_without_walking_into_them(tmp_path: Path) -> None:
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    (tmp_path / "a" / "proc").symlink_to("/proc", target_is_directory=True)
    (tmp_path / "a" / ".hidden" / "etc").symlink_to("/etc", target_is_directory=True)
    (tmp_path / "a" / "file.txt").symlink_to("/etc/hostname")
    found = sorted(linked_folders(tmp_path))
    assert found == sorted([tmp_path / "a" / "proc", tmp_path / "a" / ".hidden" / "etc"])
