"""Shared helpers: the example clients as test material, and a one-call way to check a doc."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from handoff_lint.check import Checked, check_bytes
from handoff_lint.config import Config
from handoff_lint.diagnostics import Diagnostic

REPO = Path(__file__).resolve().parents[1]
CLIENTS = REPO / "clients"
NORTHWIND = PurePosixPath(
    "clients/northwind-logistics/01-handoff/handoff-northwind-logistics-2026-11-04.md"
)
EXAMPLES = sorted(CLIENTS.glob("*/01-handoff/handoff-*.md"))


def example_text(relative: PurePosixPath = NORTHWIND) -> str:
    return (REPO / relative).read_text("utf-8")


def check_doc(text: str | bytes, relative: PurePosixPath | None = NORTHWIND,
              config: Config | None = None) -> Checked:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return check_bytes(str(relative or "doc.md"), data, relative, config or Config(root=REPO))


def lint(text: str | bytes, relative: PurePosixPath | None = NORTHWIND,
         config: Config | None = None) -> list[Diagnostic]:
    return check_doc(text, relative, config).diagnostics


def errors(text: str | bytes, relative: PurePosixPath | None = NORTHWIND) -> list[Diagnostic]:
    return [d for d in lint(text, relative) if d.severity.value == "error"]


def line_of(text: str, fragment: str) -> int:
    """1-based number of the first line containing fragment."""
    for number, line in enumerate(text.split("\n"), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


def without_item(text: str, start: str) -> str:
    """Remove the line starting with `start` and the indented lines that belong to it."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    end = index + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    return "\n".join(lines[:index] + lines[end:])


def without_line(text: str, start: str) -> str:
    """Remove the first line starting with `start`."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    return "\n".join(lines[:index] + lines[index + 1:])


def without_section(text: str, heading: str) -> str:
    """Remove a heading and everything up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = index + 1
    stop = re.compile(rf"^#{{1,{level}}} ")
    while end < len(lines) and not stop.match(lines[end]):
        end += 1
    return "\n".join(lines[:index] + lines[end:])


def without_column(text: str, header_start: str, column: str) -> str:
    """Remove one column from the table whose header line starts with header_start."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    position = [c.strip() for c in lines[index].strip().strip("|").split("|")].index(column)
    end = index
    while end < len(lines) and lines[end].startswith("|"):
        cells = lines[end].strip().strip("|").split("|")
        del cells[position]
        lines[end] = "|" + "|".join(cells) + "|"
        end += 1
    return "\n".join(lines)


@pytest.fixture
def northwind() -> str:
    return example_text()
