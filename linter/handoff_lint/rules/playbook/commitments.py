"""Lists that are either real entries or one explicit 'None' (Section G above all)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from handoff_lint.contract.schema import Schema, kind, load_schema, properties, title_of
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.domain.records import FRONT_MATTER
from handoff_lint.rules.playbook.context import Context, quote
from handoff_lint.rules.playbook.wording import is_explicit_none, is_vague_none


@lru_cache(maxsize=8)
def none_lists(schema_path: str | None) -> tuple[tuple[str, str], ...]:
    """(pointer, title) of every list the schema says may be 'None': found by the schema's own words,
    so a list added later with the same wording is checked too."""
    found: list[tuple[str, str]] = []

    def walk(node: Schema, pointer: str) -> None:
        for key, child in properties(node).items():
            if key == FRONT_MATTER:
                continue
            if kind(child) == "list" and "'None'" in str(child.get("description", "")):
                found.append((f"{pointer}/{key}", title_of(child, key)))
            elif kind(child) == "group":
                walk(child, f"{pointer}/{key}")

    walk(load_schema(schema_path), "")
    return tuple(found)


def none_or_entries(context: Context) -> Iterator[Diagnostic]:
    """HO613: 'None' stands alone, and is written as 'None' rather than 'N/A' or '-'."""
    for pointer, title in none_lists(context.config.schema_path):
        items = context.items(pointer)
        nones = [(p, text) for p, text in items if is_explicit_none(text)]
        if nones and len(nones) < len(items):
            yield context.finding(
                "HO613", context.where(nones[0][0]),
                f"{title} says 'None' and also lists {len(items) - len(nones)} "
                f"entr{'y' if len(items) - len(nones) == 1 else 'ies'}: which is true?",
                "Delete the 'None' bullet if there are entries; keep only '- None' if there are none.",
            )
        for item_pointer, text in items:
            if is_vague_none(text):
                yield context.finding(
                    "HO613", context.where(item_pointer),
                    f"{title}: '{quote(text)}' is not an explicit 'None'",
                    "Write '- None' if there is nothing to record; otherwise write each entry in full.",
                )
