"""The generators that turn the staging folder into HTML, each run as it would be by hand.

Each reads the staging folder's mkdocs.yml (handoff_lint.site.prepare). It runs in Python's isolated
mode from the staging folder, outside the repo: no folder of the repo is on its import path, so a
package committed at the repo's top (a `mkdocs/` or `markdown/` folder) is never imported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handoff_lint.errors import Refusal

# Name -> the module run as `python -I -m <module> build -f <config> [--strict]`.
GENERATORS: dict[str, str] = {"mkdocs": "mkdocs", "properdocs": "properdocs", "zensical": "zensical"}


def templates(name: str) -> Path:
    """The installed templates of the generator's theme (mkdocs-material's, or Zensical's own)."""
    import importlib.util

    spec = importlib.util.find_spec("zensical" if name == "zensical" else "material")
    if spec is None or not spec.submodule_search_locations:
        raise GeneratorFailed(f"{name}: its theme is not installed (`pip install -e \".[site,generators]\"`)")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


class GeneratorFailed(Refusal):
    """The generator exited with an error; the message holds the end of what it printed."""


def command(name: str, config_file: Path, strict: bool) -> list[str]:
    return [sys.executable, "-I", "-m", GENERATORS[name], "build", "-f", str(config_file),
            *(["--strict"] if strict else [])]


def run(name: str, config_file: Path, strict: bool, timeout: float = 3600) -> None:
    """Build the staging folder's site with the named generator."""
    try:
        result = subprocess.run(command(name, config_file, strict), cwd=config_file.parent,
                                capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise GeneratorFailed(f"{name} did not run: {error}") from None
    if result.returncode != 0:
        raise GeneratorFailed(f"{name} exit {result.returncode}: "
                              f"{(result.stderr or result.stdout).strip()[-3000:]}")
