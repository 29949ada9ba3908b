"""The repo's files as hostile input to the build itself, not only to its pages: a real `mkdocs build`
of a copied project that carries them.

Class 1: a folder committed to the repo named like a module the build imports (pagefind,
multiprocessing, handoff_lint, ...) never runs, whether the build imports it itself, starts Pagefind
or starts its second process. Class 2: the site is never written, and nothing is deleted, through a
link: an output folder that is a link, is reached through one or holds one is refused before MkDocs
empties it, with a clear message, and what the link leads to is left as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_TODAY, build_site, copy_site_project

# Every module the build imports or runs by name after MkDocs has loaded its own: the hook's imports,
# what the worker process starts with, Pagefind and what it would be run with, and the libraries
# that pages, feeds and exports are made with.
IMPORTED_BY_NAME = ("pagefind", "pagefind_bin", "multiprocessing", "concurrent", "handoff_lint",
                    "icalendar", "msgspec", "pymdownx", "markdown", "pygments", "jsonschema", "yaml",
                    "markdown_it", "holidays", "phonenumbers", "email_validator", "regex", "runpy")
PLANTED = "PLANTED-"


def plant(folder: Path, names: tuple[str, ...], markers: Path) -> None:
    """A package per name in folder that leaves a marker file in markers if it is ever imported."""
    for name in names:
        package = folder / name
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text(
            f"open({str(markers / (PLANTED + name))!r}, 'w').close()\n"
            "raise SystemExit('planted package ran')\n", "utf-8")
        (package / "__main__.py").write_text((package / "__init__.py").read_text("utf-8"), "utf-8")


def planted_markers(markers: Path) -> list[str]:
    return sorted(path.name for path in markers.iterdir() if path.name.startswith(PLANTED))


def mkdocs_command() -> list[str]:
    """`mkdocs`, the console script the README and CI run (it puts no working folder on sys.path)."""
    return [str(Path(sys.executable).with_name("mkdocs"))]


def run_build(project: Path, site: Path, command: list[str],
              tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDOFF_TODAY": SITE_TODAY, "NO_MKDOCS_2_WARNING": "1",
           "HANDOFF_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([*command, "build", "--strict", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


# Class 1 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", [".", "hooks"])
def test_a_committed_package_named_like_a_module_never_runs(where: str, tmp_path: Path) -> None:
    # At the top of the repo and beside the hook (MkDocs puts its folder on sys.path while it loads
    # it): the build imports none of them and still builds search.
    config = copy_site_project(tmp_path / "project")
    markers = tmp_path / "markers"
    markers.mkdir()
    plant(config.parent / where, IMPORTED_BY_NAME, markers)

    result = run_build(config.parent, tmp_path / "site", mkdocs_command(), tmp_path)

    assert planted_markers(markers) == []
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()


def test_the_spawned_worker_imports_nothing_from_the_working_folder(tmp_path: Path) -> None:
    # `mkdocs serve` runs threads, so the build's second process is spawned (`python -c ...` in the
    # working folder, the repo) rather than forked: a build started beside a thread takes that path.
    config = copy_site_project(tmp_path / "project")
    markers = tmp_path / "markers"
    markers.mkdir()
    plant(config.parent, IMPORTED_BY_NAME, markers)
    script = tmp_path / "serve_like.py"
    script.write_text(
        "import sys, threading\nfrom mkdocs.__main__ import cli\n"
        "if __name__ == '__main__':\n"
        "    threading.Thread(target=threading.Event().wait, args=(600,), daemon=True).start()\n"
        f"    sys.argv = ['mkdocs', 'build', '--strict', '-d', {str(tmp_path / 'site')!r}]\n"
        "    cli()\n", "utf-8")

    result = run_build(config.parent, tmp_path / "unused", [sys.executable, str(script)], tmp_path)

    assert planted_markers(markers) == []
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "calendar" / "all.ics").read_text("utf-8").startswith("BEGIN:VCALENDAR")


def test_a_build_whose_import_path_holds_the_repo_is_refused(tmp_path: Path) -> None:
    # `python -m mkdocs` in the repo puts it first on sys.path for the whole build: what MkDocs
    # imports before the hook runs cannot be vouched for, so the build stops and says how to run it.
    config = copy_site_project(tmp_path / "project")
    markers = tmp_path / "markers"
    markers.mkdir()
    plant(config.parent, ("pagefind", "pagefind_bin", "multiprocessing"), markers)

    result = run_build(config.parent, tmp_path / "site", [sys.executable, "-m", "mkdocs"], tmp_path)

    assert result.returncode == 1
    assert "Python's import path holds the repo's folders" in result.stderr
    assert "Run `mkdocs build`" in result.stderr and "Traceback" not in result.stderr
    assert planted_markers(markers) == []


def test_a_committed_pagefind_config_does_not_steer_the_index(tmp_path: Path) -> None:
    # Pagefind reads pagefind.yml from its working folder: it runs in the build's own folder instead.
    config = copy_site_project(tmp_path / "project")
    elsewhere = tmp_path / "elsewhere"
    (config.parent / "pagefind.yml").write_text(f"output_path: {elsewhere}\nexclude_selectors: ['*']\n",
                                                "utf-8")

    result = run_build(config.parent, tmp_path / "site", mkdocs_command(), tmp_path)

    assert result.returncode == 0, result.stderr
    assert not elsewhere.exists()
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()


# Class 2 ---------------------------------------------------------------------------------------

SENTINEL = "sentinel.txt"


def outside_folder(tmp_path: Path) -> Path:
    """A folder outside the repo with a file the build must never delete or overwrite."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / SENTINEL).write_text("keep me", "utf-8")
    (outside / "index.html").write_text("not the site's", "utf-8")
    return outside


