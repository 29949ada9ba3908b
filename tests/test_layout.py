"""The package reads as the pipeline: each stage a folder, each importing only from the stages below
it, no module importing itself back through another, and none too long to read in a sitting."""

from __future__ import annotations

import ast
import graphlib
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "linter" / "handoff_lint"

# Lowest first. A module may import from its own stage and the stages before it; the package's
# top-level modules (diagnostics, and the registry of codes) are the vocabulary every stage shares.
SHARED = "codes"  # the registry: every stage reports findings by its codes
MAX_LINES = 500
STAGES = ("", "reading", "domain", "contract", "rules", "engine", "site", "delivery", "editor", "cli")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(("handoff_lint", *(parts[:-1] if parts[-1] == "__init__" else parts)))
        found[name] = path
    return found


def stage(module: str) -> str:
    if module == "handoff_lint.__main__":
        return "cli"  # `python -m handoff_lint` is the command
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return parts[1]
    return ""


def imports(path: Path, *, top_level_only: bool) -> set[str]:
    """The handoff_lint modules a file imports (at its top level only, or anywhere)."""
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    known = modules()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("handoff_lint"):
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.add(inner if inner in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("handoff_lint."))
    return found


def test_every_package_folder_is_one_the_project_installs() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    folders = {".".join(("handoff_lint", *init.parent.relative_to(PACKAGE).parts))
               for init in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, sorted(folders - listed)


def test_the_folder_listing_names_the_stages() -> None:
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert folders == {*STAGES, SHARED} - {""}


def test_no_stage_imports_from_a_stage_after_it() -> None:
    upward = []
    for module, path in modules().items():
        own = STAGES.index(stage(module))
        for imported in imports(path, top_level_only=False):
            if imported != "handoff_lint" and STAGES.index(stage(imported)) > own:
                upward.append(f"{module} imports {imported}")
    assert upward == []


def test_no_module_imports_itself_back() -> None:
    graph = {module: imports(path, top_level_only=True) - {module} for module, path in modules().items()}
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        raise AssertionError(f"an import circle: {' -> '.join(error.args[1])}") from None


def test_no_module_is_longer_than_a_sitting() -> None:
    long = {module: n for module, path in modules().items()
            if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}
