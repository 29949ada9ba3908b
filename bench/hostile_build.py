"""Build time of the site with one hostile doc, as a ratio to the same build with the plain example.

    python bench/hostile_build.py            # every shape
    python bench/hostile_build.py --only link-openers

Each shape is a doc of up to 1 MiB built for real (`mkdocs build`, not strict: an incomplete doc is
still rendered) in a copy of the repo; the target is under 10 s for any of them on these machines,
and the ratio to the baseline build taken in the same run is what to compare between runs. Shapes
the linter refuses (HO107) are never handed to Python-Markdown, so their pages build at once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sitebench

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("mkdocs.yml", "pyproject.toml", "hooks", "clients", "guide", "overrides", "schema")
DOC = "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
LINE = 9_000


def _paragraph(head: str, count: int, filler: str) -> Callable[[str], str]:
    return lambda text: text + "\n" + "\n".join([head] * count + [filler] * 100) + "\n"


SHAPES: dict[str, Callable[[str], str]] = {
    "baseline": lambda text: text,
    "link-openers-parens": _paragraph("[a](", 199, "(" * LINE),
    "link-openers": _paragraph("[a](", 199, "a b " * (LINE // 4)),
    "brackets": _paragraph("[", 199, "a b " * (LINE // 4)),
    "image-openers": _paragraph("![a](", 199, "a b " * (LINE // 4)),
    "brackets-at-budget": _paragraph("[", 11, "a b " * (LINE // 4)),
    "autolink-openers": _paragraph("<", 1_990, "a b " * (LINE // 4)),
    "emphasis": _paragraph("*", 1_990, "a b " * (LINE // 4)),
    "entities": _paragraph("&", 1_990, "a b " * (LINE // 4)),
    "backslashes": _paragraph("\\", 1_990, "a b " * (LINE // 4)),
    "braces": _paragraph("{", 1_990, "a b " * (LINE // 4)),
}


def build_seconds(shape: Callable[[str], str], work: Path) -> float:
    project = work / "repo"
    shutil.rmtree(project, ignore_errors=True)
    sitebench.copy_into(project, (REPO / name for name in SOURCES))
    doc = project / DOC
    doc.write_text(shape(doc.read_text("utf-8")), "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-I", "-m", "mkdocs", "build", "-q", "-d", str(work / "site")],
                   cwd=project, env=env, capture_output=True, check=False, timeout=600)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", help="comma-separated shape names (the baseline always runs)")
    arguments = parser.parse_args()
    names = ["baseline", *(arguments.only.split(",") if arguments.only else
                           [name for name in SHAPES if name != "baseline"])]
    with tempfile.TemporaryDirectory() as folder:
        baseline = build_seconds(SHAPES["baseline"], Path(folder))
        print(f"{'baseline':24s} {baseline:6.2f} s")
        for name in names[1:]:
            seconds = build_seconds(SHAPES[name], Path(folder))
            verdict = "ok" if seconds < 10 else "OVER 10 s"
            print(f"{name:24s} {seconds:6.2f} s  x{seconds / baseline:5.1f}  {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
