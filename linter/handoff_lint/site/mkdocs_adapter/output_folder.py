"""The output folder MkDocs empties and writes, never a link nor reached through one."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handoff_lint.engine.reporters import printable
from handoff_lint.reading import files as doc_files


def refuse_linked_output(config: MkDocsConfig) -> None:
    """Refuse, before MkDocs empties the output folder, an output folder that is a link or is reached
    through one (MkDocs would empty the folder it leads to, anywhere), or that holds a link (MkDocs
    and this build would write through it)."""
    root = Path(os.path.abspath(Path(config.config_file_path).parent))
    site = Path(os.path.abspath(config.site_dir))
    # Inside the repo, every folder on the way to it could be committed; outside, only the person
    # running the build named it, but it must still not be a link.
    link = doc_files.link_on_the_way(site, root) if root in site.parents else (
        site if site.is_symlink() else None)
    if link is not None:
        raise PluginError(f"site_dir {_shown(site, root)}: {_shown(link, root)} is a link; the site is "
                          "never written through a link (the build would empty whatever it leads to). "
                          "Remove the link, or build into a real folder (`mkdocs build -d FOLDER`).")
    found = _links_under(site) if site.is_dir() else []
    if found:
        shown = ", ".join(_shown(path, root) for path in found[:5])
        raise PluginError(f"{shown}{' and more' if len(found) > 5 else ''}: a link in the site's output "
                          "folder; the build never writes or deletes through a link. Remove the links "
                          f"(or the whole folder {_shown(site, root)}; the build makes it again).")


def _links_under(folder: Path) -> list[Path]:
    """Every link under folder, to a file or a folder, hidden ones included, found without following
    any."""
    found: list[Path] = []
    for parent, subfolders, names in os.walk(folder):
        found.extend(Path(parent, name) for name in sorted([*subfolders, *names])
                     if os.path.islink(Path(parent, name)))
    return found


def _shown(path: Path, root: Path) -> str:
    return printable(path.relative_to(root).as_posix() if root in path.parents else path.as_posix())


def site_file(config: MkDocsConfig, uri: str) -> Path:
    """Where a file the build writes itself goes: inside the output folder, never through a link."""
    site = Path(os.path.abspath(config.site_dir))
    target = Path(os.path.abspath(site / uri))
    if site not in target.parents or doc_files.link_on_the_way(target, site) is not None:
        raise PluginError(f"{printable(uri)}: not written, as it would be outside the site's output "
                          f"folder or written through a link")
    return target
