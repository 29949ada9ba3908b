"""What a playbook rule reads: the parsed doc, where each value was written, and the settings.

Rules are pure functions of a Context. The accessors here return a value only when it exists and
parsed (a real date, an amount with its currency), so a rule never repeats what the schema already
said about a malformed value: it simply has nothing to check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from handoff_lint.codes import diagnostic
from handoff_lint.contract.config import Config
from handoff_lint.contract.extract import Extraction
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.deadlines import date_of, region_of
from handoff_lint.domain.money import Money, parse_money
from handoff_lint.domain.records import FRONT_MATTER
from handoff_lint.reading.document import Document

# A share of a fee is written to a few decimals at most; 30 decimals is not a percentage.
_PERCENT = re.compile(r"^(\d{1,3}(?:\.\d{1,4})?)\s?%$")


def parse_percent(text: object) -> Decimal | None:
    """'40%' or '33.5 %' as a Decimal; None for anything else."""
    if not isinstance(text, str):
        return None
    match = _PERCENT.match(text.strip())
    if not match:
        return None
    try:
        return Decimal(match.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None


def quote(text: object, limit: int = 60) -> str:
    """A value as a message shows it: its first line, shortened."""
    first = str(text).strip().split("\n", 1)[0].strip()
    return first if len(first) <= limit else first[:limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Context:
    path: str
    extraction: Extraction
    document: Document | None
    config: Config
    # Positions (line, column) some earlier check already reported: a rule does not pile a second
    # finding onto a value the schema has already refused.
    reported: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    lines: tuple[str, ...] = ()  # the whole file, for rules that read the text as written

    @property
    def instance(self) -> dict[str, object]:
        return self.extraction.instance

    @property
    def front_matter(self) -> dict[str, object]:
        value = self.instance.get(FRONT_MATTER)
        return value if isinstance(value, dict) else {}

    @property
    def region(self) -> str:
        """The doc's own `region` when it names a known calendar, else the repo's setting."""
        return region_of(self.front_matter, self.config.region)

    # Values by JSON pointer -------------------------------------------------------------------

    def get(self, pointer: str) -> object:
        node: object = self.instance
        for part in pointer.strip("/").split("/"):
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    def text(self, pointer: str) -> str | None:
        value = self.get(pointer)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def date(self, pointer: str) -> dt.date | None:
        return date_of(self.get(pointer))

    def money(self, pointer: str) -> Money | None:
        value = self.get(pointer)
        return parse_money(value) if isinstance(value, str) else None

    def rows(self, pointer: str) -> Iterator[tuple[str, dict[str, object]]]:
        """(row pointer, row) for each complete row of a table; rows with missing cells are skipped,
        their cells were already reported."""
        table = self.get(pointer)
        if not isinstance(table, list):
            return
        for index, row in enumerate(table):
            row_pointer = f"{pointer}/{index}"
            if isinstance(row, dict) and row_pointer not in self.extraction.incomplete_rows:
                yield row_pointer, row

    def complete_rows(self, pointer: str) -> list[tuple[str, dict[str, object]]] | None:
        """Every row of a table, or None when a row is incomplete: a sum over part of a table
        would only repeat, wrongly, what the missing cells' findings already say."""
        table = self.get(pointer)
        rows = list(self.rows(pointer))
        return rows if isinstance(table, list) and len(rows) == len(table) else None

    def items(self, pointer: str) -> list[tuple[str, str]]:
        """(item pointer, text) for each entry of a list value."""
        value = self.get(pointer)
        if not isinstance(value, list):
            return []
        return [(f"{pointer}/{i}", item) for i, item in enumerate(value) if isinstance(item, str)]

    # Positions and findings -------------------------------------------------------------------

    def where(self, pointer: str) -> tuple[int, int]:
        """Where a value was written, or its nearest written parent."""
        return self.extraction.position(pointer)

    def line(self, pointer: str) -> int:
        return self.where(pointer)[0]

    def table_at(self, pointer: str) -> tuple[int, int]:
        """A table's heading (where a fix to the whole table goes)."""
        return self.extraction.source_map.get(pointer) or self.extraction.table_headers.get(
            pointer, self.where(pointer))

    def already_reported(self, pointer: str) -> bool:
        return pointer in self.extraction.source_map and self.where(pointer) in self.reported

    def finding(self, code: str, where: tuple[int, int], message: str, hint: str) -> Diagnostic:
        return diagnostic(self.path, *where, code, message, hint)
