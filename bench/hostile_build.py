"""CPU time of the linter and of the site's build with one hostile doc in place of an example.

    python bench/hostile_build.py            # every shape (about half an hour)
    python bench/hostile_build.py --only table-wide,quotes-nested

Each shape is a doc of up to 1 MiB and 5,000 lines (the linter's limits), linted, then built for
real (`mkdocs build`, not strict: an incomplete doc is still rendered) in a copy of the repo. The
budgets are 2 CPU seconds of linting and 10 of building (over the baseline build of the example
site, taken in the same run) per MiB of doc, for any shape. Shapes the linter refuses (HO104,
HO107, HO310) are never handed to Python-Markdown, so their pages build at once.
"""

from __future__ import annotations

import argparse
import os
import resource
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


SIZE = 1_040_000 - 6_000  # what a shape adds to the example (about 6 KB): the doc stays under 1 MiB
LINES = 4_850  # and under 5,000 lines with the example's 130
WIDE = 4_990  # table columns that fit a line of 10,000 characters


def _paragraph(head: str, count: int, filler: str) -> Callable[[str], str]:
    return lambda text: text + "\n" + "\n".join([head] * count + [filler] * 100) + "\n"


def _repeat(block: str) -> Callable[[str], str]:
    """The example with `block` appended as many times as the size and line limits allow."""
    count = max(1, min(SIZE // len(block), LINES // max(block.count("\n"), 1)))
    return lambda text: text + "\n" + block * count


def _table(columns: int, rows: int, cell: str = "a", delimiter: str = "-", indent: str = "") -> str:
    row = indent + "|" + f"{cell}|" * columns + "\n"
    return row + indent + "|" + f"{delimiter}|" * columns + "\n" + row * rows


def _in_every_section(block: str) -> Callable[[str], str]:
    """`block` at the end of every section of the example, as much of it as the limits allow."""
    def shape(text: str) -> str:
        parts = text.split("\n## ")
        count = max(1, min(SIZE // len(block), LINES // max(block.count("\n"), 1)) // len(parts))
        return "\n## ".join(part + "\n\n" + block * count for part in parts)
    return shape


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
    # Tables: wide, tall, many, nested in lists and quotes, in every section.
    "table-wide": _repeat(_table(WIDE, 96)),
    "table-wide-header-only": _repeat(_table(WIDE, 0) + "\n"),
    "table-tall": _repeat(_table(3, LINES - 2, "a" * 60)),
    "table-tall-narrow": _repeat(_table(1, LINES - 2)),
    "tables-many-short": _repeat("| a |\n|---|\n\n"),
    "tables-many-wide": _repeat(_table(300, 0) + "\n"),
    "tables-in-list-items": _repeat("- item\n\n" + _table(400, 2, indent="    ") + "\n"),
    "tables-in-quotes": _repeat(_table(400, 2, indent="> ") + "\n"),
    "tables-in-every-section": _in_every_section(_table(WIDE, 9) + "\n"),
    "table-escaped-pipes": _repeat(_table(2, 0) + ("| a" + "\\|" * 1_900 + " | b |\n") * 10),
    "table-code-pipes": _repeat(_table(2, 0) + ("| `" + "|" * 9_000 + "` | b |\n") * 10),
    # Pipes after many code spans in one row: each pipe is compared with each span before it.
    "table-code-regions": _repeat(_table(2, 0) + "|" + "`a`" * 999 + "|" * 6_990 + "\n"),
    "table-code-spans": _repeat(_table(2, 0) + ("| " + "`|` " * 2_400 + " | b |\n") * 10),
    "table-delimiter-dashes": _repeat("| a | b |\n|" + "-" * 9_000 + "|---|\n| c | d |\n"),
    "table-delimiter-colons": _repeat("| a |\n|:" + "-" * 9_000 + ":|\n\n"),
    "table-pipes-only": _repeat("|" * 9_990 + "\n" + "|-" * 4_990 + "|\n"),
    # Other block markup that no character count held back.
    "quotes-nested": _repeat(">" * 9_000 + " a\n\n"),
    "quotes-nested-spaced": _repeat("> " * 4_900 + "a\n\n"),
    "heading-closing-hashes": _repeat("## a" + " #" * 4_900 + " b\n\n"),
    "heading-hash-run": _repeat("# " + "#" * 9_000 + "\n\n"),
    "setext-underlines": _repeat("a\n" + "=" * 9_000 + "\n\n"),
    "rules": _repeat("- " * 4_900 + "\n\n"),
    "list-markers": _repeat("1. " * 3_000 + "a\n\n"),
    "fences-tilde": _repeat("~" * 9_000 + "\n"),
    "fences-unclosed": _repeat("~~~\na\n\n"),
    "fences-unclosed-long": _repeat("~~~\n" + "a " * 300 + "\n\n"),
    "fences-backtick-unclosed": _repeat("```\n" + "a " * 300 + "\n\n"),
    "list-items-tight": _repeat("- a\n"),
    "list-items-loose": _repeat("- a\n\n"),
    "list-items-nested": _repeat("- a\n    - b\n        - c\n"),
    "list-items-long": _repeat("- " + "a " * 100 + "\n"),
    "quote-long": _repeat("> " + "a " * 100 + "\n"),
    "quote-list-items": _repeat("> - a\n"),
    "reference-definitions": _repeat("[a]: https://example.com/" + "a" * 9_000 + "\n"),
    "indented-code": _repeat(" " * 9_000 + "a\n"),
    "hard-breaks": _repeat("a" + " " * 200 + "\n"),
    "admonitions": _repeat("!!! note\n" + "    !!! note\n" * 3 + "\n"),
    "colons": _repeat(":" * 9_000 + "\n\n"),
    "tildes-inline": _repeat("a" + "~" * 9_000 + "a\n\n"),
    "underscores-words": _repeat("a_" * 4_900 + "\n\n"),
    "entities-named": _repeat("&amp;" * 1_900 + "\n\n"),
}


def lint_seconds(text: str) -> tuple[float, list[str]]:
    """CPU seconds `handoff lint` spends on the doc, and the codes of its errors."""
    from handoff_lint.contract.config import Config
    from handoff_lint.engine.check import check_bytes

    started = time.process_time()
    checked = check_bytes(DOC, text.encode("utf-8"), None, Config(root=REPO))
    seconds = time.process_time() - started
    return seconds, sorted({d.code for d in checked.diagnostics if d.severity.name == "ERROR"})


def build_seconds(text: str, work: Path) -> float:
    """CPU seconds of a real `mkdocs build` (every process it starts) of the example with this doc."""
    project = work / "repo"
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    sitebench.copy_into(project, (REPO / name for name in SOURCES))
    (project / DOC).write_text(text, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDOFF_CACHE_DIR": str(work / "cache")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-I", "-m", "mkdocs", "build", "-q", "-d", str(work / "site")],
                   cwd=project, env=env, capture_output=True, check=False, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", help="comma-separated shape names (the baseline always runs)")
    arguments = parser.parse_args()
    names = ["baseline", *(arguments.only.split(",") if arguments.only else
                           [name for name in SHAPES if name != "baseline"])]
    example = (REPO / DOC).read_text("utf-8")
    # The build's figure is what the doc adds to the baseline build of the whole example site.
    print(f"{'shape':26s} {'MiB':>5s} {'lint s':>7s} {'build s':>8s}  errors (CPU seconds)")
    with tempfile.TemporaryDirectory() as folder:
        baseline = 0.0
        for name in names:
            text = SHAPES[name](example)
            size = len(text.encode("utf-8")) / (1 << 20)
            lint, errors = lint_seconds(text)
            build = build_seconds(text, Path(folder)) - baseline
            if name == "baseline":
                baseline, build = build, 0.0
            # The budgets are per MiB, and a doc of any size may take what one of 1 MiB may.
            verdict = "" if lint <= 2 * max(size, 1) and build <= 10 * max(size, 1) else "  OVER BUDGET"
            print(f"{name:26s} {size:5.2f} {lint:7.2f} {build:8.2f}  {','.join(errors) or '-'}{verdict}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
