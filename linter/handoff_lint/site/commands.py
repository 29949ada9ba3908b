"""`handoff site prepare|finish|build`: the site's steps from the command line, for any generator.

`build` runs the three in turn: prepare (check every doc, write every page into a staging folder
outside the repo), the generator (MkDocs, ProperDocs or Zensical) over that folder, and finish
(timelines, search marks, Content-Security-Policy, parity, Pagefind). Exit 0: built; 1: built, with
errors, under --strict; 2: usage, settings, or a generator that failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from handoff_lint.contract.config import TODAY_VARIABLE, Config, ConfigError, parse_today
from handoff_lint.engine import cache
from handoff_lint.engine.reporters import printable, text
from handoff_lint.reading import files as doc_files
from handoff_lint.site import allocate, finish, generators, history, prepare, search, uris

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def store(root: Path) -> cache.Store:
    """The check store of the user's cache folder (cache.open_store; an unsafe one is refused)."""
    return cache.open_store(root, os.environ, Path.home())


def _refuse_repo_on_import_path(root: Path) -> None:
    """A folder of the repo on Python's import path (`python -m handoff_lint` run in it, a PYTHONPATH
    into it) would let a committed package (pagefind/, yaml/) run inside the build."""
    installed = [root / "linter", *{Path(prefix).resolve() for prefix in (sys.prefix, sys.exec_prefix)}]
    found = []
    for entry in sys.path:
        path = Path(os.path.abspath(entry or os.curdir))
        inside = path == root or root in path.parents
        code = any(path == folder or folder in path.parents for folder in installed)
        if inside and path.is_dir() and not code:
            found.append(entry or ".")
    if found:
        raise ConfigError(f"Python's import path holds the repo's folders ({', '.join(map(repr, found))}): a "
                          "folder committed there would run inside the build. Run `handoff site ...` (the "
                          "installed command) or `python -I -m handoff_lint site ...`, and set no PYTHONPATH "
                          "into the repo.")


def _site_dir(argument: str | None, root: Path) -> Path:
    site = Path(os.path.abspath(argument or root / "site"))
    inside = site == root or root in site.parents
    link = doc_files.link_on_the_way(site, root) if inside else (site if site.is_symlink() else None)
    if link is not None:
        raise ConfigError(f"{link}: the site folder is, or is reached through, a link; the build writes "
                          "and deletes only in a folder of its own")
    if site == root or (site.exists() and not site.is_dir()):
        raise ConfigError(f"{site}: not a folder the site can be written to")
    return site


def _publish(built: Path, site: Path) -> None:
    """Put the finished site in its folder, in place of the site built there before (MkDocs' own
    build empties its site folder the same way); a folder holding anything else is left alone."""
    if site.exists() and any(site.iterdir()) and not (site / uris.HEADERS).is_file():
        raise ConfigError(f"{site}: holds files that are not a site built here; the build replaces "
                          "only a site folder of its own (give another -d, or empty it)")
    if site.exists():
        shutil.rmtree(site)  # removes links inside it, never what they lead to
    site.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(built), site)


def _report(prepared: prepare.Prepared, errors: list[str]) -> int:
    sys.stdout.write(text(prepared.findings, 0).rsplit("\n", 2)[0] + "\n" if prepared.findings else "")
    for message in [*prepared.messages, *errors]:
        print(printable(message))
    return prepared.errors + len(errors)


def _prepare(arguments: argparse.Namespace, config: Config, stage: Path) -> prepare.Prepared:
    today = parse_today(arguments.today or os.environ.get(TODAY_VARIABLE), dt.date.today())
    try:
        changes = history.read_last_changes(config.root, config.clients)
        return prepare.prepare(config.root, stage, config, today=today, changes=changes,
                               store=store(config.root))
    except allocate.PathCollision as error:
        raise ConfigError(f"two pages for one address: {error}") from None


def _shard_size() -> int:
    try:
        return search.shard_size(os.environ.get(search.SHARD_SIZE_VARIABLE))
    except ValueError as error:
        raise ConfigError(f"{search.SHARD_SIZE_VARIABLE}: {error}") from None


def build(arguments: argparse.Namespace, config: Config) -> int:
    _refuse_repo_on_import_path(config.root)
    site = _site_dir(arguments.site_dir, config.root)
    shard_size = _shard_size()
    folder = Path(tempfile.mkdtemp(prefix="handoff-build-"))
    stage = folder / "stage"
    try:
        prepared = _prepare(arguments, config, stage)
        try:
            generators.run(arguments.generator, stage / prepare.CONFIG_FILE, arguments.strict)
            theme = finish.theme_scripts(generators.templates(arguments.generator))
        except generators.GeneratorFailed as error:
            _report(prepared, [])
            print(f"handoff site build: {printable(str(error))}", file=sys.stderr)
            return EXIT_USAGE
        finished = finish.finish(stage, stage / prepare.SITE, config, store(config.root), theme, shard_size)
        _publish(stage / prepare.SITE, site)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    count = _report(prepared, [*finished.errors, *finished.active])
    for note in finished.notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    print(f"site built with {arguments.generator} in {printable(str(site))}"
          + (f"; {count} error(s)" if count else ""), file=sys.stderr)
    return EXIT_FINDINGS if finished.active or (count and arguments.strict) else EXIT_CLEAN


def prepare_command(arguments: argparse.Namespace, config: Config) -> int:
    _refuse_repo_on_import_path(config.root)
    stage = Path(os.path.abspath(arguments.stage))
    if stage.exists() and any(stage.iterdir()):
        raise ConfigError(f"{stage}: the staging folder must be new or empty")
    prepared = _prepare(arguments, config, stage)
    print(f"staged; build it with e.g. `mkdocs build -f {printable(str(stage / prepare.CONFIG_FILE))}`, "
          f"then `handoff site finish --stage {printable(str(stage))}`", file=sys.stderr)
    count = _report(prepared, [])
    return EXIT_FINDINGS if count and arguments.strict else EXIT_CLEAN


def finish_command(arguments: argparse.Namespace, config: Config) -> int:
    _refuse_repo_on_import_path(config.root)
    stage = Path(os.path.abspath(arguments.stage))
    if not (stage / prepare.MANIFEST).is_file():
        raise ConfigError(f"{stage}: not a staging folder (`handoff site prepare` writes one)")
    site = _site_dir(arguments.site_dir, config.root)
    built = stage / prepare.SITE
    if not built.is_dir():
        raise ConfigError(f"{built}: no site built from the staging folder yet")
    theme = finish.theme_scripts(generators.templates(arguments.generator))
    finished = finish.finish(stage, built, config, store(config.root), theme, _shard_size())
    _publish(built, site)
    for message in [*finished.errors, *finished.active]:
        print(printable(message))
    for note in finished.notes:
        print(f"note: {printable(note)}", file=sys.stderr)
    return EXIT_FINDINGS if finished.active or (finished.errors and arguments.strict) else EXIT_CLEAN


STEPS = {"build": build, "prepare": prepare_command, "finish": finish_command}
