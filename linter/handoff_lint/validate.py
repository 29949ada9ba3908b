"""Schema errors to diagnostics: plain-English messages by title, at the line where the fix goes.

Messages come from the schema's own annotations (titles, descriptions, the titles of `contains`
subschemas), so a field added to the schema is reported as well as the ones there today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from handoff_lint.codes import diagnostic
from handoff_lint.diagnostics import Diagnostic
from handoff_lint.extract import FRONT_MATTER, Extraction, Unplaced, iter_pointer_parents
from handoff_lint.schema import (
    EARLIEST_DATE,
    LATEST_DATE,
    Schema,
    closest,
    kind,
    parse_iso_date,
    properties,
    title_of,
)

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

_BLANK_KEYWORDS = ("minLength", "format", "pattern", "enum", "type")
_FORMAT_CODES = {"date": "HO402", "email": "HO403", "phone": "HO404", "money": "HO407"}
_FORMAT_HINTS = {
    "date": "Write the date as YYYY-MM-DD, e.g. 2026-11-24, and check the day exists.",
    "email": "Write the full address, e.g. jane.doe@example.co.uk.",
    "phone": "Write the full number: 020 7946 0000 for the UK, or +353 1 555 0100 with a country code.",
    "money": "Write the amount with its currency: £48,000 or £48,000.00 (or GBP 48,000).",
}


@dataclass(frozen=True)
class _Where:
    line: int
    column: int


def _schema(error: ValidationError) -> Schema:
    return error.schema if isinstance(error.schema, Mapping) else {}


def _value(error: ValidationError) -> Any:
    return error.validator_value


def shorten(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: a 4,000-digit number is shown by its start and its length."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}… ({len(text):,} characters)"


def _pointer(parts: Iterable[object]) -> str:
    return "".join(f"/{part}" for part in parts)


def describe(schema: Schema, instance: object, parts: list[str]) -> str:
    """How a message names a value: "Section B — People, row 'Exec sponsor', Email" or
    "front matter 'trigger.sow_signed'". A row is named by its first cell that is filled in."""
    if not parts:
        return "the doc"
    if parts[0] == FRONT_MATTER:
        return "front matter" + (f" '{'.'.join(parts[1:])}'" if parts[1:] else "")
    names: list[str] = []
    node: Schema = schema
    value = instance
    for part in parts:
        if part.isdigit() and node.get("type") == "array":
            node = node.get("items", {})
            value = value[int(part)] if isinstance(value, list) and int(part) < len(value) else None
            cells = value.values() if isinstance(value, dict) else ()
            first = next((cell for cell in cells if isinstance(cell, str) and cell.strip()), None)
            names.append(f"row '{first}'" if first else f"item {int(part) + 1}")
        else:
            names.append(title_of(properties(node).get(part, {}), part))
            node = properties(node).get(part, {})
            value = value.get(part) if isinstance(value, dict) else None
    return ", ".join(names)


class _Reporter:
    def __init__(self, path: str, schema: Schema, extraction: Extraction) -> None:
        self.path = path
        self.schema = schema
        self.extraction = extraction
        self.diagnostics: list[Diagnostic] = []
        self.used_unplaced: set[Unplaced] = set()
        self.reported_columns: set[tuple[str, str]] = set()
        self.suggested_choices: dict[str, set[str]] = {}

    def add(self, code: str, where: _Where, message: str, hint: str = "") -> None:
        self.diagnostics.append(diagnostic(self.path, where.line, where.column, code, message, hint))

    def where(self, pointer: str) -> _Where:
        return _Where(*self.extraction.position(pointer))

    # Names for humans ---------------------------------------------------------------------------

    def subschema_at(self, parts: list[str]) -> Schema:
        node: Schema = self.schema
        for part in parts:
            if part.isdigit() and node.get("type") == "array":
                node = node.get("items", {})
            else:
                node = properties(node).get(part, {})
        return node

    def describe(self, parts: list[str]) -> str:
        return describe(self.schema, self.extraction.instance, parts)

    # Errors -------------------------------------------------------------------------------------

    def report(self, error: ValidationError) -> None:
        parts = [str(p) for p in error.absolute_path]
        pointer = _pointer(parts)
        keyword = str(error.validator)
        if any(parent in self.extraction.incomplete_rows for parent in iter_pointer_parents(pointer)):
            return  # the row's missing cells are already reported, once
        if keyword == "required":
            self.missing(error, parts)
        # A blank (an empty cell, `key:` with no value) is "empty" whatever type was expected.
        elif error.instance in ("", None) and keyword in _BLANK_KEYWORDS:
            self.add("HO408", self.where(pointer), f"{self.describe(parts)} is empty",
                     f"Fill it in: {_schema(error).get('description', 'see the handoff format')}")
        elif keyword == "contains":
            self.contains(error, parts)
        elif keyword == "minItems":
            noun = "row" if kind(_schema(error)) == "table" else "item"
            self.add("HO308", self.where(pointer),
                     f"{self.describe(parts)} needs at least {_value(error)} {noun}",
                     str(_schema(error).get("description", "")))
        elif keyword in ("enum", "const"):
            self.choice(error, parts)
        elif keyword == "format":
            name = str(_value(error))
            if name == "date" and isinstance(error.instance, str) and parse_iso_date(error.instance):
                self.add("HO402", self.where(pointer),
                         f"{self.describe(parts)}: {error.instance} is outside the years "
                         f"{EARLIEST_DATE.year} to {LATEST_DATE.year} that a handoff's dates fall in",
                         "Check the year: write the real date as YYYY-MM-DD, e.g. 2026-11-24.")
                return
            self.add(_FORMAT_CODES.get(name, "HO405"), self.where(pointer),
                     f"{self.describe(parts)}: '{shorten(error.instance)}' is not a valid {name}",
                     _FORMAT_HINTS.get(name, str(_schema(error).get("description", ""))))
        elif keyword in ("minimum", "maximum") or (
            keyword == "type" and _value(error) in ("integer", "number")
        ):
            self.add("HO406", self.where(pointer),
                     f"{self.describe(parts)}: '{shorten(error.instance)}' is not a whole number of at least "
                     f"{_schema(error).get('minimum', 0)}",
                     "Write the number only, with no words: e.g. 1,200 or 1200.")
        elif keyword == "minLength":
            self.add("HO408", self.where(pointer), f"{self.describe(parts)} is empty",
                     str(_schema(error).get("description", "")))
        else:
            self.add("HO405", self.where(pointer),
                     f"{self.describe(parts)}: '{error.instance}' is not in the expected form",
                     str(_schema(error).get("description", error.message)))

    def missing(self, error: ValidationError, parts: list[str]) -> None:
        instance = error.instance if isinstance(error.instance, dict) else {}
        fields = properties(_schema(error))
        if not parts and not self.extraction.unplaced.get("") and not set(instance) - {FRONT_MATTER}:
            self.no_sections([k for k in _value(error) if k != FRONT_MATTER], fields)
            return
        for key in _value(error):
            if key in instance:
                continue
            if key == FRONT_MATTER:
                continue  # no front matter is its own diagnostic (HO201/HO202/HO203)
            title = title_of(fields.get(key, {}), key)
            if len(parts) >= 2 and parts[-1].isdigit():
                self.missing_column(parts, key, title)
                continue
            pointer = _pointer(parts)
            near = self.near_miss(pointer, title)
            if not parts:
                self.missing_section(key, title, near)
            elif near:
                self.add("HO304", _Where(near.line, near.column),
                         f"{self.describe(parts)}: '{near.text}' is not a known {near.what}; "
                         f"did you mean '{title}'?",
                         f"Rename it to '{title}'.")
            elif parts[0] == FRONT_MATTER:
                self.add("HO304", self.where(pointer), f"{self.describe(parts)}: missing key '{key}'",
                         f"Add '{key}: ...' ({fields.get(key, {}).get('description', '')}).")
            else:
                self.add("HO304", self.where(pointer), f"{self.describe(parts)}: missing '{title}'",
                         self.how_to_write(fields.get(key, {}), title))

    def how_to_write(self, subschema: Schema, title: str) -> str:
        description = str(subschema.get("description", ""))
        value_kind = kind(subschema)
        if value_kind == "table":
            return f"Add a '### {title}' heading with a table below it. {description}".strip()
        if value_kind == "list":
            return f"Add '- **{title}:**' with one nested bullet per entry. {description}".strip()
        return f"Add '- **{title}:** ...' to the section. {description}".strip()

    def missing_column(self, parts: list[str], key: str, title: str) -> None:
        table = _pointer(parts[:-1])
        if key in self.extraction.columns.get(table, {key}):
            self.add("HO408", self.where(_pointer(parts)),
                     f"{self.describe(parts)}: '{title}' is empty", "Fill in the cell.")
            return
        if (table, key) in self.reported_columns:
            return
        self.reported_columns.add((table, key))
        near = self.near_miss(table, title)
        if near:
            self.add("HO304", _Where(near.line, near.column),
                     f"{self.describe(parts[:-1])}: column '{near.text}' is not a known column; "
                     f"did you mean '{title}'?", f"Rename the column to '{title}'.")
        else:
            line, column = self.extraction.table_headers.get(table, (self.where(table).line, 1))
            self.add("HO304", _Where(line, column),
                     f"{self.describe(parts[:-1])}: the table has no '{title}' column",
                     f"Add a '{title}' column to the table's header and a cell to every row.")

    def no_sections(self, keys: list[str], fields: dict[str, Schema]) -> None:
        """A body without a single heading: one finding, not one per section (front matter only)."""
        titles = [title_of(fields.get(key, {}), key) for key in keys]
        if titles:
            self.add("HO301", _Where(self.extraction.last_line, 1),
                     f"the doc has no sections: all {len(titles)}, from '{titles[0]}' to "
                     f"'{titles[-1]}', are missing",
                     f"Add the sections after the front matter, each under its '## ' heading, starting "
                     f"with '## {titles[0]}'; `handoff new` writes the whole layout.")

    def missing_section(self, key: str, title: str, near: Unplaced | None) -> None:
        if near:
            self.add("HO301", _Where(near.line, near.column),
                     f"missing section '{title}': the heading '{near.text}' looks like it",
                     f"Rename the heading to '## {title}'.")
            return
        self.add("HO301", self.insertion_point(key), f"missing section '{title}'",
                 f"Add '## {title}' here. {self.subschema_at([key]).get('description', '')}".strip())

    def insertion_point(self, key: str) -> _Where:
        """The heading the missing section belongs before, or the end of the doc."""
        order = [k for k in properties(self.schema) if k != FRONT_MATTER]
        for later in order[order.index(key) + 1:]:
            if f"/{later}" in self.extraction.source_map:
                return self.where(f"/{later}")
        return _Where(self.extraction.last_line, 1)

    def near_miss(self, pointer: str, title: str) -> Unplaced | None:
        candidates = [u for u in self.extraction.unplaced.get(pointer, []) if u not in self.used_unplaced]
        for candidate in candidates:
            # Only missing items are candidates here, so a looser match is still a safe suggestion.
            if closest(candidate.text, [title], cutoff=0.6):
                self.used_unplaced.add(candidate)
                return candidate
        return None

    def contains(self, error: ValidationError, parts: list[str]) -> None:
        title = str(_schema(error).get("title", "a required entry"))
        table = _pointer(parts)
        if title in self.suggested_choices.get(table, set()):
            return  # a misspelt entry already suggests this one
        line, column = self.extraction.table_headers.get(table, (self.where(table).line, 1))
        self.add("HO307", _Where(line, column), f"{self.describe(parts)}: no row for '{title}'",
                 f"Add a row for '{title}'.")

    def choice(self, error: ValidationError, parts: list[str]) -> None:
        choices = _value(error) if isinstance(_value(error), list) else [_value(error)]
        names = [str(c) for c in choices]
        suggestion = closest(str(error.instance), names)
        if suggestion and len(parts) >= 2:
            table = _pointer(parts[:-2]) if parts[-2].isdigit() else _pointer(parts[:-1])
            self.suggested_choices.setdefault(table, set()).add(suggestion)
        hint = f"Did you mean '{suggestion}'?" if suggestion else "Use one of: " + ", ".join(names) + "."
        self.add("HO401", self.where(_pointer(parts)),
                 f"{self.describe(parts)}: '{error.instance}' is not one of: {', '.join(names)}", hint)

    def leftover_unplaced(self) -> None:
        for pointer, items in self.extraction.unplaced.items():
            for item in items:
                if item in self.used_unplaced:
                    continue
                if item.what == "section":
                    titles = [title_of(s, k) for k, s in properties(self.schema).items() if k != FRONT_MATTER]
                    suggestion = closest(item.text, titles)
                    self.add("HO303", _Where(item.line, item.column),
                             f"heading '{item.text}' is not a section of the handoff format",
                             f"Did you mean '{suggestion}'?" if suggestion
                             else "Use the section headings from the format, or remove it.")
                    continue
                owner = self.subschema_at([p for p in pointer.split("/") if p])
                if item.what == "column":
                    owner = owner.get("items", {})
                options = [title_of(s, k) for k, s in properties(owner).items()]
                suggestion = closest(item.text, options)
                place = self.describe([p for p in pointer.split("/") if p])
                self.add("HO305", _Where(item.line, item.column),
                         f"{place}: '{item.text}' is not a known {item.what}",
                         f"Did you mean '{suggestion}'?" if suggestion
                         else "Known: " + ", ".join(options) + ".")


def check(path: str, extraction: Extraction, schema: Schema,
          validator: Draft202012Validator | None) -> list[Diagnostic]:
    """Schema errors and unplaced items as diagnostics; validator None: the instance is known valid."""
    reporter = _Reporter(path, schema, extraction)
    errors = [] if validator is None else sorted(
        validator.iter_errors(extraction.instance),
        key=lambda e: (e.validator != "enum", list(map(str, e.absolute_path))))
    for error in errors:
        reporter.report(error)
    reporter.leftover_unplaced()
    return reporter.diagnostics