def assert_untouched(outside: Path) -> None:
    assert sorted(p.name for p in outside.iterdir()) == ["index.html", SENTINEL]
    assert (outside / SENTINEL).read_text("utf-8") == "keep me"
    assert (outside / "index.html").read_text("utf-8") == "not the site's"


@pytest.mark.parametrize("site_dir", ["site", "out/site"])
def test_an_output_folder_that_is_or_passes_through_a_link_is_refused(site_dir: str,
                                                                       tmp_path: Path) -> None:
    # A committed link named site (the default site_dir, which .gitignore's /site/ does not stop)
    # or a linked folder on the way to it: MkDocs would empty what it leads to.
    config = copy_site_project(tmp_path / "project")
    outside = outside_folder(tmp_path)
    link = config.parent / site_dir.split("/")[0]
    link.symlink_to(outside, target_is_directory=True)
    if site_dir == "out/site":
        (outside / "site").mkdir()
        (outside / "site" / SENTINEL).write_text("keep me", "utf-8")

    result = build_site(config, config.parent / site_dir, cache=tmp_path / "cache")

    assert result.returncode == 1
    assert f"site_dir {site_dir}: {link.name} is a link" in result.stderr
    assert "Traceback" not in result.stderr
    if site_dir == "out/site":
        assert (outside / "site" / SENTINEL).read_text("utf-8") == "keep me"
        (outside / "site" / SENTINEL).unlink()
        (outside / "site").rmdir()
    assert_untouched(outside)


@pytest.mark.parametrize("inside", ["pagefind", "northwind-logistics", "calendar", "assets/javascripts",
                                    ".hidden", "404.html", "calendar/all.ics", "search-shard-x"])
def test_an_output_folder_holding_a_link_is_refused(inside: str, tmp_path: Path) -> None:
    # Links MkDocs' emptying would leave (to folders, hidden ones) or that the build would write
    # through: pages, feeds, scripts, the search index and its staging folders.
    config = copy_site_project(tmp_path / "project")
    outside = outside_folder(tmp_path)
    site = config.parent / "site"
    link = site / inside
    link.parent.mkdir(parents=True)
    if "." in inside.rsplit("/", 1)[-1].lstrip("."):
        link.symlink_to(outside / "index.html")
    else:
        link.symlink_to(outside, target_is_directory=True)

    result = build_site(config, site, cache=tmp_path / "cache")

    assert result.returncode == 1
    assert f"site/{inside}: a link in the site's output folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert_untouched(outside)


def test_an_output_folder_outside_the_repo_is_refused_when_it_is_a_link(tmp_path: Path) -> None:
    config = copy_site_project(tmp_path / "project")
    outside = outside_folder(tmp_path)
    (tmp_path / "named").symlink_to(outside, target_is_directory=True)

    result = build_site(config, tmp_path / "named")

    assert result.returncode == 1 and "is a link" in result.stderr
    assert_untouched(outside)


def test_a_real_output_folder_is_emptied_and_built_as_before(tmp_path: Path) -> None:
    # The refusal is for links only: a stale site/ of real files is cleared and written again.
    config = copy_site_project(tmp_path / "project")
    site = config.parent / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("stale", "utf-8")

    result = build_site(config, site, cache=tmp_path / "cache")

    assert result.returncode == 0, result.stderr
    assert not (site / "old").exists()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
