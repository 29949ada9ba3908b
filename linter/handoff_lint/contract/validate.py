"""Schema errors to diagnostics: plain-English messages by title, at the line where the fix goes.

Messages come from the schema's own annotations (titles, descriptions, the titles of `contains`
subschemas), so a field added to the schema is reported as well as the ones there today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from handoff_lint.codes import diagnostic
from handoff_lint.contract import hints
from handoff_lint.contract.extract import Extraction, Unplaced, iter_pointer_parents
from handoff_lint.contract.formats import DEFAULT_PHONE_REGION
from handoff_lint.contract.hints import Where
from handoff_lint.contract.schema import Schema, kind, properties, title_of
from handoff_lint.contract.titles import closest, known_choice, normalise
from handoff_lint.diagnostics import Diagnostic, Edit, Fix
from handoff_lint.domain.dates import EARLIEST_DATE, LATEST_DATE, parse_iso_date
from handoff_lint.domain.records import FRONT_MATTER

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

_BLANK_KEYWORDS = ("minLength", "format", "pattern", "enum", "type")
_FORMAT_CODES = {"date": "HO402", "email": "HO403", "phone": "HO404", "money": "HO407"}
_FORMAT_NAMES = {"date": "date", "email": "e-mail address", "phone": "phone number",
                 "money": "amount of money"}
# How close a near-miss must be for renaming it to be a safe fix; closer than closest()'s own
# cutoff (0.75) by the margin of one changed letter in a short title.
_SAFE_RATIO = 0.8


def _schema(error: ValidationError) -> Schema:
    return error.schema if isinstance(error.schema, Mapping) else {}


def _value(error: ValidationError) -> Any:
    return error.validator_value


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
    def __init__(self, path: str, schema: Schema, extraction: Extraction,
                 phone_region: str = DEFAULT_PHONE_REGION, placeholder_words: tuple[str, ...] = ()) -> None:
        self.path = path
        self.placeholder_words = placeholder_words
        self.phone_region = phone_region
        self.schema = schema
        self.extraction = extraction
        self.diagnostics: list[Diagnostic] = []
        self.used_unplaced: set[Unplaced] = set()
        self.reported_columns: set[tuple[str, str]] = set()
        self.suggested_choices: dict[str, set[str]] = {}

    def add(self, code: str, where: Where, message: str, hint: str = "", fix: Fix | None = None) -> None:
        self.diagnostics.append(diagnostic(self.path, where.line, where.column, code, message, hint, fix))

    def rename(self, where: Where, old: str, new: str, what: str, certain: bool = False) -> Fix:
        """The fix that writes a near-miss as the exact title or choice it was meant to be. Safe
        when the meaning is certain (a synonym) or the spelling all but the same; otherwise (e.g.
        'Headcount' for 'Headcount (org-wide)', when there is also one in scope) unsafe."""
        import difflib  # only a doc with a near miss needs it

        ratio = difflib.SequenceMatcher(None, normalise(old), normalise(new)).ratio()
        return Fix(f"Rename {what} '{old}' to '{new}'", (Edit(where.line, where.column, old, new),),
                   certain or ratio >= _SAFE_RATIO)

    def optional(self, parts: list[str]) -> str:
        """'' for a required item; otherwise what the writer may delete when it does not apply:
        'it' (an optional item) or 'the row' (a row no required entry asks for)."""
        if not parts:
            return ""
        if parts[-1] not in self.subschema_at(parts[:-1]).get("required", [parts[-1]]):
            return "it"
        if len(parts) >= 2 and parts[-2].isdigit():
            table = self.subschema_at(parts[:-2])
            wanted = {normalise(str(entry.get("title", ""))) for entry in table.get("allOf", [])
                      if isinstance(entry, dict) and "contains" in entry}
            row = self.value_at(parts[:-1])
            cells = row.values() if isinstance(row, dict) else []
            if wanted and not any(isinstance(c, str) and normalise(c) in wanted for c in cells):
                return "the row"
        return ""

    def value_at(self, parts: list[str]) -> object:
        value: object = self.extraction.instance
        for part in parts:
            if isinstance(value, list) and part.isdigit() and int(part) < len(value):
                value = value[int(part)]
            elif isinstance(value, dict):
                value = value.get(part)
            else:
                return None
        return value

    def fill_in(self, parts: list[str], hint: str) -> str:
        """A hint to fill in a blank; for an optional item, also that it may be deleted instead."""
        deletable = self.optional(parts)
        if not deletable:
            return hint
        return f"{hint.rstrip('.').rstrip()}, or delete {deletable} if it does not apply."

    def where(self, pointer: str) -> Where:
        return Where(*self.extraction.position(pointer))

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
                     self.fill_in(parts, f"Fill it in: "
                                  f"{_schema(error).get('description', 'see the handoff format')}"))
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
            self.bad_format(error, parts)
        elif keyword in ("minimum", "maximum") or (
            keyword == "type" and _value(error) in ("integer", "number")
        ):
            self.add("HO406", self.where(pointer),
                     f"{self.describe(parts)}: '{hints.shorten(error.instance)}' is not a whole number of at "
                     f"least {_schema(error).get('minimum', 0)}",
                     hints.number_hint(error.instance, _schema(error).get("minimum", 0)))
        elif keyword == "minLength":
            self.add("HO408", self.where(pointer), f"{self.describe(parts)} is empty",
                     self.fill_in(parts, str(_schema(error).get("description", ""))))
        elif keyword == "maxLength":
            # A name or other one-line value has a bound: one unbroken 3,000-letter name would widen
            # every table it is shown in, for every client.
            self.add("HO405", self.where(pointer),
                     f"{self.describe(parts)}: '{hints.shorten(error.instance)}' is longer than the "
                     f"{_value(error):,} characters this value can have",
                     f"Shorten it to at most {_value(error):,} characters: "
                     f"{_schema(error).get('description', 'write the value only')}")
        elif parts and parts[-1] in hints.FORM_HINTS and isinstance(error.instance, str):
            message, hint, fix = hints.FORM_HINTS[parts[-1]](error.instance, self.where(pointer))
            self.add("HO405", self.where(pointer), f"{self.describe(parts)}: {message}", hint, fix)
        else:
            self.add("HO405", self.where(pointer),
                     f"{self.describe(parts)}: '{hints.shorten(error.instance)}' is not in the expected form",
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
                self.add("HO304", Where(near.line, near.column),
                         f"{self.describe(parts)}: '{near.text}' is not a known {near.what}; "
                         f"did you mean '{title}'?",
                         f"Rename it to '{title}'.",
                         self.rename(Where(near.line, near.column), near.text, title, f"the {near.what}"))
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
                     f"{self.describe(parts)}: '{title}' is empty",
                     self.fill_in([*parts, key], "Fill in the cell."))
            return
        if (table, key) in self.reported_columns:
            return
        self.reported_columns.add((table, key))
        near = self.near_miss(table, title)
        if near:
            self.add("HO304", Where(near.line, near.column),
                     f"{self.describe(parts[:-1])}: column '{near.text}' is not a known column; "
                     f"did you mean '{title}'?", f"Rename the column to '{title}'.",
                     self.rename(Where(near.line, near.column), near.text, title, "the column"))
        else:
            line, column = self.extraction.table_headers.get(table, (self.where(table).line, 1))
            self.add("HO304", Where(line, column),
                     f"{self.describe(parts[:-1])}: the table has no '{title}' column",
                     f"Add a '{title}' column to the table's header and a cell to every row.")

    def no_sections(self, keys: list[str], fields: dict[str, Schema]) -> None:
        """A body without a single heading: one finding, not one per section (front matter only)."""
        titles = [title_of(fields.get(key, {}), key) for key in keys]
        if titles:
            self.add("HO301", Where(self.extraction.last_line, 1),
                     f"the doc has no sections: all {len(titles)}, from '{titles[0]}' to "
                     f"'{titles[-1]}', are missing",
                     f"Add the sections after the front matter, each under its '## ' heading, starting "
                     f"with '## {titles[0]}'; `handoff new` writes the whole layout.")

    def missing_section(self, key: str, title: str, near: Unplaced | None) -> None:
        if near:
            self.add("HO301", Where(near.line, near.column),
                     f"missing section '{title}': the heading '{near.text}' looks like it",
                     f"Rename the heading to '## {title}'.",
                     self.rename(Where(near.line, near.column), near.text, title, "the heading"))
            return
        self.add("HO301", self.insertion_point(key), f"missing section '{title}'",
                 f"Add '## {title}' here. {self.subschema_at([key]).get('description', '')}".strip())

    def insertion_point(self, key: str) -> Where:
        """The heading the missing section belongs before, or the end of the doc."""
        order = [k for k in properties(self.schema) if k != FRONT_MATTER]
        for later in order[order.index(key) + 1:]:
            if f"/{later}" in self.extraction.source_map:
                return self.where(f"/{later}")
        return Where(self.extraction.last_line, 1)

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
        self.add("HO307", Where(line, column), f"{self.describe(parts)}: no row for '{title}'",
                 f"Add a row for '{title}'.")

    def bad_format(self, error: ValidationError, parts: list[str]) -> None:
        """A value not in its format, with a hint about what was actually written and, where its
        meaning is certain, the fix."""
        name = str(_value(error))
        written = str(error.instance)
        where = self.where(_pointer(parts))
        if name == "date" and parse_iso_date(written):
            self.add("HO402", where,
                     f"{self.describe(parts)}: {written} is outside the years "
                     f"{EARLIEST_DATE.year} to {LATEST_DATE.year} that a handoff's dates fall in",
                     "Check the year: write the real date as YYYY-MM-DD, e.g. 2026-11-24.")
            return
        hint, fix = self.format_hint(name, written, where)
        if not hint:
            hint = str(_schema(error).get("description", ""))
        noun = _FORMAT_NAMES.get(name, name)
        self.add(_FORMAT_CODES.get(name, "HO405"), where,
                 f"{self.describe(parts)}: '{hints.shorten(written)}' is not a valid {noun}", hint, fix)

    def format_hint(self, name: str, written: str, where: Where) -> tuple[str, Fix | None]:
        if hints.stands_in(written, self.placeholder_words):
            noun = _FORMAT_NAMES.get(name, name)
            article = "an" if noun[:1] in "aeiou" else "a"
            return (f"'{written}' stands in for {article} {noun} not known yet: find "
                    "it out and write it here before the handoff; Delivery cannot act on a gap.", None)
        if name == "date":
            return hints.date_hint(written, where)
        if name == "money":
            return hints.money_hint(written, where)
        if name == "email":
            return hints.email_hint(written), None
        if name == "phone":
            return hints.phone_hint(written, self.phone_region), None
        return "", None

    def choice(self, error: ValidationError, parts: list[str]) -> None:
        choices = _value(error) if isinstance(_value(error), list) else [_value(error)]
        names = [str(c) for c in choices]
        known = known_choice(str(error.instance), names)
        suggestion = known or closest(str(error.instance), names)
        if suggestion and len(parts) >= 2:
            table = _pointer(parts[:-2]) if parts[-2].isdigit() else _pointer(parts[:-1])
            self.suggested_choices.setdefault(table, set()).add(suggestion)
        hint = f"Did you mean '{suggestion}'?" if suggestion else "Use one of: " + ", ".join(names) + "."
        where = self.where(_pointer(parts))
        fix = (self.rename(where, str(error.instance), suggestion, "the value", known is not None)
               if suggestion and isinstance(error.instance, str) and error.instance.strip() else None)
        self.add("HO401", where,
                 f"{self.describe(parts)}: '{error.instance}' is not one of: {', '.join(names)}", hint, fix)

    def leftover_unplaced(self) -> None:
        for pointer, items in self.extraction.unplaced.items():
            for item in items:
                if item in self.used_unplaced:
                    continue
                if item.what == "section":
                    titles = [title_of(s, k) for k, s in properties(self.schema).items() if k != FRONT_MATTER]
                    suggestion = closest(item.text, titles)
                    where = Where(item.line, item.column)
                    self.add("HO303", where,
                             f"heading '{item.text}' is not a section of the handoff format",
                             f"Did you mean '{suggestion}'?" if suggestion
                             else "Use the section headings from the format, or remove it.",
                             self.rename(where, item.text, suggestion, "the heading") if suggestion else None)
                    continue
                owner = self.subschema_at([p for p in pointer.split("/") if p])
                if item.what == "column":
                    owner = owner.get("items", {})
                options = [title_of(s, k) for k, s in properties(owner).items()]
                suggestion = closest(item.text, options)
                place = self.describe([p for p in pointer.split("/") if p])
                where = Where(item.line, item.column)
                self.add("HO305", where,
                         f"{place}: '{item.text}' is not a known {item.what}",
                         f"Did you mean '{suggestion}'?" if suggestion
                         else "Known: " + ", ".join(options) + ".",
                         self.rename(where, item.text, suggestion, f"the {item.what}")
                         if suggestion else None)


def check(path: str, extraction: Extraction, schema: Schema,
          validator: Draft202012Validator | None,
          phone_region: str = DEFAULT_PHONE_REGION,
          placeholder_words: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Schema errors and unplaced items as diagnostics; validator None: the instance is known valid."""
    reporter = _Reporter(path, schema, extraction, phone_region, placeholder_words)
    errors = [] if validator is None else sorted(
        validator.iter_errors(extraction.instance),
        key=lambda e: (e.validator != "enum", list(map(str, e.absolute_path))))
    for error in errors:
        reporter.report(error)
    reporter.leftover_unplaced()
    return reporter.diagnostics
